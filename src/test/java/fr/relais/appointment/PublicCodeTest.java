package fr.relais.appointment;

import fr.relais.site.Site;
import fr.relais.testing.TestClient;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Finding and cancelling an appointment with its booking code and the first name given, as an anonymous visitor:
 * forgiving with what is typed (case, spaces, look-alike letters), never saying which of the two is wrong,
 * cancelling until the site's cut-off (2 hours before) and pointing to the library's phone after it.
 * Rate limits are raised here; {@link PublicRateLimitTest} tests them.
 */
@MicronautTest(environments = "demo", transactional = false)
class PublicCodeTest extends PublicBookingBase {
    static final String FIND = "/rendez-vous/retrouver";
    static final String CANCEL = "/rendez-vous/annulation";
    static final String TOO_LATE = "Il est trop tard pour annuler en ligne : c’est possible jusqu’à 2 heures avant le rendez-vous.";

    @Inject
    AppointmentLinks links;

    Appointment elodie;

    /** A booking made on the public page, next week at 14:00 at a new library with one helper. */
    private Appointment book(String label, String firstName) {
        AppointmentFixtures.Desk desk = fixtures.desk(slug(label), 1);
        long id = bookedId(visitor.post(slotPath(desk.site(), desk.slot()), bookingForm(firstName, null, null)));
        return appointments.findById(id).orElseThrow();
    }

    /** The same appointment with another code (the key of its links changes with it). */
    private Appointment withCode(Appointment a, String code) {
        return appointments.update(new Appointment(a.id(), a.siteId(), a.permanenceId(), a.slotDate(), a.slotTime(), a.seat(),
                a.startsAt(), a.endsAt(), a.helperId(), a.firstName(), a.phone(), a.email(), a.themeCode(), a.scopeCode(),
                a.helperNote(), code, a.status(), a.cancelReason(), a.bookedBy(), a.createdAt()));
    }

    private Site siteOf(Appointment a) {
        return sites.byId(a.siteId()).orElseThrow();
    }

    // ---- Finding -----------------------------------------------------------------------------------------------

    @Test
    void theFindAndCancelPagesAskForTheCodeAndTheFirstName() {
        for (String path : List.of(FIND, CANCEL)) {
            TestClient.Answer page = visitor.get(path);
            assertEquals(200, page.status(), path);
            assertTrue(mainText(page).contains("Code de réservation"), path);
            assertTrue(mainText(page).contains("Prénom ou initiales"), path);
            assertTrue(mainText(page).contains("par exemple K7M-4QX"), path);
        }
    }

    @ParameterizedTest(name = "code \"{0}\", first name \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "10K-M0Q|Élodie",
            "10KM0Q|élodie",
            "10k m0q|ÉLODIE",
            "10k-m0q| Élodie ",
            " 10K M0Q |Élodie",
            "IOK-MOQ|Élodie",       // I for 1, O for 0
            "lok-moq|élodie",       // l for 1
            "Lo KM oQ|Élodie"})
    void theCodeAndTheFirstNameLeadToTheAppointmentHoweverTheyAreTyped(String code, String firstName) {
        if (elodie == null) {
            // Her code holds a 1 and a 0, so that I, L and O typed for them can be tried.
            elodie = withCode(book("retrouver", "Élodie"), "10KM0Q");
        }
        Appointment a = elodie;

        TestClient.Answer found = visitor.post(FIND, Map.of("code", code, "firstName", firstName));

        assertEquals(303, found.status(), () -> mainText(found));
        assertEquals(links.confirmation(a), found.location());
        TestClient.Answer page = visitor.get(found.location());
        assertEquals(200, page.status());
        assertTrue(mainText(page).contains("10K-M0Q"), mainText(page));
        assertTrue(mainText(page).contains(PublicBookingBase.LONG_DATE.format(a.slotDate())), mainText(page));
    }

    @Test
    void aWrongCodeAWrongFirstNameOrAMalformedCodeAllGetTheSameAnswer() {
        Appointment a = book("erreur", "Marie");
        String code = BookingCodes.display(a.code());
        String otherCode = BookingCodes.display(a.code().startsWith("Z") ? "Y" + a.code().substring(1) : "Z" + a.code().substring(1));
        List<Map<String, String>> attempts = List.of(
                Map.of("code", otherCode, "firstName", "Marie"),    // wrong code
                Map.of("code", code, "firstName", "Martine"),       // right code, wrong first name
                Map.of("code", "ABC", "firstName", "Marie"),        // not a code at all
                Map.of("code", "K7M-4QX-9", "firstName", "Marie"));
        for (String path : List.of(FIND, CANCEL)) {
            List<String> pages = new ArrayList<>();
            for (Map<String, String> attempt : attempts) {
                TestClient.Answer answer = visitor.post(path, attempt);
                assertEquals(422, answer.status(), attempt.toString());
                assertEquals(List.of(NOT_FOUND_MESSAGE), answer.texts(".error-summary"), attempt.toString());
                assertTrue(answer.html().select(".field-error").isEmpty(), "no field is singled out: " + attempt);
                assertEquals(attempt.get("code"), answer.fieldValue("code"), "what was typed stays");
                pages.add(mainText(answer));
            }
            assertEquals(1, pages.stream().distinct().count(), "the pages say exactly the same: " + pages);
        }
        assertEquals(AppointmentStatus.BOOKED, appointments.findById(a.id()).orElseThrow().status());
    }

    @Test
    void anEmptyCodeOrFirstNameIsAskedFor() {
        for (String path : List.of(FIND, CANCEL)) {
            TestClient.Answer answer = visitor.post(path, Map.of("code", "", "firstName", ""));
            assertEquals(422, answer.status());
            assertTrue(answer.fieldError("code").endsWith("Ce champ est obligatoire."), answer.fieldError("code"));
            assertTrue(answer.fieldError("firstName").endsWith("Ce champ est obligatoire."));
        }
    }

    // ---- Cancelling --------------------------------------------------------------------------------------------

    @Test
    void cancellingBeforeTheCutOffFreesTheSlot() {
        Appointment a = book("annuler", "Marie");
        Site site = siteOf(a);
        String slot = slotPath(site, new Slot(a.permanenceId(), a.siteId(), a.slotDate(), a.slotTime(), 30, a.startsAt(),
                a.endsAt(), List.of(), 0));
        assertFalse(links(visitor.get(slotsPage(site)), slotsPage(site) + "/").contains(slot), "the only seat is taken");

        TestClient.Answer cancelled = visitor.post(CANCEL, Map.of("code", BookingCodes.display(a.code()).toLowerCase(), "firstName", "marie"));

        assertEquals(303, cancelled.status(), () -> mainText(cancelled));
        assertEquals("/rendez-vous/annulation?fait=1", cancelled.location());
        TestClient.Answer done = visitor.get(cancelled.location());
        assertEquals(200, done.status());
        assertTrue(mainText(done).contains("Votre rendez-vous est annulé. Le créneau est libéré pour une autre personne."), mainText(done));
        Appointment after = appointments.findById(a.id()).orElseThrow();
        assertEquals(AppointmentStatus.CANCELLED_BY_USER, after.status());
        assertNull(after.seat(), "the seat is free again");
        assertTrue(links(visitor.get(slotsPage(site)), slotsPage(site) + "/").contains(slot), "the slot is offered again");
        // The appointment's own page says it is cancelled, and offers no slip any more.
        TestClient.Answer own = visitor.get(links.confirmation(after));
        assertEquals("Rendez-vous annulé", own.h1());
        assertTrue(links(own, "/rendez-vous/" + a.id() + "/").isEmpty(), "no slip nor calendar file for a cancelled appointment");
    }

    @Test
    void cancellingAgainShowsTheAppointmentAlreadyCancelled() {
        // A second click, or coming back later: nothing changes, and the person sees their appointment marked
        // cancelled (never a "too late" message, an error, or a 500).
        Appointment a = book("deux-fois", "Marie");
        Map<String, String> form = Map.of("code", BookingCodes.display(a.code()), "firstName", "Marie");
        assertEquals(303, visitor.post(CANCEL, form).status());

        TestClient.Answer again = visitor.post(CANCEL, form);

        assertEquals(303, again.status(), () -> mainText(again));
        Appointment after = appointments.findById(a.id()).orElseThrow();
        assertEquals(links.confirmation(after), again.location());
        TestClient.Answer page = visitor.get(again.location());
        assertEquals(200, page.status());
        assertEquals("Rendez-vous annulé", page.h1());
        assertTrue(mainText(page).contains("Ce rendez-vous est annulé."), mainText(page));
        assertEquals(AppointmentStatus.CANCELLED_BY_USER, after.status());
        // Finding it shows the same page.
        assertEquals(again.location(), visitor.post(FIND, form).location());
    }

    @Test
    void anAppointmentCancelledByTheLibraryStaysSo() {
        Appointment a = book("par-la-bibliotheque", "Marie");
        bookings.setStatus(a, AppointmentStatus.CANCELLED_BY_SITE, "Aidant absent");

        TestClient.Answer answer = visitor.post(CANCEL, Map.of("code", BookingCodes.display(a.code()), "firstName", "Marie"));

        assertEquals(303, answer.status(), () -> mainText(answer));
        TestClient.Answer page = visitor.get(answer.location());
        assertEquals("Rendez-vous annulé", page.h1());
        assertTrue(mainText(page).contains("Aidant absent"), mainText(page));
        assertEquals(AppointmentStatus.CANCELLED_BY_SITE, appointments.findById(a.id()).orElseThrow().status());
    }

    @Test
    void afterTheCutOffThePageGivesTheLibrarysPhoneAndNothingChanges() {
        Appointment a = book("trop-tard", "Marie");
        Site site = siteOf(a);
        Map<String, String> form = Map.of("code", BookingCodes.display(a.code()), "firstName", "Marie");

        // One hour before the appointment (14:00): too late.
        moveTo(clock, site, a.slotDate(), LocalTime.of(13, 0));
        TestClient.Answer late = visitor.post(CANCEL, form);

        assertEquals(422, late.status());
        String text = mainText(late);
        assertTrue(text.contains(TOO_LATE), text);
        assertTrue(text.contains("Vous pouvez appeler la bibliothèque au 04 72 00 00 09."), text);
        Appointment after = appointments.findById(a.id()).orElseThrow();
        assertEquals(AppointmentStatus.BOOKED, after.status());
        assertEquals(a.seat(), after.seat());
        // Its page no longer offers to cancel online, but gives the phone.
        TestClient.Answer own = visitor.get(links.confirmation(a));
        assertTrue(links(own, CANCEL).isEmpty(), mainText(own));
        assertTrue(mainText(own).contains("04 72 00 00 09"));

        // Three hours before, it was still possible.
        clock.reset();
        moveTo(clock, site, a.slotDate(), LocalTime.of(11, 0));
        assertFalse(links(visitor.get(links.confirmation(a)), CANCEL).isEmpty());
        assertEquals("/rendez-vous/annulation?fait=1", visitor.post(CANCEL, form).location());
        assertEquals(AppointmentStatus.CANCELLED_BY_USER, appointments.findById(a.id()).orElseThrow().status());
    }
}
