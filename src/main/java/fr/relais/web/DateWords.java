package fr.relais.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates and times as pages say them: "mardi 24 novembre 2026", "14 h 30" (or "2:30 pm" in English). */
public final class DateWords {
    private DateWords() {
    }

    public static String longDate(LocalDate date, Locale locale) {
        return DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", locale).format(date);
    }

    public static String time(LocalTime time, Locale locale) {
        if ("en".equals(locale.getLanguage())) {
            return DateTimeFormatter.ofPattern("h:mm a", Locale.ENGLISH).format(time).toLowerCase(Locale.ROOT);
        }
        return time.getHour() + " h " + String.format("%02d", time.getMinute());
    }
}
