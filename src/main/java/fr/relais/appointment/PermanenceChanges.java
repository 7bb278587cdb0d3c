package fr.relais.appointment;

import fr.relais.site.Site;
import fr.relais.site.Sites;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The rules around changing a permanence that people may already have booked: a change must keep every
 * appointment still to come on a slot of the permanence with its helper on duty, and a helper is on duty in
 * one place at a time. A permanence is never deleted once anything refers to it; it is ended.
 */
@Singleton
class PermanenceChanges {
    /** Far enough to hold every appointment still to come. */
    private static final int HORIZON_YEARS = 30;
    private final PermanenceRepository permanences;
    private final PermanenceHelperRepository helpers;
    private final AppointmentRepository appointments;
    private final Sites sites;
    private final Clock clock;

    PermanenceChanges(PermanenceRepository permanences, PermanenceHelperRepository helpers,
                      AppointmentRepository appointments, Sites sites, Clock clock) {
        this.permanences = permanences;
        this.helpers = helpers;
        this.appointments = appointments;
        this.sites = sites;
        this.clock = clock;
    }

    /** Another permanence (of any site) where one of these helpers is already on duty at overlapping hours. */
    record Busy(long staffId, Permanence permanence) {
    }

    Optional<Busy> busyHelper(Long exceptId, PermanenceForm.Values v) {
        if (v.helperIds().isEmpty()) {
            return Optional.empty();
        }
        for (PermanenceHelper duty : helpers.findByStaffIdIn(v.helperIds())) {
            if (exceptId != null && duty.permanenceId() == exceptId) {
                continue;
            }
            Optional<Permanence> other = permanences.findById(duty.permanenceId());
            if (other.isPresent() && overlaps(other.get(), v)) {
                return Optional.of(new Busy(duty.staffId(), other.get()));
            }
        }
        return Optional.empty();
    }

    private static boolean overlaps(Permanence p, PermanenceForm.Values v) {
        boolean sameHours = p.dayOfWeek() == v.dayOfWeek() && p.startsAt().isBefore(v.endsAt())
                && v.startsAt().isBefore(p.endsAt());
        boolean sameDays = (p.validTo() == null || !p.validTo().isBefore(v.validFrom()))
                && (v.validTo() == null || !v.validTo().isBefore(p.validFrom()));
        return sameHours && sameDays;
    }

    /** Appointments still to come of this permanence from a day on, the next first. */
    private List<Appointment> booked(Site site, long permanenceId, LocalDate from) {
        Instant now = clock.instant();
        return appointments.findBySiteIdAndSlotDateBetweenOrderByStartsAt(site.id(), from, from.plusYears(HORIZON_YEARS))
                .stream().filter(a -> a.permanenceId() == permanenceId && a.status() == AppointmentStatus.BOOKED
                        && a.startsAt().isAfter(now))
                .toList();
    }

    /** The appointments still to come that the changed permanence would no longer hold, the next first. */
    List<Appointment> stranded(Site site, Permanence changed, Collection<Long> helperIds) {
        return booked(site, changed.id(), sites.today(site)).stream()
                .filter(a -> !holds(changed, helperIds, a)).toList();
    }

    private static boolean holds(Permanence p, Collection<Long> helperIds, Appointment a) {
        if (!p.appliesOn(a.slotDate()) || (a.helperId() != null && !helperIds.contains(a.helperId()))) {
            return false;
        }
        LocalTime t = a.slotTime();
        long fromStart = Duration.between(p.startsAt(), t).toMinutes();
        return !t.isBefore(p.startsAt()) && fromStart % p.slotMinutes() == 0
                && !t.plusMinutes(p.slotMinutes()).isAfter(p.endsAt()) && !t.plusMinutes(p.slotMinutes()).isBefore(t);
    }

    /** What ending a permanence did, or why it could not. */
    sealed interface Ending {
    }

    record Ended(LocalDate lastDay) implements Ending {
    }

    record Removed() implements Ending {
    }

    record StillBooked(List<Appointment> appointments) implements Ending {
    }

    /**
     * Ends a permanence tonight: its last day is today, so today's appointments still take place, and there are
     * no slots from tomorrow on. Refused while appointments are booked after today (the team moves or cancels
     * them first). A permanence that has not started yet cannot end before its first day: when nothing refers
     * to it, it is removed; when cancelled bookings still refer to it, it is kept with a single day on which it
     * does not apply (another weekday), so that it produces no slot.
     */
    @Transactional
    Ending end(Site site, Permanence p) {
        LocalDate today = sites.today(site);
        if (p.validTo() != null && !p.validTo().isAfter(today)) {
            return new Ended(p.validTo());
        }
        List<Appointment> after = booked(site, p.id(), today.plusDays(1));
        if (!after.isEmpty()) {
            return new StillBooked(after);
        }
        if (p.validFrom().isAfter(today)) {
            boolean referred = appointments.findBySiteIdAndSlotDateBetweenOrderByStartsAt(site.id(), p.validFrom(),
                    p.validFrom().plusYears(HORIZON_YEARS)).stream().anyMatch(a -> a.permanenceId() == p.id());
            if (!referred) {
                helpers.deleteByPermanenceId(p.id());
                permanences.deleteById(p.id());
                return new Removed();
            }
            LocalDate quiet = p.validFrom().getDayOfWeek().getValue() == p.dayOfWeek()
                    ? p.validFrom().plusDays(1) : p.validFrom();
            permanences.update(withPeriod(p, quiet, quiet));
            return new Ended(quiet);
        }
        permanences.update(withPeriod(p, p.validFrom(), today));
        return new Ended(today);
    }

    /** The permanence as the form changes it: same id, site and creation. */
    static Permanence changed(Permanence p, PermanenceForm.Values v) {
        return new Permanence(p.id(), p.siteId(), (short) v.dayOfWeek(), v.startsAt(), v.endsAt(), v.slotMinutes(),
                v.validFrom(), v.validTo(), p.createdAt());
    }

    static Permanence withPeriod(Permanence p, LocalDate from, LocalDate to) {
        return new Permanence(p.id(), p.siteId(), p.dayOfWeek(), p.startsAt(), p.endsAt(), p.slotMinutes(), from, to,
                p.createdAt());
    }
}
