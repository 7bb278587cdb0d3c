package fr.relais.appointment;

import fr.relais.site.Site;
import fr.relais.stats.Tallies;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.Optional;

/**
 * Booking, cancelling and moving. A seat is taken by inserting the appointment with seat n: the unique
 * constraint (permanence, date, time, seat) lets exactly one booking have each seat, whatever the number of
 * concurrent requests or application instances. No check-then-insert.
 * <p>
 * Every write of an appointment is here, and keeps the statistics' aggregates in its transaction ({@link Tallies},
 * ADR 0020): the site's tally lock is taken first, the "before" is read again under it, and each refused seat is
 * undone to a savepoint so that the transaction stays usable on PostgreSQL.
 */
@Singleton
public class Bookings {
    /** SQLSTATE of a unique-constraint violation, on H2 and PostgreSQL alike. */
    private static final String UNIQUE_VIOLATION = "23505";
    private final AppointmentRepository appointments;
    private final BookingSettingsRepository settings;
    private final Slots slots;
    private final BookingCodes codes;
    private final Tallies tallies;
    private final DataSource dataSource;
    private final Clock clock;

    Bookings(AppointmentRepository appointments, BookingSettingsRepository settings, Slots slots, BookingCodes codes,
             Tallies tallies, DataSource dataSource, Clock clock) {
        this.appointments = appointments;
        this.settings = settings;
        this.slots = slots;
        this.codes = codes;
        this.tallies = tallies;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** What is booked: the person's first name and optional contact, the reason. */
    public record Request(String firstName, String phone, String email, String themeCode, String scopeCode,
                          String helperNote) {
    }

    @Transactional
    public Appointment book(Site site, Slot.Key key, Request request, Long bookedBy) {
        tallies.lock(site.id());
        Slot slot = slots.find(site, key).orElseThrow(() -> new SlotUnavailableException(SlotUnavailableException.Reason.UNKNOWN));
        if (!slot.startsAt().isAfter(clock.instant())) {
            throw new SlotUnavailableException(SlotUnavailableException.Reason.PAST);
        }
        Seating seating = seating(slot);
        // The database keeps microseconds: the lead time counted now must be the one its stored value gives.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        for (int i = 0; i < seating.seats().size(); i++) {
            int seat = seating.seats().get(i);
            Long helper = seating.helpers().get(i);
            for (int codeTry = 0; codeTry < 5; codeTry++) {
                Appointment candidate = new Appointment(null, site.id(), slot.permanenceId(), slot.date(), slot.time(),
                        (short) seat, slot.startsAt(), slot.endsAt(), helper, request.firstName(), request.phone(),
                        request.email(), request.themeCode(), request.scopeCode(), request.helperNote(), codes.next(),
                        AppointmentStatus.BOOKED, null, bookedBy, now);
                Appointment saved;
                try {
                    saved = orUndone(() -> appointments.save(candidate));
                } catch (DataAccessException e) {
                    String constraint = violatedUniqueConstraint(e).orElseThrow(() -> e);
                    if (!constraint.contains("uq_appointment_code")) {
                        break; // this seat is taken: try the next one
                    }
                    continue; // a code already in use (rare): draw another
                }
                tallies.add(BookingTallies.of(saved));
                return saved;
            }
        }
        throw new SlotUnavailableException(SlotUnavailableException.Reason.FULL);
    }

    /** Moves a booking to another slot, keeping its code; the same seat rule applies. */
    @Transactional
    public Appointment move(Site site, Appointment appointment, Slot.Key key) {
        tallies.lock(appointment.siteId());
        // What the aggregates hold for it: read again under the lock, the page's copy may be stale.
        Appointment stored = appointments.findById(appointment.id()).orElseThrow();
        Slot slot = slots.find(site, key).orElseThrow(() -> new SlotUnavailableException(SlotUnavailableException.Reason.UNKNOWN));
        if (!slot.startsAt().isAfter(clock.instant())) {
            throw new SlotUnavailableException(SlotUnavailableException.Reason.PAST);
        }
        Seating seating = seating(slot);
        for (int i = 0; i < seating.seats().size(); i++) {
            Appointment moved = stored.movedTo(slot, seating.seats().get(i).shortValue(), seating.helpers().get(i));
            Appointment updated;
            try {
                updated = orUndone(() -> appointments.update(moved));
            } catch (DataAccessException e) {
                violatedUniqueConstraint(e).orElseThrow(() -> e);
                continue; // this seat is taken: try the next one
            }
            tallies.change(BookingTallies.of(stored), BookingTallies.of(updated));
            return updated;
        }
        throw new SlotUnavailableException(SlotUnavailableException.Reason.FULL);
    }

    /** Seats to try, free ones first, each with a helper: free helpers first, then the others. */
    record Seating(List<Integer> seats, List<Long> helpers) {
    }

    /**
     * The seats and helpers to try for a new booking. The database decides who gets a seat (unique constraint);
     * this only chooses well: free seats before taken ones, and helpers without a booking in this slot first, so
     * that a change of the permanence's team after some bookings does not give one helper two people at once.
     */
    private Seating seating(Slot slot) {
        List<Appointment> live = appointments.findBySiteIdAndSlotDateBetweenAndSeatIsNotNull(slot.siteId(), slot.date(), slot.date())
                .stream().filter(a -> a.permanenceId() == slot.permanenceId() && a.slotTime().equals(slot.time())).toList();
        Set<Integer> takenSeats = live.stream().map(a -> (int) a.seat()).collect(Collectors.toSet());
        Set<Long> busy = live.stream().map(Appointment::helperId).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        List<Integer> seats = new ArrayList<>();
        for (int seat = 1; seat <= slot.capacity(); seat++) {
            if (!takenSeats.contains(seat)) {
                seats.add(seat);
            }
        }
        for (int seat = 1; seat <= slot.capacity(); seat++) {
            if (takenSeats.contains(seat)) {
                seats.add(seat);
            }
        }
        List<Long> helpers = new ArrayList<>(slot.helpers().stream().filter(h -> !busy.contains(h)).toList());
        slot.helpers().stream().filter(busy::contains).forEach(helpers::add);
        return new Seating(seats, helpers);
    }

    @Transactional
    public Appointment setStatus(Appointment appointment, AppointmentStatus status, String reason) {
        tallies.lock(appointment.siteId());
        Appointment stored = appointments.findById(appointment.id()).orElseThrow();
        if (stored.status().cancelled()) {
            // Cancelled meanwhile (by the person or another helper): a cancellation is final, its seat given back.
            return stored;
        }
        Appointment updated = appointments.update(stored.withStatus(status, reason));
        tallies.change(BookingTallies.of(stored), BookingTallies.of(updated));
        return updated;
    }

    /**
     * A write the database may refuse (a seat or code already taken): refused, it is undone to a savepoint, so the
     * transaction, which holds the tally lock, can go on with the next seat (PostgreSQL aborts a transaction whose
     * statement failed, unless it returns to a savepoint).
     */
    private <T> T orUndone(Supplier<T> write) {
        Savepoint savepoint;
        Connection c;
        try {
            c = dataSource.getConnection(); // the transaction's own, released with it
            savepoint = c.setSavepoint();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot set a savepoint before taking a seat", e);
        }
        try {
            T done = write.get();
            c.releaseSavepoint(savepoint);
            return done;
        } catch (DataAccessException refused) {
            try {
                c.rollback(savepoint);
            } catch (SQLException e) {
                refused.addSuppressed(e);
            }
            throw refused;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot release a savepoint after taking a seat", e);
        }
    }

    /** Whether the person may still cancel online: before the site's cut-off (default 2 hours before). */
    public boolean cancellableOnline(Appointment appointment) {
        int hours = settings.findById(appointment.siteId()).map(BookingSettings::cancelCutoffHours).orElse(2);
        return appointment.status() == AppointmentStatus.BOOKED
                && clock.instant().plusSeconds(hours * 3600L).isBefore(appointment.startsAt());
    }

    /** Future bookings already held at this site with this phone or e-mail (the site's own limit applies to each). */
    public boolean overContactLimit(Site site, String phone, String email) {
        int max = settings.findById(site.id()).map(BookingSettings::maxFutureBookings).orElse(2);
        Instant now = clock.instant();
        return (phone != null && appointments.countBySiteIdAndPhoneAndStatusAndStartsAtGreaterThan(site.id(), phone, AppointmentStatus.BOOKED, now) >= max)
                || (email != null && appointments.countBySiteIdAndEmailAndStatusAndStartsAtGreaterThan(site.id(), email, AppointmentStatus.BOOKED, now) >= max);
    }

    public BookingSettings settings(Site site) {
        return settings.findById(site.id()).orElse(new BookingSettings(site.id(), 4, 2, 2));
    }

    private static Optional<String> violatedUniqueConstraint(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return Optional.of(String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT));
            }
        }
        return Optional.empty();
    }
}
