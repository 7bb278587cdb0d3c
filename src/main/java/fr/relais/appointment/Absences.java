package fr.relais.appointment;

import fr.relais.site.Sites;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Helpers' declared absences: their seats disappear from the slots of those days (see {@link Slots}). */
@Singleton
class Absences {
    /** Far enough to hold any upcoming absence (they last a year at most). */
    private static final int HORIZON_YEARS = 30;
    private final StaffAbsenceRepository absences;
    private final AppointmentRepository appointments;
    private final Clock clock;

    Absences(StaffAbsenceRepository absences, AppointmentRepository appointments, Clock clock) {
        this.absences = absences;
        this.appointments = appointments;
        this.clock = clock;
    }

    /** Today where the network is (absences are whole days, the same for every site of the helper). */
    LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneId.of(Sites.DEFAULT_ZONE)));
    }

    /** Absences not over yet, the next first. */
    List<StaffAbsence> upcoming(long staffId) {
        return absences.findByStaffIdAndEndDateGreaterThanEqualsOrderByStartDate(staffId, today());
    }

    List<StaffAbsence> upcomingOf(Collection<Long> staffIds) {
        if (staffIds.isEmpty()) {
            return List.of();
        }
        LocalDate today = today();
        return absences.findByStaffIdInAndEndDateGreaterThanEqualsAndStartDateLessThanEquals(staffIds, today,
                        today.plusYears(HORIZON_YEARS)).stream()
                .sorted(Comparator.comparing(StaffAbsence::startDate).thenComparing(StaffAbsence::id)).toList();
    }

    StaffAbsence declare(long staffId, AbsenceForm.Values values) {
        return absences.save(new StaffAbsence(null, staffId, values.start(), values.end(), values.label()));
    }

    /** The absence if it is one of these people's; any other id answers like an unknown one. */
    Optional<StaffAbsence> find(long absenceId, Collection<Long> staffIds) {
        return absences.findById(absenceId).filter(a -> staffIds.contains(a.staffId()));
    }

    void delete(StaffAbsence absence) {
        absences.delete(absence);
    }

    /** Appointments still to come with this helper during the absence: someone has to take them over. */
    long bookedDuring(StaffAbsence absence) {
        Instant now = clock.instant();
        return appointments.findByHelperIdAndStatusInAndStartsAtGreaterThan(absence.staffId(),
                        List.of(AppointmentStatus.BOOKED), now).stream()
                .filter(a -> absence.covers(a.slotDate())).count();
    }
}
