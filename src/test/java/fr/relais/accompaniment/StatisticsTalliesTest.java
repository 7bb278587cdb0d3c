package fr.relais.accompaniment;

import fr.relais.testing.StatisticsSupport;
import fr.relais.partner.PartnerSummary;
import fr.relais.partner.Partners;
import fr.relais.security.CurrentStaff;
import fr.relais.security.Role;
import fr.relais.site.Site;
import fr.relais.site.SiteRepository;
import fr.relais.site.Sites;
import fr.relais.staff.StaffRepository;
import fr.relais.workshop.CollectiveRecords;
import fr.relais.workshop.SessionFixtures;
import fr.relais.workshop.WorkshopSession;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The statistics' aggregates (stat_day, stat_month; ADR 0020) equal a count of the raw records: known records
 * give known rows, a correction moves them, a deletion removes them, a site never sees another's; after a random
 * sequence of writes they equal a count made here from the records; V8's backfill gives the rows the live path
 * gives; twenty writers of one site and day at once lose nothing.
 */
@MicronautTest(environments = "demo", transactional = false)
class StatisticsTalliesTest extends fr.relais.testing.OnBothDatabases {
    @Inject
    Accompaniments accompaniments;
    @Inject
    CollectiveRecords collective;
    @Inject
    SessionFixtures sessions;
    @Inject
    Sites sites;
    @Inject
    SiteRepository siteRows;
    @Inject
    StaffRepository staff;
    @Inject
    Partners partners;
    @Inject
    DataSource dataSource;

    Site centre;
    Site nord;
    CurrentStaff helper;

    @BeforeAll
    void demo() {
        centre = sites.bySlug("mediatheque-centre").orElseThrow();
        nord = sites.bySlug("bibliotheque-nord").orElseThrow();
        long id = staff.findAll().iterator().next().id();
        helper = new CurrentStaff(id, "Aidant", Role.HELPER, Set.of(centre.id(), nord.id()), false, false);
    }

    // ---- known data ----------------------------------------------------------------------------------------------

    @Test
    void knownRecordsGiveKnownRowsThatFollowCorrectionsAndDeletions() throws SQLException {
        LocalDate march3 = LocalDate.of(2025, 3, 3);
        PartnerSummary partner = partners.visibleFrom(centre.id()).get(0);
        String kind = partner.kindCode();
        Accompaniment a1 = create(centre, values(AccompanimentMode.DO_WITH, List.of("EMAIL", "WEB_BROWSING"), List.of(),
                march3, 20, "WALK_IN", Autonomy.AUTONOMOUS, List.of("PHONE"), "60_69", true, null));
        Accompaniment a2 = create(centre, values(AccompanimentMode.REFER, List.of("HEALTH"), List.of(),
                LocalDate.of(2025, 3, 17), 10, "PHONE", null, List.of(), null, false, partner.id()));
        create(nord, values(AccompanimentMode.DO_WITH, List.of("EMAIL"), List.of(), march3, 45, "WALK_IN", null,
                List.of(), "25_39", null, null));

        assertEquals(List.of(
                "AGE 60_69 1 1 20", "AGE NONE 1 1 10", "ALL - 2 2 30", "AUTONOMY AUTONOMOUS 1 1 20", "AUTONOMY NONE 1 1 10",
                "CHANNEL PHONE 1 1 10", "CHANNEL WALK_IN 1 1 20", "DURATION 16_TO_30 1 1 20", "DURATION UP_TO_15 1 1 10",
                "EQUIPMENT PHONE 1 1 20", "FIRST_VISIT NO 1 1 10", "FIRST_VISIT YES 1 1 20", "MODE DO_WITH 1 1 20",
                "MODE REFER 1 1 10", "MODE_THEME DO_WITH|EMAIL 1 1 20", "MODE_THEME DO_WITH|WEB_BROWSING 1 1 20",
                "MODE_THEME REFER|HEALTH 1 1 10", "PARTNER_KIND " + kind + " 1 1 10", "THEME EMAIL 1 1 20",
                "THEME HEALTH 1 1 10", "THEME WEB_BROWSING 1 1 20", "THEME_AGE EMAIL|60_69 1 1 20",
                "THEME_AGE HEALTH|NONE 1 1 10", "THEME_AGE WEB_BROWSING|60_69 1 1 20"),
                rows("stat_month", centre, LocalDate.of(2025, 3, 1)), "centre, March 2025");
        assertEquals(List.of("ALL - 1 1 20"), only("ALL", rows("stat_day", centre, march3)), "centre, 3 March: a1 alone");
        assertEquals(List.of("ALL - 1 1 10"), only("ALL", rows("stat_day", centre, LocalDate.of(2025, 3, 17))));
        // Nord's record is in Nord's rows only, and Nord's rows hold nothing of the centre's.
        assertEquals(List.of("AGE 25_39 1 1 45", "ALL - 1 1 45", "AUTONOMY NONE 1 1 45", "CHANNEL WALK_IN 1 1 45",
                        "DURATION 31_TO_45 1 1 45", "FIRST_VISIT NONE 1 1 45", "MODE DO_WITH 1 1 45",
                        "MODE_THEME DO_WITH|EMAIL 1 1 45", "THEME EMAIL 1 1 45", "THEME_AGE EMAIL|25_39 1 1 45"),
                rows("stat_month", nord, LocalDate.of(2025, 3, 1)), "Nord, March 2025");

        // A correction: a1 becomes a referral on printing, 50 minutes; a2 moves to April.
        Accompaniment a1Fixed = update(a1, values(AccompanimentMode.REFER, List.of("PRINT_SCAN"), List.of(), march3, 50,
                "WALK_IN", Autonomy.AUTONOMOUS, List.of("PHONE"), "60_69", true, partner.id()));
        update(a2, values(AccompanimentMode.REFER, List.of("HEALTH"), List.of(), LocalDate.of(2025, 4, 1), 10, "PHONE",
                null, List.of(), null, false, partner.id()));
        List<String> march = rows("stat_month", centre, LocalDate.of(2025, 3, 1));
        assertEquals(List.of("ALL - 1 1 50"), only("ALL", march));
        assertEquals(List.of("MODE REFER 1 1 50"), only("MODE", march), "no DO_WITH left in March");
        assertEquals(List.of("THEME PRINT_SCAN 1 1 50"), only("THEME", march));
        assertEquals(List.of("DURATION 46_TO_60 1 1 50"), only("DURATION", march));
        assertEquals(List.of("MODE_THEME REFER|PRINT_SCAN 1 1 50"), only("MODE_THEME", march));
        assertEquals(List.of(), rows("stat_day", centre, LocalDate.of(2025, 3, 17)), "nothing left on 17 March");
        assertEquals(List.of("ALL - 1 1 10"), only("ALL", rows("stat_day", centre, LocalDate.of(2025, 4, 1))));
        assertEquals(List.of("ALL - 1 1 10"), only("ALL", rows("stat_month", centre, LocalDate.of(2025, 4, 1))));

        // A deletion: March at the centre has nothing left, Nord is untouched.
        accompaniments.delete(a1Fixed);
        assertEquals(List.of(), rows("stat_month", centre, LocalDate.of(2025, 3, 1)));
        assertEquals(List.of(), rows("stat_day", centre, march3));
        assertEquals(List.of("ALL - 1 1 45"), only("ALL", rows("stat_month", nord, LocalDate.of(2025, 3, 1))));
    }

    @Test
    void aCollectiveRecordCountsItsParticipantsAndFollowsItsCorrection() throws SQLException {
        WorkshopSession session = sessions.comingSession("mediatheque-centre", 12);
        LocalDate day = LocalDate.of(2025, 5, 20);
        collective.save(facts(session, centre, day, 90, 7, List.of("DIGITAL_CONTENT")));
        List<String> may = rows("stat_month", centre, LocalDate.of(2025, 5, 1));
        assertEquals(List.of("AGE NONE 1 7 90", "ALL - 1 7 90", "AUTONOMY NONE 1 7 90", "CHANNEL WORKSHOP 1 7 90",
                "DURATION OVER_60 1 7 90", "FIRST_VISIT NONE 1 7 90", "MODE DO_WITH 1 7 90",
                "MODE_THEME DO_WITH|DIGITAL_CONTENT 1 7 90", "THEME DIGITAL_CONTENT 1 7 90",
                "THEME_AGE DIGITAL_CONTENT|NONE 1 7 90"), may);

        // The attendance corrected the same day: nine people, still one record.
        collective.save(facts(session, centre, day, 90, 9, List.of("DIGITAL_CONTENT")));
        assertEquals(List.of("ALL - 1 9 90"), only("ALL", rows("stat_day", centre, day)));
        assertEquals(List.of("CHANNEL WORKSHOP 1 9 90"), only("CHANNEL", rows("stat_month", centre, day.withDayOfMonth(1))));

        collective.remove(session.id());
        assertEquals(List.of(), rows("stat_month", centre, LocalDate.of(2025, 5, 1)), "nobody came: no record, no count");
    }

    // ---- randomized ----------------------------------------------------------------------------------------------

    @Test
    void afterARandomSequenceEveryAggregateEqualsADirectCount() throws SQLException {
        Site sud = siteRows.save(new Site(null, "mediatheque-sud-stat", "Médiathèque Sud", "3 rue du Port", "69007", "Lyon",
                null, null, null, null, "Europe/Paris", Instant.now()));
        List<Site> three = List.of(centre, nord, sud);
        Map<Long, List<WorkshopSession>> sessionsOf = Map.of(
                centre.id(), List.of(sessions.comingSession("mediatheque-centre", 20), sessions.comingSession("mediatheque-centre", 20)),
                nord.id(), List.of(sessions.comingSession("bibliotheque-nord", 20)), sud.id(), List.of());
        Random random = new Random(20_261_211L);
        LocalDate first = LocalDate.of(2024, 1, 1);
        List<Accompaniment> live = new ArrayList<>();
        int creates = 0;
        int corrections = 0;
        int deletions = 0;
        int collectives = 0;
        for (int i = 0; i < 300; i++) {
            int op = random.nextInt(100);
            if (op < 45 || live.isEmpty()) {
                Site site = three.get(random.nextInt(3));
                live.add(create(site, randomValues(random, site, first)));
                creates++;
            } else if (op < 72) {
                int at = random.nextInt(live.size());
                Accompaniment a = live.get(at);
                live.set(at, update(a, randomValues(random, site(a.siteId()), first)));
                corrections++;
            } else if (op < 85) {
                accompaniments.delete(live.remove(random.nextInt(live.size())));
                deletions++;
            } else {
                Site site = random.nextBoolean() ? centre : nord;
                List<WorkshopSession> list = sessionsOf.get(site.id());
                WorkshopSession s = list.get(random.nextInt(list.size()));
                if (random.nextInt(5) == 0) {
                    collective.remove(s.id());
                } else {
                    collective.save(facts(s, site, first.plusDays(random.nextInt(91)), 30 + 15 * random.nextInt(8),
                            1 + random.nextInt(15), pick(random, THEMES, 1 + random.nextInt(2))));
                }
                collectives++;
            }
        }
        assertTrue(creates > 100 && corrections > 50 && deletions > 20 && collectives > 20,
                creates + " " + corrections + " " + deletions + " " + collectives);
        Set<Long> ids = three.stream().map(Site::id).collect(Collectors.toSet());
        Map<String, List<String>> expected = directCount(ids, first, first.plusMonths(3));
        assertFalse(expected.get("stat_day").isEmpty());
        assertEquals(expected.get("stat_day"), all("stat_day", ids, first, first.plusMonths(3)), "days");
        assertEquals(expected.get("stat_month"), all("stat_month", ids, first, first.plusMonths(3)), "months");
        for (String dimension : List.of("ALL", "MODE", "CHANNEL", "THEME", "SCOPE", "EQUIPMENT", "AUTONOMY", "AGE",
                "FIRST_VISIT", "DURATION", "PARTNER_KIND", "MODE_THEME", "THEME_AGE")) {
            assertTrue(expected.get("stat_month").stream().anyMatch(r -> r.split(" ")[2].equals(dimension)),
                    "the sequence reaches dimension " + dimension);
        }
    }

    /** V8's backfill statements, run again on the records as they are now, give the rows the live path keeps. */
    @Test
    void theBackfillGivesTheRowsTheLivePathKeeps() throws SQLException, IOException {
        PartnerSummary partner = partners.visibleFrom(nord.id()).get(0);
        LocalDate day = LocalDate.of(2025, 9, 30);
        create(nord, values(AccompanimentMode.REFER, List.of("HEALTH", "EMAIL"), List.of(), day, 75, "OUTREACH",
                Autonomy.PARTLY_AUTONOMOUS, List.of("TABLET", "PHONE"), "UNDER_12", false, partner.id()));
        create(nord, values(AccompanimentMode.DO_WITH, List.of("ADMIN_PROCEDURES"), List.of("HOUSING", "MONEY"),
                day.plusDays(1), 15, "WALK_IN", null, List.of(), null, true, null));
        collective.save(facts(sessions.comingSession("bibliotheque-nord", 8), nord, day, 120, 5, List.of("EMAIL")));
        List<String> liveDays = all("stat_day", null, null, null);
        List<String> liveMonths = all("stat_month", null, null, null);
        assertTrue(liveDays.size() > 20, liveDays.toString());

        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM stat_month");
            s.executeUpdate("DELETE FROM stat_day");
            for (String statement : StatisticsSupport.backfill("V8__statistics.sql", 14)) {
                s.executeUpdate(statement);
            }
        }
        assertEquals(liveDays, all("stat_day", null, null, null));
        assertEquals(liveMonths, all("stat_month", null, null, null));
    }

    // ---- concurrency ---------------------------------------------------------------------------------------------

    @Test
    void twentyWritersOfOneSiteAndDayLoseNothing() throws Exception {
        Site est = siteRows.save(new Site(null, "mediatheque-est-stat", "Médiathèque Est", "1 rue Haute", "69003", "Lyon",
                null, null, null, null, "Europe/Paris", Instant.now()));
        LocalDate day = LocalDate.of(2025, 6, 10);
        int writers = 20;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Accompaniment>> done = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                int minutes = 10 + i;
                done.add(pool.submit(() -> {
                    start.await();
                    return create(est, values(AccompanimentMode.DO_WITH, List.of("EMAIL"), List.of(), day, minutes,
                            "WALK_IN", null, List.of(), null, null, null));
                }));
            }
            start.countDown();
            for (Future<Accompaniment> f : done) {
                f.get(); // any unique-key error or deadlock would surface here
            }
        } finally {
            pool.shutdownNow();
        }
        long minutes = 0;
        for (int i = 0; i < writers; i++) {
            minutes += 10 + i;
        }
        assertEquals(List.of("ALL - 20 20 " + minutes), only("ALL", rows("stat_day", est, day)));
        assertEquals(List.of("THEME EMAIL 20 20 " + minutes), only("THEME", rows("stat_month", est, day.withDayOfMonth(1))));
        assertEquals(directCount(Set.of(est.id()), day, day.plusDays(1)).get("stat_day"), all("stat_day", Set.of(est.id()), day, day.plusDays(1)));
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static final List<String> THEMES = List.of("EMAIL", "WEB_BROWSING", "HEALTH", "PRINT_SCAN", "ADMIN_PROCEDURES",
            "DIGITAL_CONTENT");
    private static final List<String> SCOPES = List.of("HOUSING", "MONEY", "WORK", "FAMILY");
    private static final List<String> EQUIPMENT = List.of("COMPUTER", "PHONE", "TABLET", "NONE");
    private static final List<String> AGES = List.of("UNDER_12", "18_24", "25_39", "60_69", "70_PLUS", "UNKNOWN");
    private static final List<String> CHANNELS = List.of("WALK_IN", "APPOINTMENT", "PHONE", "OUTREACH");
    private static final int[] MINUTES = {5, 15, 16, 30, 31, 45, 46, 60, 61, 90, 240};

    private Accompaniment create(Site site, AccompanimentForm.Values v) {
        Accompaniments.Outcome out = accompaniments.create(helper, site, v, null);
        assertTrue(out.saved() != null, "saved");
        return out.saved();
    }

    private Accompaniment update(Accompaniment a, AccompanimentForm.Values v) {
        Accompaniments.Outcome out = accompaniments.update(helper, site(a.siteId()), a, v);
        assertTrue(out.saved() != null, "corrected");
        return out.saved();
    }

    private Site site(long id) {
        return siteRows.findById(id).orElseThrow();
    }

    private static AccompanimentForm.Values values(AccompanimentMode mode, List<String> themes, List<String> scopes,
                                                   LocalDate day, int minutes, String channel, Autonomy autonomy,
                                                   List<String> equipment, String age, Boolean firstVisit, Long partnerId) {
        Instant at = day.atTime(LocalTime.of(10, 0)).atZone(java.time.ZoneId.of("Europe/Paris")).toInstant();
        return new AccompanimentForm.Values(mode, themes, scopes, at, day, minutes, channel, autonomy, equipment, age,
                firstVisit, null, null, partnerId);
    }

    private AccompanimentForm.Values randomValues(Random r, Site site, LocalDate first) {
        List<PartnerSummary> visible = partners.visibleFrom(site.id());
        boolean refer = !visible.isEmpty() && r.nextInt(4) == 0;
        Autonomy[] autonomies = Autonomy.values();
        return values(refer ? AccompanimentMode.REFER : AccompanimentMode.DO_WITH, pick(r, THEMES, 1 + r.nextInt(3)),
                pick(r, SCOPES, r.nextInt(3)), first.plusDays(r.nextInt(91)), MINUTES[r.nextInt(MINUTES.length)],
                CHANNELS.get(r.nextInt(CHANNELS.size())), r.nextInt(3) == 0 ? null : autonomies[r.nextInt(autonomies.length)],
                pick(r, EQUIPMENT, r.nextInt(3)), r.nextInt(3) == 0 ? null : AGES.get(r.nextInt(AGES.size())),
                r.nextInt(3) == 0 ? null : r.nextBoolean(), refer ? visible.get(r.nextInt(visible.size())).id() : null);
    }

    private static List<String> pick(Random r, List<String> from, int n) {
        List<String> copy = new ArrayList<>(from);
        java.util.Collections.shuffle(copy, r);
        return List.copyOf(copy.subList(0, n));
    }

    private CollectiveRecords.Facts facts(WorkshopSession s, Site site, LocalDate day, int minutes, int participants,
                                          List<String> themes) {
        Instant at = day.atTime(LocalTime.of(14, 0)).atZone(site.zone()).toInstant();
        return new CollectiveRecords.Facts(s.id(), site.id(), helper.id(), at, day, minutes, participants, themes);
    }

    private static List<String> only(String dimension, List<String> rows) {
        return rows.stream().filter(r -> r.startsWith(dimension + " ")).toList();
    }

    private List<String> rows(String table, Site site, LocalDate start) throws SQLException {
        return StatisticsSupport.rows(dataSource, table, site.id(), start);
    }

    /** The rows of these sites and days [from, to); every row when siteIds is null. */
    private List<String> all(String table, Set<Long> siteIds, LocalDate from, LocalDate to) throws SQLException {
        return StatisticsSupport.all(dataSource, table,
                (site, d) -> siteIds == null || siteIds.contains(site) && !d.isBefore(from) && d.isBefore(to));
    }

    /**
     * The aggregates counted here from the raw records of these sites and days [from, to), with the rules written
     * again (not RecordFacts): by day and by month, one line per site, period, dimension and value.
     */
    private Map<String, List<String>> directCount(Set<Long> siteIds, LocalDate from, LocalDate to) throws SQLException {
        Map<Long, List<String>> themes = new HashMap<>();
        Map<Long, List<String>> scopes = new HashMap<>();
        Map<Long, List<String>> equipment = new HashMap<>();
        Map<String, long[]> day = new TreeMap<>();
        Map<String, long[]> month = new TreeMap<>();
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             Statement s = c.createStatement()) {
            links(s, "SELECT accompaniment_id, theme_code FROM accompaniment_theme", themes);
            links(s, "SELECT accompaniment_id, scope_code FROM accompaniment_scope", scopes);
            links(s, "SELECT accompaniment_id, equipment_code FROM accompaniment_equipment", equipment);
            try (ResultSet r = s.executeQuery("SELECT id, site_id, occurred_on, mode, duration_minutes, channel_code, "
                    + "autonomy, age_bracket_code, first_visit, partner_kind_code, participants FROM accompaniment")) {
                while (r.next()) {
                    long site = r.getLong(2);
                    LocalDate on = r.getObject(3, LocalDate.class);
                    if (!siteIds.contains(site) || on.isBefore(from) || !on.isBefore(to)) {
                        continue;
                    }
                    long id = r.getLong(1);
                    String mode = r.getString(4);
                    int minutes = r.getInt(5);
                    String age = r.getString(8) == null ? "NONE" : r.getString(8);
                    Object firstVisit = r.getObject(9);
                    List<String> pairs = new ArrayList<>(List.of("ALL -", "MODE " + mode, "CHANNEL " + r.getString(6),
                            "AUTONOMY " + (r.getString(7) == null ? "NONE" : r.getString(7)), "AGE " + age,
                            "FIRST_VISIT " + (firstVisit == null ? "NONE" : r.getBoolean(9) ? "YES" : "NO"),
                            "DURATION " + (minutes <= 15 ? "UP_TO_15" : minutes <= 30 ? "16_TO_30" : minutes <= 45 ? "31_TO_45"
                                    : minutes <= 60 ? "46_TO_60" : "OVER_60")));
                    if (mode.equals("REFER")) {
                        pairs.add("PARTNER_KIND " + r.getString(10));
                    }
                    for (String t : themes.getOrDefault(id, List.of())) {
                        pairs.addAll(List.of("THEME " + t, "MODE_THEME " + mode + "|" + t, "THEME_AGE " + t + "|" + age));
                    }
                    scopes.getOrDefault(id, List.of()).forEach(x -> pairs.add("SCOPE " + x));
                    equipment.getOrDefault(id, List.of()).forEach(x -> pairs.add("EQUIPMENT " + x));
                    long participants = r.getLong(11);
                    for (String pair : pairs) {
                        count(day, site + " " + on + " " + pair, participants, minutes);
                        count(month, site + " " + on.withDayOfMonth(1) + " " + pair, participants, minutes);
                    }
                }
            }
        }
        return Map.of("stat_day", lines(day), "stat_month", lines(month));
    }

    private static void links(Statement s, String sql, Map<Long, List<String>> into) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                into.computeIfAbsent(r.getLong(1), k -> new ArrayList<>()).add(r.getString(2));
            }
        }
    }

    private static void count(Map<String, long[]> into, String key, long participants, long minutes) {
        long[] c = into.computeIfAbsent(key, k -> new long[3]);
        c[0]++;
        c[1] += participants;
        c[2] += minutes;
    }

    private static List<String> lines(Map<String, long[]> counts) {
        List<String> out = new ArrayList<>();
        counts.forEach((k, c) -> out.add(k + " " + c[0] + " " + c[1] + " " + c[2]));
        out.sort(null);
        return out;
    }


}
