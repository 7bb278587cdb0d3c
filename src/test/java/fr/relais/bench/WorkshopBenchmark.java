package fr.relais.bench;

import fr.relais.journal.JournalAction;
import fr.relais.site.Site;
import fr.relais.testing.TestClient;
import fr.relais.testing.TestDatabase;
import fr.relais.workshop.AgendaFixtures;
import fr.relais.workshop.Workshop;
import fr.relais.workshop.WorkshopLevel;
import fr.relais.workshop.WorkshopSession;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Figures, not a test (README, "Performance"; docs/performance.md), on PostgreSQL by default ({@code -Dbench.db=h2}
 * for H2). (a) Twenty visitors at once register through the public form (CSRF token included, as a browser sends
 * it) for one popular session of 30 seats, the others going to its waiting list, and now and then cancel one of
 * their registrations with its code, which promotes the first waiting person: registrations per second and
 * latencies. Then only correctness is checked: seats within capacity and equal to the seated rows, nobody jumped
 * the line, each promotion journaled once. (b) 60 libraries with six months of sessions (three a week each): the
 * public agenda's latency, network-wide and per library. Nothing here is asserted against a time. The per-address
 * limits of public registration are raised by configuration here: every visitor comes from the loopback address.
 */
@Tag("benchmark")
class WorkshopBenchmark {
    static final int CLIENTS = 20;
    static final int REGISTRATIONS_PER_CLIENT = 20;
    /** Every CANCEL_EVERY-th registration, the visitor also cancels their oldest registration still live. */
    static final int CANCEL_EVERY = 4;
    static final int CAPACITY = 30;
    static final int SITES = 60;
    static final int WEEKS_BEFORE = 8;
    static final int WEEKS_AFTER = 18;
    static final int WARM_UP = 30;
    static final int REQUESTS = 200;
    private static final Pattern PAGE = Pattern.compile("/ateliers/inscriptions/(\\d+)\\?cle=[A-Za-z0-9_-]+");
    private static final Pattern CODE = Pattern.compile("<strong class=\"code\">([0-9A-Z]{3}-[0-9A-Z]{3})</strong>");

    @Test
    void measure() throws Exception {
        boolean postgres = !"h2".equalsIgnoreCase(System.getProperty("bench.db", "postgres"));
        if (postgres) {
            System.setProperty("relais.test.db", "postgres");
        } else {
            System.clearProperty("relais.test.db");
        }
        Map<String, Object> properties = new HashMap<>(TestDatabase.fresh("WorkshopBenchmark"));
        properties.put("relais.public-registration.registrations-per-hour", "1000000");
        properties.put("relais.public-registration.code-checks-per-window", "1000000");
        StringBuilder report = new StringBuilder();
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "benchmark")) {
            ApplicationContext ctx = server.getApplicationContext();
            AgendaFixtures fixtures = ctx.getBean(AgendaFixtures.class);
            DataSource dataSource = DelegatingDataSource.unwrapDataSource(ctx.getBean(DataSource.class));
            report.append(String.format("database: %s%n", postgres ? "PostgreSQL" : "H2"));

            // First one visitor alone (the cost of a registration without waiting for the session's lock), then twenty.
            Site quiet = fixtures.library("calme");
            WorkshopSession alone = fixtures.publicSession(quiet, CAPACITY);
            report.append(registrations(server, alone, 1, 3 * CAPACITY));
            checkSeats(dataSource, alone.id(), quiet.id(), 3 * CAPACITY);
            Site popular = fixtures.library("populaire");
            WorkshopSession session = fixtures.publicSession(popular, CAPACITY);
            report.append(registrations(server, session, CLIENTS, REGISTRATIONS_PER_CLIENT));
            checkSeats(dataSource, session.id(), popular.id(), CLIENTS * REGISTRATIONS_PER_CLIENT);

            List<Site> sites = new ArrayList<>(List.of(quiet, popular));
            while (sites.size() < SITES) {
                sites.add(fixtures.library("bib"));
            }
            int seeded = seed(fixtures, dataSource, sites);
            report.append(String.format("agenda: %d libraries, %d sessions seeded (%d weeks back, %d ahead, 3 a week each)%n",
                    sites.size(), seeded, WEEKS_BEFORE, WEEKS_AFTER));
            report.append(agenda(server, sites));
        }
        System.out.println("\n=== Relais workshop benchmark ===\n" + report);
        Path out = Path.of(System.getProperty("user.dir"), "target", "workshop-benchmark.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
    }

    /** One visitor's registration: its id, the code its page shows, the first name typed. */
    private record Mine(long id, String code, String firstName) {
    }

    private static String registrations(EmbeddedServer server, WorkshopSession session, int clients, int perClient)
            throws Exception {
        String form = "/ateliers/seances/" + session.id();
        ConcurrentLinkedQueue<Long> registering = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> cancelling = new ConcurrentLinkedQueue<>();
        AtomicInteger registered = new AtomicInteger();
        AtomicInteger cancelled = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            done.add(pool.submit(() -> {
                try (TestClient browser = TestClient.of(server)) {
                    browser.get(form);
                    browser.csrfToken();
                    List<Mine> live = new ArrayList<>();
                    start.await();
                    for (int i = 0; i < perClient; i++) {
                        // The form page first, as a browser shows it; then the post, timed.
                        Assertions.assertEquals(200, browser.get(form).status());
                        String firstName = "Personne" + client + "x" + i;
                        long t0 = System.nanoTime();
                        TestClient.Answer answer = browser.post(form, registration(firstName, client, i));
                        registering.add(System.nanoTime() - t0);
                        Assertions.assertEquals(303, answer.status(), () -> "registration refused: " + answer.texts(".error-summary, .field-error"));
                        Matcher page = PAGE.matcher(answer.location());
                        Assertions.assertTrue(page.matches(), answer.location());
                        Matcher code = CODE.matcher(browser.get(answer.location()).body());
                        Assertions.assertTrue(code.find(), "the person's page shows the code");
                        live.add(new Mine(Long.parseLong(page.group(1)), code.group(1), firstName));
                        registered.incrementAndGet();
                        if (i % CANCEL_EVERY == CANCEL_EVERY - 1) {
                            Mine leaving = live.remove(0);
                            long c0 = System.nanoTime();
                            TestClient.Answer cancel = browser.post("/ateliers/inscription/annulation",
                                    Map.of("code", leaving.code(), "firstName", leaving.firstName()));
                            cancelling.add(System.nanoTime() - c0);
                            Assertions.assertEquals(303, cancel.status(), () -> "cancellation refused: " + cancel.texts(".error-summary"));
                            cancelled.incrementAndGet();
                        }
                    }
                }
                return null;
            }));
        }
        long t0 = System.nanoTime();
        start.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        return String.format("public registration, %d visitor(s) at once on one session of %d seats: %d registrations and %d "
                        + "cancellations (with the form page and the person's page each time) in %.1f s = %.1f registrations/s%n"
                        + "  registering (POST → 303): %s%n  cancelling with the code (POST → 303): %s%n",
                clients, CAPACITY, registered.get(), cancelled.get(), seconds, registered.get() / seconds,
                Percentiles.of(new ArrayList<>(registering)), Percentiles.of(new ArrayList<>(cancelling)));
    }

    /** The form as a browser sends it: one seat, a phone, an e-mail or neither, the waiting list accepted. */
    private static Map<String, Object> registration(String firstName, int client, int i) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("firstName", firstName);
        form.put("phone", i % 3 == 0 ? String.format("06 %02d %02d 45 67", 10 + client, i) : "");
        form.put("email", i % 3 == 1 ? "personne" + client + "x" + i + "@exemple.fr" : "");
        form.put("seats", "1");
        form.put("waitingList", "1");
        form.put("website", "");
        return form;
    }

    /**
     * What must hold whatever the timing: the counter within capacity and equal to the seated rows (full, since
     * people still wait), every seated or promoted person ahead of everyone still waiting, each promotion journaled
     * exactly once.
     */
    private static void checkSeats(DataSource dataSource, long sessionId, long siteId, int registered) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            int capacity = 0;
            int taken = 0;
            try (PreparedStatement st = c.prepareStatement("SELECT capacity, seats_taken FROM workshop_session WHERE id = ?")) {
                st.setLong(1, sessionId);
                try (ResultSet rs = st.executeQuery()) {
                    Assertions.assertTrue(rs.next());
                    capacity = rs.getInt(1);
                    taken = rs.getInt(2);
                }
            }
            List<long[]> seated = rows(c, "SELECT id, seats FROM registration WHERE session_id = ? AND status = 'SEATED'", sessionId);
            List<long[]> waiting = rows(c, "SELECT id, seats FROM registration WHERE session_id = ? AND status = 'WAITING'", sessionId);
            List<long[]> promoted = rows(c, "SELECT id, seats FROM registration WHERE session_id = ? AND promoted_at IS NOT NULL "
                    + "ORDER BY promoted_at, id", sessionId);
            long all = rows(c, "SELECT id, seats FROM registration WHERE session_id = ?", sessionId).size();
            Assertions.assertEquals(registered, all, "every registration answered 303 is kept");
            Assertions.assertTrue(taken <= capacity, "seats taken " + taken + " within capacity " + capacity);
            Assertions.assertEquals(taken, seated.stream().mapToLong(r -> r[1]).sum(), "the counter equals the seated rows");
            Assertions.assertFalse(waiting.isEmpty(), "people still wait");
            Assertions.assertEquals(capacity, taken, "people wait, so no seat is left free");
            long firstWaiting = waiting.stream().mapToLong(r -> r[0]).min().orElseThrow();
            Assertions.assertTrue(seated.stream().allMatch(r -> r[0] < firstWaiting), "nobody seated behind someone still waiting");
            Assertions.assertTrue(promoted.stream().allMatch(r -> r[0] < firstWaiting), "nobody promoted behind someone still waiting");
            for (int i = 1; i < promoted.size(); i++) {
                Assertions.assertTrue(promoted.get(i - 1)[0] < promoted.get(i)[0], "promotions in the order of the line");
            }
            Assertions.assertFalse(promoted.isEmpty(), "cancellations of seated people promoted someone");
            Map<String, Integer> journaled = new HashMap<>();
            try (PreparedStatement st = c.prepareStatement("SELECT object_ref FROM journal_entry WHERE action = ? AND site_id = ?")) {
                st.setString(1, JournalAction.WORKSHOP_PROMOTED.name());
                st.setLong(2, siteId);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        journaled.merge(rs.getString(1), 1, Integer::sum);
                    }
                }
            }
            Map<String, Integer> expected = new HashMap<>();
            promoted.forEach(r -> expected.put("inscription:" + r[0], 1));
            Assertions.assertEquals(expected, journaled, "each promotion journaled once");
            System.out.printf("checked: %d seated of %d, %d waiting, %d promoted, each journaled once%n",
                    taken, capacity, waiting.size(), promoted.size());
        }
    }

    private static List<long[]> rows(Connection c, String sql, long sessionId) throws SQLException {
        List<long[]> rows = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setLong(1, sessionId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(new long[]{rs.getLong(1), rs.getLong(2)});
                }
            }
        }
        return rows;
    }

    /**
     * Six months of sessions at every library, three a week (Tuesday 10:00, Wednesday 14:30, Saturday 10:00), of a
     * network catalogue of twelve workshops plus one of the library's own, by batched INSERTs. A few sessions are
     * cancelled or not listed publicly; seats taken vary.
     */
    private static int seed(AgendaFixtures fixtures, DataSource dataSource, List<Site> sites) throws SQLException {
        String[][] catalogue = {
                {"Découvrir sa boîte mail", "EMAIL"}, {"Naviguer en sécurité", "WEB_BROWSING", "SECURITY"},
                {"Premiers pas sur tablette", "EQUIPMENT_BASICS"}, {"Ranger ses photos", "DIGITAL_CONTENT"},
                {"Démarches en ligne : les bases", "ADMIN_PROCEDURES"}, {"Reconnaître les arnaques", "SECURITY"},
                {"Prendre rendez-vous chez le médecin en ligne", "HEALTH"}, {"Écrire un CV", "OFFICE", "EMPLOYMENT"},
                {"Parler avec ses proches en visio", "SOCIAL_MEDIA"}, {"Payer en ligne sans crainte", "BANKING_SHOPPING"},
                {"Suivre la scolarité de son enfant", "SCHOOL", "PARENTING"}, {"Comprendre l'intelligence artificielle", "AI"}};
        WorkshopLevel[] levels = WorkshopLevel.values();
        List<Workshop> network = new ArrayList<>();
        for (int i = 0; i < catalogue.length; i++) {
            String[] w = catalogue[i];
            network.add(fixtures.workshop(null, w[0], levels[i % levels.length], Arrays.copyOfRange(w, 1, w.length)));
        }
        Random random = new Random(42);
        int count = 0;
        String sql = "INSERT INTO workshop_session (workshop_id, site_id, session_date, start_time, starts_at, duration_minutes, "
                + "capacity, seats_taken, room, public_listing, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        DayOfWeek[] days = {DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.SATURDAY};
        LocalTime[] times = {LocalTime.of(10, 0), LocalTime.of(14, 30), LocalTime.of(10, 0)};
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement st = c.prepareStatement(sql)) {
                for (Site site : sites) {
                    Workshop own = fixtures.workshop(site.id(), "Atelier de " + site.name(), WorkshopLevel.BEGINNER, "ACCESS");
                    LocalDate monday = LocalDate.now(site.zone()).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                            .minusWeeks(WEEKS_BEFORE);
                    for (int week = 0; week < WEEKS_BEFORE + WEEKS_AFTER; week++) {
                        for (int d = 0; d < days.length; d++) {
                            LocalDate day = monday.plusWeeks(week).with(TemporalAdjusters.nextOrSame(days[d]));
                            Workshop w = random.nextInt(6) == 0 ? own : network.get(random.nextInt(network.size()));
                            int capacity = 6 + random.nextInt(10);
                            st.setLong(1, w.id());
                            st.setLong(2, site.id());
                            st.setObject(3, day);
                            st.setObject(4, times[d]);
                            st.setObject(5, ZonedDateTime.of(day, times[d], site.zone()).toOffsetDateTime());
                            st.setInt(6, 90);
                            st.setInt(7, capacity);
                            st.setInt(8, random.nextInt(capacity + 1));
                            st.setString(9, "Salle " + (1 + d));
                            st.setBoolean(10, random.nextInt(20) != 0);
                            st.setString(11, random.nextInt(25) == 0 ? "CANCELLED" : "SCHEDULED");
                            st.setObject(12, now);
                            st.addBatch();
                            count++;
                        }
                    }
                    st.executeBatch();
                }
            }
            c.commit();
        }
        return count;
    }

    private static String agenda(EmbeddedServer server, List<Site> sites) {
        StringBuilder out = new StringBuilder();
        Random random = new Random(7);
        try (TestClient visitor = TestClient.of(server)) {
            out.append(measure(visitor, "/ateliers (whole network, no filter)", i -> "/ateliers"));
            // The first page may hold only what is left of this week: a later page holds two full weeks.
            String twoFullWeeks = "/ateliers?a-partir-du=" + java.time.LocalDate.now(java.time.ZoneId.of(fr.relais.site.Sites.DEFAULT_ZONE))
                    .with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY)).plusWeeks(2);
            out.append(measure(visitor, "/ateliers?a-partir-du=… (whole network, two full weeks)", i -> twoFullWeeks));
            out.append(measure(visitor, "/ateliers?theme=SECURITY", i -> "/ateliers?theme=SECURITY"));
            out.append(measure(visitor, "/bibliotheques/{slug}/ateliers, random libraries",
                    i -> "/bibliotheques/" + sites.get(random.nextInt(sites.size())).slug() + "/ateliers"));
        }
        return out.toString();
    }

    private static String measure(TestClient visitor, String label, IntFunction<String> path) {
        for (int i = 0; i < WARM_UP; i++) {
            Assertions.assertEquals(200, visitor.get(path.apply(i)).status());
        }
        String first = visitor.get(path.apply(0)).body();
        int listed = first.split("href=\"/ateliers/seances/", -1).length - 1;
        List<Long> nanos = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < REQUESTS; i++) {
            String p = path.apply(i);
            long t0 = System.nanoTime();
            TestClient.Answer answer = visitor.get(p);
            nanos.add(System.nanoTime() - t0);
            Assertions.assertEquals(200, answer.status(), p);
            bytes += answer.body().length();
        }
        return String.format("  %s, %d requests one after another: %s; page %.0f kB on average (%d sessions listed on the first)%n",
                label, REQUESTS, Percentiles.of(nanos), bytes / 1024.0 / REQUESTS, listed);
    }
}
