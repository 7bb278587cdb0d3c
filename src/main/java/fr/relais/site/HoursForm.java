package fr.relais.site;

import fr.relais.web.TypedTime;
import fr.relais.web.TypedValues;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A library's opening hours as typed: for each weekday (1 = Monday) up to {@value #RANGES_PER_DAY} ranges, fields
 * {@code d{day}r{n}open} and {@code d{day}r{n}close}, each a time (14:00, 14h, 9h30) or empty. The rules that
 * span several fields (both times of a range, closing after opening, no overlap within a day) are
 * {@link OpeningRanges}. Empty days are closed: the form is the whole week.
 */
@Serdeable
@OpeningRanges
record HoursForm(
        @Nullable @TypedTime(message = FORMAT) String d1r1open,
        @Nullable @TypedTime(message = FORMAT) String d1r1close,
        @Nullable @TypedTime(message = FORMAT) String d1r2open,
        @Nullable @TypedTime(message = FORMAT) String d1r2close,
        @Nullable @TypedTime(message = FORMAT) String d1r3open,
        @Nullable @TypedTime(message = FORMAT) String d1r3close,
        @Nullable @TypedTime(message = FORMAT) String d2r1open,
        @Nullable @TypedTime(message = FORMAT) String d2r1close,
        @Nullable @TypedTime(message = FORMAT) String d2r2open,
        @Nullable @TypedTime(message = FORMAT) String d2r2close,
        @Nullable @TypedTime(message = FORMAT) String d2r3open,
        @Nullable @TypedTime(message = FORMAT) String d2r3close,
        @Nullable @TypedTime(message = FORMAT) String d3r1open,
        @Nullable @TypedTime(message = FORMAT) String d3r1close,
        @Nullable @TypedTime(message = FORMAT) String d3r2open,
        @Nullable @TypedTime(message = FORMAT) String d3r2close,
        @Nullable @TypedTime(message = FORMAT) String d3r3open,
        @Nullable @TypedTime(message = FORMAT) String d3r3close,
        @Nullable @TypedTime(message = FORMAT) String d4r1open,
        @Nullable @TypedTime(message = FORMAT) String d4r1close,
        @Nullable @TypedTime(message = FORMAT) String d4r2open,
        @Nullable @TypedTime(message = FORMAT) String d4r2close,
        @Nullable @TypedTime(message = FORMAT) String d4r3open,
        @Nullable @TypedTime(message = FORMAT) String d4r3close,
        @Nullable @TypedTime(message = FORMAT) String d5r1open,
        @Nullable @TypedTime(message = FORMAT) String d5r1close,
        @Nullable @TypedTime(message = FORMAT) String d5r2open,
        @Nullable @TypedTime(message = FORMAT) String d5r2close,
        @Nullable @TypedTime(message = FORMAT) String d5r3open,
        @Nullable @TypedTime(message = FORMAT) String d5r3close,
        @Nullable @TypedTime(message = FORMAT) String d6r1open,
        @Nullable @TypedTime(message = FORMAT) String d6r1close,
        @Nullable @TypedTime(message = FORMAT) String d6r2open,
        @Nullable @TypedTime(message = FORMAT) String d6r2close,
        @Nullable @TypedTime(message = FORMAT) String d6r3open,
        @Nullable @TypedTime(message = FORMAT) String d6r3close,
        @Nullable @TypedTime(message = FORMAT) String d7r1open,
        @Nullable @TypedTime(message = FORMAT) String d7r1close,
        @Nullable @TypedTime(message = FORMAT) String d7r2open,
        @Nullable @TypedTime(message = FORMAT) String d7r2close,
        @Nullable @TypedTime(message = FORMAT) String d7r3open,
        @Nullable @TypedTime(message = FORMAT) String d7r3close) {
    static final int DAYS = 7;
    static final int RANGES_PER_DAY = 3;
    static final String FORMAT = "error.hours.format";

    static String openField(int day, int range) {
        return "d" + day + "r" + range + "open";
    }

    static String closeField(int day, int range) {
        return "d" + day + "r" + range + "close";
    }

    /** The saved ranges, at most {@value #RANGES_PER_DAY} a day, in the order of the day. */
    static HoursForm of(List<OpeningHours> hours) {
        String[] v = new String[DAYS * RANGES_PER_DAY * 2];
        Arrays.fill(v, "");
        int[] counts = new int[DAYS + 1];
        for (OpeningHours h : hours) {
            int n = ++counts[h.dayOfWeek()];
            if (n <= RANGES_PER_DAY) {
                v[index(h.dayOfWeek(), n)] = TypedValues.shown(h.opensAt());
                v[index(h.dayOfWeek(), n) + 1] = TypedValues.shown(h.closesAt());
            }
        }
        return new HoursForm(
                v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13], v[14], v[15],
                v[16], v[17], v[18], v[19], v[20], v[21], v[22], v[23], v[24], v[25], v[26], v[27], v[28], v[29],
                v[30], v[31], v[32], v[33], v[34], v[35], v[36], v[37], v[38], v[39], v[40], v[41]);
    }

    String open(int day, int range) {
        return typed().get(index(day, range));
    }

    String close(int day, int range) {
        return typed().get(index(day, range) + 1);
    }

    /** The week's ranges, sorted within each day; call only on a form without errors. */
    List<OpeningHours> hours(long siteId) {
        List<OpeningHours> week = new ArrayList<>();
        for (int day = 1; day <= DAYS; day++) {
            List<OpeningHours> ofDay = new ArrayList<>();
            for (int r = 1; r <= RANGES_PER_DAY; r++) {
                if (!blank(open(day, r))) {
                    ofDay.add(new OpeningHours(null, siteId, (short) day, TypedValues.time(open(day, r)),
                            TypedValues.time(close(day, r))));
                }
            }
            ofDay.sort(Comparator.comparing(OpeningHours::opensAt));
            week.addAll(ofDay);
        }
        return week;
    }

    /** One weekday of the page, with its ranges. */
    record Day(String dayKey, List<Range> ranges) {
    }

    /** One range of the page: its fields' names, what they hold and their messages. */
    record Range(int n, String openField, String closeField, String openValue, String closeValue,
                 @Nullable String openError, @Nullable String closeError) {
    }

    /** The seven days as the page shows them, with the message of each field in error. */
    List<Day> days(Map<String, String> errors) {
        List<Day> days = new ArrayList<>();
        for (int day = 1; day <= DAYS; day++) {
            List<Range> ranges = new ArrayList<>();
            for (int r = 1; r <= RANGES_PER_DAY; r++) {
                ranges.add(new Range(r, openField(day, r), closeField(day, r), orEmpty(open(day, r)),
                        orEmpty(close(day, r)), errors.get(openField(day, r)), errors.get(closeField(day, r))));
            }
            days.add(new Day("day." + DayOfWeek.of(day).name(), ranges));
        }
        return days;
    }

    static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }

    private static String orEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }

    /** Where the open field of a range is in {@link #typed()}; its close field follows. */
    private static int index(int day, int range) {
        return ((day - 1) * RANGES_PER_DAY + range - 1) * 2;
    }

    /** The fields in the order of the record: day by day, range by range, open then close. */
    private List<String> typed() {
        return Arrays.asList(
                d1r1open, d1r1close, d1r2open, d1r2close, d1r3open, d1r3close, d2r1open, d2r1close, d2r2open, d2r2close,
                d2r3open, d2r3close, d3r1open, d3r1close, d3r2open, d3r2close, d3r3open, d3r3close, d4r1open, d4r1close,
                d4r2open, d4r2close, d4r3open, d4r3close, d5r1open, d5r1close, d5r2open, d5r2close, d5r3open, d5r3close,
                d6r1open, d6r1close, d6r2open, d6r2close, d6r3open, d6r3close, d7r1open, d7r1close, d7r2open, d7r2close,
                d7r3open, d7r3close);
    }
}
