package fr.relais.journal;

import fr.relais.site.Site;
import fr.relais.site.SiteRepository;
import fr.relais.staff.Staff;
import fr.relais.staff.StaffRepository;
import fr.relais.testing.OnBothDatabases;
import fr.relais.testing.TestClient;
import fr.relais.web.NuHtmlChecker;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The journal pages as each role sees them: directors their site's entries only, administrators every entry and the
 * check (page and JSON), helpers and coordination nothing.
 */
@MicronautTest(environments = "demo", transactional = false)
class JournalControllerTest extends OnBothDatabases {
    @Inject
    EmbeddedServer server;
    @Inject
    Journal journal;
    @Inject
    JournalFixtures fixtures;
    @Inject
    SiteRepository siteRepository;
    @Inject
    StaffRepository staffRepository;
    @Inject
    TransactionOperations<Connection> transactions;
    @Inject
    JsonMapper json;

    private Site centre;
    private Site nord;
    private Staff sami;
    private TestClient director;
    private TestClient admin;

    @BeforeAll
    void signIn() {
        centre = siteRepository.findBySlug("mediatheque-centre").orElseThrow();
        nord = siteRepository.findBySlug("bibliotheque-nord").orElseThrow();
        sami = staffRepository.findByEmail("aidant.centre@relais.demo").orElseThrow();
        director = TestClient.of(server).loginDemo("direction.centre@relais.demo");
        admin = TestClient.of(server).loginDemo("admin@relais.demo");
    }

    @AfterAll
    void signOut() {
        director.close();
        admin.close();
    }

    private JournalFixtures.Written writeForBothSites() {
        return fixtures.writeForBothSitesAndTheNetwork(JournalAction.MANDATE_DRAFTED, "brouillon");
    }

    /** The table's rows, each as its cells' texts. */
    private static List<List<String>> rows(TestClient.Answer answer) {
        return answer.html().select("table tbody tr").stream()
                .map(tr -> tr.select("td").stream().map(Element::text).toList()).toList();
    }

    private static boolean shows(TestClient.Answer answer, JournalEntry entry) {
        return rows(answer).stream().anyMatch(r -> r.contains(entry.objectRef()));
    }

    @Test
    void aDirectorReadsTheirSitesEntriesOnly() {
        JournalFixtures.Written w = writeForBothSites();
        TestClient.Answer page = director.get("/gestion/journal");
        assertEquals(200, page.status());
        assertEquals("Journal des actions sensibles", page.h1());
        assertTrue(shows(page, w.centre()));
        assertFalse(shows(page, w.nord()), "another site's entry");
        assertFalse(shows(page, w.network()), "a network-wide entry");

        List<String> row = rows(page).stream().filter(r -> r.contains(w.centre().objectRef())).findFirst().orElseThrow();
        // The day and time in words, as every page says them: « mardi 24 novembre 2026 à 14 h 05 ».
        ZonedDateTime at = w.centre().recordedAt().atZone(ZoneId.of("Europe/Paris"));
        String time = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRENCH).format(at) + " à "
                + at.getHour() + " h " + DateTimeFormatter.ofPattern("mm").format(at);
        assertEquals(List.of(String.valueOf(w.centre().seq()), time, "Sami", "Médiathèque du Centre", "Mandat préparé",
                w.centre().objectRef(), "brouillon"), row);
        assertTrue(page.html().select("a[href=/gestion/journal/verification]").isEmpty(), "no check for directors");

        assertTrue(shows(director.get("/gestion/journal?site=" + centre.id()), w.centre()));
        assertTrue(shows(director.get("/gestion/journal?action=MANDATE_DRAFTED&site="), w.centre()));
        assertFalse(shows(director.get("/gestion/journal?action=MANDATE_REVOKED"), w.nord()));
    }

    @Test
    void aDirectorAskingForAnotherSiteGetsTheSameAnswerAsForASiteThatDoesNotExist() {
        writeForBothSites();
        TestClient.Answer other = director.get("/gestion/journal?site=" + nord.id());
        TestClient.Answer unknown = director.get("/gestion/journal?site=999999");
        assertEquals(404, other.status());
        assertEquals(404, unknown.status());
        assertEquals("Page introuvable", other.h1());
        assertEquals(unknown.html().selectFirst("main").text(), other.html().selectFirst("main").text());
        for (String edited : List.of("?site=abc", "?action=NOPE", "?page=-x", "?site=99999999999999999999")) {
            assertEquals(404, director.get("/gestion/journal" + edited).status(), edited);
        }
    }

    @Test
    void anAdministratorReadsEveryEntryAndFilters() {
        JournalFixtures.Written w = writeForBothSites();
        TestClient.Answer all = admin.get("/gestion/journal");
        assertEquals(200, all.status());
        assertTrue(shows(all, w.centre()) && shows(all, w.nord()) && shows(all, w.network()));
        List<String> network = rows(all).stream().filter(r -> r.contains(w.network().objectRef())).findFirst().orElseThrow();
        assertEquals("Relais (automatique)", network.get(2));
        assertEquals("Tout le réseau", network.get(3));
        assertEquals("Effacement des données anciennes", network.get(4));
        // Newest first.
        assertEquals(String.valueOf(w.network().seq()), rows(all).get(0).get(0));

        TestClient.Answer ofNord = admin.get("/gestion/journal?site=" + nord.id());
        assertTrue(shows(ofNord, w.nord()));
        assertFalse(shows(ofNord, w.centre()) || shows(ofNord, w.network()));
        assertEquals(String.valueOf(nord.id()), ofNord.html().selectFirst("#f-site option[selected]").attr("value"));
        TestClient.Answer purges = admin.get("/gestion/journal?action=PURGE");
        assertTrue(shows(purges, w.network()));
        assertFalse(shows(purges, w.centre()) || shows(purges, w.nord()));
        assertTrue(rows(purges).stream().allMatch(r -> r.get(4).equals("Effacement des données anciennes")));
        assertEquals(404, admin.get("/gestion/journal?site=999999").status());
    }

    @Test
    void longJournalsArePaged() {
        String ref = "mandat:page-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < JournalController.PAGE_SIZE + 5; i++) {
            journal.record(JournalAction.MANDATE_PRINTED, sami.id(), centre.id(), ref, "impression " + i);
        }
        TestClient.Answer first = admin.get("/gestion/journal?action=MANDATE_PRINTED");
        assertEquals(JournalController.PAGE_SIZE, rows(first).size());
        Element older = first.html().selectFirst("nav a:contains(Entrées plus anciennes)");
        assertTrue(older != null, first.body());
        assertEquals("/gestion/journal?page=2&action=MANDATE_PRINTED", older.attr("href"));
        TestClient.Answer second = admin.get(older.attr("href"));
        assertEquals(200, second.status());
        assertTrue(rows(second).size() >= 5);
        assertTrue(second.html().select("nav a:contains(Entrées plus récentes)").size() == 1);
        TestClient.Answer pastTheEnd = admin.get("/gestion/journal?page=999999999&action=MANDATE_PRINTED");
        assertEquals(200, pastTheEnd.status(), "past the end: an empty page, not an error");
        assertTrue(rows(pastTheEnd).isEmpty());
        assertEquals("/gestion/journal?page=2&action=MANDATE_PRINTED",
                pastTheEnd.html().selectFirst("nav a:contains(Entrées plus récentes)").attr("href"), "back to the last page");
    }

    @Test
    void helpersAndCoordinationHaveNoAccessAndVisitorsAreAskedToSignIn() {
        for (String email : List.of("aidant.centre@relais.demo", "aidant.nord@relais.demo", "coordination@relais.demo")) {
            try (TestClient browser = TestClient.of(server).loginDemo(email)) {
                for (String path : List.of("/gestion/journal", "/gestion/journal/verification", "/gestion/journal/verification.json")) {
                    TestClient.Answer answer = browser.get(path);
                    assertEquals(403, answer.status(), email + " " + path);
                    assertEquals("Accès refusé", answer.h1());
                }
            }
        }
        for (String path : List.of("/gestion/journal/verification", "/gestion/journal/verification.json")) {
            assertEquals(403, director.get(path).status(), "the check is for administrators: " + path);
        }
        try (TestClient visitor = TestClient.of(server)) {
            TestClient.Answer answer = visitor.get("/gestion/journal/verification.json");
            assertEquals(303, answer.status());
            assertEquals("/connexion?retour=%2Fgestion%2Fjournal%2Fverification.json", answer.location());
        }
    }

    @Test
    void theCheckShowsAnIntactChainThenTheEntryChangedBehindTheApplicationsBack() throws IOException, SQLException {
        JournalFixtures.Written w = writeForBothSites();
        TestClient.Answer intact = admin.get("/gestion/journal/verification");
        assertEquals(200, intact.status());
        assertEquals("Vérification du journal", intact.h1());
        assertEquals("Chaîne intacte : " + w.network().seq() + " entrées vérifiées.", text(intact, "#journal-check-result"));
        assertTrue(intact.body().contains(w.network().entryHash()), "the last hash, to note elsewhere");
        Map<String, Object> ok = json(admin.get("/gestion/journal/verification.json"), 200);
        assertEquals(Map.of("intact", true, "checked", w.network().seq(), "lastHash", w.network().entryHash()),
                withoutNulls(ok));
        assertTrue(ok.containsKey("firstBrokenSeq") && ok.get("firstBrokenSeq") == null);
        assertTrue(ok.containsKey("problem") && ok.get("problem") == null);

        long k = w.nord().seq();
        setDetails(k, "motif changé");
        try {
            TestClient.Answer broken = admin.get("/gestion/journal/verification");
            assertEquals(200, broken.status());
            assertEquals("Maillon rompu à l’entrée n° " + k
                    + " : le contenu de cette entrée a été modifié après son enregistrement.", text(broken, "#journal-check-result"));
            assertNoHtmlError(broken);
            TestClient.Answer answer = admin.get("/gestion/journal/verification.json");
            Map<String, Object> report = json(answer, 409);
            assertEquals(false, report.get("intact"));
            assertEquals(k - 1, ((Number) report.get("checked")).longValue());
            assertEquals(k, ((Number) report.get("firstBrokenSeq")).longValue());
            assertEquals("HASH", report.get("problem"));
        } finally {
            setDetails(k, w.nord().details());
        }
        assertEquals(true, json(admin.get("/gestion/journal/verification.json"), 200).get("intact"));
    }

    @Test
    void thePagesAreValidHtmlWithEntriesInThem() {
        writeForBothSites();
        for (TestClient.Answer page : List.of(director.get("/gestion/journal"), admin.get("/gestion/journal"),
                admin.get("/gestion/journal/verification"))) {
            assertEquals(200, page.status());
            assertNoHtmlError(page);
            assertFalse(page.body().contains("??"), "a missing message key");
            assertEquals(1, page.html().select("h1").size());
        }
        TestClient.Answer list = admin.get("/gestion/journal");
        assertFalse(list.html().select("table tbody tr").isEmpty());
        // Every action has its label in both languages.
        try (TestClient english = TestClient.of(server)) {
            english.get("/langue/en?retour=/");
            english.loginDemo("admin@relais.demo");
            TestClient.Answer page = english.get("/gestion/journal");
            assertEquals("en", page.html().selectFirst("html").attr("lang"));
            assertEquals("Log of sensitive actions", page.h1());
            assertFalse(page.body().contains("??"), "a missing message key");
            assertNoHtmlError(page);
        }
        for (JournalAction action : JournalAction.values()) {
            TestClient.Answer filtered = admin.get("/gestion/journal?action=" + action.name());
            Element selected = filtered.html().selectFirst("#f-action option[selected]");
            assertEquals(action.name(), selected.attr("value"));
            assertFalse(selected.text().isBlank() || selected.text().contains("??"), action.name());
        }
    }

    // ---------------------------------------------------------------- helpers

    private static String text(TestClient.Answer answer, String css) {
        return answer.html().selectFirst(css).text().replace('\u00A0', ' ');
    }

    private static void assertNoHtmlError(TestClient.Answer answer) {
        List<NuHtmlChecker.Problem> errors = NuHtmlChecker.check(answer.body()).stream()
                .filter(NuHtmlChecker.Problem::error).toList();
        assertEquals(List.of(), errors);
    }

    private Map<String, Object> json(TestClient.Answer answer, int status) throws IOException {
        assertEquals(status, answer.status(), answer.body());
        assertTrue(answer.header("Content-Type").startsWith("application/json"), answer.header("Content-Type"));
        return json.readValue(answer.body(), Argument.mapOf(String.class, Object.class));
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> map) {
        Map<String, Object> copy = new java.util.HashMap<>();
        map.forEach((k, v) -> {
            if (v != null) {
                copy.put(k, v instanceof Number n && !(v instanceof Long) ? n.longValue() : v);
            }
        });
        return copy;
    }

    private void setDetails(long seq, String details) throws SQLException {
        transactions.executeWrite(status -> {
            try (PreparedStatement s = status.getConnection().prepareStatement(
                    "UPDATE journal_entry SET details = ? WHERE seq = ?")) {
                s.setString(1, details);
                s.setLong(2, seq);
                return s.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
