package fr.relais.bench;

import fr.relais.testing.StatisticsSupport;
import fr.relais.security.PasswordHasher;
import fr.relais.security.ShortCodes;
import fr.relais.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Fills a PostgreSQL database with made-up statistics data (issue 11, item 7): N sites with one helper each, Y full
 * calendar years of accompaniments (ending last year) and the appointments of two weekly permanences per site; then
 * rebuilds the aggregates with the backfill statements of V8 and V9 and checks a sample of them against the raw rows.
 * Not a test: tagged "benchmark", run on purpose (README, "Performance"); it prints its figures and writes them to
 * target/statistics-generator.txt. Only correctness is asserted, never a time.
 * <p>
 * {@code -Dgenerator.sites=60 -Dgenerator.years=3 -Dgenerator.accompaniments=1500000}; by default into a new
 * database of the embedded PostgreSQL the tests use, or with {@code -Dgenerator.url=jdbc:postgresql://…
 * -Dgenerator.user=… -Dgenerator.password=…} into an existing database (Flyway's migrations are run first: a no-op
 * on an up-to-date Relais database). Nothing generated is personal: sites and helpers are numbered, the person of
 * an appointment is two fictitious initials, with no phone and no e-mail.
 */
@Tag("benchmark")
class StatisticsDataGenerator {
    static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    /** Records per transaction: large enough for COPY to pay, small enough to keep memory and WAL bursts modest. */
    static final int CHUNK = 25_000;
    /** Themes, most asked first (the rest follow in the list's order): a Zipf-like popularity over this ranking. */
    static final List<String> THEME_RANKING = List.of("ADMIN_PROCEDURES", "EMAIL", "EQUIPMENT_BASICS", "WEB_BROWSING",
            "HEALTH", "PRINT_SCAN", "BANKING_SHOPPING", "EMPLOYMENT", "SECURITY", "DIGITAL_CONTENT", "SOCIAL_MEDIA",
            "OFFICE", "ACCESS");
    static final List<String> PARTNER_KIND_RANKING = List.of("CAF", "FRANCE_SERVICES", "CPAM", "FRANCE_TRAVAIL",
            "CCAS", "CARSAT", "TAX_OFFICE", "SOCIAL_WORKER", "PREFECTURE", "TOWN_HALL");
    static final Set<MonthDay> HOLIDAYS = Set.of(MonthDay.of(1, 1), MonthDay.of(5, 1), MonthDay.of(5, 8),
            MonthDay.of(7, 14), MonthDay.of(8, 15), MonthDay.of(11, 1), MonthDay.of(11, 11), MonthDay.of(12, 25));

    private final Random random = new Random(20_261_201L);
    private final Map<String, Long> inserted = new LinkedHashMap<>();

    @Test
    void generate() throws Exception {
        int siteCount = Integer.getInteger("generator.sites", 5);
        int years = Integer.getInteger("generator.years", 1);
        long total = Long.getLong("generator.accompaniments", 20_000L);
        String url = System.getProperty("generator.url", "");
        String user = System.getProperty("generator.user", "");
        String password = System.getProperty("generator.password", "");
        String where = "existing database " + url.replaceAll("\\?.*", "");
        if (url.isBlank()) {
            System.setProperty("relais.test.db", "postgres");
            Map<String, Object> db = TestDatabase.fresh("StatisticsGenerator");
            url = (String) db.get("datasources.default.url");
            user = (String) db.get("datasources.default.username");
            password = (String) db.get("datasources.default.password");
            where = "embedded PostgreSQL, new database " + url.substring(url.lastIndexOf('/') + 1);
        }
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").load().migrate();

        StringBuilder report = new StringBuilder();
        LocalDate from = LocalDate.of(LocalDate.now(ZONE).getYear() - years, 1, 1);
        LocalDate to = LocalDate.of(LocalDate.now(ZONE).getYear() - 1, 12, 31);
        try (Connection c = DriverManager.getConnection(url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true",
                user, password)) {
            c.setAutoCommit(false);
            String version;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW server_version")) {
                rs.next();
                version = rs.getString(1);
            }
            report.append(String.format("PostgreSQL %s (%s); %d sites, %s to %s, %,d accompaniments asked%n",
                    version, where, siteCount, from, to, total));
            Reference ref = Reference.read(c);
            long t0 = System.nanoTime();
            List<GenSite> sites = createSites(c, siteCount, from);
            long t1 = System.nanoTime();
            insertAccompaniments(c, ref, sites, from, to, total);
            long t2 = System.nanoTime();
            insertAppointments(c, ref, sites, from, to);
            long t3 = System.nanoTime();
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE");
            }
            c.commit();
            long t4 = System.nanoTime();
            rebuildAggregates(c);
            long t5 = System.nanoTime();

            long rows = inserted.values().stream().mapToLong(Long::longValue).sum();
            double loadSeconds = (t3 - t0) / 1e9;
            report.append(String.format("sites, helpers, permanences: %.1f s%n", (t1 - t0) / 1e9));
            report.append(String.format("accompaniments and their themes, scopes, equipment: %.1f s%n", (t2 - t1) / 1e9));
            report.append(String.format("appointments: %.1f s%n", (t3 - t2) / 1e9));
            report.append(String.format("rows inserted: %,d in %.1f s = %,.0f rows/s (ANALYZE %.1f s)%n",
                    rows, loadSeconds, rows / loadSeconds, (t4 - t3) / 1e9));
            for (Map.Entry<String, Long> e : inserted.entrySet()) {
                report.append(String.format("  %-24s %,12d%n", e.getKey(), e.getValue()));
            }
            report.append(String.format("aggregates rebuilt (V8 and V9 backfill on emptied stat_day, stat_month): %.1f s%n",
                    (t5 - t4) / 1e9));
            report.append(String.format("total: %.1f s%n", (t5 - t0) / 1e9));
            report.append("table sizes (pg_total_relation_size, with indexes) and rows:\n");
            for (String table : List.of("accompaniment", "accompaniment_theme", "accompaniment_scope",
                    "accompaniment_equipment", "appointment", "stat_day", "stat_month")) {
                report.append(String.format("  %-24s %10s %,12d rows%n", table, size(c, table), count(c, table)));
            }
            report.append(shares(c));
            report.append(check(c, sites));
        }
        System.out.println("\n=== Relais statistics data generator ===\n" + report);
        Path out = Path.of(System.getProperty("user.dir"), "target", "statistics-generator.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
    }

    // ---- sites, helpers, permanences --------------------------------------------------------------------------------

    record GenSite(long id, long helperId, double weight, List<Long> permanences) {
    }

    private List<GenSite> createSites(Connection c, int count, LocalDate from) throws SQLException {
        // A valid hash of a password nobody knows: the helper accounts exist for the foreign keys, not to log in.
        String hash = new PasswordHasher().hash(ShortCodes.next(20));
        String tag = Long.toString(System.currentTimeMillis(), 36);
        List<GenSite> out = new ArrayList<>();
        Instant now = Instant.now();
        try (PreparedStatement site = c.prepareStatement("INSERT INTO site (slug, name, address_line, postcode, town, "
                + "time_zone, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", new String[]{"id"});
             PreparedStatement staff = c.prepareStatement("INSERT INTO staff (email, display_name, password_hash, role, "
                     + "created_at) VALUES (?, ?, ?, 'HELPER', ?)", new String[]{"id"});
             PreparedStatement link = c.prepareStatement("INSERT INTO staff_site (staff_id, site_id) VALUES (?, ?)");
             PreparedStatement lock = c.prepareStatement("INSERT INTO stat_lock (site_id) VALUES (?)");
             PreparedStatement permanence = c.prepareStatement("INSERT INTO permanence (site_id, day_of_week, starts_at, "
                     + "ends_at, slot_minutes, valid_from, created_at) VALUES (?, ?, ?, ?, 30, ?, ?)", new String[]{"id"});
             PreparedStatement onDuty = c.prepareStatement("INSERT INTO permanence_helper (permanence_id, staff_id) VALUES (?, ?)")) {
            for (int i = 1; i <= count; i++) {
                site.setString(1, "gen-" + tag + "-" + i);
                site.setString(2, "Bibliothèque générée " + i);
                site.setString(3, i + " rue de l'Exemple");
                site.setString(4, String.format("%05d", 1000 + i));
                site.setString(5, "Ville-Exemple");
                site.setString(6, ZONE.getId());
                site.setObject(7, now.atOffset(java.time.ZoneOffset.UTC));
                site.executeUpdate();
                long siteId = generatedId(site);
                staff.setString(1, "aidant-" + tag + "-" + i + "@generateur.invalid");
                staff.setString(2, "Aidant·e " + i);
                staff.setString(3, hash);
                staff.setObject(4, now.atOffset(java.time.ZoneOffset.UTC));
                staff.executeUpdate();
                long helperId = generatedId(staff);
                link.setLong(1, helperId);
                link.setLong(2, siteId);
                link.executeUpdate();
                lock.setLong(1, siteId);
                lock.executeUpdate();
                // Tuesday afternoon (6 slots of 30 min) and Saturday morning (4 slots), one helper on duty: one seat.
                List<Long> permanences = new ArrayList<>();
                for (Object[] p : new Object[][]{{2, LocalTime.of(14, 0), LocalTime.of(17, 0)}, {6, LocalTime.of(10, 0), LocalTime.of(12, 0)}}) {
                    permanence.setLong(1, siteId);
                    permanence.setInt(2, (Integer) p[0]);
                    permanence.setObject(3, p[1]);
                    permanence.setObject(4, p[2]);
                    permanence.setDate(5, Date.valueOf(from));
                    permanence.setObject(6, now.atOffset(java.time.ZoneOffset.UTC));
                    permanence.executeUpdate();
                    long permanenceId = generatedId(permanence);
                    onDuty.setLong(1, permanenceId);
                    onDuty.setLong(2, helperId);
                    onDuty.executeUpdate();
                    permanences.add(permanenceId);
                }
                // Sizes of libraries differ: a few busy central ones, many small branches.
                double weight = 0.4 + 2.6 * Math.pow(random.nextDouble(), 2);
                out.add(new GenSite(siteId, helperId, weight, permanences));
            }
        }
        c.commit();
        inserted.put("site", (long) count);
        inserted.put("staff", (long) count);
        inserted.put("staff_site", (long) count);
        inserted.put("permanence", 2L * count);
        inserted.put("permanence_helper", 2L * count);
        return out;
    }

    private static long generatedId(PreparedStatement st) throws SQLException {
        try (ResultSet rs = st.getGeneratedKeys()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // ---- accompaniments ---------------------------------------------------------------------------------------------

    /** How busy a day is: Tuesday to Saturday are the open days, Monday is quiet, Sunday and holidays are closed. */
    static double dayWeight(LocalDate day) {
        if (HOLIDAYS.contains(MonthDay.from(day))) {
            return 0;
        }
        double week = switch (day.getDayOfWeek()) {
            case MONDAY -> 0.5;
            case TUESDAY -> 1.2;
            case WEDNESDAY -> 1.3;
            case THURSDAY -> 1.1;
            case FRIDAY -> 1.0;
            case SATURDAY -> 0.8;
            case SUNDAY -> 0.03;
        };
        double season = switch (day.getMonth()) {
            case AUGUST -> 0.35;
            case JULY -> 0.75;
            case DECEMBER -> 0.85;
            case SEPTEMBER, JANUARY -> 1.15;
            default -> 1.0;
        };
        return week * season;
    }

    record Acc(long siteId, long helperId, ZonedDateTime at, String mode, int minutes, String channel, String autonomy,
               String age, Boolean firstVisit, String partnerKind, List<String> themes, List<String> scopes,
               List<String> equipment) {
    }

    private void insertAccompaniments(Connection c, Reference ref, List<GenSite> sites, LocalDate from, LocalDate to,
                                      long total) throws SQLException, IOException {
        double sum = 0;
        List<LocalDate> days = from.datesUntil(to.plusDays(1)).toList();
        double siteWeights = sites.stream().mapToDouble(GenSite::weight).sum();
        for (LocalDate day : days) {
            sum += dayWeight(day);
        }
        sum *= siteWeights;
        // Systematic allocation: the running expected count, rounded down, gives exactly `total` records in all.
        double expected = 0;
        long allotted = 0;
        List<Acc> chunk = new ArrayList<>(CHUNK + 1000);
        for (LocalDate day : days) {
            double dw = dayWeight(day);
            for (GenSite site : sites) {
                expected += total * dw * site.weight() / sum;
                long n = Math.min(total, (long) Math.floor(expected + 1e-6)) - allotted;
                allotted += n;
                for (long k = 0; k < n; k++) {
                    chunk.add(accompaniment(ref, site, day));
                }
            }
            if (chunk.size() >= CHUNK) {
                flushAccompaniments(c, chunk);
                chunk.clear();
            }
        }
        flushAccompaniments(c, chunk);
    }

    private Acc accompaniment(Reference ref, GenSite site, LocalDate day) {
        double r = random.nextDouble();
        String mode = r < 0.70 ? "DO_WITH" : r < 0.90 ? "REFER" : "DO_FOR";
        // Mostly 15 to 45 minutes, rounded as helpers type them; a few short answers and a few long sessions.
        double d = random.nextDouble();
        int minutes = d < 0.12 ? 5 + random.nextInt(10)
                : d < 0.85 ? 15 + 5 * random.nextInt(7)
                : d < 0.97 ? 50 + 5 * random.nextInt(3)
                : 65 + 5 * random.nextInt(12);
        double ch = random.nextDouble();
        String channel = ch < 0.58 ? "WALK_IN" : ch < 0.85 ? "APPOINTMENT" : ch < 0.95 ? "PHONE" : "OUTREACH";
        double au = random.nextDouble();
        String autonomy = au < 0.25 ? null : au < 0.55 ? "ACCOMPANIED" : au < 0.82 ? "PARTLY_AUTONOMOUS" : "AUTONOMOUS";
        String age = random.nextDouble() < 0.2 ? null : pick(ref.ages(), AGE_WEIGHTS);
        double fv = random.nextDouble();
        Boolean firstVisit = fv < 0.15 ? null : fv < 0.45 ? Boolean.TRUE : Boolean.FALSE;
        String partnerKind = mode.equals("REFER") ? ref.partnerKinds().pick(random) : null;
        double nt = random.nextDouble();
        List<String> themes = ref.themes().pickDistinct(random, nt < 0.6 ? 1 : nt < 0.9 ? 2 : 3);
        List<String> scopes = List.of();
        if (themes.contains("ADMIN_PROCEDURES")) {
            scopes = pickDistinct(ref.scopes(), random.nextDouble() < 0.8 ? 1 : 2);
        }
        double eq = random.nextDouble();
        List<String> equipment = eq < 0.2 ? List.of()
                : eq < 0.55 ? List.of("PHONE")
                : eq < 0.85 ? List.of("COMPUTER")
                : eq < 0.93 ? List.of("TABLET")
                : eq < 0.98 ? List.of("PHONE", "COMPUTER") : List.of("OTHER");
        equipment = equipment.stream().filter(ref.equipment()::contains).toList();
        // During opening hours, 9:30 to 18:00 at the library.
        LocalTime time = LocalTime.of(9, 30).plusMinutes(random.nextInt(510 - Math.min(minutes, 120)));
        return new Acc(site.id(), site.helperId(), day.atTime(time).atZone(ZONE), mode, minutes, channel, autonomy, age,
                firstVisit, partnerKind, themes, scopes, equipment);
    }

    /** One transaction per chunk: the ids are taken from the identity's sequence, then four COPY statements. */
    private void flushAccompaniments(Connection c, List<Acc> chunk) throws SQLException, IOException {
        if (chunk.isEmpty()) {
            return;
        }
        long[] ids = new long[chunk.size()];
        try (PreparedStatement st = c.prepareStatement(
                "SELECT nextval(pg_get_serial_sequence('accompaniment', 'id')) FROM generate_series(1, ?)")) {
            st.setInt(1, chunk.size());
            try (ResultSet rs = st.executeQuery()) {
                for (int i = 0; rs.next(); i++) {
                    ids[i] = rs.getLong(1);
                }
            }
        }
        StringBuilder acc = new StringBuilder(chunk.size() * 160);
        StringBuilder themes = new StringBuilder(chunk.size() * 32);
        StringBuilder scopes = new StringBuilder();
        StringBuilder equipment = new StringBuilder(chunk.size() * 24);
        long themeRows = 0;
        long scopeRows = 0;
        long equipmentRows = 0;
        for (int i = 0; i < chunk.size(); i++) {
            Acc a = chunk.get(i);
            // Recorded at the end of the help, a few minutes later.
            ZonedDateTime created = a.at().plusMinutes(a.minutes() + random.nextInt(10));
            acc.append(ids[i]).append('\t').append(a.siteId()).append('\t').append(a.helperId()).append('\t')
                    .append(a.at().toOffsetDateTime()).append('\t').append(a.at().toLocalDate()).append('\t')
                    .append(a.mode()).append('\t').append(a.minutes()).append('\t').append(a.channel()).append('\t')
                    .append(orNull(a.autonomy())).append('\t').append(orNull(a.age())).append('\t')
                    .append(a.firstVisit() == null ? "\\N" : a.firstVisit() ? "t" : "f").append('\t')
                    .append(orNull(a.partnerKind())).append('\t').append(created.toOffsetDateTime()).append('\n');
            for (String t : a.themes()) {
                themes.append(ids[i]).append('\t').append(t).append('\n');
                themeRows++;
            }
            for (String s : a.scopes()) {
                scopes.append(ids[i]).append('\t').append(s).append('\n');
                scopeRows++;
            }
            for (String e : a.equipment()) {
                equipment.append(ids[i]).append('\t').append(e).append('\n');
                equipmentRows++;
            }
        }
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        copy.copyIn("COPY accompaniment (id, site_id, helper_id, occurred_at, occurred_on, mode, duration_minutes, "
                + "channel_code, autonomy, age_bracket_code, first_visit, partner_kind_code, created_at) FROM STDIN",
                new StringReader(acc.toString()));
        copy.copyIn("COPY accompaniment_theme (accompaniment_id, theme_code) FROM STDIN", new StringReader(themes.toString()));
        copy.copyIn("COPY accompaniment_scope (accompaniment_id, scope_code) FROM STDIN", new StringReader(scopes.toString()));
        copy.copyIn("COPY accompaniment_equipment (accompaniment_id, equipment_code) FROM STDIN",
                new StringReader(equipment.toString()));
        c.commit();
        inserted.merge("accompaniment", (long) chunk.size(), Long::sum);
        inserted.merge("accompaniment_theme", themeRows, Long::sum);
        inserted.merge("accompaniment_scope", scopeRows, Long::sum);
        inserted.merge("accompaniment_equipment", equipmentRows, Long::sum);
    }

    // ---- appointments -----------------------------------------------------------------------------------------------

    private void insertAppointments(Connection c, Reference ref, List<GenSite> sites, LocalDate from, LocalDate to)
            throws SQLException, IOException {
        Set<String> codes = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT code FROM appointment")) {
            while (rs.next()) {
                codes.add(rs.getString(1));
            }
        }
        StringBuilder rows = new StringBuilder();
        int pending = 0;
        for (GenSite site : sites) {
            for (int p = 0; p < 2; p++) {
                long permanenceId = site.permanences().get(p);
                DayOfWeek dow = p == 0 ? DayOfWeek.TUESDAY : DayOfWeek.SATURDAY;
                LocalTime first = p == 0 ? LocalTime.of(14, 0) : LocalTime.of(10, 0);
                int slots = p == 0 ? 6 : 4;
                for (LocalDate day = from.with(java.time.temporal.TemporalAdjusters.nextOrSame(dow)); !day.isAfter(to);
                     day = day.plusWeeks(1)) {
                    if (HOLIDAYS.contains(MonthDay.from(day))) {
                        continue;
                    }
                    // Busier libraries fill more of their slots; August is quiet.
                    double fill = Math.min(0.9, 0.35 + 0.2 * site.weight()) * (day.getMonthValue() == 8 ? 0.5 : 1);
                    for (int s = 0; s < slots; s++) {
                        if (random.nextDouble() >= fill) {
                            continue;
                        }
                        LocalTime time = first.plusMinutes(30L * s);
                        // About 10 % cancelled (the seat is freed; a third of those seats are booked again).
                        boolean cancelled = random.nextDouble() < 0.10;
                        appointment(rows, ref, site, permanenceId, day, time, cancelled, codes);
                        pending++;
                        if (cancelled && random.nextDouble() < 0.33) {
                            appointment(rows, ref, site, permanenceId, day, time, false, codes);
                            pending++;
                        }
                    }
                }
                if (pending >= CHUNK) {
                    copyAppointments(c, rows, pending);
                    rows.setLength(0);
                    pending = 0;
                }
            }
        }
        copyAppointments(c, rows, pending);
    }

    private void appointment(StringBuilder out, Reference ref, GenSite site, long permanenceId, LocalDate day,
                             LocalTime time, boolean cancelled, Set<String> codes) {
        ZonedDateTime starts = day.atTime(time).atZone(ZONE);
        boolean desk = random.nextDouble() < 0.40;
        // At the desk often for next week; online from a day to the four weeks the site opens ahead.
        long leadMinutes = desk ? 60 + random.nextInt(14 * 24 * 60) : 24 * 60 + random.nextInt(27 * 24 * 60);
        ZonedDateTime created = starts.minusMinutes(leadMinutes).truncatedTo(ChronoUnit.SECONDS);
        String status;
        if (cancelled) {
            status = random.nextDouble() < 0.8 ? "CANCELLED_BY_USER" : "CANCELLED_BY_SITE";
        } else {
            // 15 % of all appointments are no-shows: 0.15 / 0.90 of those that were not cancelled.
            status = random.nextDouble() < 0.15 / 0.90 ? "NO_SHOW" : "DONE";
        }
        String theme = ref.themes().pick(random);
        String scope = theme.equals("ADMIN_PROCEDURES") ? pickDistinct(ref.scopes(), 1).get(0) : null;
        String code;
        do {
            code = ShortCodes.next(6);
        } while (!codes.add(code));
        // Fictitious initials, never a name.
        String initials = (char) ('A' + random.nextInt(26)) + ". " + (char) ('A' + random.nextInt(26)) + ".";
        out.append(site.id()).append('\t').append(permanenceId).append('\t').append(day).append('\t').append(time)
                .append('\t').append(cancelled ? "\\N" : "1").append('\t').append(starts.toOffsetDateTime())
                .append('\t').append(starts.plusMinutes(30).toOffsetDateTime()).append('\t').append(site.helperId())
                .append('\t').append(initials).append('\t').append(theme).append('\t').append(orNull(scope))
                .append('\t').append(code).append('\t').append(status).append('\t')
                .append(desk ? Long.toString(site.helperId()) : "\\N").append('\t').append(created.toOffsetDateTime())
                .append('\n');
    }

    private void copyAppointments(Connection c, StringBuilder rows, int count) throws SQLException, IOException {
        if (count == 0) {
            return;
        }
        c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY appointment (site_id, permanence_id, slot_date, slot_time, "
                + "seat, starts_at, ends_at, helper_id, first_name, theme_code, scope_code, code, status, booked_by, "
                + "created_at) FROM STDIN", new StringReader(rows.toString()));
        c.commit();
        inserted.merge("appointment", (long) count, Long::sum);
    }

    // ---- aggregates -------------------------------------------------------------------------------------------------

    /**
     * Empties stat_day and stat_month and runs the backfill statements of V8 then V9, in one transaction. The
     * EXCLUSIVE lock on stat_lock makes any live writer of a running Relais wait (each tally locks its site's row
     * first, ADR 0020), so no write is lost between the rebuild's reads and its commit.
     */
    private static void rebuildAggregates(Connection c) throws SQLException, IOException {
        try (Statement s = c.createStatement()) {
            s.execute("LOCK TABLE stat_lock IN EXCLUSIVE MODE");
            s.execute("TRUNCATE stat_month, stat_day");
            for (String statement : StatisticsSupport.backfill("V8__statistics.sql", 14)) {
                s.executeUpdate(statement);
            }
            for (String statement : StatisticsSupport.backfill("V9__appointment_statistics.sql", 4)) {
                s.executeUpdate(statement);
            }
            s.execute("ANALYZE stat_day");
            s.execute("ANALYZE stat_month");
        }
        c.commit();
    }



    // ---- figures and check ------------------------------------------------------------------------------------------

    private static String size(Connection c, String table) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT pg_size_pretty(pg_total_relation_size(?::regclass))")) {
            st.setString(1, table);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The shares the generator aims at, read back from the aggregates (the whole database). */
    private static String shares(Connection c) throws SQLException {
        StringBuilder out = new StringBuilder("shares read from stat_month:\n");
        for (String dimension : List.of("MODE", "APPOINTMENT_STATUS", "APPOINTMENT_BOOKED_AT", "DURATION")) {
            Map<String, Long> counts = new TreeMap<>();
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT dim_value, SUM(records) FROM stat_month WHERE dimension = ? GROUP BY dim_value")) {
                st.setString(1, dimension);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        counts.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            long all = counts.values().stream().mapToLong(Long::longValue).sum();
            out.append("  ").append(dimension).append(": ").append(counts.entrySet().stream()
                    .map(e -> String.format(Locale.ROOT, "%s %.1f %%", e.getKey(), 100.0 * e.getValue() / Math.max(1, all)))
                    .collect(Collectors.joining(", "))).append('\n');
        }
        return out.toString();
    }

    /** For random generated sites and months: stat_month's MODE rows equal a GROUP BY of the raw accompaniments. */
    private String check(Connection c, List<GenSite> sites) throws SQLException {
        List<LocalDate> months = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT DISTINCT month_start FROM stat_month WHERE dimension = 'MODE' ORDER BY month_start")) {
            while (rs.next()) {
                months.add(rs.getDate(1).toLocalDate());
            }
        }
        Assertions.assertFalse(months.isEmpty(), "stat_month has MODE rows");
        StringBuilder out = new StringBuilder("check, stat_month MODE rows against a GROUP BY of the accompaniments:\n");
        for (int i = 0; i < 6; i++) {
            GenSite site = sites.get(random.nextInt(sites.size()));
            LocalDate month = months.get(random.nextInt(months.size()));
            Map<String, String> aggregates = rows(c, "SELECT dim_value, records, participants, minutes FROM stat_month "
                    + "WHERE site_id = ? AND month_start = ? AND dimension = 'MODE'", site.id(), month, null);
            Map<String, String> raw = rows(c, "SELECT mode, COUNT(*), SUM(participants), SUM(duration_minutes) "
                    + "FROM accompaniment WHERE site_id = ? AND occurred_on >= ? AND occurred_on < ? GROUP BY mode",
                    site.id(), month, month.plusMonths(1));
            out.append(String.format("  site %d, %s: %s%s%n", site.id(), month.toString().substring(0, 7), raw,
                    raw.equals(aggregates) ? " = stat_month" : " ≠ stat_month " + aggregates));
            Assertions.assertEquals(raw, aggregates, "site " + site.id() + ", month " + month);
        }
        return out.toString();
    }

    private static Map<String, String> rows(Connection c, String sql, long siteId, LocalDate a, LocalDate b)
            throws SQLException {
        Map<String, String> out = new TreeMap<>();
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setLong(1, siteId);
            st.setDate(2, Date.valueOf(a));
            if (b != null) {
                st.setDate(3, Date.valueOf(b));
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2) + " records, " + rs.getLong(3) + " people, "
                            + rs.getLong(4) + " min");
                }
            }
        }
        return out;
    }

    // ---- reference lists and draws ----------------------------------------------------------------------------------

    /** Older people ask more: weights of UNDER_12, 12_17, 18_24, 25_39, 40_59, 60_69, 70_PLUS, UNKNOWN. */
    static final Map<String, Double> AGE_WEIGHTS = Map.of("UNDER_12", 1.0, "12_17", 3.0, "18_24", 8.0, "25_39", 12.0,
            "40_59", 20.0, "60_69", 22.0, "70_PLUS", 28.0, "UNKNOWN", 6.0);

    private String pick(List<String> codes, Map<String, Double> weights) {
        double sum = codes.stream().mapToDouble(k -> weights.getOrDefault(k, 1.0)).sum();
        double r = random.nextDouble() * sum;
        for (String k : codes) {
            r -= weights.getOrDefault(k, 1.0);
            if (r < 0) {
                return k;
            }
        }
        return codes.get(codes.size() - 1);
    }

    private List<String> pickDistinct(List<String> codes, int n) {
        List<String> out = new ArrayList<>();
        while (out.size() < Math.min(n, codes.size())) {
            String k = codes.get(random.nextInt(codes.size()));
            if (!out.contains(k)) {
                out.add(k);
            }
        }
        return out;
    }

    private static String orNull(String value) {
        return value == null ? "\\N" : value;
    }

    /** Codes ranked by popularity, drawn with Zipf-like weights 1/(rank+1). */
    record Skewed(List<String> codes, double[] cumulative) {
        static Skewed of(List<String> all, List<String> ranking) {
            List<String> ordered = new ArrayList<>(ranking.stream().filter(all::contains).toList());
            all.stream().filter(k -> !ordered.contains(k)).forEach(ordered::add);
            double[] cumulative = new double[ordered.size()];
            double sum = 0;
            for (int i = 0; i < ordered.size(); i++) {
                sum += 1.0 / (i + 1);
                cumulative[i] = sum;
            }
            return new Skewed(ordered, cumulative);
        }

        String pick(Random random) {
            double r = random.nextDouble() * cumulative[cumulative.length - 1];
            for (int i = 0; i < cumulative.length; i++) {
                if (r < cumulative[i]) {
                    return codes.get(i);
                }
            }
            return codes.get(codes.size() - 1);
        }

        List<String> pickDistinct(Random random, int n) {
            List<String> out = new ArrayList<>(n);
            while (out.size() < Math.min(n, codes.size())) {
                String k = pick(random);
                if (!out.contains(k)) {
                    out.add(k);
                }
            }
            return out;
        }
    }

    /** The reference lists as seeded by V2 from src/main/resources/reference: what the foreign keys accept. */
    record Reference(Skewed themes, Skewed partnerKinds, List<String> scopes, List<String> ages, List<String> equipment) {
        static Reference read(Connection c) throws SQLException {
            return new Reference(Skewed.of(codes(c, "theme"), THEME_RANKING),
                    Skewed.of(codes(c, "partner_kind"), PARTNER_KIND_RANKING), codes(c, "procedure_scope"),
                    codes(c, "age_bracket"), codes(c, "equipment"));
        }

        private static List<String> codes(Connection c, String table) throws SQLException {
            List<String> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT code FROM " + table + " ORDER BY position")) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            Assertions.assertFalse(out.isEmpty(), table + " is seeded");
            return out;
        }
    }
}
