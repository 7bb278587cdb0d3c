package fr.relais.site;

import fr.relais.web.FormErrorsFixture;
import fr.relais.web.Forms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The opening-hours form: fields d{day}r{n}open / d{day}r{n}close, parsed with the rules spanning several fields. */
class WeeklyHoursTest {
    private static final long SITE = 7L;

    private Forms.Errors errors;

    private List<OpeningHours> parse(String... fieldsAndValues) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            typed.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        errors = FormErrorsFixture.french();
        return WeeklyHours.parse(SITE, typed, errors);
    }

    private static OpeningHours range(int day, String opens, String closes) {
        return new OpeningHours(null, SITE, (short) day, LocalTime.parse(opens), LocalTime.parse(closes));
    }

    private static String message(String key) {
        return FormErrorsFixture.french(key);
    }

    @Test
    void pairsBecomeRangesOfTheirDay() {
        List<OpeningHours> week = parse(
                "d1r1open", "09:00", "d1r1close", "12:00",
                "d1r2open", "14:00", "d1r2close", "18:00",
                "d6r1open", "10:00", "d6r1close", "17:00",
                "csrfToken", "ignored");
        assertTrue(errors.isEmpty(), errors.asMap().toString());
        assertEquals(List.of(range(1, "09:00", "12:00"), range(1, "14:00", "18:00"), range(6, "10:00", "17:00")), week);
    }

    @Test
    void rangesOfADayAreSortedByOpeningTime() {
        List<OpeningHours> week = parse("d3r1open", "14:00", "d3r1close", "18:00", "d3r2open", "09:00", "d3r2close", "12:00");
        assertTrue(errors.isEmpty(), errors.asMap().toString());
        assertEquals(List.of(range(3, "09:00", "12:00"), range(3, "14:00", "18:00")), week);
    }

    @Test
    void sundayAndThreeRangesADayAreAccepted() {
        List<OpeningHours> week = parse(
                "d7r1open", "08:00", "d7r1close", "10:00",
                "d7r2open", "10:00", "d7r2close", "12:00",
                "d7r3open", "20:00", "d7r3close", "23:59");
        assertTrue(errors.isEmpty(), "touching ranges do not overlap: " + errors.asMap());
        assertEquals(3, week.size());
    }

    @ParameterizedTest
    @CsvSource({"9h30,09:30", "09:30,09:30", "9:30,09:30", "9h,09:00", "14H15,14:15", "' 10:00 ',10:00", "0h00,00:00"})
    void usualWaysOfWritingATimeAreAccepted(String typed, String expected) {
        List<OpeningHours> week = parse("d2r1open", typed, "d2r1close", "23:59");
        assertTrue(errors.isEmpty(), typed + ": " + errors.asMap());
        assertEquals(LocalTime.parse(expected), week.get(0).opensAt());
    }

    @ParameterizedTest
    @ValueSource(strings = {"25:00", "24:00", "12:60", "midi", "9", "930", "9.30", "-1:00", "12:3"})
    void otherTimesAreRefused(String typed) {
        List<OpeningHours> week = parse("d2r1open", "08:00", "d2r1close", typed);
        assertEquals(Map.of("d2r1close", message("error.hours.format")), errors.asMap(), typed);
        assertEquals(List.of(), week);
    }

    @Test
    void bothTimesOfARangeCanBeWrong() {
        parse("d2r1open", "25:00", "d2r1close", "abc");
        assertEquals(Map.of("d2r1open", message("error.hours.format"), "d2r1close", message("error.hours.format")),
                errors.asMap());
    }

    @Test
    void closingMustComeAfterOpening() {
        parse("d4r1open", "14:00", "d4r1close", "12:00");
        assertEquals(Map.of("d4r1close", message("error.hours.order")), errors.asMap());
        parse("d4r1open", "14:00", "d4r1close", "14:00");
        assertEquals(Map.of("d4r1close", message("error.hours.order")), errors.asMap(), "an empty range");
    }

    @Test
    void overlappingRangesOfOneDayAreRefused() {
        parse("d1r1open", "09:00", "d1r1close", "12:00", "d1r2open", "11:00", "d1r2close", "13:00");
        assertEquals(Map.of("d1r2open", message("error.hours.overlap")), errors.asMap());
        parse("d1r1open", "14:00", "d1r1close", "18:00", "d1r2open", "09:00", "d1r2close", "15:00");
        assertEquals(Map.of("d1r2open", message("error.hours.overlap")), errors.asMap(), "out of order");
        parse("d1r1open", "09:00", "d1r1close", "18:00", "d1r3open", "10:00", "d1r3close", "11:00");
        assertEquals(Map.of("d1r3open", message("error.hours.overlap")), errors.asMap(), "inside another");
    }

    @Test
    void theSameHoursOnTwoDaysDoNotOverlap() {
        List<OpeningHours> week = parse("d1r1open", "09:00", "d1r1close", "12:00", "d2r1open", "09:00", "d2r1close", "12:00");
        assertTrue(errors.isEmpty(), errors.asMap().toString());
        assertEquals(2, week.size());
    }

    @Test
    void aRangeNeedsBothTimes() {
        parse("d5r1open", "09:00");
        assertEquals(Map.of("d5r1close", message("error.hours.pair")), errors.asMap());
        parse("d5r1open", "  ", "d5r1close", "12:00");
        assertEquals(Map.of("d5r1open", message("error.hours.pair")), errors.asMap());
    }

    @Test
    void anEmptyWeekHasNoRange() {
        assertEquals(List.of(), parse());
        assertTrue(errors.isEmpty());
        Map<String, String> blank = new HashMap<>();
        for (int day = 1; day <= 7; day++) {
            for (int r = 1; r <= WeeklyHours.RANGES_PER_DAY; r++) {
                blank.put(WeeklyHours.openField(day, r), "");
                blank.put(WeeklyHours.closeField(day, r), " ");
            }
        }
        errors = FormErrorsFixture.french();
        assertEquals(List.of(), WeeklyHours.parse(SITE, blank, errors));
        assertTrue(errors.isEmpty(), errors.asMap().toString());
    }

    @Test
    void fieldsBeyondTheWeekOrTheRangesAreIgnored() {
        assertEquals(List.of(), parse("d8r1open", "09:00", "d8r1close", "10:00", "d1r4open", "09:00", "d1r4close", "10:00",
                "d0r1open", "09:00", "d0r1close", "10:00"));
        assertTrue(errors.isEmpty());
    }

    @Test
    void valuesRoundTrip() {
        List<OpeningHours> hours = List.of(range(2, "09:30", "12:00"), range(2, "14:00", "17:30"), range(6, "10:00", "12:00"));
        Map<String, String> values = WeeklyHours.values(hours);
        assertEquals(Map.of("d2r1open", "09:30", "d2r1close", "12:00", "d2r2open", "14:00", "d2r2close", "17:30",
                "d6r1open", "10:00", "d6r1close", "12:00"), values);
        errors = FormErrorsFixture.french();
        assertEquals(hours, WeeklyHours.parse(SITE, values, errors));
        assertTrue(errors.isEmpty());
    }

    @Test
    void valuesKeepAtMostThreeRangesADay() {
        List<OpeningHours> hours = List.of(range(1, "08:00", "09:00"), range(1, "10:00", "11:00"),
                range(1, "12:00", "13:00"), range(1, "14:00", "15:00"));
        Map<String, String> values = WeeklyHours.values(hours);
        assertEquals(6, values.size());
        assertEquals("12:00", values.get("d1r3open"));
    }

    @Test
    void rowsListTheSevenDaysWithTheirFields() {
        Map<String, String> values = Map.of("d1r1open", "09:00", "d1r1close", "12:00");
        Map<String, String> errorsByField = Map.of("d1r1close", "Heure non reconnue.");
        List<Map<String, Object>> rows = WeeklyHours.rows(values, errorsByField);
        assertEquals(7, rows.size());
        assertEquals("day.MONDAY", rows.get(0).get("dayKey"));
        assertEquals("day.SUNDAY", rows.get(6).get("dayKey"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> monday = (List<Map<String, Object>>) rows.get(0).get("ranges");
        assertEquals(3, monday.size());
        assertEquals("d1r1open", monday.get(0).get("openField"));
        assertEquals("09:00", monday.get(0).get("openValue"));
        assertEquals("Heure non reconnue.", monday.get(0).get("closeError"));
        assertEquals("", monday.get(1).get("openValue"));
        assertEquals(null, monday.get(1).get("openError"));
    }
}
