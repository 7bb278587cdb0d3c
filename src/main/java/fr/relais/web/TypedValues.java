package fr.relais.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * Dates and times as people type them in the management forms: 24/12/2026 (or 2026-12-24 from a date field),
 * 14:00, 14h00, 14h or 9h30. Shared by every form that takes a date or a time. {@code null} when not recognised, so that the
 * caller puts its own message next to the field.
 */
public final class TypedValues {
    /** Day and month on one or two digits; STRICT refuses 31/02. */
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    public static final DateTimeFormatter SHOWN_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    private TypedValues() {
    }

    public static LocalDate date(String text) {
        if (text == null || text.isBlank() || text.length() > 10) {
            return null;
        }
        String t = text.strip();
        try {
            return t.contains("/") ? LocalDate.parse(t, FRENCH_DATE) : LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public static LocalTime time(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip().replace('h', ':').replace('H', ':');
        if (t.endsWith(":")) {
            t = t + "00";
        }
        if (!t.matches("\\d{1,2}:\\d{2}")) {
            return null;
        }
        if (t.length() == 4) {
            t = "0" + t;
        }
        try {
            return LocalTime.parse(t);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A whole number in [min, max], or null. */
    public static Integer number(String text, int min, int max) {
        if (text == null || !text.strip().matches("\\d{1,3}")) {
            return null;
        }
        int n = Integer.parseInt(text.strip());
        return n < min || n > max ? null : n;
    }

    public static String shown(LocalDate date) {
        return date == null ? "" : SHOWN_DATE.format(date);
    }

    public static String shown(LocalTime time) {
        return time == null ? "" : String.format("%02d:%02d", time.getHour(), time.getMinute());
    }
}
