package fr.relais.workshop;

import fr.relais.testing.OnBothDatabases;
import fr.relais.testing.Violations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The workshop forms' constraints, record by record: each one fails on its own field with its own message key. */
@MicronautTest
class WorkshopFormsTest extends OnBothDatabases {
    @Inject
    Validator validator;

    private void assertOnly(Object form, String field, String key) {
        Violations.assertOnly(validator, form, field, key);
    }

    // ---------------------------------------------------------------- catalogue entry

    static WorkshopForm workshop(String title, String level, List<String> themes, String duration, String capacity) {
        return new WorkshopForm(title, "Créer une adresse, lire et envoyer un message.", level, themes, "Votre téléphone",
                "", duration, capacity, "");
    }

    @Test
    void aCatalogueEntryNeedsATitleALevelAThemeAndSensibleDefaults() {
        assertEquals(Map.of(), Violations.of(validator, workshop("Découvrir sa boîte mail", "BEGINNER", List.of("EMAIL"), "90", "8")));
        assertOnly(workshop(" ", "BEGINNER", List.of("EMAIL"), "90", "8"), "title", "error.required");
        assertOnly(workshop("x".repeat(121), "BEGINNER", List.of("EMAIL"), "90", "8"), "title", "error.tooLong");
        assertOnly(workshop("Atelier", "", List.of("EMAIL"), "90", "8"), "level", "workshop.error.level");
        assertOnly(workshop("Atelier", "EXPERT", List.of("EMAIL"), "90", "8"), "level", "error.choice");
        assertOnly(workshop("Atelier", "BEGINNER", null, "90", "8"), "themes", "workshop.error.themes");
        assertOnly(workshop("Atelier", "BEGINNER", List.of(), "90", "8"), "themes", "workshop.error.themes");
        assertOnly(workshop("Atelier", "BEGINNER", List.of("EMAIL", "INCONNU"), "90", "8"), "themes", "error.choice");
        assertOnly(workshop("Atelier", "BEGINNER", List.of("EMAIL"), "14", "8"), "durationMinutes", "workshop.error.duration");
        assertOnly(workshop("Atelier", "BEGINNER", List.of("EMAIL"), "481", "8"), "durationMinutes", "workshop.error.duration");
        assertOnly(workshop("Atelier", "BEGINNER", List.of("EMAIL"), "", "8"), "durationMinutes", "error.required");
        assertOnly(workshop("Atelier", "BEGINNER", List.of("EMAIL"), "90", "0"), "capacity", "workshop.error.capacity");
        assertOnly(workshop("Atelier", "BEGINNER", List.of("EMAIL"), "90", "1 000"), "capacity", "workshop.error.capacity");
    }

    @Test
    void aCatalogueEntryIsKeptTidy() {
        WorkshopForm form = new WorkshopForm("  Découvrir   sa boîte mail ", "Lire et écrire.", "INTERMEDIATE",
                List.of("EMAIL", "EMAIL", "SECURITY"), "Votre téléphone\r\n\r\n  Vos codes  ", " ", " 90 ", "12", "");
        Workshops.Entry entry = form.values();
        assertEquals("Découvrir sa boîte mail", entry.title());
        assertEquals(WorkshopLevel.INTERMEDIATE, entry.level());
        assertEquals(List.of("EMAIL", "SECURITY"), entry.themeCodes());
        assertEquals("Votre téléphone\nVos codes", entry.whatToBring());
        assertNull(entry.prerequisites());
        assertEquals(90, entry.durationMinutes());
        assertEquals(12, entry.capacity());
    }

    // ---------------------------------------------------------------- series

    static SeriesForm series(String workshopId, String date, String time, String duration, String capacity, String repeat,
                             String occurrences) {
        return new SeriesForm(workshopId, date, time, duration, capacity, "Salle 1", List.of("3"), "on", repeat, occurrences, null);
    }

    @Test
    void aSeriesNeedsAWorkshopADateATimeAndACountWhenItRepeats() {
        assertEquals(Map.of(), Violations.of(validator, series("4", "12/12/2026", "10h", "", "", "NONE", "")));
        assertEquals(Map.of(), Violations.of(validator, series("4", "2026-12-12", "10:00", "60", "6", "WEEKLY", "6")));
        assertOnly(series("", "12/12/2026", "10h", "", "", "NONE", ""), "workshopId", "workshop.error.workshop");
        assertOnly(series("quatre", "12/12/2026", "10h", "", "", "NONE", ""), "workshopId", "error.choice");
        assertOnly(series("4", "31/02/2026", "10h", "", "", "NONE", ""), "firstDate", "error.date");
        assertOnly(series("4", "", "10h", "", "", "NONE", ""), "firstDate", "error.required");
        assertOnly(series("4", "12/12/2026", "midi", "", "", "NONE", ""), "startTime", "error.time");
        assertOnly(series("4", "12/12/2026", "10h", "500", "", "NONE", ""), "durationMinutes", "workshop.error.duration");
        assertOnly(series("4", "12/12/2026", "10h", "", "201", "NONE", ""), "capacity", "workshop.error.capacity");
        assertOnly(series("4", "12/12/2026", "10h", "", "", "DAILY", ""), "repeat", "error.choice");
        assertOnly(series("4", "12/12/2026", "10h", "", "", "WEEKLY", ""), "occurrences", "workshop.error.occurrences");
        assertOnly(series("4", "12/12/2026", "10h", "", "", "FORTNIGHTLY", "27"), "occurrences", "workshop.error.occurrences");
        assertOnly(series("4", "12/12/2026", "10h", "", "", "WEEKLY", "0"), "occurrences", "workshop.error.occurrences");
    }

    @Test
    void aSeriesTakesTheWorkshopsDefaultsWhereNothingIsTyped() {
        Workshop w = new Workshop(4L, null, "Atelier", "…", WorkshopLevel.BEGINNER, null, null, 120, 10, true, Instant.now());
        WorkshopSessions.Schedule once = series("4", "12/12/2026", "9h30", "", "", "NONE", "5").values(w, List.of(3L));
        assertEquals(LocalDate.of(2026, 12, 12), once.firstDate());
        assertEquals(LocalTime.of(9, 30), once.startTime());
        assertEquals(120, once.durationMinutes());
        assertEquals(10, once.capacity());
        assertEquals(0, once.everyWeeks());
        assertEquals(1, once.occurrences(), "once is once, whatever the count");
        WorkshopSessions.Schedule fortnightly = series("4", "12/12/2026", "9h30", "45", "6", "FORTNIGHTLY", "3").values(w, List.of());
        assertEquals(2, fortnightly.everyWeeks());
        assertEquals(3, fortnightly.occurrences());
        assertEquals(45, fortnightly.durationMinutes());
        assertEquals(6, fortnightly.capacity());
    }

    // ---------------------------------------------------------------- a session's changes, its cancellation

    static SessionForm session(String date, String time, String duration, String capacity, String room) {
        return new SessionForm(date, time, duration, capacity, room, List.of(), null);
    }

    @Test
    void aSessionsChangesAreCheckedFieldByField() {
        assertEquals(Map.of(), Violations.of(validator, session("12/12/2026", "14:00", "90", "8", "")));
        assertOnly(session("", "14:00", "90", "8", ""), "sessionDate", "error.required");
        assertOnly(session("12/13/2026", "14:00", "90", "8", ""), "sessionDate", "error.date");
        assertOnly(session("12/12/2026", "24:00", "90", "8", ""), "startTime", "error.time");
        assertOnly(session("12/12/2026", "14:00", "", "8", ""), "durationMinutes", "error.required");
        assertOnly(session("12/12/2026", "14:00", "90", "-1", ""), "capacity", "workshop.error.capacity");
        assertOnly(session("12/12/2026", "14:00", "90", "8", "x".repeat(81)), "room", "error.tooLong");
        assertFalse(session("12/12/2026", "14:00", "90", "8", "").values(List.of()).publicListing());
    }

    @Test
    void aCancellationNeedsAShortReasonWithoutPersonalSecrets() {
        assertEquals(Map.of(), Violations.of(validator, new CancelSessionForm("Aidant malade")));
        assertOnly(new CancelSessionForm(" "), "reason", "workshop.error.cancelReason");
        assertOnly(new CancelSessionForm("x".repeat(301)), "reason", "error.tooLong");
        assertOnly(new CancelSessionForm("Mot de passe : Soleil2026!"), "reason", "error.sensitive");
        assertEquals("Aidant malade", new CancelSessionForm("  Aidant \n malade ").value());
    }

    // ---------------------------------------------------------------- desk registration

    static DeskRegistrationForm person(String firstName, String phone, String email, String seats) {
        return new DeskRegistrationForm(firstName, phone, email, seats, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Marie", "M. K.", "Jean-Baptiste", "李小龙", "محمد", "Дмитрий"})
    void aFirstNameOrInitialsInAnyScriptPasses(String name) {
        assertEquals(Map.of(), Violations.of(validator, person(name, "", "", "1")));
    }

    @Test
    void aDeskRegistrationFollowsTheBookingRules() {
        assertOnly(person("", "", "", "1"), "firstName", "error.required");
        assertOnly(person("M".repeat(41), "", "", "1"), "firstName", "error.tooLong");
        assertOnly(person("Marie", "12 34", "", "1"), "phone", "error.phone");
        assertOnly(person("Marie", "", "marie@", "1"), "email", "error.email");
        assertOnly(person("Marie", "", "", ""), "seats", "error.required");
        assertOnly(person("Marie", "", "", "11"), "seats", "workshop.error.seats");
        assertEquals(Map.of(), Violations.of(validator, person("Marie", "+33 6 12 34 56 78", "Marie@Exemple.FR", "2")));
        Registrations.Request request = new DeskRegistrationForm("  Marie  K. ", "+33 6 12 34 56 78", " Marie@Exemple.FR ", "2", "on")
                .values(Locale.ENGLISH);
        assertEquals("Marie K.", request.firstName());
        assertEquals("+33612345678", request.phone(), "one form per number, the public agenda's (E.164)");
        assertEquals("marie@exemple.fr", request.email());
        assertEquals(2, request.seats());
        assertEquals("en", request.language());
        assertTrue(request.waitingListAccepted());
        assertFalse(person("Marie", "", "", "1").values(Locale.FRENCH).waitingListAccepted());
        assertNull(person("Marie", " ", " ", "1").values(Locale.FRENCH).phone(), "blank means nothing typed");
    }

    // ---------------------------------------------------------------- attendance, settings

    @Test
    void walkInsAreACountFromZeroToFiveHundred() {
        assertEquals(Map.of(), Violations.of(validator, new AttendanceForm(List.of("1"), "", null)));
        assertEquals(0, new AttendanceForm(null, "", null).typedWalkIns());
        assertEquals(500, new AttendanceForm(null, "500", null).typedWalkIns());
        assertOnly(new AttendanceForm(null, "501", null), "walkIns", "workshop.error.walkIns");
        assertOnly(new AttendanceForm(null, "-1", null), "walkIns", "workshop.error.walkIns");
        assertOnly(new AttendanceForm(null, "trois", null), "walkIns", "workshop.error.walkIns");
        assertTrue(new AttendanceForm(null, "", "1").everyoneCame());
    }

    @Test
    void settingsStayWithinTheirBounds() {
        assertEquals(Map.of(), Violations.of(validator, new WorkshopSettingsForm("2", "0")));
        assertOnly(new WorkshopSettingsForm("6", "2"), "maxSeats", "workshop.error.maxSeats");
        assertOnly(new WorkshopSettingsForm("0", "2"), "maxSeats", "workshop.error.maxSeats");
        assertOnly(new WorkshopSettingsForm("", "2"), "maxSeats", "error.required");
        assertOnly(new WorkshopSettingsForm("2", "73"), "closingHours", "workshop.error.closingHours");
        assertEquals(new WorkshopSettings(7L, 3, 48), new WorkshopSettingsForm("3", "48").values(7L));
    }
}
