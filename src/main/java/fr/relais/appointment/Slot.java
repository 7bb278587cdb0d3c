package fr.relais.appointment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * One bookable interval of a permanence on a date, with its seats: one per helper on duty and present.
 * Its key ({@code 12-20260303-1430}) names it in links and forms; it is checked again on every use.
 */
public record Slot(long permanenceId, long siteId, LocalDate date, LocalTime time, int minutes, Instant startsAt,
                   Instant endsAt, List<Long> helpers, int booked) {
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HHmm");

    public int capacity() {
        return helpers.size();
    }

    public int free() {
        return Math.max(0, capacity() - booked);
    }

    public String key() {
        return permanenceId + "-" + DAY.format(date) + "-" + HM.format(time);
    }

    /** The parts of a key, or empty when it is not one: a key typed or edited by hand is not an error page. */
    public static Optional<Key> parse(String key) {
        if (key == null || !key.matches("\\d{1,12}-\\d{8}-\\d{4}")) {
            return Optional.empty();
        }
        String[] parts = key.split("-");
        try {
            return Optional.of(new Key(Long.parseLong(parts[0]), LocalDate.parse(parts[1], DAY), LocalTime.parse(parts[2], HM)));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    public record Key(long permanenceId, LocalDate date, LocalTime time) {
    }
}
