package fr.relais.appointment;

import fr.relais.site.Site;
import fr.relais.site.Sites;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * Permanences and absences made for tests outside this package (the route table): each call makes a new one, so
 * that ending or deleting it in one case leaves the next case its own.
 */
@Singleton
public class PermanenceFixtures {
    private final Permanences permanences;
    private final StaffAbsenceRepository absences;
    private final Sites sites;

    PermanenceFixtures(Permanences permanences, StaffAbsenceRepository absences, Sites sites) {
        this.permanences = permanences;
        this.absences = absences;
        this.sites = sites;
    }

    /** A running permanence (since last week, no end) early on today's weekday, with this helper on duty. */
    public long permanence(Site site, long helperId) {
        LocalDate today = sites.today(site);
        return permanences.create(site, today.getDayOfWeek().getValue(), LocalTime.of(6, 0), LocalTime.of(6, 30), 30,
                today.minusWeeks(1), null, List.of(helperId)).id();
    }

    /** A one-day absence of this person, far enough ahead to change no slot another case looks for. */
    public long absence(long staffId) {
        LocalDate day = LocalDate.now().plusDays(200);
        return absences.save(new StaffAbsence(null, staffId, day, day, "Absence de test")).id();
    }
}
