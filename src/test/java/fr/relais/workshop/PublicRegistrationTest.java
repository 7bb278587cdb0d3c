package fr.relais.workshop;

import fr.relais.site.Site;
import fr.relais.testing.TestClient;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import static fr.relais.workshop.AgendaSupport.CODE;
import static fr.relais.workshop.AgendaSupport.form;
import static fr.relais.workshop.AgendaSupport.registeredId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Registering on the public agenda, as a visitor does it: a seat, or a place on the waiting list with its position;
 * every refusal with its message next to the field (or above the form) and the typed values kept; the person's
 * page reached only with its key; the calendar file. The per-address limit is raised here (one address for all).
 */
@MicronautTest(transactional = false)
class PublicRegistrationTest extends PublicWorkshopBase {
    @Inject
    Clock clock;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("relais.public-registration.registrations-per-hour", "100000");
    }

    private static String path(WorkshopSession s) {
        return "/ateliers/seances/" + s.id();
    }

    private WorkshopSession session(String label, int capacity) {
        Site site = fixtures.library(label);
        return fixtures.publicSession(site, capacity);
    }

    @Test
    void aVisitorRegistersForTwoPlacesAndGetsTheirCodeSlipAndCalendar() {
        WorkshopSession s = session("assise", 8);

        TestClient.Answer sent = visitor().post(path(s), form("Marie", "06.12.34.56.78", " Marie.Dupont@Exemple.FR ", "2", true));

        long id = registeredId(sent);
        Registration r = fixtures.registration(id);
        assertEquals(RegistrationStatus.SEATED, r.status());
        assertEquals(2, r.seats());
        assertEquals("+33612345678", r.phone(), "kept in E.164");
        assertEquals("marie.dupont@exemple.fr", r.email(), "kept in lower case");
        assertEquals("fr", r.language());
        assertNull(r.registeredBy(), "registered on the public agenda");
        assertEquals(2, fixtures.reload(s).seatsTaken());

        TestClient.Answer page = visitor().get(sent.location());
        assertEquals(200, page.status());
        assertEquals("Votre place est réservée", page.h1());
        String code = page.html().selectFirst(".code-box strong").text();
        assertTrue(CODE.matcher(code).matches(), code);
        assertEquals(r.code(), code.replace("-", ""));
        String main = TestClient.Answer.plain(page.html().selectFirst("main").text());
        assertTrue(main.contains("Atelier Découvrir sa boîte mail"), main);
        assertTrue(main.contains("Prénom ou initiales Marie Places 2"), main);
        String key = fixtures.key(id);
        assertEquals(List.of("/ateliers/inscriptions/" + id + "/bulletin.pdf?format=A4&cle=" + key,
                "/ateliers/inscriptions/" + id + "/bulletin.pdf?format=TICKET&cle=" + key,
                "/ateliers/inscriptions/" + id + "/agenda.ics?cle=" + key), page.html().select("main .actions-list a").eachAttr("href"));
        assertEquals("Ajouter à mon agenda", page.html().select("main .actions-list a").last().text());
        assertEquals("/ateliers/inscription/annulation", page.html().selectFirst("main a:contains(Annuler mon inscription)").attr("href"));
    }

    @Test
    void theCalendarFileSaysWhatWhenWhereAndTheCodeButNoName() {
        WorkshopSession s = session("agenda", 8);
        long id = registeredId(visitor().post(path(s), form("Zoé", "06 11 22 33 44", null, "1", true)));
        Registration r = fixtures.registration(id);

        AgendaSupport.Download ics = AgendaSupport.download(server, "/ateliers/inscriptions/" + id + "/agenda.ics?cle=" + fixtures.key(id));

        assertEquals(200, ics.status());
        assertTrue(ics.contentType().startsWith("text/calendar"), ics.contentType());
        String text = ics.unfolded();
        assertTrue(text.contains("BEGIN:VEVENT"), text);
        assertTrue(text.contains("SUMMARY:Atelier « Découvrir sa boîte mail » – " + fixtures.siteOf(s).name()), text);
        assertTrue(text.contains("DTSTART:" + AgendaSupport.utc(s.startsAt())), text);
        assertTrue(text.contains("DTEND:" + AgendaSupport.utc(s.endsAt())), text);
        assertTrue(text.contains("LOCATION:" + fixtures.siteOf(s).name() + "\\, 12 rue des Lilas\\, 69003 Lyon"), text);
        assertTrue(text.contains("DESCRIPTION:Code d’inscription : " + r.code().substring(0, 3) + "-" + r.code().substring(3)), text);
        assertTrue(text.contains("UID:relais-inscription-" + id + "@relais"), text);
        assertFalse(text.contains("Zoé"), "no name in a file that travels");
        assertFalse(text.contains("06 11") || text.contains("611223344"), "no phone either");
    }

    @Test
    void aFullSessionOffersTheWaitingListAndSaysThePlaceInLine() {
        WorkshopSession s = session("complet", 2);
        fixtures.register(s, "Awa", 2);

        TestClient.Answer page = visitor().get(path(s));
        assertEquals("S’inscrire sur la liste d’attente", page.html().selectFirst("main h2#inscription").text());
        assertTrue(page.html().selectFirst("main .notice").text().startsWith("Cette séance est complète. Vous pouvez vous inscrire sur la liste d’attente"));
        assertEquals("1", page.html().selectFirst("main form input[type=hidden][name=waitingList]").val());
        assertEquals("M’inscrire sur la liste d’attente", page.html().selectFirst("main form button[type=submit]").text());

        long first = registeredId(visitor().post(path(s), form("Bao", null, null, "1", true)));
        TestClient.Answer firstPage = visitor().get(fixtures.page(first));
        assertEquals("Vous êtes sur la liste d’attente", firstPage.h1());
        assertEquals("Vous êtes en tête de la liste d’attente", firstPage.html().selectFirst("main .lead").text());

        long second = registeredId(visitor().post(path(s), form("Chloé", null, null, "2", true)));
        TestClient.Answer secondPage = visitor().get(fixtures.page(second));
        assertEquals("Vous êtes 2e sur la liste d’attente", secondPage.html().selectFirst("main .lead").text());
        assertNotNull(secondPage.html().selectFirst(".code-box strong"), "a waiting person has a code too");
        try (TestClient english = TestClient.of(server).header("Accept-Language", "en")) {
            TestClient.Answer inEnglish = english.get(fixtures.page(second));
            assertEquals("You are on the waiting list", inEnglish.h1());
            assertEquals("You are number 2 on the waiting list", inEnglish.html().selectFirst("main .lead").text());
        }
        assertEquals(2, fixtures.reload(s).seatsTaken(), "the waiting list takes no seat");
    }

    @Test
    void whenTheSeatsAskedDoNotFitThePersonChoosesWithNothingSaved() {
        WorkshopSession s = session("presque", 3);
        fixtures.register(s, "Awa", 2);
        int before = fixtures.all(s).size();

        // The box "put me on the waiting list" unticked, two places asked, one left.
        TestClient.Answer refused = visitor().post(path(s), form("Bao", "06 12 34 56 78", null, "2", false));

        assertEquals(422, refused.status());
        assertEquals(List.of("Il ne reste qu’une place : choisissez 1 place, ou cochez la case de la liste d’attente."),
                refused.texts(".error-summary p"));
        assertEquals("Bao", refused.fieldValue("firstName"));
        assertEquals("06 12 34 56 78", refused.fieldValue("phone"));
        assertEquals("2", refused.html().selectFirst("#f-seats option[selected]").val());
        assertNull(refused.html().selectFirst("#f-waitingList[checked]"), "the box stays as it was sent");
        assertEquals(before, fixtures.all(s).size(), "nothing saved");

        // The same person ticks the box: they wait, first in line.
        long id = registeredId(visitor().post(path(s), form("Bao", "06 12 34 56 78", null, "2", true)));
        assertEquals(RegistrationStatus.WAITING, fixtures.registration(id).status());

        // Someone takes the last place; the next person, who saw a place left, is told the session is now full.
        fixtures.register(s, "Chloé", 1);
        TestClient.Answer full = visitor().post(path(s), form("Driss", null, null, "1", false));
        assertEquals(422, full.status());
        assertEquals(List.of("La séance vient d’être complète. Vous pouvez vous inscrire sur la liste d’attente : "
                + "vérifiez ce que vous avez tapé, puis validez à nouveau."), full.texts(".error-summary p"));
        assertEquals("1", full.html().selectFirst("main form input[type=hidden][name=waitingList]").val());
        assertEquals("Driss", full.fieldValue("firstName"));
    }

    @Test
    void eachMistakeGetsItsMessageNextToTheFieldAndTheTypedValuesStay() {
        WorkshopSession s = session("erreurs", 8);
        Map<String, String> expected = Map.of(
                "firstName", "Ce champ est obligatoire.",
                "phone", "Numéro de téléphone non reconnu. Exemple : 04 72 00 00 00.",
                "email", "Adresse e-mail non reconnue. Exemple : prenom.nom@exemple.fr.",
                "seats", "Vous pouvez réserver 2 places au plus, pour vous et vos proches.");

        TestClient.Answer refused = visitor().post(path(s), form("  ", "06 12", "a@b", "3", true));

        assertEquals(422, refused.status());
        expected.forEach((field, message) -> assertEquals(message, refused.fieldMessage(field), field));
        assertEquals("06 12", refused.fieldValue("phone"));
        assertEquals("a@b", refused.fieldValue("email"));
        assertNotNull(refused.html().selectFirst("#f-waitingList[checked]"), "the ticked box stays ticked");
        assertEquals(0, fixtures.all(s).size(), "nothing saved");

        TestClient.Answer tooLong = visitor().post(path(s), form("M".repeat(41), null, null, "abc", true));
        assertEquals("Ce texte est trop long : 40 caractères au plus.", tooLong.fieldMessage("firstName"));
        assertEquals("Choisissez le nombre de places dans la liste.", tooLong.fieldMessage("seats"));
        assertEquals("M".repeat(41), tooLong.fieldValue("firstName"));

        TestClient.Answer sensitive = visitor().post(path(s), form("mdp : Soleil2024", null, null, "1", true));
        assertEquals("Ne notez ni identifiant, ni mot de passe, ni numéro de sécurité sociale ou bancaire.",
                sensitive.fieldMessage("firstName"));
        assertEquals(0, fixtures.all(s).size(), "nothing saved");
    }

    @Test
    void anEditedHiddenFieldOrAFilledHoneypotIsRefusedWithAPlainMessage() {
        WorkshopSession s = session("modifie", 8);
        Map<String, Object> edited = form("Marie", null, null, "1", true);
        edited.put("waitingList", "oui");
        TestClient.Answer refused = visitor().post(path(s), edited);
        assertEquals(422, refused.status());
        assertTrue(refused.texts(".error-summary p").contains("Le formulaire a été modifié : rechargez la page et recommencez."),
                refused.texts(".error-summary p").toString());

        Map<String, Object> robot = form("Marie", null, null, "1", true);
        robot.put("website", "https://spam.example");
        TestClient.Answer honeypot = visitor().post(path(s), robot);
        assertEquals(422, honeypot.status());
        assertEquals("L’inscription n’a pas pu être faite. Appelez la bibliothèque.", honeypot.fieldMessage("firstName"));
        assertEquals(0, fixtures.all(s).size(), "nothing saved");

        Map<String, Object> noSeats = form("Marie", null, null, "1", true);
        noSeats.remove("seats");
        assertEquals("Choisissez le nombre de places dans la liste.", visitor().post(path(s), noSeats).fieldMessage("seats"));
    }

    @Test
    void theSamePhoneOrEmailCannotRegisterTwiceForOneSession() {
        WorkshopSession s = session("contact", 8);
        registeredId(visitor().post(path(s), form("Marie", "06 12 34 56 78", "marie@exemple.fr", "1", true)));

        TestClient.Answer phone = visitor().post(path(s), form("Marie", "+33 6 12 34 56 78", null, "1", true));
        assertEquals(422, phone.status());
        String message = "Ce téléphone ou cette adresse e-mail est déjà inscrit à cette séance. Pour changer le nombre de "
                + "places, annulez d’abord l’inscription ou appelez la bibliothèque.";
        assertEquals(message, phone.fieldMessage("phone"));
        assertEquals("+33 6 12 34 56 78", phone.fieldValue("phone"));

        TestClient.Answer email = visitor().post(path(s), form("Marie", null, "MARIE@exemple.fr", "1", true));
        assertEquals(message, email.fieldMessage("email"));
        assertEquals(1, fixtures.all(s).size(), "one registration");

        // Another session of the same workshop: the same phone is welcome.
        WorkshopSession other = fixtures.session(fixtures.siteOf(s), fixtures.workshopOf(s), 9, 8);
        registeredId(visitor().post(path(other), form("Marie", "06 12 34 56 78", null, "1", true)));
    }

    @Test
    void pastClosedAndCancelledSessionsRefuseWithTheReasonAndTheLibrarysPhone() {
        Site site = fixtures.library("fermees");
        Workshop w = fixtures.workshop(null, "Découvrir sa boîte mail", WorkshopLevel.BEGINNER, "EMAIL");
        WorkshopSession soon = fixtures.sessionAt(site, w, ZonedDateTime.now(clock).plusMinutes(90), 8);
        WorkshopSession past = fixtures.sessionAt(site, w, ZonedDateTime.now(clock).minusHours(3), 8);
        WorkshopSession cancelled = fixtures.session(site, w, 5, 8);
        fixtures.cancelSession(cancelled);

        TestClient.Answer closedPage = visitor().get(path(soon));
        assertEquals(200, closedPage.status());
        String closed = "Les inscriptions en ligne à cette séance sont closes : elles ferment 2 heures avant le début. "
                + "Vous pouvez appeler la bibliothèque au 04 78 12 34 56.";
        assertEquals(List.of(closed), closedPage.texts(".error-summary p"));
        assertTrue(closedPage.html().select("main form[method=post]").isEmpty());

        TestClient.Answer late = visitor().post(path(soon), form("Marie", null, null, "1", true));
        assertEquals(409, late.status());
        assertEquals(List.of(closed), late.texts(".error-summary p"));
        TestClient.Answer over = visitor().post(path(past), form("Marie", null, null, "1", true));
        assertEquals(409, over.status());
        assertEquals(List.of("Cette séance a déjà commencé ou est terminée."), over.texts(".error-summary p"));
        TestClient.Answer gone = visitor().post(path(cancelled), form("Marie", null, null, "1", true));
        assertEquals(409, gone.status());
        assertEquals(List.of("Cette séance a été annulée par la bibliothèque. Vous pouvez appeler la bibliothèque au 04 78 12 34 56."),
                gone.texts(".error-summary p"));
        for (WorkshopSession s : List.of(soon, past, cancelled)) {
            assertTrue(fixtures.all(s).isEmpty(), "nothing saved");
        }
    }

    @Test
    void thePersonsPagesOpenOnlyWithTheKeyOfTheirLink() {
        WorkshopSession s = session("cle", 8);
        long mine = registeredId(visitor().post(path(s), form("Marie", null, null, "1", true)));
        long other = registeredId(visitor().post(path(s), form("Paul", null, null, "1", true)));
        String key = fixtures.key(mine);

        assertEquals(200, visitor().get("/ateliers/inscriptions/" + mine + "?cle=" + key).status());
        for (String suffix : List.of("", "/bulletin.pdf", "/agenda.ics")) {
            String base = "/ateliers/inscriptions/";
            for (String path : List.of(base + mine + suffix, base + mine + suffix + "?cle=cle-inventee",
                    base + other + suffix + "?cle=" + key, base + "999999" + suffix + "?cle=" + key)) {
                TestClient.Answer answer = visitor().get(path);
                assertEquals(404, answer.status(), path);
            }
        }
        assertEquals("Page introuvable", visitor().get("/ateliers/inscriptions/" + other + "?cle=" + key).h1());
    }
}
