package fr.relais.workshop;

import fr.relais.site.Site;
import fr.relais.testing.MutableClock;
import fr.relais.testing.TestClient;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static fr.relais.workshop.AgendaSupport.form;
import static fr.relais.workshop.AgendaSupport.registeredId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Finding and cancelling a registration with its code and first name, like appointments: the code read leniently,
 * the first name without case or accents; a cancellation gives the seat to the first waiting person, whose own
 * code then shows a reserved place; too late to cancel online once registration has closed.
 * The per-address limits are raised here (one address for all); {@link PublicRegistrationRateLimitTest} checks them.
 */
@MicronautTest(transactional = false)
class RegistrationCodeTest extends PublicWorkshopBase {
    static final String NOT_FOUND = "Aucune inscription ne correspond à ce code et à ce prénom. Vérifiez le code sur votre bulletin.";
    static final String FIND = "/ateliers/inscription/retrouver";
    static final String CANCEL = "/ateliers/inscription/annulation";
    @Inject
    MutableClock clock;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("relais.public-registration.registrations-per-hour", "100000",
                "relais.public-registration.code-checks-per-window", "100000");
    }

    private long register(WorkshopSession s, String firstName, String seats) {
        return registeredId(visitor().post("/ateliers/seances/" + s.id(), form(firstName, null, null, seats, true)));
    }

    private String code(long registrationId) {
        return fixtures.registration(registrationId).code();
    }

    private static Map<String, String> typed(String code, String firstName) {
        return Map.of("code", code, "firstName", firstName);
    }

    /** The person's page that finding the registration leads to. */
    private TestClient.Answer found(String code, String firstName) {
        TestClient.Answer answer = visitor().post(FIND, typed(code, firstName));
        assertEquals(303, answer.status(), () -> answer.texts(".error-summary, .field-error").toString());
        assertTrue(AgendaSupport.PAGE.matcher(answer.location()).matches(), answer.location());
        return visitor().get(answer.location());
    }

    @Test
    void theCodeIsReadLenientlyAndTheFirstNameWithoutCaseOrAccents() {
        WorkshopSession s = fixtures.publicSession(fixtures.library("retrouver"), 8);
        long id = register(s, "Zoé", "1");
        String code = code(id);
        // Lower case, spaces instead of the dash, an O typed for a zero: the same code.
        String typedCode = (code.substring(0, 3) + " " + code.substring(3)).toLowerCase(Locale.ROOT).replace('0', 'o');

        TestClient.Answer page = found(typedCode, "  zoe ");

        assertEquals("Votre place est réservée", page.h1());
        assertEquals(code.substring(0, 3) + "-" + code.substring(3), page.html().selectFirst(".code-box strong").text());
    }

    @Test
    void aWrongCodeOrFirstNameGetsTheSameMessageAndEmptyFieldsTheirs() {
        WorkshopSession s = fixtures.publicSession(fixtures.library("faux"), 8);
        long id = register(s, "Marie", "1");
        for (Map<String, String> wrong : List.of(typed(code(id), "Martine"), typed("ZZZ-ZZZ", "Marie"), typed("pas un code", "Marie"))) {
            for (String path : List.of(FIND, CANCEL)) {
                TestClient.Answer answer = visitor().post(path, wrong);
                assertEquals(422, answer.status(), path);
                assertEquals(List.of(NOT_FOUND), answer.texts(".error-summary p"), path + " " + wrong);
                assertEquals(wrong.get("code"), answer.fieldValue("code"), "what was typed stays");
            }
        }
        TestClient.Answer empty = visitor().post(FIND, typed("", ""));
        assertEquals("Ce champ est obligatoire.", empty.fieldMessage("code"));
        assertEquals("Ce champ est obligatoire.", empty.fieldMessage("firstName"));
        TestClient.Answer tooLong = visitor().post(CANCEL, typed("K7M-4QX", "x".repeat(41)));
        assertEquals("Ce texte est trop long : 40 caractères au plus.", tooLong.fieldMessage("firstName"));
        assertEquals(RegistrationStatus.SEATED, fixtures.registration(id).status(), "nothing cancelled");
    }

    @Test
    void cancellingGivesTheSeatToTheFirstWaitingPersonWhoseCodeThenShowsIt() {
        WorkshopSession s = fixtures.publicSession(fixtures.library("promotion"), 2);
        long marie = register(s, "Marie", "2");
        long paul = register(s, "Paul", "1");
        long lina = register(s, "Lina", "2");
        assertEquals("Vous êtes en tête de la liste d’attente", found(code(paul), "Paul").html().selectFirst("main .lead").text());
        assertEquals("Vous êtes 2e sur la liste d’attente", found(code(lina), "Lina").html().selectFirst("main .lead").text());

        TestClient.Answer cancelled = visitor().post(CANCEL, typed(code(marie), "marie"));

        assertEquals(303, cancelled.status());
        assertEquals(CANCEL + "?fait=1", cancelled.location());
        TestClient.Answer done = visitor().get(cancelled.location());
        assertEquals("Votre inscription est annulée. Votre place est donnée à une autre personne. Merci de nous avoir prévenus.",
                done.html().selectFirst("main .flash").text());
        assertEquals(RegistrationStatus.CANCELLED_BY_USER, fixtures.registration(marie).status());
        // Two places freed: Paul (1 place) takes one; Lina (2 places) does not fit in the one left and keeps her turn.
        TestClient.Answer paulsPage = found(code(paul), "Paul");
        assertEquals("Votre place est réservée", paulsPage.h1());
        assertEquals(RegistrationStatus.SEATED, fixtures.registration(paul).status());
        assertTrue(fixtures.registration(paul).promotedAt() != null);
        TestClient.Answer linasPage = found(code(lina), "Lina");
        assertEquals("Vous êtes en tête de la liste d’attente", linasPage.html().selectFirst("main .lead").text(),
                "two places asked, one left: Lina keeps her turn");
        assertEquals(fixtures.seated(s), fixtures.reload(s).seatsTaken());

        // Cancelling again changes nothing and shows the cancelled registration.
        TestClient.Answer again = visitor().post(CANCEL, typed(code(marie), "Marie"));
        assertEquals(303, again.status());
        TestClient.Answer marieSees = visitor().get(again.location());
        assertEquals("Inscription annulée", marieSees.h1());
        assertEquals("Cette inscription est annulée.", marieSees.html().selectFirst("main .notice").text());
        assertNull(marieSees.html().selectFirst(".code-box"), "no code to keep any more");
        assertTrue(marieSees.html().select("main .actions-list").isEmpty(), "no slip for a cancelled registration");
    }

    @Test
    void afterRegistrationClosesCancellingOnlineIsRefusedWithTheLibrarysPhone() {
        Site site = fixtures.library("trop-tard");
        Workshop w = fixtures.workshop(null, "Découvrir sa boîte mail", WorkshopLevel.BEGINNER, "EMAIL");
        WorkshopSession s = fixtures.sessionAt(site, w, ZonedDateTime.now(clock).plusHours(3), 8);
        long id = register(s, "Marie", "1");
        assertTrue(found(code(id), "Marie").html().selectFirst("main a[href=" + CANCEL + "]") != null, "still cancellable");

        clock.advance(Duration.ofMinutes(65)); // registration closes two hours before the start
        TestClient.Answer late = visitor().post(CANCEL, typed(code(id), "Marie"));

        assertEquals(422, late.status());
        assertEquals(List.of("Il est trop tard pour annuler en ligne : c’est possible jusqu’à 2 heures avant le début de "
                + "l’atelier. Vous pouvez appeler la bibliothèque au 04 78 12 34 56."), late.texts(".error-summary p"));
        assertEquals(RegistrationStatus.SEATED, fixtures.registration(id).status());
        TestClient.Answer page = found(code(id), "Marie");
        assertNull(page.html().selectFirst("main a[href=" + CANCEL + "]"), "the page no longer offers to cancel");
        assertEquals("04 78 12 34 56", page.html().selectFirst("main a[href^=tel:]").text());
    }

    @Test
    void aSessionCancelledByTheLibraryShowsOnThePersonsPage() {
        WorkshopSession s = fixtures.publicSession(fixtures.library("annulee"), 8);
        long id = register(s, "Marie", "1");
        fixtures.cancelSession(s);

        TestClient.Answer page = found(code(id), "Marie");

        assertEquals("Inscription annulée", page.h1());
        assertEquals("La bibliothèque a annulé cette séance. Votre inscription est annulée.", page.html().selectFirst("main .notice").text());
        assertEquals(303, visitor().post(CANCEL, typed(code(id), "Marie")).status(), "nothing more to cancel: its page");
        assertEquals(RegistrationStatus.CANCELLED_BY_SITE, fixtures.registration(id).status());
    }
}
