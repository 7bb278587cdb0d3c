package fr.relais.journal;

import fr.relais.testing.OnBothDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Twenty writers append at the same moment, more than the connection pool holds: one unbroken chain comes out,
 * numbered 1 to 200, each entry carrying its predecessor's hash. A check running meanwhile never raises a false
 * alarm. On H2 and PostgreSQL.
 */
@MicronautTest(transactional = false)
class JournalConcurrencyTest extends OnBothDatabases {
    static final int WRITERS = 20;
    static final int ENTRIES_EACH = 10;

    @Inject
    Journal journal;
    @Inject
    JournalCheck check;
    @Inject
    JournalRepository entries;

    @Test
    void concurrentWritersNeverForkTheChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<JournalEntry>>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            String ref = "mandat:" + w;
            writers.add(pool.submit(() -> {
                start.await();
                List<JournalEntry> mine = new ArrayList<>();
                for (int i = 0; i < ENTRIES_EACH; i++) {
                    mine.add(journal.record(JournalAction.MANDATE_USED, null, null, ref, "démarche " + i));
                }
                return mine;
            }));
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        List<JournalCheck.Result> duringWrites = new CopyOnWriteArrayList<>();
        Future<?> checker = pool.submit(() -> {
            start.await();
            while (writing.get()) {
                duringWrites.add(check.run());
            }
            return null;
        });
        start.countDown();
        List<JournalEntry> returned = new ArrayList<>();
        try {
            for (Future<List<JournalEntry>> writer : writers) {
                returned.addAll(writer.get(2, TimeUnit.MINUTES));
            }
        } finally {
            writing.set(false);
            checker.get(2, TimeUnit.MINUTES);
            pool.shutdown();
        }

        int total = WRITERS * ENTRIES_EACH;
        assertEquals(total, returned.size());
        List<JournalEntry> chain = entries.chainAfter(0, total + 10);
        assertEquals(total, chain.size());
        Set<String> predecessors = new HashSet<>();
        String previous = Journal.GENESIS;
        for (int i = 0; i < chain.size(); i++) {
            JournalEntry entry = chain.get(i);
            assertEquals(i + 1, entry.seq());
            assertEquals(previous, entry.previousHash(), "entry " + entry.seq());
            assertTrue(predecessors.add(entry.previousHash()), "two entries claim the same predecessor");
            previous = entry.entryHash();
        }
        // What each writer was told was recorded is what the chain holds.
        Set<Long> numbers = new HashSet<>();
        returned.forEach(e -> numbers.add(e.seq()));
        assertEquals(total, numbers.size());

        JournalCheck.Result result = check.run();
        assertTrue(result.intact(), result.toString());
        assertEquals(total, result.checked());
        assertTrue(duringWrites.stream().allMatch(JournalCheck.Result::intact),
                "a check during the appends saw a broken chain: "
                        + duringWrites.stream().filter(r -> !r.intact()).findFirst().orElse(null));
        assertTrue(!duringWrites.isEmpty());
    }
}
