package fr.relais.appointment;

import fr.relais.testing.StatisticsSupport;
import fr.relais.testing.MutableClock;
import fr.relais.testing.OnBothDatabases;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Appointments in the statistics' aggregates (ADR 0020, "Rendez-vous"): known bookings give known rows, which follow
 * an honoured, a missed, a cancelled and a moved appointment; after a random sequence of bookings, moves and status
 * changes the rows equal a count made here from the appointments; V9's backfill gives the rows the live path keeps;
 * concurrent bookings of one site lose nothing.
 */
@MicronautTest(transactional = false)
class AppointmentTalliesTest extends OnBothDatabases {
    @Inject
    Bookings bookings;
    @Inject
    Slots slots;
    @Inject
    AppointmentFixtures fixtures;
    @Inject
    MutableClock clock;
    @Inject
    DataSource dataSource;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    // ---- known data ----------------------------------------------------------------------------------------------

    @Test
    void knownBookingsGiveKnownRowsThatFollowStatusesAndMoves() throws SQLException {
        AppointmentFixtures.Desk desk = fixtures.desk("stat-appt-known", 2);
        AppointmentFixtures.Desk other = fixtures.desk("stat-appt-other", 1);
        Slot at14 = desk.slot();
        LocalDate day = at14.date();
        long staff = at14.helpers().get(0);
        Slot at1430 = slotAt(desk, day, 14, 30);
        Slot at15 = slotAt(desk, day, 15, 0);
        Slot at1530 = slotAt(desk, day, 15, 30);

        // Three days (less 30 s) before 14:00, one booking at the desk and one online: 4319 whole minutes ahead.
        travelTo(at14.startsAt().minus(Duration.ofDays(3)).plusSeconds(30));
        Appointment desk14 = bookings.book(desk.site(), key(at14), request("Mme A."), staff);
        Appointment online14 = bookings.book(desk.site(), key(at14), request("M. B."), null);
        bookings.book(other.site(), key(other.slot()), request("Mme Z."), null);
        // Two days (less 30 s) before 14:30: 2879, 2909 and 2939 minutes ahead of 14:30, 15:00 and 15:30.
        travelTo(at1430.startsAt().minus(Duration.ofDays(2)).plusSeconds(30));
        Appointment online1430 = bookings.book(desk.site(), key(at1430), request("Mme C."), null);
        Appointment desk15 = bookings.book(desk.site(), key(at15), request("M. D."), staff);
        Appointment online1530 = bookings.book(desk.site(), key(at1530), request("Mme E."), null);

        long all = 4319 + 4319 + 2879 + 2909 + 2939;
        assertEquals(List.of("APPOINTMENT_ALL - 5 5 " + all, "APPOINTMENT_BOOKED_AT DESK 2 2 " + (4319 + 2909),
                "APPOINTMENT_BOOKED_AT ONLINE 3 3 " + (4319 + 2879 + 2939), "APPOINTMENT_STATUS BOOKED 5 5 " + all),
                rows("stat_day", desk.site().id(), day), "five booked, two at the desk");
        assertEquals(rows("stat_day", desk.site().id(), day), rows("stat_month", desk.site().id(), day.withDayOfMonth(1)),
                "the month holds the day");

        // Honoured, absent, cancelled by the person and by the library; the last one moved a week later.
        bookings.setStatus(desk14, AppointmentStatus.DONE, null);
        bookings.setStatus(online14, AppointmentStatus.NO_SHOW, null);
        bookings.setStatus(online1430, AppointmentStatus.CANCELLED_BY_USER, null);
        bookings.setStatus(desk15, AppointmentStatus.CANCELLED_BY_SITE, "Aidant absent");
        Slot nextWeek = slotAt(desk, day.plusDays(7), 14, 0);
        bookings.move(desk.site(), online1530, key(nextWeek));
        // Its lead time now runs from the same booking time to the new start (a change of clock time may fall between).
        long moved = Duration.between(at1430.startsAt().minus(Duration.ofDays(2)).plusSeconds(30), nextWeek.startsAt())
                .toMinutes();
        assertTrue(moved >= 9 * 24 * 60 - 30 - 60 && moved <= 9 * 24 * 60 - 30 + 60, "about nine days: " + moved);

        assertEquals(List.of("APPOINTMENT_ALL - 4 4 " + (4319 + 4319 + 2879 + 2909),
                        "APPOINTMENT_BOOKED_AT DESK 2 2 " + (4319 + 2909), "APPOINTMENT_BOOKED_AT ONLINE 2 2 " + (4319 + 2879),
                        "APPOINTMENT_STATUS CANCELLED_BY_SITE 1 1 2909", "APPOINTMENT_STATUS CANCELLED_BY_USER 1 1 2879",
                        "APPOINTMENT_STATUS DONE 1 1 4319", "APPOINTMENT_STATUS NO_SHOW 1 1 4319"),
                rows("stat_day", desk.site().id(), day), "the day keeps four, each under its status");
        assertEquals(List.of("APPOINTMENT_ALL - 1 1 " + moved, "APPOINTMENT_BOOKED_AT ONLINE 1 1 " + moved,
                "APPOINTMENT_STATUS BOOKED 1 1 " + moved), rows("stat_day", desk.site().id(), nextWeek.date()),
                "the moved one, booked online, on its new day");
        // The other library's booking is in its own rows only.
        assertEquals(List.of("APPOINTMENT_ALL - 1 1", "APPOINTMENT_BOOKED_AT ONLINE 1 1", "APPOINTMENT_STATUS BOOKED 1 1"),
                rows("stat_day", other.site().id(), other.slot().date()).stream()
                        .map(r -> r.substring(0, r.lastIndexOf(' '))).toList());

        // The months: one, or two when next week is in the next month.
        Map<String, List<String>> expected = directCount();
        assertEquals(expected.get("stat_month"), all("stat_month"));
        assertEquals(expected.get("stat_day"), all("stat_day"));
    }

    // ---- randomized ----------------------------------------------------------------------------------------------

    @Test
    void afterARandomSequenceEveryAggregateEqualsADirectCount() throws SQLException {
        List<AppointmentFixtures.Desk> desks = List.of(fixtures.desk("stat-appt-rand-a", 2), fixtures.desk("stat-appt-rand-b", 1));
        List<List<Slot>> slotsOf = new ArrayList<>();
        for (AppointmentFixtures.Desk d : desks) {
            LocalDate first = d.slot().date();
            slotsOf.add(slots.between(d.site(), first, first.plusDays(21)));
        }
        Random random = new Random(20_261_212L);
        List<Appointment> live = new ArrayList<>();
        int booked = 0;
        int full = 0;
        int statuses = 0;
        int moves = 0;
        for (int i = 0; i < 150; i++) {
            clock.advance(Duration.ofSeconds(random.nextInt(3_000))); // at most 125 h in all: before the first slot
            int op = random.nextInt(100);
            int which = random.nextInt(desks.size());
            AppointmentFixtures.Desk d = desks.get(which);
            List<Slot> choice = slotsOf.get(which);
            Slot slot = choice.get(random.nextInt(choice.size()));
            if (op < 50 || live.isEmpty()) {
                Long by = random.nextBoolean() ? slot.helpers().get(0) : null;
                try {
                    live.add(bookings.book(d.site(), key(slot), request("P" + i), by));
                    booked++;
                } catch (SlotUnavailableException e) {
                    full++;
                }
                continue;
            }
            int at = random.nextInt(live.size());
            Appointment a = live.get(at);
            if (a.status().cancelled()) {
                continue; // a cancelled appointment stays as it is
            }
            if (op < 80) {
                AppointmentStatus[] all = AppointmentStatus.values();
                live.set(at, bookings.setStatus(a, all[random.nextInt(all.length)], null));
                statuses++;
            } else if (a.status() == AppointmentStatus.BOOKED) {
                List<Slot> own = slotsOf.get(desks.stream().map(x -> x.site().id()).toList().indexOf(a.siteId()));
                try {
                    live.set(at, bookings.move(desks.stream().filter(x -> x.site().id() == a.siteId()).findFirst()
                            .orElseThrow().site(), a, key(own.get(random.nextInt(own.size())))));
                    moves++;
                } catch (SlotUnavailableException e) {
                    full++;
                }
            }
        }
        assertTrue(booked > 40 && statuses > 20 && moves > 5, booked + " " + statuses + " " + moves + " " + full);
        Map<String, List<String>> expected = directCount();
        assertFalse(expected.get("stat_day").isEmpty());
        assertEquals(expected.get("stat_day"), all("stat_day"), "days");
        assertEquals(expected.get("stat_month"), all("stat_month"), "months");
        for (String value : List.of("BOOKED", "DONE", "NO_SHOW", "CANCELLED_BY_USER", "CANCELLED_BY_SITE", "DESK", "ONLINE")) {
            assertTrue(expected.get("stat_month").stream().anyMatch(r -> r.split(" ")[3].equals(value)),
                    "the sequence reaches " + value);
        }
    }

    /** V9's backfill statements, run again on the appointments as they are now, give the rows the live path keeps. */
    @Test
    void theBackfillGivesTheRowsTheLivePathKeeps() throws SQLException, IOException {
        AppointmentFixtures.Desk desk = fixtures.desk("stat-appt-backfill", 2);
        Slot first = desk.slot();
        Slot second = slotAt(desk, first.date(), 15, 0);
        travelTo(first.startsAt().minus(Duration.ofHours(49)).plusMillis(12_345));
        Appointment a = bookings.book(desk.site(), key(first), request("Mme A."), first.helpers().get(1));
        clock.advance(Duration.ofMinutes(7).plusNanos(987_654_321));
        Appointment b = bookings.book(desk.site(), key(first), request("M. B."), null);
        bookings.book(desk.site(), key(second), request("Mme C."), null);
        bookings.setStatus(a, AppointmentStatus.CANCELLED_BY_SITE, "Fermeture");
        bookings.move(desk.site(), b, key(slotAt(desk, first.date().plusDays(7), 15, 30)));
        List<String> liveDays = all("stat_day");
        List<String> liveMonths = all("stat_month");
        assertTrue(liveDays.size() >= 8, liveDays.toString());

        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM stat_month WHERE dimension LIKE 'APPOINTMENT%'");
            s.executeUpdate("DELETE FROM stat_day WHERE dimension LIKE 'APPOINTMENT%'");
            for (String statement : StatisticsSupport.backfill("V9__appointment_statistics.sql", 4)) {
                s.executeUpdate(statement);
            }
        }
        assertEquals(liveDays, all("stat_day"));
        assertEquals(liveMonths, all("stat_month"));
    }

    // ---- concurrency ---------------------------------------------------------------------------------------------

    @Test
    void concurrentBookingsAndCancellationsOfOneSiteLoseNothing() throws Exception {
        AppointmentFixtures.Desk desk = fixtures.desk("stat-appt-concurrent", 2);
        List<Slot> day = slots.between(desk.site(), desk.slot().date(), desk.slot().date());
        int writers = 12;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        int taken = 0;
        try {
            List<Future<Boolean>> done = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                Slot slot = day.get(i % 2); // six writers on each of two slots of two seats
                boolean cancel = i % 3 == 0;
                String name = "P" + i;
                done.add(pool.submit(() -> {
                    start.await();
                    try {
                        Appointment a = bookings.book(desk.site(), key(slot), request(name), null);
                        if (cancel) {
                            bookings.setStatus(a, AppointmentStatus.CANCELLED_BY_USER, null);
                        }
                        return true;
                    } catch (SlotUnavailableException full) {
                        return false;
                    }
                }));
            }
            start.countDown();
            for (Future<Boolean> f : done) {
                taken += f.get() ? 1 : 0; // a unique-key error or a deadlock would surface here
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(taken >= 4, "at least the four seats: " + taken);
        String every = "APPOINTMENT_ALL - " + taken + " " + taken + " ";
        List<String> rows = rows("stat_day", desk.site().id(), desk.slot().date());
        assertTrue(rows.stream().anyMatch(r -> r.startsWith(every)), rows.toString());
        assertEquals(directCount().get("stat_day"), all("stat_day"));
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static Bookings.Request request(String firstName) {
        return new Bookings.Request(firstName, null, null, "EMAIL", null, null);
    }

    private static Slot.Key key(Slot slot) {
        return Slot.parse(slot.key()).orElseThrow();
    }

    private Slot slotAt(AppointmentFixtures.Desk desk, LocalDate day, int hour, int minute) {
        return slots.find(desk.site(), new Slot.Key(desk.slot().permanenceId(), day, LocalTime.of(hour, minute))).orElseThrow();
    }

    private void travelTo(Instant when) {
        clock.advance(Duration.between(clock.instant(), when));
    }

    private List<String> rows(String table, long siteId, LocalDate start) throws SQLException {
        return StatisticsSupport.rows(dataSource, table, siteId, start);
    }

    private List<String> all(String table) throws SQLException {
        return StatisticsSupport.all(dataSource, table, (site, day) -> true);
    }

    /**
     * The aggregates counted here from the raw appointments, with the rules written again (not BookingTallies): each
     * appointment once on its slot's date, under its status and where it was booked, with its lead time in minutes.
     */
    private Map<String, List<String>> directCount() throws SQLException {
        Map<String, long[]> day = new TreeMap<>();
        Map<String, long[]> month = new TreeMap<>();
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT site_id, slot_date, status, booked_by, created_at, starts_at FROM appointment")) {
            while (r.next()) {
                long site = r.getLong(1);
                LocalDate on = r.getObject(2, LocalDate.class);
                Instant created = r.getObject(5, OffsetDateTime.class).toInstant();
                Instant starts = r.getObject(6, OffsetDateTime.class).toInstant();
                long seconds = starts.getEpochSecond() - created.getEpochSecond()
                        - (starts.getNano() < created.getNano() ? 1 : 0);
                long lead = seconds < 0 ? 0 : seconds / 60;
                r.getLong(4);
                String where = r.wasNull() ? "ONLINE" : "DESK";
                for (String pair : List.of("APPOINTMENT_ALL -", "APPOINTMENT_STATUS " + r.getString(3),
                        "APPOINTMENT_BOOKED_AT " + where)) {
                    count(day, site + " " + on + " " + pair, lead);
                    count(month, site + " " + on.withDayOfMonth(1) + " " + pair, lead);
                }
            }
        }
        return Map.of("stat_day", lines(day), "stat_month", lines(month));
    }

    private static void count(Map<String, long[]> into, String key, long minutes) {
        long[] c = into.computeIfAbsent(key, k -> new long[2]);
        c[0]++;
        c[1] += minutes;
    }

    private static List<String> lines(Map<String, long[]> counts) {
        List<String> out = new ArrayList<>();
        counts.forEach((k, c) -> out.add(k + " " + c[0] + " " + c[0] + " " + c[1]));
        out.sort(null);
        return out;
    }


}
