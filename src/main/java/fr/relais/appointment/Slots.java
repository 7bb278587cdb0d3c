package fr.relais.appointment;

import fr.relais.site.Site;
import fr.relais.site.SiteClosure;
import fr.relais.site.Sites;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Slots are computed, not stored: permanences of the site, minus its closures, minus the seats of absent
 * helpers. Times are local wall-clock times in the site's zone; the instant of each slot is computed for its
 * own date, so 10:00 stays 10:00 on both sides of a daylight-saving change.
 * Five queries for any range, whatever the number of slots.
 */
@Singleton
public class Slots {
    private final PermanenceRepository permanences;
    private final PermanenceHelperRepository permanenceHelpers;
    private final StaffAbsenceRepository absences;
    private final AppointmentRepository appointments;
    private final Sites sites;

    Slots(PermanenceRepository permanences, PermanenceHelperRepository permanenceHelpers, StaffAbsenceRepository absences,
          AppointmentRepository appointments, Sites sites) {
        this.permanences = permanences;
        this.permanenceHelpers = permanenceHelpers;
        this.absences = absences;
        this.appointments = appointments;
        this.sites = sites;
    }

    /** Every slot of the site from {@code from} to {@code to} included, in time order, full ones too. */
    public List<Slot> between(Site site, LocalDate from, LocalDate to) {
        List<Permanence> ofSite = permanences.findBySiteId(site.id());
        if (ofSite.isEmpty() || to.isBefore(from)) {
            return List.of();
        }
        Map<Long, List<Long>> helpersByPermanence = helpersOf(ofSite.stream().map(Permanence::id).toList());
        List<Long> allHelpers = helpersByPermanence.values().stream().flatMap(List::stream).distinct().toList();
        List<StaffAbsence> away = allHelpers.isEmpty() ? List.of()
                : absences.findByStaffIdInAndEndDateGreaterThanEqualsAndStartDateLessThanEquals(allHelpers, from, to);
        List<SiteClosure> closures = sites.closuresBetween(site, from, to);
        Map<String, Integer> booked = new HashMap<>();
        for (Appointment a : appointments.findBySiteIdAndSlotDateBetweenAndSeatIsNotNull(site.id(), from, to)) {
            booked.merge(a.permanenceId() + "|" + a.slotDate() + "|" + a.slotTime(), 1, Integer::sum);
        }
        ZoneId zone = site.zone();
        List<Slot> slots = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            LocalDate day = date;
            if (closures.stream().anyMatch(c -> !day.isBefore(c.startDate()) && !day.isAfter(c.endDate()))) {
                continue;
            }
            for (Permanence p : ofSite) {
                if (!p.appliesOn(day)) {
                    continue;
                }
                List<Long> present = helpersByPermanence.getOrDefault(p.id(), List.of()).stream()
                        .filter(h -> away.stream().noneMatch(a -> a.staffId() == h && a.covers(day))).toList();
                for (LocalTime t = p.startsAt(); !t.plusMinutes(p.slotMinutes()).isAfter(p.endsAt())
                        && !t.plusMinutes(p.slotMinutes()).isBefore(t); t = t.plusMinutes(p.slotMinutes())) {
                    ZonedDateTime start = ZonedDateTime.of(day, t, zone);
                    slots.add(new Slot(p.id(), site.id(), day, t, p.slotMinutes(), start.toInstant(),
                            start.plusMinutes(p.slotMinutes()).toInstant(), present,
                            booked.getOrDefault(p.id() + "|" + day + "|" + t, 0)));
                }
            }
        }
        slots.sort(Comparator.comparing(Slot::startsAt).thenComparing(Slot::permanenceId));
        return slots;
    }

    /** The slot a key names, if it exists at this site (another site's permanence does not). */
    public Optional<Slot> find(Site site, Slot.Key key) {
        return between(site, key.date(), key.date()).stream()
                .filter(s -> s.permanenceId() == key.permanenceId() && s.time().equals(key.time()))
                .findFirst();
    }

    /** Helpers on duty per permanence, in a stable order: seat n goes to the n-th present helper. */
    Map<Long, List<Long>> helpersOf(Collection<Long> permanenceIds) {
        return permanenceHelpers.findByPermanenceIdIn(permanenceIds).stream()
                .sorted(Comparator.comparing(PermanenceHelper::staffId))
                .collect(Collectors.groupingBy(PermanenceHelper::permanenceId,
                        Collectors.mapping(PermanenceHelper::staffId, Collectors.toList())));
    }
}
