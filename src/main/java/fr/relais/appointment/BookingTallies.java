package fr.relais.appointment;

import fr.relais.stats.Tallies;
import fr.relais.stats.Tallies.Pair;

import java.time.Duration;
import java.util.List;

/**
 * What one appointment counts in the statistics' aggregates (ADR 0020, "Rendez-vous"): on its day at the site, one
 * record, one person, and in {@code minutes} the lead time from booking to the start, so that the average delay is
 * minutes / records of any row. Every dimension starts with {@code APPOINTMENT_}, a prefix no accompaniment dimension
 * has: the two families share the tables without ever adding into each other's rows. The same rules, in SQL,
 * backfill the aggregates in V9__appointment_statistics.sql.
 */
final class BookingTallies {
    /** Every appointment once, with the value {@link Tallies#EVERY}. */
    static final String ALL = "APPOINTMENT_ALL";
    /** The status: BOOKED, DONE, NO_SHOW, CANCELLED_BY_USER, CANCELLED_BY_SITE. */
    static final String STATUS = "APPOINTMENT_STATUS";
    /** Where it was booked: {@link #DESK} (by a staff member) or {@link #ONLINE} (on the public pages). */
    static final String BOOKED_AT = "APPOINTMENT_BOOKED_AT";
    static final String DESK = "DESK";
    static final String ONLINE = "ONLINE";

    private BookingTallies() {
    }

    /** Whole minutes from booking to start, never below zero (a booking is always made before its slot). */
    static long leadMinutes(Appointment a) {
        return Math.max(0, Duration.between(a.createdAt(), a.startsAt()).toMinutes());
    }

    /** The appointment as stored. */
    static Tallies.Fact of(Appointment a) {
        return new Tallies.Fact(a.siteId(), a.slotDate(), 1, 1, leadMinutes(a), List.of(
                new Pair(ALL, Tallies.EVERY),
                new Pair(STATUS, a.status().name()),
                new Pair(BOOKED_AT, a.bookedBy() == null ? ONLINE : DESK)));
    }
}
