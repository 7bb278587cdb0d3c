package fr.relais.journal;

import fr.relais.bench.Percentiles;
import fr.relais.testing.TestDatabase;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Figures, not a test (README, "Performance"; docs/performance.md): journal appends by 20 concurrent writers on
 * PostgreSQL — every append waits for the head row, so this is the journal's ceiling — and the time the check
 * takes to walk the whole chain. Nothing is asserted against a time.
 */
@Tag("benchmark")
class JournalBenchmark {
    static final int WRITERS = 20;
    static final int APPENDS_PER_WRITER = 250;

    @Test
    void measure() throws Exception {
        System.setProperty("relais.test.db", "postgres");
        Map<String, Object> database = TestDatabase.fresh("JournalBenchmark");
        try (ApplicationContext ctx = ApplicationContext.run(database, "benchmark")) {
            Journal journal = ctx.getBean(Journal.class);
            for (int i = 0; i < 200; i++) {
                journal.record(JournalAction.PURGE, null, null, "bench:warm-up", null);
            }
            ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < APPENDS_PER_WRITER; i++) {
                        long t0 = System.nanoTime();
                        journal.record(JournalAction.PERSONAL_DATA_OPENED, null, null, "bench:" + writer, "n" + i);
                        nanos.add(System.nanoTime() - t0);
                    }
                    return null;
                }));
            }
            long t0 = System.nanoTime();
            start.countDown();
            for (Future<?> f : writers) {
                f.get();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            pool.shutdown();
            int appends = WRITERS * APPENDS_PER_WRITER;
            System.out.printf("journal appends, %d writers x %d: %.1f appends/s, latency %s%n", WRITERS,
                    APPENDS_PER_WRITER, appends / seconds, Percentiles.of(new ArrayList<>(nanos)));

            JournalCheck check = ctx.getBean(JournalCheck.class);
            List<Long> checks = new ArrayList<>();
            JournalCheck.Result result = null;
            for (int i = 0; i < 5; i++) {
                long c0 = System.nanoTime();
                result = check.run();
                checks.add(System.nanoTime() - c0);
            }
            Assertions.assertTrue(result.intact());
            System.out.printf("journal check, %d entries: %s%n", result.checked(), Percentiles.of(checks));
        }
    }
}
