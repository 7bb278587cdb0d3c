package fr.relais.appointment;

import fr.relais.testing.OnBothDatabases;
import fr.relais.testing.Violations;
import fr.relais.web.Forms;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The constraints of the appointment forms other than the booking form ({@link BookingFormTest}): a permanence,
 * the booking settings, the desk's cancel, move and status forms, the public code form. Each fails on its own field
 * with its own message key; a valid form converts to typed values.
 */
@MicronautTest
class AppointmentFormsTest extends OnBothDatabases {
    @Inject
    Validator validator;
    @Inject
    Forms forms;

    private Map<String, Set<String>> violations(Object form) {
        return Violations.of(validator, form);
    }

    private void assertOnly(Object form, String field, String key) {
        Violations.assertOnly(validator, form, field, key);
    }

    // ---- a permanence ------------------------------------------------------------------------------------------

    private static PermanenceForm permanence(String day, String start, String end, String minutes, String from, String to,
                                             List<String> helpers) {
        return new PermanenceForm(day, start, end, minutes, from, to, helpers);
    }

    private static PermanenceForm tuesdayAfternoon() {
        return permanence("2", "14h00", "17:00", " 30 ", "03/03/2026", "", List.of("7", "9"));
    }

    @Test
    void aValidPermanenceGivesItsTypedValues() {
        assertEquals(Map.of(), violations(tuesdayAfternoon()));
        PermanenceForm.Values v = tuesdayAfternoon().values();
        assertEquals(new PermanenceForm.Values(2, LocalTime.of(14, 0), LocalTime.of(17, 0), 30, LocalDate.of(2026, 3, 3), null,
                Set.of(7L, 9L)), v);
        assertEquals(LocalDate.of(2026, 6, 30),
                permanence("2", "14:00", "17:00", "30", "2026-03-03", "30/06/2026", List.of("7")).values().validTo());
    }

    @Test
    void theEmptyPermanenceFormAsksForEveryRequiredField() {
        assertEquals(Map.of("dayOfWeek", Set.of("error.required"), "startsAt", Set.of("error.required"),
                        "endsAt", Set.of("error.required"), "slotMinutes", Set.of("error.required"),
                        "validFrom", Set.of("error.required"), "helpers", Set.of("error.permanence.helpers")),
                violations(permanence("", "", "", "", "", "", null)));
        assertOnly(permanence("2", "14:00", "17:00", "30", "03/03/2026", "", List.of()), "helpers", "error.permanence.helpers");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "8", "lundi", "1.5"})
    void aDayOutsideTheWeekIsNotAChoice(String day) {
        assertOnly(permanence(day, "14:00", "17:00", "30", "03/03/2026", "", List.of("7")), "dayOfWeek", "error.choice");
    }

    @ParameterizedTest
    @ValueSource(strings = {"25", "0", "90", "trente"})
    void aSlotLengthOutsideTheListIsNotAChoice(String minutes) {
        assertOnly(permanence("2", "14:00", "17:00", minutes, "03/03/2026", "", List.of("7")), "slotMinutes", "error.choice");
    }

    @Test
    void theOfferedSlotLengthsAreAccepted() {
        for (int minutes : PermanenceForm.SLOT_LENGTHS) {
            assertEquals(Map.of(), violations(permanence("2", "14:00", "17:00", String.valueOf(minutes), "03/03/2026", "",
                    List.of("7"))), minutes + " minutes");
        }
    }

    @Test
    void timesAndDatesThatAreNotSoAreRefusedOnTheirField() {
        assertOnly(permanence("2", "25:00", "17:00", "30", "03/03/2026", "", List.of("7")), "startsAt", "error.hours.format");
        assertOnly(permanence("2", "14:00", "midi", "30", "03/03/2026", "", List.of("7")), "endsAt", "error.hours.format");
        assertOnly(permanence("2", "14:00", "17:00", "30", "31/02/2026", "", List.of("7")), "validFrom", "error.date");
        assertOnly(permanence("2", "14:00", "17:00", "30", "03/03/2026", "2026-13-01", List.of("7")), "validTo", "error.date");
    }

    @Test
    void theEndComesAfterTheStartForHoursAndDays() {
        assertOnly(permanence("2", "16:00", "14:00", "30", "03/03/2026", "", List.of("7")), "endsAt", "error.permanence.order");
        assertOnly(permanence("2", "14:00", "14:00", "30", "03/03/2026", "", List.of("7")), "endsAt", "error.permanence.order");
        assertOnly(permanence("2", "14:00", "17:00", "30", "03/03/2026", "02/03/2026", List.of("7")), "validTo", "error.period.order");
        assertEquals(Map.of(), violations(permanence("2", "14:00", "17:00", "30", "03/03/2026", "03/03/2026", List.of("7"))),
                "a permanence of one day");
        assertEquals(Map.of("endsAt", Set.of("error.permanence.order"), "validTo", Set.of("error.period.order")),
                violations(permanence("2", "17:00", "14:00", "30", "03/03/2026", "01/03/2026", List.of("7"))), "both at once");
    }

    // ---- the booking settings ----------------------------------------------------------------------------------

    @Test
    void bookingSettingsAreWholeNumbersWithinTheirRange() {
        assertEquals(Map.of(), violations(new BookingSettingsForm("12", " 0 ", "1")));
        assertEquals(new BookingSettings(5L, 12, 0, 1), new BookingSettingsForm("12", " 0 ", "1").values(5));
        assertOnly(new BookingSettingsForm("13", "2", "2"), "bookingWeeks", "error.range");
        assertOnly(new BookingSettingsForm("4", "-1", "2"), "cancelCutoffHours", "error.range");
        assertOnly(new BookingSettingsForm("4", "2", "deux"), "maxFutureBookings", "error.range");
        assertOnly(new BookingSettingsForm("4", "", "2"), "cancelCutoffHours", "error.required");
    }

    @Test
    void aRangeMessageNamesBothBounds() {
        assertEquals(Map.of("bookingWeeks", "Tapez un nombre entier de 1 à 12.", "cancelCutoffHours", "Tapez un nombre entier de 0 à 72.",
                        "maxFutureBookings", "Tapez un nombre entier de 1 à 10."),
                forms.validate(new BookingSettingsForm("0", "73", "11"), Locale.FRENCH).asMap());
        assertEquals(Map.of("bookingWeeks", "Type a whole number from 1 to 12."),
                forms.validate(new BookingSettingsForm("0", "2", "2"), Locale.ENGLISH).asMap());
    }

    // ---- the desk: cancel, move, status ------------------------------------------------------------------------

    @Test
    void aCancellationNeedsAShortReasonWithoutSensitiveData() {
        assertEquals("Aidant malade", new CancelForm("  Aidant malade ").reason());
        assertEquals(Map.of(), violations(new CancelForm("x".repeat(300))));
        assertOnly(new CancelForm("   "), "reason", "error.cancel.reason");
        assertOnly(new CancelForm(null), "reason", "error.cancel.reason");
        assertOnly(new CancelForm("x".repeat(301)), "reason", "error.tooLong");
        assertOnly(new CancelForm("mdp: soleil"), "reason", "error.sensitive");
        assertEquals(Map.of("reason", "Ce texte est trop long : 300 caractères au plus."),
                forms.validate(new CancelForm("x".repeat(301)), Locale.FRENCH).asMap());
    }

    @Test
    void aMoveNeedsTheKeyOfASlot() {
        assertEquals(Map.of(), violations(new MoveForm("12-20260303-1430")));
        assertEquals(new Slot.Key(12, LocalDate.of(2026, 3, 3), LocalTime.of(14, 30)), new MoveForm("12-20260303-1430").key());
        for (String notAKey : List.of("", "abc", "12-20261345-1400", "12-20260303-2599")) {
            assertOnly(new MoveForm(notAKey), "slot", "error.slot.choose");
        }
        assertOnly(new MoveForm(null), "slot", "error.slot.choose");
    }

    @Test
    void onlyHonouredOrAbsentIsAStatusToMark() {
        assertEquals(AppointmentStatus.DONE, new StatusForm("DONE").value());
        assertEquals(AppointmentStatus.NO_SHOW, new StatusForm("NO_SHOW").value());
        for (String other : List.of("BOOKED", "CANCELLED_BY_SITE", "done", "")) {
            assertOnly(new StatusForm(other), "status", "error.choice");
        }
        assertOnly(new StatusForm(null), "status", "error.choice");
    }

    // ---- the public code form ----------------------------------------------------------------------------------

    @Test
    void findingAnAppointmentNeedsACodeAndAFirstName() {
        assertEquals(Map.of("code", Set.of("error.required"), "firstName", Set.of("error.required")),
                violations(new CodeForm(" ", "")));
        assertOnly(new CodeForm("K7M-4QX", "M".repeat(41)), "firstName", "error.tooLong");
        assertEquals(Map.of(), violations(new CodeForm("K7M-4QX", "M".repeat(40))));
    }

    @Test
    void theCodeIsReadLenientlyAndTheFirstNameWithoutCase() {
        assertEquals(BookingCodes.normalize("10KM0Q"), new CodeForm(" lok-moq ", "Élodie").normalizedCode());
        assertFalse(new CodeForm("ABC", "Élodie").normalizedCode().isPresent(), "too short to be a code");
        Appointment elodie = new Appointment(1L, 1, 1, LocalDate.of(2026, 3, 3), LocalTime.of(14, 0), (short) 1, null, null, 1L,
                "Élodie", null, null, "EMAIL", null, null, "10KM0Q", AppointmentStatus.BOOKED, null, null, null);
        assertTrue(new CodeForm("10KM0Q", " ÉLODIE ").names(elodie));
        assertFalse(new CodeForm("10KM0Q", "Elodie").names(elodie), "another first name");
    }
}
