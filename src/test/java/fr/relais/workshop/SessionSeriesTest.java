package fr.relais.workshop;

import fr.relais.site.Site;
import fr.relais.site.SiteClosure;
import fr.relais.site.Sites;
import fr.relais.staff.StaffDirectory;
import fr.relais.testing.OnBothDatabases;
import fr.relais.testing.TestClient;
import fr.relais.web.TypedValues;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scheduling a session or a series through HTTP, as Sami (helper of the Médiathèque du Centre) and its director do:
 * the dates are shown first — those skipped for a closure, those refused because they are past — and nothing is
 * saved until the same values come back confirmed.
 */
@MicronautTest(environments = "demo", transactional = false)
class SessionSeriesTest extends OnBothDatabases {
    static final DateTimeFormatter WORDS = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRENCH);

    @Inject
    EmbeddedServer server;
    @Inject
    SessionFixtures data;
    @Inject
    Sites sites;
    @Inject
    WorkshopSessionRepository sessions;
    @Inject
    WorkshopSessions service;
    @Inject
    StaffDirectory staff;

    TestClient sami;
    TestClient director;
    TestClient nour;
    TestClient coordinator;
    Site centre;
    LocalDate today;
    String base;

    @BeforeAll
    void signIn() {
        sami = TestClient.of(server).loginDemo("aidant.centre@relais.demo");
        director = TestClient.of(server).loginDemo("direction.centre@relais.demo");
        nour = TestClient.of(server).loginDemo("aidant.nord@relais.demo");
        coordinator = TestClient.of(server).loginDemo("coordination@relais.demo");
        centre = data.site("mediatheque-centre");
        today = sites.today(centre);
        base = "/bureau/" + centre.id() + "/ateliers";
    }

    @AfterAll
    void close() {
        List.of(sami, director, nour, coordinator).forEach(TestClient::close);
    }

    private Map<String, Object> series(Workshop w, LocalDate first, String repeat, String occurrences) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("workshopId", String.valueOf(w.id()));
        form.put("firstDate", TypedValues.shown(first));
        form.put("startTime", "10h00");
        form.put("durationMinutes", "");
        form.put("capacity", "");
        form.put("room", "Espace numérique");
        form.put("helpers", List.of(String.valueOf(staff.byEmail("aidant.centre@relais.demo").orElseThrow().id())));
        form.put("publicListing", "on");
        form.put("repeat", repeat);
        form.put("occurrences", occurrences);
        return form;
    }

    private long sessionsOf(Workshop w) {
        return sessions.findBySiteIdAndSessionDateBetweenOrderByStartsAt(centre.id(), today.minusDays(30), today.plusYears(1))
                .stream().filter(s -> s.workshopId() == w.id()).count();
    }

    private static String words(LocalDate d) {
        return WORDS.format(d);
    }

    @Test
    void theSeriesPreviewSkipsAClosureRefusesAPastDateAndSavesNothingUntilConfirmed() {
        Workshop w = data.workshop("Sauvegarder ses photos", "mediatheque-centre");
        LocalDate first = today.minusDays(3);
        sites.addClosure(new SiteClosure(null, centre.id(), first.plusWeeks(2), first.plusWeeks(2), "Fermeture du test"));
        Map<String, Object> form = series(w, first, "WEEKLY", "4");

        TestClient.Answer preview = sami.post(base + "/nouvelle", form);
        assertEquals(200, preview.status(), preview.h1());
        Document page = preview.html();
        assertEquals(List.of(words(first.plusWeeks(1)), words(first.plusWeeks(3))), preview.texts("ul.dates li"));
        assertEquals(List.of(words(first) + " — date passée", words(first.plusWeeks(2)) + " — fermeture : Fermeture du test"),
                preview.texts("ul.skipped li").stream().map(TestClient.Answer::plain).toList());
        assertTrue(page.text().contains("« Sauvegarder ses photos », à 10 h 00, 90 minutes, 8 places."), page.text());
        assertEquals("Créer les 2 séances", page.selectFirst("button[name=confirm]").text());
        assertEquals(0, sessionsOf(w), "nothing saved before the confirmation");

        Map<String, Object> confirmed = new LinkedHashMap<>(form);
        confirmed.put("confirm", "1");
        TestClient.Answer created = sami.post(base + "/nouvelle", confirmed);
        assertEquals(303, created.status());
        assertEquals(base + "?creees=2", created.location());
        assertTrue(sami.get(created.location()).body().contains("2 séances sont créées."));
        List<WorkshopSession> made = sessions.findBySiteIdAndSessionDateBetweenOrderByStartsAt(centre.id(), first, first.plusWeeks(4))
                .stream().filter(s -> s.workshopId() == w.id()).toList();
        assertEquals(List.of(first.plusWeeks(1), first.plusWeeks(3)), made.stream().map(WorkshopSession::sessionDate).toList());
        for (WorkshopSession s : made) {
            assertEquals(ZonedDateTime.of(s.sessionDate(), LocalTime.of(10, 0), centre.zone()).toInstant(), s.startsAt());
            assertEquals(90, s.durationMinutes(), "the workshop's length when none is typed");
            assertEquals(8, s.capacity());
            assertEquals("Espace numérique", s.room());
            assertEquals(made.get(0).id(), s.seriesId(), "one series, named after its first session");
            assertEquals(List.of(staff.byEmail("aidant.centre@relais.demo").orElseThrow().id()), service.helperIds(s.id()));
        }
        // The list says it: dates in words, the workshop, seats and the public agenda.
        TestClient.Answer list = sami.get(base);
        assertTrue(list.body().contains(words(first.plusWeeks(1))));
        assertTrue(list.texts("#coming-caption").size() == 1);
    }

    @Test
    void oneSessionOnAPastDateIsRefusedWithAMessageNextToTheDate() {
        Workshop w = data.workshop("Mes démarches en ligne", "mediatheque-centre");
        TestClient.Answer answer = sami.post(base + "/nouvelle", series(w, today.minusDays(1), "NONE", ""));
        assertEquals(422, answer.status());
        assertEquals("Cette date est déjà passée : choisissez une date à venir.", answer.fieldMessage("firstDate"));
        assertEquals(TypedValues.shown(today.minusDays(1)), answer.fieldValue("firstDate"));
        Map<String, Object> confirmed = series(w, today.minusDays(1), "NONE", "");
        confirmed.put("confirm", "1");
        assertEquals(422, sami.post(base + "/nouvelle", confirmed).status(), "a confirmation does not skip the check");
        assertEquals(0, sessionsOf(w));
    }

    @Test
    void aSeriesWhollyInAClosureCreatesNothing() {
        Workshop w = data.workshop("Découvrir la tablette", "mediatheque-centre");
        LocalDate first = today.plusDays(100);
        sites.addClosure(new SiteClosure(null, centre.id(), first, first.plusWeeks(2), "Travaux"));
        Map<String, Object> form = series(w, first, "FORTNIGHTLY", "2");
        form.put("confirm", "1");
        TestClient.Answer answer = sami.post(base + "/nouvelle", form);
        assertEquals(422, answer.status());
        assertEquals("Aucune séance ne peut être créée : la bibliothèque est fermée à ces dates, ou elles sont passées.",
                answer.fieldMessage("firstDate"));
        assertEquals(2, answer.texts("ul.skipped li").size());
        assertEquals(0, sessionsOf(w));
    }

    @Test
    void typedValuesAreCheckedFieldByFieldAndKept() {
        Workshop nordOnly = data.workshop("Atelier du Nord", "bibliotheque-nord");
        Map<String, Object> form = series(nordOnly, today.plusDays(10), "WEEKLY", "27");
        form.put("startTime", "25h");
        form.put("capacity", "0");
        form.put("durationMinutes", "deux heures");
        form.put("room", "x".repeat(81));
        form.put("helpers", List.of(String.valueOf(staff.byEmail("aidant.nord@relais.demo").orElseThrow().id())));
        TestClient.Answer answer = sami.post(base + "/nouvelle", form);
        assertEquals(422, answer.status());
        assertEquals("Heure non reconnue. Tapez-la comme 14:30 ou 14h30.", answer.fieldMessage("startTime"));
        assertEquals("Tapez un nombre de places de 1 à 200.", answer.fieldMessage("capacity"));
        assertEquals("Tapez une durée en minutes, de 15 à 480.", answer.fieldMessage("durationMinutes"));
        assertEquals("Ce texte est trop long : 80 caractères au plus.", answer.fieldMessage("room"));
        assertEquals("Tapez un nombre de séances de 1 à 26.", answer.fieldMessage("occurrences"));
        // Another library's workshop and another library's helper, edited into the form.
        assertEquals("Ce choix n’est pas possible. Choisissez dans la liste.", answer.fieldMessage("workshopId"));
        assertEquals("Ce choix n’est pas possible. Choisissez dans la liste.", answer.fieldMessage("helpers"));
        assertEquals("deux heures", answer.fieldValue("durationMinutes"));
        Map<String, Object> noCount = series(data.workshop("Compter", "mediatheque-centre"), today.plusDays(10), "WEEKLY", "");
        assertEquals("Tapez un nombre de séances de 1 à 26.", sami.post(base + "/nouvelle", noCount).fieldMessage("occurrences"));
    }

    @Test
    void theDirectorSchedulesTooWhileOtherLibrariesAndNetworkRolesCannot() {
        Workshop w = data.workshop("Réseau : la banque en ligne", null);
        Map<String, Object> form = series(w, today.plusDays(12), "NONE", "");
        form.put("helpers", List.of());
        form.put("confirm", "1");
        assertEquals(303, director.post(base + "/nouvelle", form).status());
        assertEquals(1, sessionsOf(w));
        assertEquals(404, nour.get(base + "/nouvelle").status());
        assertEquals(404, nour.post(base + "/nouvelle", form).status());
        assertEquals(403, coordinator.get(base + "/nouvelle").status());
        TestClient.Answer blank = sami.get(base + "/nouvelle?atelier=" + w.id());
        assertNotNull(blank.html().selectFirst("#f-workshopId option[value=" + w.id() + "][selected]"), "the workshop chosen");
        assertEquals(TypedValues.shown(today.plusDays(7)), blank.fieldValue("firstDate"));
    }
}
