package fr.relais.site;

import fr.relais.testing.OnBothDatabases;
import fr.relais.testing.Violations;
import fr.relais.web.Forms;
import fr.relais.web.Messages;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The opening-hours form: fields d{day}r{n}open / d{day}r{n}close, each a time ({@code @TypedTime}), and the rules
 * spanning several fields ({@link OpeningRanges}), each message on the field to correct.
 */
@MicronautTest
class HoursFormTest extends OnBothDatabases {
    private static final long SITE = 7L;

    @Inject
    Forms forms;
    @Inject
    Validator validator;
    @Inject
    Messages messages;

    /** What the page shows next to each field. */
    private Map<String, String> errors;

    static HoursForm form(String... fieldsAndValues) {
        return SiteFixtures.typed(HoursForm.class, fieldsAndValues);
    }

    /** Validates the form as the controller does; the week's ranges when it is valid, none otherwise. */
    private List<OpeningHours> parse(String... fieldsAndValues) {
        HoursForm form = form(fieldsAndValues);
        Forms.Errors found = forms.validate(form, Messages.FRENCH);
        errors = found.asMap();
        return found.isEmpty() ? form.hours(SITE) : List.of();
    }

    private static OpeningHours range(int day, String opens, String closes) {
        return new OpeningHours(null, SITE, (short) day, LocalTime.parse(opens), LocalTime.parse(closes));
    }

    private String message(String key) {
        return messages.get(Messages.FRENCH, key);
    }

    @Test
    void pairsBecomeRangesOfTheirDay() {
        List<OpeningHours> week = parse(
                "d1r1open", "09:00", "d1r1close", "12:00",
                "d1r2open", "14:00", "d1r2close", "18:00",
                "d6r1open", "10:00", "d6r1close", "17:00",
                "csrfToken", "ignored");
        assertTrue(errors.isEmpty(), errors.toString());
        assertEquals(List.of(range(1, "09:00", "12:00"), range(1, "14:00", "18:00"), range(6, "10:00", "17:00")), week);
    }

    @Test
    void rangesOfADayAreSortedByOpeningTime() {
        List<OpeningHours> week = parse("d3r1open", "14:00", "d3r1close", "18:00", "d3r2open", "09:00", "d3r2close", "12:00");
        assertTrue(errors.isEmpty(), errors.toString());
        assertEquals(List.of(range(3, "09:00", "12:00"), range(3, "14:00", "18:00")), week);
    }

    @Test
    void sundayAndThreeRangesADayAreAccepted() {
        List<OpeningHours> week = parse(
                "d7r1open", "08:00", "d7r1close", "10:00",
                "d7r2open", "10:00", "d7r2close", "12:00",
                "d7r3open", "20:00", "d7r3close", "23:59");
        assertTrue(errors.isEmpty(), "touching ranges do not overlap: " + errors);
        assertEquals(3, week.size());
    }

    @ParameterizedTest
    @CsvSource({"9h30,09:30", "09:30,09:30", "9:30,09:30", "9h,09:00", "14H15,14:15", "' 10:00 ',10:00", "0h00,00:00"})
    void usualWaysOfWritingATimeAreAccepted(String typed, String expected) {
        List<OpeningHours> week = parse("d2r1open", typed, "d2r1close", "23:59");
        assertTrue(errors.isEmpty(), typed + ": " + errors);
        assertEquals(LocalTime.parse(expected), week.get(0).opensAt());
    }

    @ParameterizedTest
    @ValueSource(strings = {"25:00", "24:00", "12:60", "midi", "9", "930", "9.30", "-1:00", "12:3"})
    void otherTimesAreRefused(String typed) {
        List<OpeningHours> week = parse("d2r1open", "08:00", "d2r1close", typed);
        assertEquals(Map.of("d2r1close", message("error.hours.format")), errors, typed);
        assertEquals(List.of(), week);
    }

    @Test
    void bothTimesOfARangeCanBeWrong() {
        parse("d2r1open", "25:00", "d2r1close", "abc");
        assertEquals(Map.of("d2r1open", message("error.hours.format"), "d2r1close", message("error.hours.format")),
                errors);
    }

    @Test
    void closingMustComeAfterOpening() {
        parse("d4r1open", "14:00", "d4r1close", "12:00");
        assertEquals(Map.of("d4r1close", message("error.hours.order")), errors);
        parse("d4r1open", "14:00", "d4r1close", "14:00");
        assertEquals(Map.of("d4r1close", message("error.hours.order")), errors, "an empty range");
    }

    @Test
    void overlappingRangesOfOneDayAreRefused() {
        parse("d1r1open", "09:00", "d1r1close", "12:00", "d1r2open", "11:00", "d1r2close", "13:00");
        assertEquals(Map.of("d1r2open", message("error.hours.overlap")), errors);
        parse("d1r1open", "14:00", "d1r1close", "18:00", "d1r2open", "09:00", "d1r2close", "15:00");
        assertEquals(Map.of("d1r2open", message("error.hours.overlap")), errors, "out of order");
        parse("d1r1open", "09:00", "d1r1close", "18:00", "d1r3open", "10:00", "d1r3close", "11:00");
        assertEquals(Map.of("d1r3open", message("error.hours.overlap")), errors, "inside another");
    }

    @Test
    void theSameHoursOnTwoDaysDoNotOverlap() {
        List<OpeningHours> week = parse("d1r1open", "09:00", "d1r1close", "12:00", "d2r1open", "09:00", "d2r1close", "12:00");
        assertTrue(errors.isEmpty(), errors.toString());
        assertEquals(2, week.size());
    }

    @Test
    void aRangeNeedsBothTimes() {
        parse("d5r1open", "09:00");
        assertEquals(Map.of("d5r1close", message("error.hours.pair")), errors);
        parse("d5r1open", "  ", "d5r1close", "12:00");
        assertEquals(Map.of("d5r1open", message("error.hours.pair")), errors);
    }

    @Test
    void anEmptyWeekHasNoRange() {
        assertEquals(List.of(), parse());
        assertTrue(errors.isEmpty());
        String[] blank = new String[HoursForm.DAYS * HoursForm.RANGES_PER_DAY * 4];
        int i = 0;
        for (int day = 1; day <= HoursForm.DAYS; day++) {
            for (int r = 1; r <= HoursForm.RANGES_PER_DAY; r++) {
                blank[i++] = HoursForm.openField(day, r);
                blank[i++] = "";
                blank[i++] = HoursForm.closeField(day, r);
                blank[i++] = " ";
            }
        }
        assertEquals(List.of(), parse(blank));
        assertTrue(errors.isEmpty(), errors.toString());
    }

    /** Each rule of the form, once, as the record's constraints say it: one field, one message key. */
    @Test
    void eachRuleFailsOnItsOwnField() {
        Violations.assertOnly(validator, form("d2r1open", "midi", "d2r1close", "14:00"), "d2r1open", "error.hours.format");
        Violations.assertOnly(validator, form("d2r1open", "09:00"), "d2r1close", "error.hours.pair");
        Violations.assertOnly(validator, form("d2r1open", "14:00", "d2r1close", "09:00"), "d2r1close", "error.hours.order");
        Violations.assertOnly(validator, form("d2r1open", "09:00", "d2r1close", "12:00", "d2r2open", "11:30",
                "d2r2close", "14:00"), "d2r2open", "error.hours.overlap");
        assertEquals(Map.of(), Violations.of(validator, form("d2r1open", "09:00", "d2r1close", "12:00")));
    }

    @Test
    void savedHoursRoundTrip() {
        List<OpeningHours> hours = List.of(range(2, "09:30", "12:00"), range(2, "14:00", "17:30"), range(6, "10:00", "12:00"));
        HoursForm form = HoursForm.of(hours);
        assertEquals(Map.of("d2r1open", "09:30", "d2r1close", "12:00", "d2r2open", "14:00", "d2r2close", "17:30",
                "d6r1open", "10:00", "d6r1close", "12:00"), filled(form));
        assertEquals(Map.of(), Violations.of(validator, form));
        assertEquals(hours, form.hours(SITE));
    }

    @Test
    void savedHoursKeepAtMostThreeRangesADay() {
        List<OpeningHours> hours = List.of(range(1, "08:00", "09:00"), range(1, "10:00", "11:00"),
                range(1, "12:00", "13:00"), range(1, "14:00", "15:00"));
        Map<String, String> values = filled(HoursForm.of(hours));
        assertEquals(6, values.size());
        assertEquals("12:00", values.get("d1r3open"));
    }

    @Test
    void daysListTheSevenDaysWithTheirFields() {
        HoursForm form = form("d1r1open", "09:00", "d1r1close", "12:00");
        List<HoursForm.Day> days = form.days(Map.of("d1r1close", "Heure non reconnue."));
        assertEquals(7, days.size());
        assertEquals("day.MONDAY", days.get(0).dayKey());
        assertEquals("day.SUNDAY", days.get(6).dayKey());
        List<HoursForm.Range> monday = days.get(0).ranges();
        assertEquals(3, monday.size());
        assertEquals("d1r1open", monday.get(0).openField());
        assertEquals("09:00", monday.get(0).openValue());
        assertEquals("Heure non reconnue.", monday.get(0).closeError());
        assertEquals("", monday.get(1).openValue());
        assertEquals(null, monday.get(1).openError());
    }

    /** The fields that hold something, by name. */
    private static Map<String, String> filled(HoursForm form) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int day = 1; day <= HoursForm.DAYS; day++) {
            for (int r = 1; r <= HoursForm.RANGES_PER_DAY; r++) {
                if (!HoursForm.blank(form.open(day, r))) {
                    values.put(HoursForm.openField(day, r), form.open(day, r));
                    values.put(HoursForm.closeField(day, r), form.close(day, r));
                }
            }
        }
        return values;
    }
}
