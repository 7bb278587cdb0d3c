package fr.relais.workshop;

import fr.relais.site.Site;
import fr.relais.site.Sites;
import fr.relais.testing.OnBothDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The session service on both databases: a weekly series keeps its wall-clock time across a daylight-saving change,
 * and a library's day lists its sessions with their fill level (what the desk's day view shows).
 */
@MicronautTest(environments = "demo", transactional = false)
class WorkshopSessionsTest extends OnBothDatabases {
    @Inject
    WorkshopSessions sessions;
    @Inject
    SessionFixtures data;
    @Inject
    Sites sites;
    @Inject
    Clock clock;

    @Test
    void aWeeklySeriesStaysAtTenOClockAcrossTheNextDaylightSavingChange() {
        Site nord = data.site("bibliotheque-nord");
        ZoneId zone = nord.zone();
        ZoneOffsetTransition change = zone.getRules().nextTransition(clock.instant().plus(Duration.ofDays(5)));
        LocalDate before = change.getDateTimeBefore().toLocalDate().minusDays(3);
        Workshop w = data.workshop("Série à cheval sur le changement d’heure", "bibliotheque-nord");
        List<WorkshopSession> created = sessions.create(nord, new WorkshopSessions.Schedule(w.id(), before, LocalTime.of(10, 0),
                60, 6, null, List.of(), true, 1, 2));
        assertEquals(2, created.size());
        WorkshopSession first = created.get(0);
        WorkshopSession second = created.get(1);
        assertEquals(LocalTime.of(10, 0), ZonedDateTime.ofInstant(first.startsAt(), zone).toLocalTime());
        assertEquals(LocalTime.of(10, 0), ZonedDateTime.ofInstant(second.startsAt(), zone).toLocalTime());
        // A week of wall-clock time is a week plus or minus the hour the clocks moved.
        Duration between = Duration.between(first.startsAt(), second.startsAt());
        assertEquals(Duration.ofDays(7).minus(change.getDuration()), between);
    }

    @Test
    void aLibrarysDayListsItsSessionsWithTheirFillLevelCancelledOnesIncluded() {
        Site centre = data.site("mediatheque-centre");
        LocalDate day = sites.today(centre).plusDays(150);
        WorkshopSession morning = data.session("mediatheque-centre", day, LocalTime.of(10, 0), 3);
        WorkshopSession afternoon = data.session("mediatheque-centre", day, LocalTime.of(14, 0), 2);
        data.register(morning, "Awa", 2);
        data.register(morning, "Bao", 1);
        data.register(morning, "Chloé", 1);
        data.register(afternoon, "Driss", 1);
        WorkshopSession evening = data.session("mediatheque-centre", day, LocalTime.of(18, 0), 5);
        sessions.cancel(evening.id(), "Aidant malade");

        List<WorkshopSessions.Listed> listed = sessions.ofDay(centre, day);
        assertEquals(List.of(morning.id(), afternoon.id(), evening.id()), listed.stream().map(l -> l.session().id()).toList());
        WorkshopSessions.Listed full = listed.get(0);
        assertEquals(3, full.session().seatsTaken());
        assertEquals(3, full.session().capacity());
        assertEquals(1, full.waiting());
        assertTrue(full.full());
        assertEquals("Atelier de test", full.workshop().title());
        WorkshopSessions.Listed half = listed.get(1);
        assertEquals(1, half.session().seatsTaken());
        assertEquals(0, half.waiting());
        assertFalse(half.full());
        assertTrue(listed.get(2).session().cancelled());
        assertEquals(List.of(), sessions.ofDay(centre, day.plusDays(1)));
    }

    @Test
    void aPlanSaysWhichDatesAreSkippedAndWhy() {
        Site centre = data.site("mediatheque-centre");
        LocalDate today = sites.today(centre);
        sites.addClosure(new fr.relais.site.SiteClosure(null, centre.id(), today.plusDays(200), today.plusDays(201), "Inventaire"));
        WorkshopSessions.Plan plan = sessions.plan(centre, today.plusDays(193), LocalTime.of(9, 30), 1, 3);
        assertEquals(List.of(today.plusDays(193), today.plusDays(207)), plan.dates());
        assertEquals(List.of(new WorkshopSessions.Skipped(today.plusDays(200), "Inventaire")), plan.skipped());
        WorkshopSessions.Plan once = sessions.plan(centre, today.minusDays(1), LocalTime.of(9, 30), 0, 5);
        assertEquals(List.of(), once.dates(), "once means once, whatever the count typed");
        assertTrue(once.skipped().get(0).past());
        Instant now = clock.instant();
        assertTrue(WorkshopSessions.startsAt(centre, today.plusDays(1), LocalTime.NOON).isAfter(now));
    }
}
