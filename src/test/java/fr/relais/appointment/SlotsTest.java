package fr.relais.appointment;

import fr.relais.site.Site;
import fr.relais.site.SiteClosure;
import fr.relais.site.Sites;
import fr.relais.security.Role;
import fr.relais.staff.StaffAccounts;
import fr.relais.testing.OnBothDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class SlotsTest extends OnBothDatabases {
    @Inject
    Sites sites;
    @Inject
    Permanences permanences;
    @Inject
    Slots slots;
    @Inject
    StaffAccounts accounts;
    @Inject
    StaffAbsenceRepository absences;

    private Site site(String slug) {
        return sites.create(new Site(null, slug, "Bibliothèque " + slug, "1 rue A", "69001", "Lyon", null, null, null, null,
                Sites.DEFAULT_ZONE, Instant.now()));
    }

    private long helper(String email, Site site) {
        return accounts.create(email, "Aidant " + email, Role.HELPER, false, "x", false, Set.of(site.id())).id();
    }

    @Test
    void aPermanenceGivesThirtyMinuteSlotsWhoseCapacityIsTheHelpersOnDuty() {
        Site site = site("slots-capacity");
        long a = helper("a@slots.test", site);
        long b = helper("b@slots.test", site);
        // Tuesdays 14:00–17:00, two helpers.
        permanences.create(site, 2, LocalTime.of(14, 0), LocalTime.of(17, 0), 30, LocalDate.of(2026, 1, 1), null, List.of(a, b));
        List<Slot> tuesday = slots.between(site, LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 3));
        assertEquals(6, tuesday.size());
        assertEquals(LocalTime.of(14, 0), tuesday.get(0).time());
        assertEquals(LocalTime.of(16, 30), tuesday.get(5).time());
        assertTrue(tuesday.stream().allMatch(s -> s.capacity() == 2 && s.free() == 2));
        assertEquals(List.of(), slots.between(site, LocalDate.of(2026, 3, 4), LocalDate.of(2026, 3, 9)), "no other weekday");
    }

    @Test
    void closuresRemoveDaysAndAbsencesRemoveSeats() {
        Site site = site("slots-closures");
        long a = helper("c@slots.test", site);
        long b = helper("d@slots.test", site);
        permanences.create(site, 2, LocalTime.of(14, 0), LocalTime.of(15, 0), 30, LocalDate.of(2026, 1, 1), null, List.of(a, b));
        sites.addClosure(new SiteClosure(null, site.id(), LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 10), "Inventaire"));
        absences.save(new StaffAbsence(null, a, LocalDate.of(2026, 3, 17), LocalDate.of(2026, 3, 20), "Formation"));
        assertEquals(List.of(), slots.between(site, LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 10)), "closed day");
        List<Slot> withAbsence = slots.between(site, LocalDate.of(2026, 3, 17), LocalDate.of(2026, 3, 17));
        assertEquals(2, withAbsence.size());
        assertTrue(withAbsence.stream().allMatch(s -> s.capacity() == 1 && s.helpers().equals(List.of(b))));
    }

    @Test
    void validityDatesBoundThePermanence() {
        Site site = site("slots-validity");
        long a = helper("e@slots.test", site);
        permanences.create(site, 4, LocalTime.of(9, 0), LocalTime.of(10, 0), 20, LocalDate.of(2026, 3, 5),
                LocalDate.of(2026, 3, 12), List.of(a));
        assertEquals(0, slots.between(site, LocalDate.of(2026, 2, 26), LocalDate.of(2026, 2, 26)).size());
        assertEquals(3, slots.between(site, LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 5)).size(), "20-minute slots");
        assertEquals(0, slots.between(site, LocalDate.of(2026, 3, 19), LocalDate.of(2026, 3, 19)).size());
    }

    /** Last Sundays of March and October 2026: 10:00 in Paris is 09:00Z in winter and 08:00Z in summer. */
    @Test
    void wallClockTimesStayRightAcrossDaylightSavingChanges() {
        Site site = site("slots-dst");
        long a = helper("f@slots.test", site);
        permanences.create(site, 7, LocalTime.of(10, 0), LocalTime.of(11, 0), 30, LocalDate.of(2026, 1, 1), null, List.of(a));
        permanences.create(site, 6, LocalTime.of(10, 0), LocalTime.of(11, 0), 30, LocalDate.of(2026, 1, 1), null, List.of(a));
        assertEquals(Instant.parse("2026-03-28T09:00:00Z"), first(site, LocalDate.of(2026, 3, 28)).startsAt(), "Saturday before: winter time");
        assertEquals(Instant.parse("2026-03-29T08:00:00Z"), first(site, LocalDate.of(2026, 3, 29)).startsAt(), "change day: summer time");
        assertEquals(Instant.parse("2026-10-24T08:00:00Z"), first(site, LocalDate.of(2026, 10, 24)).startsAt(), "Saturday before: summer time");
        assertEquals(Instant.parse("2026-10-25T09:00:00Z"), first(site, LocalDate.of(2026, 10, 25)).startsAt(), "change day: winter time");
        Slot second = slots.between(site, LocalDate.of(2026, 10, 25), LocalDate.of(2026, 10, 25)).get(1);
        assertEquals(LocalTime.of(10, 30), second.time());
        assertEquals(Instant.parse("2026-10-25T10:00:00Z"), second.endsAt());
    }

    private Slot first(Site site, LocalDate date) {
        return slots.between(site, date, date).get(0);
    }
}
