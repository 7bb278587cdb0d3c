package fr.relais.partner;

import ch.poole.openinghoursparser.OpeningHoursParseException;
import ch.poole.openinghoursparser.OpeningHoursParser;
import ch.poole.openinghoursparser.Rule;
import ch.poole.openinghoursparser.TimeSpan;
import ch.poole.openinghoursparser.WeekDayRange;
import fr.relais.web.Messages;
import jakarta.inject.Singleton;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Partners' opening hours as people read them. Imported entries carry the OpenStreetMap syntax
 * ("Mo-Fr 08:30-12:00,13:30-17:00; Sa 09:00-12:00"), unreadable on a slip: it is parsed by a library and said
 * plainly ("Du lundi au vendredi : 8h30 – 12h00 et 13h30 – 17h00"). Anything beyond weekdays and times
 * (holidays, dates, comments, "off") and any text that is not that syntax is shown as typed.
 */
@Singleton
public class OpeningHoursText {
    private final Messages messages;

    OpeningHoursText(Messages messages) {
        this.messages = messages;
    }

    /** One line per rule, or the text as typed when it cannot be said plainly. */
    public List<String> lines(String typed, Locale locale) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        return plain(typed.strip(), locale).orElse(List.of(typed.strip()));
    }

    Optional<List<String>> plain(String typed, Locale locale) {
        List<Rule> rules;
        try {
            rules = new OpeningHoursParser(new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8))).rules(true);
        } catch (OpeningHoursParseException | RuntimeException e) {
            return Optional.empty();
        }
        List<String> lines = new ArrayList<>();
        for (Rule rule : rules) {
            if (!simple(rule)) {
                return Optional.empty();
            }
            String days = days(rule.getDays(), locale);
            String times = times(rule.getTimes(), locale);
            lines.add(messages.get(locale, "hours.line", days, times));
        }
        return lines.isEmpty() ? Optional.empty() : Optional.of(lines);
    }

    /** Weekdays and plain times only: what can be said without losing anything. */
    private static boolean simple(Rule rule) {
        if (rule.isTwentyfourseven() || rule.isFallBack() || rule.getModifier() != null || rule.getComment() != null
                || notEmpty(rule.getYears()) || notEmpty(rule.getWeeks()) || notEmpty(rule.getDates())
                || notEmpty(rule.getHolidays()) || !notEmpty(rule.getDays()) || !notEmpty(rule.getTimes())) {
            return false;
        }
        for (WeekDayRange d : rule.getDays()) {
            if (notEmpty(d.getNths()) || d.getOffset() != 0) {
                return false;
            }
        }
        for (TimeSpan t : rule.getTimes()) {
            if (t.getStartEvent() != null || t.getEndEvent() != null || t.isOpenEnded() || t.getInterval() != 0
                    || t.getEnd() == TimeSpan.UNDEFINED_TIME) {
                return false;
            }
        }
        return true;
    }

    private static boolean notEmpty(List<?> list) {
        return list != null && !list.isEmpty();
    }

    private String days(List<WeekDayRange> ranges, Locale locale) {
        List<String> parts = new ArrayList<>();
        for (WeekDayRange r : ranges) {
            String start = dayName(r.getStartDay(), locale);
            parts.add(r.getEndDay() == null ? messages.get(locale, "hours.day", start)
                    : messages.get(locale, "hours.days", start, dayName(r.getEndDay(), locale)));
        }
        // "le lundi, le mardi et le jeudi": commas, then the language's "and" before the last.
        String joined = parts.size() == 1 ? parts.get(0)
                : String.join(", ", parts.subList(0, parts.size() - 1)) + messages.get(locale, "hours.and")
                + parts.get(parts.size() - 1);
        return joined.substring(0, 1).toUpperCase(locale) + joined.substring(1);
    }

    private static String dayName(ch.poole.openinghoursparser.WeekDay day, Locale locale) {
        return DayOfWeek.of(day.ordinal() + 1).getDisplayName(TextStyle.FULL, locale);
    }

    private String times(List<TimeSpan> spans, Locale locale) {
        List<String> parts = new ArrayList<>();
        for (TimeSpan t : spans) {
            parts.add(messages.get(locale, "hours.span", time(t.getStart(), locale), time(t.getEnd(), locale)));
        }
        return String.join(messages.get(locale, "hours.and"), parts);
    }

    private static String time(int minutes, Locale locale) {
        int h = (minutes / 60) % 24;
        int m = minutes % 60;
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage())
                ? String.format(Locale.ROOT, "%02d:%02d", h, m)
                : String.format(Locale.ROOT, "%dh%02d", h, m);
    }
}
