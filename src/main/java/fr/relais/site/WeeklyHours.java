package fr.relais.site;

import fr.relais.web.Forms;
import fr.relais.web.TypedValues;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The opening-hours form: for each weekday up to {@value #RANGES_PER_DAY} ranges, fields
 * {@code d{day}r{n}open} and {@code d{day}r{n}close} (day 1 = Monday). Parsed by hand because the rules
 * (pairs, order, no overlap) span several fields.
 */
final class WeeklyHours {
    static final int RANGES_PER_DAY = 3;

    private WeeklyHours() {
    }

    static String openField(int day, int range) {
        return "d" + day + "r" + range + "open";
    }

    static String closeField(int day, int range) {
        return "d" + day + "r" + range + "close";
    }

    /** Parses the typed ranges; adds errors per field; returns the ranges when there is no error. */
    static List<OpeningHours> parse(long siteId, Map<String, String> typed, Forms.Errors errors) {
        List<OpeningHours> result = new ArrayList<>();
        for (int day = 1; day <= 7; day++) {
            List<OpeningHours> ofDay = new ArrayList<>();
            for (int r = 1; r <= RANGES_PER_DAY; r++) {
                String open = typed.getOrDefault(openField(day, r), "").strip();
                String close = typed.getOrDefault(closeField(day, r), "").strip();
                if (open.isEmpty() && close.isEmpty()) {
                    continue;
                }
                if (open.isEmpty() || close.isEmpty()) {
                    errors.add(open.isEmpty() ? openField(day, r) : closeField(day, r), "error.hours.pair");
                    continue;
                }
                LocalTime opens = TypedValues.time(open);
                LocalTime closes = TypedValues.time(close);
                if (opens == null) {
                    errors.add(openField(day, r), "error.hours.format");
                }
                if (closes == null) {
                    errors.add(closeField(day, r), "error.hours.format");
                }
                if (opens == null || closes == null) {
                    continue;
                }
                if (!opens.isBefore(closes)) {
                    errors.add(closeField(day, r), "error.hours.order");
                    continue;
                }
                int rangeNo = r;
                boolean overlaps = ofDay.stream().anyMatch(o -> opens.isBefore(o.closesAt()) && o.opensAt().isBefore(closes));
                if (overlaps) {
                    errors.add(openField(day, rangeNo), "error.hours.overlap");
                    continue;
                }
                ofDay.add(new OpeningHours(null, siteId, (short) day, opens, closes));
            }
            ofDay.sort(Comparator.comparing(OpeningHours::opensAt));
            result.addAll(ofDay);
        }
        return result;
    }

    /** Form values for the page: the saved ranges, or what was typed. */
    static Map<String, String> values(List<OpeningHours> hours) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<Integer, Integer> counts = new LinkedHashMap<>();
        for (OpeningHours h : hours) {
            int n = counts.merge((int) h.dayOfWeek(), 1, Integer::sum);
            if (n <= RANGES_PER_DAY) {
                values.put(openField(h.dayOfWeek(), n), h.opensAt().toString());
                values.put(closeField(h.dayOfWeek(), n), h.closesAt().toString());
            }
        }
        return values;
    }

    /** Rows for the template: one per weekday with its ranges' field names and values. */
    static List<Map<String, Object>> rows(Map<String, String> values, Map<String, String> errors) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int day = 1; day <= 7; day++) {
            List<Map<String, Object>> ranges = new ArrayList<>();
            for (int r = 1; r <= RANGES_PER_DAY; r++) {
                String of = openField(day, r);
                String cf = closeField(day, r);
                Map<String, Object> range = new LinkedHashMap<>();
                range.put("n", r);
                range.put("openField", of);
                range.put("closeField", cf);
                range.put("openValue", values.getOrDefault(of, ""));
                range.put("closeValue", values.getOrDefault(cf, ""));
                range.put("openError", errors.get(of));
                range.put("closeError", errors.get(cf));
                ranges.add(range);
            }
            rows.add(Map.of("day", day, "dayKey", "day." + DayOfWeek.of(day).name(), "ranges", ranges));
        }
        return rows;
    }
}
