package fr.relais.workshop;

import fr.relais.site.Site;
import fr.relais.testing.OnBothDatabases;
import fr.relais.testing.TestClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A session's page and registering at the desk, through HTTP, as Sami does: a seat, or the waiting list with the
 * place in line when the session is full; the same phone refused twice; names too long, too many seats, a closed,
 * past or cancelled session refused honestly; promoting and removing by hand. Helpers of the library only.
 */
@MicronautTest(environments = "demo", transactional = false)
class DeskRegistrationTest extends OnBothDatabases {
    static final String CODE = "[0-9A-HJKMNP-TV-Z]{3}-[0-9A-HJKMNP-TV-Z]{3}";

    @Inject
    EmbeddedServer server;
    @Inject
    SessionFixtures data;
    @Inject
    WorkshopSessions sessions;
    @Inject
    Registrations registrations;
    @Inject
    Clock clock;

    TestClient sami;
    TestClient nour;
    TestClient director;

    @BeforeAll
    void signIn() {
        sami = TestClient.of(server).loginDemo("aidant.centre@relais.demo");
        nour = TestClient.of(server).loginDemo("aidant.nord@relais.demo");
        director = TestClient.of(server).loginDemo("direction.centre@relais.demo");
    }

    @AfterAll
    void close() {
        List.of(sami, nour, director).forEach(TestClient::close);
    }

    private static String page(WorkshopSession s) {
        return "/bureau/ateliers/seances/" + s.id();
    }

    private static Map<String, Object> person(String firstName, String phone, String seats) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("firstName", firstName);
        form.put("phone", phone);
        form.put("email", "");
        form.put("seats", seats);
        return form;
    }

    private long registrationId(TestClient.Answer answer) {
        assertEquals(303, answer.status(), () -> answer.h1() + " " + answer.html().select(".field-error, .error-summary").text());
        assertTrue(answer.location().matches("/bureau/ateliers/inscriptions/\\d+\\?nouveau=1"), answer.location());
        return Long.parseLong(answer.location().replaceAll("\\D+(\\d+)\\D.*", "$1"));
    }

    @Test
    void aPersonRegisteredAtTheDeskGetsASeatACodeAndTheSlipToPrint() {
        WorkshopSession s = data.comingSession("mediatheque-centre", 4);
        long id = registrationId(sami.post(page(s) + "/inscription", person("M. K.", "06 12 34 56 78", "2")));
        Registration r = sessions.registration(id).orElseThrow();
        assertEquals(RegistrationStatus.SEATED, r.status());
        assertEquals(2, r.seats());
        assertEquals("+33612345678", r.phone());
        assertNotNull(r.registeredBy(), "registered at the desk by Sami");

        TestClient.Answer confirmation = sami.get("/bureau/ateliers/inscriptions/" + id + "?nouveau=1");
        assertEquals(200, confirmation.status());
        assertTrue(confirmation.body().contains("M. K. est inscrit·e : 2 places."));
        String code = confirmation.html().selectFirst(".code").text();
        assertTrue(code.matches(CODE), code);
        assertNotNull(confirmation.html().selectFirst("a[href=/bureau/ateliers/inscriptions/" + id + "/bulletin.pdf]"));
        assertNotNull(confirmation.html().selectFirst("a[href=/bureau/ateliers/inscriptions/" + id + "/bulletin.pdf?format=TICKET]"));

        TestClient.Answer session = sami.get(page(s));
        assertEquals(List.of("M. K."), session.texts("#seated-caption ~ tbody th"));
        assertTrue(session.texts("#seated-caption ~ tbody td").containsAll(List.of("2", "au bureau", code)));
        assertEquals(2, data.reload(s).seatsTaken());
    }

    @Test
    void whenFullTheDeskOffersTheWaitingListWithThePlaceInLine() {
        WorkshopSession s = data.comingSession("mediatheque-centre", 2);
        data.register(s, "Awa", 2);
        data.register(s, "Bao", 1);
        TestClient.Answer full = sami.get(page(s));
        assertTrue(full.html().selectFirst("label[for=f-waitingList]").text()
                .contains("La séance est complète. Inscrire la personne sur la liste d’attente (elle serait 2e)"));

        TestClient.Answer refused = sami.post(page(s) + "/inscription", person("Chloé", "", "1"));
        assertEquals(422, refused.status());
        assertEquals("Il ne reste aucune place. Pour inscrire la personne sur la liste d’attente (elle serait 2e), cochez la case.",
                refused.fieldMessage("waitingList"));
        assertEquals("Chloé", refused.fieldValue("firstName"));

        Map<String, Object> waiting = person("Chloé", "", "1");
        waiting.put("waitingList", "on");
        long id = registrationId(sami.post(page(s) + "/inscription", waiting));
        assertEquals(RegistrationStatus.WAITING, sessions.registration(id).orElseThrow().status());
        TestClient.Answer confirmation = sami.get("/bureau/ateliers/inscriptions/" + id);
        assertTrue(confirmation.body().contains("Chloé est sur la liste d’attente, en 2e position (1 place)."));
        assertEquals(List.of("1re", "2e"), sami.get(page(s)).texts("#waiting-caption ~ tbody td:first-child"));
    }

    @Test
    void theSamePhoneOrEMailCannotHoldTwoRegistrationsInOneSession() {
        WorkshopSession s = data.comingSession("mediatheque-centre", 6);
        registrationId(sami.post(page(s) + "/inscription", person("Driss", "06 11 22 33 44", "1")));
        TestClient.Answer again = sami.post(page(s) + "/inscription", person("Driss", "+33 6 11 22 33 44", "1"));
        assertEquals(422, again.status());
        assertEquals("Ce numéro ou ce courriel a déjà une inscription pour cette séance.", again.fieldMessage("phone"));
        Map<String, Object> mail = person("Emma", "", "1");
        mail.put("email", "emma@exemple.fr");
        registrationId(sami.post(page(s) + "/inscription", mail));
        mail.put("email", "Emma@Exemple.fr");
        assertEquals("Ce numéro ou ce courriel a déjà une inscription pour cette séance.",
                sami.post(page(s) + "/inscription", mail).fieldMessage("email"));
        assertEquals(2, data.reload(s).seatsTaken());
    }

    @Test
    void aNumberRegisteredAtTheDeskIsTheSameNumberOnThePublicAgenda() {
        WorkshopSession s = data.comingSession("mediatheque-centre", 6);
        long id = registrationId(sami.post(page(s) + "/inscription", person("Farid", "07 56 12 34 56", "1")));
        assertEquals("+33756123456", sessions.registration(id).orElseThrow().phone());
        try (TestClient visitor = TestClient.of(server)) {
            Map<String, Object> online = new LinkedHashMap<>(person("Farid", "+33 7 56 12 34 56", "1"));
            online.put("waitingList", "1");
            online.put("website", "");
            TestClient.Answer again = visitor.post("/ateliers/seances/" + s.id(), online);
            assertEquals(422, again.status());
            assertTrue(again.fieldMessage("phone").startsWith("Ce téléphone ou cette adresse e-mail est déjà inscrit"),
                    again.fieldMessage("phone"));
        }
        assertEquals(1, data.reload(s).seatsTaken());
    }

    @Test
    void aForeignNumberIsKeptAndWhatThePhoneLibraryRefusesGetsTheFrenchMessage() {
        WorkshopSession s = data.comingSession("mediatheque-centre", 6);
        long id = registrationId(sami.post(page(s) + "/inscription", person("Gwen", "+44 7700 900123", "1")));
        assertEquals("+447700900123", sessions.registration(id).orElseThrow().phone());
        for (String wrong : List.of("04 72 OO OO OO", "+999 12 34 56 78", "0033 0 6 12 34 56")) {
            TestClient.Answer refused = sami.post(page(s) + "/inscription", person("Hugo", wrong, "1"));
            assertEquals(422, refused.status(), wrong);
            assertEquals("Numéro de téléphone non reconnu. Exemple : 04 72 00 00 00.", refused.fieldMessage("phone"));
            assertEquals(wrong, refused.fieldValue("phone"), "what was typed stays");
        }
        assertEquals(1, data.reload(s).seatsTaken());
    }

    @Test
    void wrongValuesAreRefusedNextToTheirField() {
        WorkshopSession s = data.comingSession("mediatheque-centre", 6);
        TestClient.Answer answer = sami.post(page(s) + "/inscription", person("M".repeat(41), "12", "3"));
        assertEquals(422, answer.status());
        assertEquals("Ce texte est trop long : 40 caractères au plus.", answer.fieldMessage("firstName"));
        assertEquals("Numéro de téléphone non reconnu. Exemple : 04 72 00 00 00.", answer.fieldMessage("phone"));
        assertEquals("Une personne peut réserver 2 places au plus.", answer.fieldMessage("seats"));
        Map<String, Object> blank = person(" ", "", "deux");
        blank.put("email", "pas-un-courriel");
        TestClient.Answer empty = sami.post(page(s) + "/inscription", blank);
        assertEquals("Ce champ est obligatoire.", empty.fieldMessage("firstName"));
        assertEquals("Adresse e-mail non reconnue. Exemple : prenom.nom@exemple.fr.", empty.fieldMessage("email"));
        assertEquals("Choisissez le nombre de places.", empty.fieldMessage("seats"));
        assertEquals(0, data.reload(s).seatsTaken(), "nothing saved");
    }

    @Test
    void closedPastAndCancelledSessionsRefuseHonestly() {
        Site centre = data.site("mediatheque-centre");
        ZonedDateTime soon = clock.instant().plus(Duration.ofHours(1)).atZone(centre.zone()).withSecond(0).withNano(0);
        WorkshopSession closing = data.session("mediatheque-centre", soon.toLocalDate(), soon.toLocalTime(), 5);
        TestClient.Answer closed = sami.post(page(closing) + "/inscription", person("Awa", "", "1"));
        assertEquals(409, closed.status());
        assertTrue(closed.html().selectFirst(".error-summary").text().contains("Les inscriptions à cette séance sont closes."));
        assertTrue(sami.get(page(closing)).html().select("form[action$=/inscription]").isEmpty(), "no form on a closed session");

        WorkshopSession started = data.todaySession("mediatheque-centre", 5);
        TestClient.Answer past = sami.post(page(started) + "/inscription", person("Awa", "", "1"));
        assertEquals(409, past.status());
        assertTrue(past.body().contains("Cette séance a commencé ou est passée : on ne peut plus s’y inscrire."));

        WorkshopSession cancelled = data.comingSession("mediatheque-centre", 5);
        sessions.cancel(cancelled.id(), "Travaux");
        TestClient.Answer refused = sami.post(page(cancelled) + "/inscription", person("Awa", "", "1"));
        assertEquals(409, refused.status());
        assertTrue(refused.body().contains("Cette séance est annulée : on ne peut plus s’y inscrire."));
        assertEquals(List.of(), sessions.registrations(closing.id()));
        assertEquals(List.of(), sessions.registrations(cancelled.id()));
    }

    @Test
    void helpersPromoteByHandWhenItFitsAndRemoveFromTheList() {
        WorkshopSession s = data.comingSession("mediatheque-centre", 3);
        Registration awa = data.register(s, "Awa", 2);
        Registration bao = data.register(s, "Bao", 2);
        assertEquals(RegistrationStatus.WAITING, bao.status());
        TestClient.Answer tooBig = sami.post("/bureau/ateliers/inscriptions/" + bao.id() + "/promotion", Map.of());
        assertEquals(409, tooBig.status());
        assertTrue(tooBig.body().contains("Il ne reste pas assez de places pour cette personne : elle garde son rang sur la liste d’attente."));
        assertEquals(RegistrationStatus.WAITING, data.reload(bao).status());

        // A one-seat person waiting while a seat is free (written as such): a helper seats them by hand.
        Registration chloe = data.waiting(s, "Chloé", 1);
        TestClient.Answer promoted = sami.post("/bureau/ateliers/inscriptions/" + chloe.id() + "/promotion", Map.of());
        assertEquals(303, promoted.status());
        assertEquals(page(s) + "?promus=" + chloe.id(), promoted.location());
        assertTrue(sami.get(promoted.location()).html().selectFirst(".flash").text().contains("Chloé"));
        assertEquals(RegistrationStatus.SEATED, data.reload(chloe).status());
        assertEquals(3, data.reload(s).seatsTaken());

        TestClient.Answer removed = sami.post("/bureau/ateliers/inscriptions/" + bao.id() + "/annulation", Map.of());
        assertEquals(page(s) + "?annulee=1", removed.location());
        assertEquals(RegistrationStatus.CANCELLED_BY_SITE, data.reload(bao).status());
        assertTrue(sami.get(removed.location()).body().contains("L’inscription est annulée."));

        // Cancelling a seated registration gives the freed seats to the next in line, and says who.
        Registration driss = data.register(s, "Driss", 1);
        TestClient.Answer cancelled = sami.post("/bureau/ateliers/inscriptions/" + awa.id() + "/annulation", Map.of());
        assertEquals(page(s) + "?annulee=1&promus=" + driss.id(), cancelled.location());
        assertEquals(RegistrationStatus.SEATED, data.reload(driss).status());
        assertEquals(2, data.reload(s).seatsTaken());
    }

    @Test
    void theDirectorsSettingsSayHowManySeatsOnePersonMayTakeAndWhenRegistrationCloses() {
        Site centre = data.site("mediatheque-centre");
        String settings = "/bureau/" + centre.id() + "/ateliers/reglages";
        assertEquals("2", director.get(settings).fieldValue("maxSeats"), "2 seats by default");
        assertEquals("2", director.get(settings).fieldValue("closingHours"), "2 hours by default");
        TestClient.Answer wrong = director.post(settings, Map.of("maxSeats", "6", "closingHours", "73"));
        assertEquals(422, wrong.status());
        assertEquals("Tapez un nombre de places de 1 à 5.", wrong.fieldMessage("maxSeats"));
        assertEquals("Tapez un nombre d’heures de 0 à 72.", wrong.fieldMessage("closingHours"));
        assertEquals(303, director.post(settings, Map.of("maxSeats", "3", "closingHours", "0")).status());
        try {
            assertEquals(new WorkshopSettings(centre.id(), 3, 0), registrations.settings(centre.id()));
            WorkshopSession s = data.comingSession("mediatheque-centre", 6);
            assertEquals(List.of("1", "2", "3"), sami.get(page(s)).html().select("#f-seats option").eachAttr("value"));
            registrationId(sami.post(page(s) + "/inscription", person("Famille K.", "", "3")));
            assertEquals("Une personne peut réserver 3 places au plus.",
                    sami.post(page(s) + "/inscription", person("Famille L.", "", "4")).fieldMessage("seats"));
            assertEquals(403, sami.get(settings).status(), "helpers do not change the settings");
        } finally {
            assertEquals(303, director.post(settings, Map.of("maxSeats", "2", "closingHours", "2")).status());
        }
    }

    @Test
    void theSessionPageIsForTheLibrarysHelpersOnly() {
        WorkshopSession s = data.comingSession("mediatheque-centre", 3);
        Registration awa = data.register(s, "Awa", 1);
        assertEquals(404, nour.get(page(s)).status());
        assertEquals(404, nour.post(page(s) + "/inscription", person("X", "", "1")).status());
        assertEquals(404, nour.get("/bureau/ateliers/inscriptions/" + awa.id()).status());
        assertEquals(404, nour.post("/bureau/ateliers/inscriptions/" + awa.id() + "/annulation", Map.of()).status());
        assertEquals(403, director.get(page(s)).status());
        assertEquals(RegistrationStatus.SEATED, data.reload(awa).status());
        assertFalse(nour.get(page(s)).body().contains("Awa"));
    }
}
