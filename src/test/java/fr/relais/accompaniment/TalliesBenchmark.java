package fr.relais.accompaniment;

import fr.relais.bench.Percentiles;
import fr.relais.security.CurrentStaff;
import fr.relais.security.Role;
import fr.relais.site.Site;
import fr.relais.site.Sites;
import fr.relais.staff.StaffRepository;
import fr.relais.testing.TestDatabase;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Figures, not a test (ADR 0020): the time to write one accompaniment through the service, and to correct it, with
 * the statistics' aggregates kept in the same transaction and with them switched off ("no-tallies"), on H2 and on
 * PostgreSQL, one writer. Nothing is asserted against a time.
 */
@Tag("benchmark")
class TalliesBenchmark {
    static final int WARM_UP = 150;
    static final int MEASURED = 400;

    @Test
    void measure() {
        String before = System.getProperty("relais.test.db");
        try {
            for (String db : List.of("h2", "postgres")) {
                System.setProperty("relais.test.db", db);
                for (boolean tallies : List.of(false, true)) {
                    run(db, tallies);
                }
            }
        } finally {
            System.setProperty("relais.test.db", before == null ? "h2" : before);
        }
    }

    private static void run(String db, boolean tallies) {
        String[] envs = tallies ? new String[]{"demo"} : new String[]{"demo", "no-tallies"};
        try (ApplicationContext ctx = ApplicationContext.run(TestDatabase.fresh("TalliesBenchmark"), envs)) {
            Accompaniments service = ctx.getBean(Accompaniments.class);
            Site site = ctx.getBean(Sites.class).bySlug("mediatheque-centre").orElseThrow();
            long helperId = ctx.getBean(StaffRepository.class).findAll().iterator().next().id();
            CurrentStaff me = new CurrentStaff(helperId, "Aidant", Role.HELPER, Set.of(site.id()), false, false);
            List<Long> creates = new ArrayList<>();
            List<Long> corrections = new ArrayList<>();
            for (int i = 0; i < WARM_UP + MEASURED; i++) {
                LocalDate day = LocalDate.of(2025, 1, 1).plusDays(i % 300);
                long t0 = System.nanoTime();
                Accompaniment a = service.create(me, site, values(day, i, List.of("EMAIL", "WEB_BROWSING")), null).saved();
                long t1 = System.nanoTime();
                service.update(me, site, a, values(day, i + 1, List.of("PRINT_SCAN")));
                long t2 = System.nanoTime();
                Assertions.assertNotNull(a);
                if (i >= WARM_UP) {
                    creates.add(t1 - t0);
                    corrections.add(t2 - t1);
                }
            }
            System.out.printf("%s, %s: create %s; correction %s%n", db, tallies ? "with tallies" : "without tallies",
                    Percentiles.of(creates), Percentiles.of(corrections));
        }
    }

    private static AccompanimentForm.Values values(LocalDate day, int i, List<String> themes) {
        String[] ages = {"18_24", "25_39", "60_69", "70_PLUS"};
        return new AccompanimentForm.Values(AccompanimentMode.DO_WITH, themes, List.of(),
                day.atTime(LocalTime.of(10, 0)).atZone(java.time.ZoneId.of("Europe/Paris")).toInstant(), day,
                10 + (i * 7) % 80, "WALK_IN", Autonomy.values()[i % 3], List.of("PHONE"), ages[i % ages.length],
                i % 2 == 0, null, null, null);
    }
}
