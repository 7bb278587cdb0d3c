package fr.relais.appointment;

import fr.relais.security.ShortCodes;
import fr.relais.site.Site;
import fr.relais.testing.OnBothDatabases;
import fr.relais.testing.MutableClock;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Booking, cancelling and moving at the service level, on a site of its own per test (a permanence a week ahead,
 * 14:00–16:00, with one seat per helper).
 */
@MicronautTest(transactional = false)
class BookingsTest extends OnBothDatabases {
    static final String CODE = "[0-9A-HJKMNP-TV-Z]{6}";

    @Inject
    Bookings bookings;
    @Inject
    BookingCodes codes;
    @Inject
    Slots slots;
    @Inject
    AppointmentRepository appointments;
    @Inject
    AppointmentFixtures fixtures;
    @Inject
    MutableClock clock;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    private static Bookings.Request request(String firstName) {
        return new Bookings.Request(firstName, null, null, "EMAIL", null, null);
    }

    /** What the desk form gives the service: the phone and e-mail in their one stored form. */
    private static Bookings.Request typed(String firstName, String phone, String email) {
        return new BookingForm(firstName, phone, email, "EMAIL", null, null, null).toRequest();
    }

    private static Slot.Key key(Slot slot) {
        return Slot.parse(slot.key()).orElseThrow();
    }

    private Slot slotAt(Site site, Slot first, int hour, int minute) {
        return slots.find(site, new Slot.Key(first.permanenceId(), first.date(), LocalTime.of(hour, minute))).orElseThrow();
    }

    private Appointment reload(Appointment a) {
        return appointments.findById(a.id()).orElseThrow();
    }

    private void travelTo(Instant when) {
        clock.advance(Duration.between(clock.instant(), when));
    }

    @Test
    void bookingTakesSeatOneThenSeatTwoThenTheSlotIsFull() {
        AppointmentFixtures.Desk desk = fixtures.desk("bookings-seats", 2);
        Slot slot = desk.slot();
        assertEquals(2, slot.capacity());

        Appointment first = bookings.book(desk.site(), key(slot), request("Mme A."), null);
        Appointment second = bookings.book(desk.site(), key(slot), request("M. B."), null);
        assertEquals(Short.valueOf((short) 1), first.seat());
        assertEquals(Short.valueOf((short) 2), second.seat());
        assertEquals(slot.helpers().get(0), first.helperId(), "seat n goes to the n-th helper");
        assertEquals(slot.helpers().get(1), second.helperId());
        assertEquals(AppointmentStatus.BOOKED, reload(first).status());
        assertEquals(slot.startsAt(), reload(first).startsAt());
        assertEquals(slot.endsAt(), reload(first).endsAt());

        SlotUnavailableException full = assertThrows(SlotUnavailableException.class,
                () -> bookings.book(desk.site(), key(slot), request("Mme C."), null));
        assertEquals(SlotUnavailableException.Reason.FULL, full.reason());
        assertEquals(0, slots.find(desk.site(), key(slot)).orElseThrow().free());
        assertEquals(2, appointments.findBySiteIdAndSlotDateOrderBySlotTime(desk.site().id(), slot.date()).size(),
                "nothing saved by the refused booking");
    }

    @Test
    void aPastUnknownOrOtherSitesSlotCannotBeBooked() {
        AppointmentFixtures.Desk desk = fixtures.desk("bookings-refused", 1);
        AppointmentFixtures.Desk other = fixtures.desk("bookings-other", 1);
        Slot slot = desk.slot();
        assertEquals(SlotUnavailableException.Reason.UNKNOWN, assertThrows(SlotUnavailableException.class,
                () -> bookings.book(desk.site(), key(other.slot()), request("Mme A."), null)).reason());
        assertEquals(SlotUnavailableException.Reason.UNKNOWN, assertThrows(SlotUnavailableException.class,
                () -> bookings.book(desk.site(), new Slot.Key(slot.permanenceId(), slot.date(), LocalTime.of(14, 15)),
                        request("Mme A."), null)).reason());
        assertEquals(SlotUnavailableException.Reason.UNKNOWN, assertThrows(SlotUnavailableException.class,
                () -> bookings.book(desk.site(), new Slot.Key(slot.permanenceId(), slot.date().plusDays(1), LocalTime.of(14, 0)),
                        request("Mme A."), null)).reason());
        travelTo(slot.startsAt());
        assertEquals(SlotUnavailableException.Reason.PAST, assertThrows(SlotUnavailableException.class,
                () -> bookings.book(desk.site(), key(slot), request("Mme A."), null)).reason());
        assertEquals(List.of(), appointments.findBySiteIdAndSlotDateOrderBySlotTime(desk.site().id(), slot.date()));
    }

    @Test
    void cancellingEmptiesTheSeatAndFreesIt() {
        AppointmentFixtures.Desk desk = fixtures.desk("bookings-cancel", 2);
        Slot slot = desk.slot();
        Appointment first = bookings.book(desk.site(), key(slot), request("Mme A."), null);
        Appointment second = bookings.book(desk.site(), key(slot), request("M. B."), null);

        Appointment cancelled = bookings.setStatus(first, AppointmentStatus.CANCELLED_BY_SITE, "Aidant malade");
        assertNull(cancelled.seat());
        Appointment row = reload(first);
        assertNull(row.seat(), "the row holds no seat any more");
        assertEquals(AppointmentStatus.CANCELLED_BY_SITE, row.status());
        assertEquals("Aidant malade", row.cancelReason());
        assertEquals(first.code(), row.code());
        assertEquals(1, slots.find(desk.site(), key(slot)).orElseThrow().free());

        Appointment again = bookings.book(desk.site(), key(slot), request("Mme C."), null);
        assertEquals(Short.valueOf((short) 1), again.seat(), "the freed seat is taken again");
        assertEquals(Short.valueOf((short) 2), reload(second).seat());

        bookings.setStatus(reload(second), AppointmentStatus.CANCELLED_BY_USER, null);
        assertNull(reload(second).seat());
        assertEquals(AppointmentStatus.CANCELLED_BY_USER, reload(second).status());
        assertEquals(Short.valueOf((short) 2), bookings.book(desk.site(), key(slot), request("M. D."), null).seat());
    }

    @Test
    void aCancellationIsFinalEvenForAPageOpenedBeforeIt() {
        AppointmentFixtures.Desk desk = fixtures.desk("bookings-final", 1);
        Appointment shownAtTheDesk = bookings.book(desk.site(), key(desk.slot()), request("Mme A."), null);
        bookings.setStatus(shownAtTheDesk, AppointmentStatus.CANCELLED_BY_USER, null);
        // The helper's page still shows the appointment as booked: "Honoré" changes nothing, and no error.
        Appointment after = bookings.setStatus(shownAtTheDesk, AppointmentStatus.DONE, null);
        assertEquals(AppointmentStatus.CANCELLED_BY_USER, after.status());
        assertEquals(AppointmentStatus.CANCELLED_BY_USER, reload(shownAtTheDesk).status());
        assertNull(reload(shownAtTheDesk).seat());
        assertEquals(1, slots.find(desk.site(), key(desk.slot())).orElseThrow().free(), "the seat stays free");
    }

    @Test
    void honouredAndAbsentKeepTheirSeat() {
        AppointmentFixtures.Desk desk = fixtures.desk("bookings-marks", 2);
        Appointment a = bookings.book(desk.site(), key(desk.slot()), request("Mme A."), null);
        Appointment b = bookings.book(desk.site(), key(desk.slot()), request("M. B."), null);
        bookings.setStatus(a, AppointmentStatus.DONE, null);
        bookings.setStatus(b, AppointmentStatus.NO_SHOW, null);
        assertEquals(AppointmentStatus.DONE, reload(a).status());
        assertEquals(Short.valueOf((short) 1), reload(a).seat());
        assertEquals(AppointmentStatus.NO_SHOW, reload(b).status());
        assertEquals(Short.valueOf((short) 2), reload(b).seat());
        assertEquals(0, slots.find(desk.site(), key(desk.slot())).orElseThrow().free());
    }

    @Test
    void cancellingOnlineIsPossibleUntilTwoHoursBefore() {
        AppointmentFixtures.Desk desk = fixtures.desk("bookings-cutoff", 1);
        Appointment a = bookings.book(desk.site(), key(desk.slot()), request("Mme A."), null);
        assertTrue(bookings.cancellableOnline(a), "a week ahead");
        Instant cutoff = a.startsAt().minus(Duration.ofHours(2));
        travelTo(cutoff.minus(Duration.ofMinutes(1)));
        assertTrue(bookings.cancellableOnline(a), "just before the cut-off");
        travelTo(cutoff.plus(Duration.ofMinutes(1)));
        assertFalse(bookings.cancellableOnline(a), "just after the cut-off");
        travelTo(a.startsAt().plus(Duration.ofHours(1)));
        assertFalse(bookings.cancellableOnline(a), "after the appointment");
        clock.reset();
        assertFalse(bookings.cancellableOnline(bookings.setStatus(a, AppointmentStatus.CANCELLED_BY_USER, null)),
                "already cancelled");
    }

    @Test
    void theContactLimitCountsFutureBookingsPerNormalizedPhone() {
        AppointmentFixtures.Desk desk = fixtures.desk("bookings-phone", 2);
        Slot slot = desk.slot();
        Site site = desk.site();
        String phone = typed("x", "06 11 22 33 44", null).phone();
        assertEquals("+33611223344", phone);
        assertFalse(bookings.overContactLimit(site, phone, null));
        Appointment a = bookings.book(site, key(slot), typed("Mme A.", "06 11 22 33 44", null), null);
        assertFalse(bookings.overContactLimit(site, phone, null), "one future booking");
        Appointment b = bookings.book(site, key(slotAt(site, slot, 14, 30)), typed("Mme A.", "06.11.22.33.44", null), null);
        assertTrue(bookings.overContactLimit(site, phone, null), "two future bookings with the same number, typed differently");
        assertTrue(bookings.overContactLimit(site, typed("x", "+33 6 11 22 33 44", null).phone(), null),
                "the same number in its international form");
        assertFalse(bookings.overContactLimit(site, "+33699999999", null), "another number");
        assertFalse(bookings.overContactLimit(site, null, null), "no contact at all");

        bookings.setStatus(b, AppointmentStatus.CANCELLED_BY_USER, null);
        assertFalse(bookings.overContactLimit(site, phone, null), "a cancelled booking does not count");
        Appointment c = bookings.book(site, key(slotAt(site, slot, 15, 0)), typed("Mme A.", "0611223344", null), null);
        assertTrue(bookings.overContactLimit(site, phone, null));
        bookings.setStatus(a, AppointmentStatus.DONE, null);
        assertFalse(bookings.overContactLimit(site, phone, null), "an honoured one does not count");
        travelTo(c.startsAt().plusSeconds(1));
        bookings.setStatus(a, AppointmentStatus.BOOKED, null);
        assertFalse(bookings.overContactLimit(site, phone, null), "past bookings do not count");
    }

    @Test
    void theContactLimitCountsFutureBookingsPerEmail() {
        AppointmentFixtures.Desk desk = fixtures.desk("bookings-email", 2);
        Slot slot = desk.slot();
        Site site = desk.site();
        String email = typed("x", null, "camille@exemple.fr").email();
        bookings.book(site, key(slot), typed("Camille", null, "Camille@Exemple.FR"), null);
        assertFalse(bookings.overContactLimit(site, null, email));
        bookings.book(site, key(slotAt(site, slot, 14, 30)), typed("Camille", null, " camille@exemple.fr "), null);
        assertTrue(bookings.overContactLimit(site, null, email), "the same address, typed differently");
        assertTrue(bookings.overContactLimit(site, "0600000000", email), "either contact over the limit is enough");
        assertFalse(bookings.overContactLimit(site, null, "autre@exemple.fr"));
    }

    @Test
    void movingKeepsTheCodeAndFreesTheOldSeat() {
        AppointmentFixtures.Desk desk = fixtures.desk("bookings-move", 1);
        Site site = desk.site();
        Slot from = desk.slot();
        Slot to = slotAt(site, from, 15, 0);
        Slot full = slotAt(site, from, 15, 30);
        Appointment a = bookings.book(site, key(from), typed("Mme A.", "06 12 34 56 78", null), null);
        Appointment blocker = bookings.book(site, key(full), request("M. B."), null);

        Appointment moved = bookings.move(site, a, key(to));
        assertEquals(a.code(), moved.code(), "the code stays");
        Appointment row = reload(a);
        assertEquals(a.code(), row.code());
        assertEquals(LocalTime.of(15, 0), row.slotTime());
        assertEquals(to.startsAt(), row.startsAt());
        assertEquals(to.endsAt(), row.endsAt());
        assertEquals(Short.valueOf((short) 1), row.seat());
        assertEquals("+33612345678", row.phone());
        assertEquals(AppointmentStatus.BOOKED, row.status());
        assertEquals(1, slots.find(site, key(from)).orElseThrow().free(), "the old seat is free");
        assertEquals(0, slots.find(site, key(to)).orElseThrow().free());

        assertEquals(SlotUnavailableException.Reason.FULL, assertThrows(SlotUnavailableException.class,
                () -> bookings.move(site, row, key(full))).reason());
        assertEquals(LocalTime.of(15, 0), reload(a).slotTime(), "not moved into a full slot");
        assertEquals(blocker.seat(), reload(blocker).seat());
        assertEquals(SlotUnavailableException.Reason.UNKNOWN, assertThrows(SlotUnavailableException.class,
                () -> bookings.move(site, row, new Slot.Key(from.permanenceId(), from.date(), LocalTime.of(17, 0)))).reason());

        Appointment back = bookings.move(site, row, key(from));
        assertEquals(a.code(), back.code());
        assertEquals(LocalTime.of(14, 0), reload(a).slotTime());
        travelTo(to.startsAt());
        assertEquals(SlotUnavailableException.Reason.PAST, assertThrows(SlotUnavailableException.class,
                () -> bookings.move(site, reload(a), key(slotAt(site, from, 15, 0)))).reason());
    }

    @Test
    void bookingCodesAreSixRandomCharactersOfTheUnambiguousAlphabet() {
        assertEquals(32, ShortCodes.ALPHABET.length());
        assertEquals(32, ShortCodes.ALPHABET.chars().distinct().count());
        for (char lookAlike : "ILOU".toCharArray()) {
            assertEquals(-1, ShortCodes.ALPHABET.indexOf(lookAlike), "no " + lookAlike);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 5000; i++) {
            String code = codes.next();
            assertTrue(code.matches(CODE), code);
            seen.add(code);
        }
        assertTrue(seen.size() > 4990, "random: " + seen.size() + " distinct of 5000");
        Set<Character> used = new HashSet<>();
        seen.forEach(c -> c.chars().forEach(ch -> used.add((char) ch)));
        assertEquals(32, used.size(), "every symbol appears");
        assertEquals("K7M-4QX", BookingCodes.display("K7M4QX"));

        AppointmentFixtures.Desk desk = fixtures.desk("bookings-codes", 2);
        Appointment a = bookings.book(desk.site(), key(desk.slot()), request("Mme A."), null);
        Appointment b = bookings.book(desk.site(), key(desk.slot()), request("M. B."), null);
        assertTrue(a.code().matches(CODE), a.code());
        assertNotEquals(a.code(), b.code());
        assertEquals(Optional.of(a.code()), BookingCodes.normalize(BookingCodes.display(a.code()).toLowerCase()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"K7M-4QX", "k7m-4qx", " K7M 4QX ", "K7M4QX", "k 7 m - 4 q x", "\tK7M-4QX\n"})
    void codesAreReadBackLeniently(String typed) {
        assertEquals(Optional.of("K7M4QX"), BookingCodes.normalize(typed));
    }

    @Test
    void lookAlikeLettersAreReadAsTheirDigits() {
        assertEquals(Optional.of("K0M4QX"), BookingCodes.normalize("KOM-4QX"));
        assertEquals(Optional.of("K0M4QX"), BookingCodes.normalize("kom-4qx"));
        assertEquals(Optional.of("K1M41X"), BookingCodes.normalize("KIM-4LX"));
        assertEquals(Optional.of("K1M41X"), BookingCodes.normalize("kim-4lx"));
        assertEquals(Optional.of("KVM4QX"), BookingCodes.normalize("KUM-4QX"));
        assertEquals(Optional.of("KVM4QX"), BookingCodes.normalize("kum-4qx"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"K7M4Q", "K7M-4Q!", "K7M-4QXX", "K7M_4QX", "K7M.4QX", "", "   ", "ÉÀÇ-4QX"})
    void whatCannotBeACodeIsRefused(String typed) {
        assertEquals(Optional.empty(), BookingCodes.normalize(typed), "\"" + typed + "\" (" + typed.length() + ")");
    }

    @Test
    void overLongOrMissingInputIsRefused() {
        String twentyOne = " ".repeat(14) + "K7M-4QX";
        assertEquals(21, twentyOne.length());
        assertEquals(Optional.empty(), BookingCodes.normalize(twentyOne));
        assertEquals(Optional.empty(), BookingCodes.normalize("K7M-4QX".repeat(3)));
        assertEquals(Optional.empty(), BookingCodes.normalize(null));
        String twenty = " ".repeat(13) + "K7M-4QX";
        assertEquals(Optional.of("K7M4QX"), BookingCodes.normalize(twenty), "20 characters are read");
    }
}
