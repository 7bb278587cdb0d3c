package fr.relais.workshop;

import fr.relais.web.DateWords;
import fr.relais.web.Messages;
import jakarta.inject.Singleton;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * How the public side says a session: its length ("1 h 30"), the places left in plain words ("3 places
 * restantes", "Complet — liste d'attente possible"), the week it falls in, a place on the waiting list.
 * Shared by the pages, the slip and the calendar file so that they all say the same.
 */
@Singleton
class AgendaWords {
    private final Messages messages;

    AgendaWords(Messages messages) {
        this.messages = messages;
    }

    String get(Locale locale, String key, Object... args) {
        return messages.get(locale, key, args);
    }

    /** "1 h 30", "2 h", "45 min". */
    String length(int minutes, Locale locale) {
        int hours = minutes / 60;
        int rest = minutes % 60;
        if (hours == 0) {
            return messages.get(locale, "agenda.length.minutes", rest);
        }
        return rest == 0 ? messages.get(locale, "agenda.length.hours", hours)
                : messages.get(locale, "agenda.length.hoursMinutes", hours, String.format(Locale.ROOT, "%02d", rest));
    }

    /** The places left as a person reads them, or that registering has closed. */
    String places(Agenda.Listed listed, Instant now, Locale locale) {
        if (listed.closed(now)) {
            return messages.get(locale, "agenda.places.closed");
        }
        int left = listed.session().seatsLeft();
        if (left == 0) {
            return messages.get(locale, "agenda.places.full");
        }
        return left == 1 ? messages.get(locale, "agenda.places.one") : messages.get(locale, "agenda.places.many", left);
    }

    String level(WorkshopLevel level, Locale locale) {
        return messages.get(locale, "workshop.level." + level.name());
    }

    /** "Semaine du lundi 7 décembre" (with the year when it is not this year's). */
    String week(LocalDate day, LocalDate today, Locale locale) {
        LocalDate monday = monday(day);
        String pattern = monday.getYear() == today.getYear() ? "EEEE d MMMM" : "EEEE d MMMM yyyy";
        return messages.get(locale, "agenda.week", DateTimeFormatter.ofPattern(pattern, locale).format(monday));
    }

    /**
     * The days a page of the agenda shows: "du lundi 7 au dimanche 20 décembre", "du lundi 28 décembre au dimanche
     * 10 janvier 2027" (the month once when both days share it, the year when it is not this year's).
     */
    String days(LocalDate from, LocalDate until, LocalDate today, Locale locale) {
        boolean thisYear = from.getYear() == today.getYear() && until.getYear() == today.getYear();
        String last = thisYear ? "EEEE d MMMM" : "EEEE d MMMM yyyy";
        String first = from.getYear() != until.getYear() ? last
                : from.getMonth() == until.getMonth() ? "EEEE d" : "EEEE d MMMM";
        return messages.get(locale, "agenda.days", DateTimeFormatter.ofPattern(first, locale).format(from),
                DateTimeFormatter.ofPattern(last, locale).format(until));
    }

    static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** "Vous êtes 2e sur la liste d'attente", "Vous êtes en tête de la liste d'attente". */
    String position(int position, Locale locale) {
        return position == 1 ? messages.get(locale, "agenda.waiting.first")
                : messages.get(locale, "agenda.waiting.position", Integer.toString(position));
    }

    String date(LocalDate date, Locale locale) {
        return DateWords.longDate(date, locale);
    }

    String time(java.time.LocalTime time, Locale locale) {
        return DateWords.time(time, locale);
    }
}
