package fr.relais.accompaniment;

import fr.relais.mandate.MandateFixtures;
import fr.relais.site.Site;
import fr.relais.site.Sites;
import fr.relais.staff.StaffRepository;
import fr.relais.testing.MutableClock;
import fr.relais.testing.OnBothDatabases;
import fr.relais.testing.TestClient;
import fr.relais.web.Messages;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static fr.relais.accompaniment.AccompanimentFixtures.doFor;
import static fr.relais.accompaniment.AccompanimentFixtures.savedId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Faire à la place": only a habilitated helper, only with an active mandate of the site that covers every
 * procedure chosen; the use of the mandate is journaled with the record. The mandate is found by the person's
 * name, which is never stored. Mandates are made with the mandate package's own services ({@link MandateFixtures}).
 */
@MicronautTest(environments = "demo", transactional = false)
class DoForTest extends OnBothDatabases {
    @Inject
    EmbeddedServer server;
    @Inject
    Sites sites;
    @Inject
    StaffRepository staff;
    @Inject
    AccompanimentRepository records;
    @Inject
    Accompaniments accompaniments;
    @Inject
    MandateFixtures mandates;
    @Inject
    Messages messages;
    @Inject
    MutableClock clock;
    @Inject
    DatabaseProbe database;

    TestClient sami;
    TestClient jeanne;
    Site centre;
    Site nord;
    long samiId;
    long nourId;
    boolean travelled;

    @BeforeAll
    void signIn() {
        centre = sites.bySlug("mediatheque-centre").orElseThrow();
        nord = sites.bySlug("bibliotheque-nord").orElseThrow();
        samiId = staff.findByEmail("aidant.centre@relais.demo").orElseThrow().id();
        nourId = staff.findByEmail("aidant.nord@relais.demo").orElseThrow().id();
        signInBrowsers();
    }

    private void signInBrowsers() {
        sami = TestClient.of(server).loginDemo("aidant.centre@relais.demo");
        jeanne = TestClient.of(server).loginDemo("benevole.centre@relais.demo");
    }

    @AfterAll
    void closeBrowsers() {
        sami.close();
        jeanne.close();
    }

    @AfterEach
    void backToNow() {
        clock.reset();
        if (travelled) {
            // Moving the clock ends the sessions (idle time): sign in again for the next test.
            travelled = false;
            closeBrowsers();
            signInBrowsers();
        }
    }

    private String newPath() {
        return AccompanimentFixtures.newPath(centre);
    }

    private String msg(String key) {
        return messages.get(Locale.FRENCH, key);
    }

    /** Refused on the mandate field with this refusal's message; nothing saved. */
    private void assertRefused(TestClient browser, Map<String, Object> form, String field, String refusal) {
        long before = records.count();
        TestClient.Answer answer = browser.post(newPath(), form);
        assertEquals(422, answer.status(), answer.body());
        assertEquals(msg("mandate.refusal." + refusal), answer.fieldMessage(field));
        assertTrue(answer.html().selectFirst("#f-mode-DO_FOR").hasAttr("checked") || "mode".equals(field));
        assertEquals(before, records.count(), "nothing saved");
    }

    @Test
    void refusedWithoutAMandate() {
        assertRefused(sami, doFor(null, "HOUSING"), "mandateId", "NO_MANDATE");
    }

    @Test
    void refusedWithAnExpiredMandate() {
        long oneDay = mandates.active(centre.id(), samiId, "Paul", "Expiré", 1, "HOUSING");
        clock.advance(Duration.ofDays(2));
        travelled = true;
        try (TestClient later = TestClient.of(server).loginDemo("aidant.centre@relais.demo")) {
            assertRefused(later, doFor(oneDay, "HOUSING"), "mandateId", "EXPIRED");
        }
    }

    @Test
    void refusedWithARevokedOrUnsignedMandate() {
        long revoked = mandates.revoked(centre.id(), samiId, "Rita", "Révoquée", "HOUSING");
        assertRefused(sami, doFor(revoked, "HOUSING"), "mandateId", "REVOKED");
        long draft = mandates.draft(centre.id(), samiId, "Denis", "Brouillon", 31, "HOUSING");
        assertRefused(sami, doFor(draft, "HOUSING"), "mandateId", "DRAFT");
    }

    @Test
    void refusedForAProcedureTheMandateDoesNotCover() {
        long family = mandates.active(centre.id(), samiId, "Fanny", "Famille", 31, "FAMILY");
        assertRefused(sami, doFor(family, "HOUSING"), "mandateId", "SCOPE_NOT_COVERED");
        // Every procedure chosen must be covered, not only one.
        assertRefused(sami, doFor(family, "FAMILY", "HOUSING"), "mandateId", "SCOPE_NOT_COVERED");
    }

    @Test
    void refusedWithAnotherSitesMandate() {
        long atNord = mandates.active(nord.id(), nourId, "Nina", "Nord", 31, "HOUSING");
        assertRefused(sami, doFor(atNord, "HOUSING"), "mandateId", "OTHER_SITE");
        assertRefused(sami, doFor(999999, "HOUSING"), "mandateId", "OTHER_SITE");
    }

    @Test
    void refusedForAHelperWhoIsNotHabilitatedEvenWithAValidMandate() {
        long valid = mandates.active(centre.id(), samiId, "Valérie", "Valide", 31, "HOUSING");
        // Jeanne's form does not offer the choice; a forged post is refused all the same.
        assertRefused(jeanne, doFor(valid, "HOUSING"), "mode", "NOT_HABILITATED");
    }

    @Test
    void doingForNeedsTheProceduresThemeAndAScope() {
        long valid = mandates.active(centre.id(), samiId, "Serge", "Sansdemarche", 31, "HOUSING");
        Map<String, Object> noScope = doFor(valid);
        TestClient.Answer answer = sami.post(newPath(), noScope);
        assertEquals(422, answer.status());
        assertEquals(msg("accompaniment.error.doFor.scope"), answer.fieldMessage("scopes"));
        Map<String, Object> otherTheme = doFor(valid);
        otherTheme.put("themes", "EMAIL");
        assertEquals(msg("accompaniment.error.doFor.scope"), sami.post(newPath(), otherTheme).fieldMessage("scopes"));
    }

    @Test
    void aValidMandateRecordsTheDoForAndJournalsItsUse() throws SQLException {
        long valid = mandates.active(centre.id(), samiId, "Lucie", "Logement", 31, "HOUSING", "MONEY");
        long id = savedId(sami.post(newPath(), doFor(valid, "HOUSING", "MONEY")));
        Accompaniment a = records.findById(id).orElseThrow();
        assertEquals(AccompanimentMode.DO_FOR, a.mode());
        assertEquals(valid, a.mandateId());
        assertEquals(List.of("HOUSING", "MONEY"), accompaniments.detail(id).scopes());

        List<String> uses = database.journal("accompagnement:" + id);
        assertEquals(List.of("MANDATE_USED mandat:" + valid + " actor " + samiId + " site " + centre.id()), uses);
        // A correction keeping the same mandate is not a second use.
        TestClient.Answer edit = sami.get("/accompagnements/" + centre.id() + "/" + id + "/modifier");
        assertTrue(edit.html().selectFirst("input[name=mandateId][value=" + valid + "]").hasAttr("checked"),
                "the mandate already chosen stays chosen");
        Map<String, Object> corrected = doFor(valid, "HOUSING");
        corrected.put("durationOther", "50");
        assertEquals(303, sami.post("/accompagnements/" + centre.id() + "/" + id + "/modifier", corrected).status());
        assertEquals(1, database.journal("accompagnement:" + id).size());
        assertEquals(50, records.findById(id).orElseThrow().durationMinutes());
    }

    @Test
    void theMandateIsFoundByTheNameWhichIsNeverStored() throws SQLException {
        long mandate = mandates.active(centre.id(), samiId, "Gisèle", "Cherchée", 31, "PAPERS");
        long count = records.count();
        Map<String, Object> search = doFor(null, "PAPERS");
        search.put("mandateSearch", "cherchee gisele");
        search.put("action", "search");
        TestClient.Answer found = sami.post(newPath(), search);
        assertEquals(200, found.status(), found.body());
        Document html = found.html();
        Element choice = html.selectFirst("input[name=mandateId][value=" + mandate + "]");
        assertNotNull(choice, html.select("#mandat").text());
        assertTrue(choice.hasAttr("autofocus"), "the first mandate found has the focus");
        String label = html.selectFirst("label[for=" + choice.id() + "]").text();
        assertTrue(label.startsWith("Gisèle Cherchée — Papiers"), label);
        assertTrue(html.select(".field-error").isEmpty(), "a search shows no error");
        assertEquals(count, records.count(), "a search saves nothing");

        // Enter in the name field (the default button, no mandate chosen yet) searches too.
        Map<String, Object> enter = doFor(null, "PAPERS");
        enter.put("mandateSearch", "Cherchée");
        TestClient.Answer byEnter = sami.post(newPath(), enter);
        assertEquals(200, byEnter.status());
        assertNotNull(byEnter.html().selectFirst("input[name=mandateId][value=" + mandate + "]"));
        TestClient.Answer nobody = sami.post(newPath(), Map.of("mode", "DO_FOR", "mandateSearch", "Personne Inconnue", "action", "search"));
        assertEquals(200, nobody.status());
        assertEquals(msg("accompaniment.mandate.none"), nobody.html().selectFirst("#mandat .notice").text());

        // Chosen, then saved: the name typed goes nowhere.
        Map<String, Object> chosen = doFor(mandate, "PAPERS");
        chosen.put("mandateSearch", "Cherchée");
        TestClient.Answer saved = sami.post(newPath(), chosen);
        assertEquals(303, saved.status(), saved.body());
        assertEquals(List.of(), database.rowsMentioning("Cherch", List.of("mandate", "flyway_schema_history")), "the name is stored nowhere but in the mandate");

        // Jeanne cannot list mandates by name, even with a forged search.
        TestClient.Answer forged = jeanne.post(newPath(), search);
        assertEquals(200, forged.status());
        assertTrue(forged.html().select("input[name=mandateId]").isEmpty());
        assertFalse(forged.body().contains("Gisèle"));
    }


    @Test
    void theChoiceOfMandateIsOnlyOfferedToHabilitatedHelpers() {
        Document samiForm = sami.get(newPath() + "?mode=DO_FOR").html();
        assertTrue(samiForm.selectFirst("#f-mode-DO_FOR").hasAttr("checked"));
        assertNull(samiForm.selectFirst("#f-mode-DO_FOR[disabled]"));
        assertNotNull(samiForm.selectFirst("#f-mandateSearch[autocomplete=off]"));
        assertEquals("/mandats/" + centre.id() + "/nouveau", samiForm.selectFirst("#mandat a").attr("href"));
    }
}
