package fr.relais.workshop;

import fr.relais.journal.JournalAction;
import fr.relais.site.Site;
import fr.relais.testing.OnBothDatabases;
import fr.relais.testing.TestClient;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static fr.relais.workshop.AgendaSupport.form;
import static fr.relais.workshop.AgendaSupport.registeredId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fifty visitors at the same moment, through HTTP, on H2 and PostgreSQL: the seats of a session never exceed its
 * capacity (its counter always equals the seats of its seated registrations), everyone else waits in one line with
 * one place each, and a cancellation gives the seat to the first waiting people, each promotion journaled once.
 * The per-address limits are raised: all visitors share one address here.
 */
@MicronautTest(transactional = false)
class PublicRegistrationConcurrencyTest extends OnBothDatabases {
    static final int REQUESTS = 50;
    @Inject
    EmbeddedServer server;
    @Inject
    AgendaFixtures fixtures;
    @Inject
    DataSource dataSource;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("relais.public-registration.registrations-per-hour", "100000",
                "relais.public-registration.code-checks-per-window", "100000");
    }

    @Test
    void fiftyRegistrationsAtASessionOfFiveSeatFiveAndLineUpTheOthers() throws Exception {
        WorkshopSession s = fixtures.publicSession(fixtures.library("cinquante"), 5);
        List<Visit> visits = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            Map<String, Object> form = form("Personne" + i, null, null, "1", true);
            visits.add(browser -> browser.post("/ateliers/seances/" + s.id(), form));
        }

        List<TestClient.Answer> answers = together(visits);

        List<Long> ids = answers.stream().map(AgendaSupport::registeredId).toList();
        assertEquals(5, fixtures.seated(s), "five seats taken");
        assertEquals(5, fixtures.reload(s).seatsTaken(), "the counter says the same");
        List<Registration> waiting = fixtures.waiting(s);
        assertEquals(REQUESTS - 5, waiting.size(), "everyone else waits");
        // Each waiting person's page tells a different place, 1 to 45, in the order of the line.
        try (TestClient reader = TestClient.of(server)) {
            for (int i = 0; i < waiting.size(); i++) {
                String said = reader.get(fixtures.page(waiting.get(i).id())).html().selectFirst("main .lead").text();
                assertEquals(i == 0 ? "Vous êtes en tête de la liste d’attente" : "Vous êtes " + (i + 1) + "e sur la liste d’attente", said);
            }
        }
        assertEquals(REQUESTS, ids.stream().distinct().count());
    }

    @Test
    void cancellationsAndRegistrationsTogetherKeepTheCountTheLineAndOneJournalEntryPerPromotion() throws Exception {
        Site site = fixtures.library("melee");
        WorkshopSession s = fixtures.publicSession(site, 5);
        List<Registration> seated = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            seated.add(fixtures.register(s, "Assis" + i, 1));
        }
        List<Registration> line = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            line.add(fixtures.register(s, "Attente" + i, 1));
        }
        assertEquals(20, fixtures.waiting(s).size());

        List<Visit> visits = new ArrayList<>();
        // The five seated people and the last five of the line cancel with their code; forty newcomers register.
        List<Registration> leaving = new ArrayList<>(seated);
        leaving.addAll(line.subList(15, 20));
        for (Registration r : leaving) {
            Map<String, String> typed = Map.of("code", r.code(), "firstName", r.firstName());
            visits.add(browser -> browser.post("/ateliers/inscription/annulation", typed));
        }
        for (int i = 0; i < REQUESTS - leaving.size(); i++) {
            Map<String, Object> form = form("Nouveau" + i, null, null, "1", true);
            visits.add(browser -> browser.post("/ateliers/seances/" + s.id(), form));
        }

        List<TestClient.Answer> answers = together(visits);

        for (int i = 0; i < answers.size(); i++) {
            TestClient.Answer a = answers.get(i);
            if (i < leaving.size()) {
                assertEquals(303, a.status(), () -> a.texts(".error-summary").toString());
                assertEquals("/ateliers/inscription/annulation?fait=1", a.location());
            } else {
                registeredId(a);
            }
        }
        assertEquals(5, fixtures.seated(s), "never more than the capacity");
        assertEquals(5, fixtures.reload(s).seatsTaken(), "the counter says the same");
        // The first five of the line took the freed seats; nobody jumped them; the rest of the line kept its order.
        for (int i = 0; i < 5; i++) {
            Registration promoted = fixtures.reload(line.get(i));
            assertEquals(RegistrationStatus.SEATED, promoted.status(), "promoted: " + promoted.firstName());
            assertNotNull(promoted.promotedAt());
        }
        for (int i = 5; i < 15; i++) {
            assertEquals(i - 4, fixtures.position(line.get(i)), "still in line in the same order: " + line.get(i).firstName());
        }
        List<Registration> waiting = fixtures.waiting(s);
        assertEquals(10 + REQUESTS - leaving.size(), waiting.size());
        assertTrue(waiting.subList(10, waiting.size()).stream().allMatch(r -> r.firstName().startsWith("Nouveau")),
                "newcomers wait behind the old line");
        long promotedRows = fixtures.all(s).stream().filter(r -> r.promotedAt() != null).count();
        assertEquals(5, promotedRows);
        assertEquals(5, promotionsJournaled(site.id()), "each promotion journaled once");
    }

    /** What one visitor sends, from their browser. */
    private interface Visit {
        TestClient.Answer by(TestClient browser);
    }

    /** Sends every visit at the same moment, each from its own browser (which has opened a page first). */
    private List<TestClient.Answer> together(List<Visit> visits) throws Exception {
        List<TestClient> browsers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(visits.size());
        try {
            for (int i = 0; i < visits.size(); i++) {
                TestClient browser = TestClient.of(server);
                browser.csrfToken();
                browsers.add(browser);
            }
            CountDownLatch start = new CountDownLatch(1);
            List<Future<TestClient.Answer>> futures = new ArrayList<>();
            IntStream.range(0, visits.size()).forEach(i -> futures.add(pool.submit(() -> {
                start.await();
                return visits.get(i).by(browsers.get(i));
            })));
            start.countDown();
            List<TestClient.Answer> answers = new ArrayList<>();
            for (Future<TestClient.Answer> f : futures) {
                answers.add(f.get(3, TimeUnit.MINUTES));
            }
            return answers;
        } finally {
            pool.shutdownNow();
            browsers.forEach(TestClient::close);
        }
    }

    private long promotionsJournaled(long siteId) throws SQLException {
        try (var c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             var st = c.prepareStatement("SELECT COUNT(*) FROM journal_entry WHERE action = ? AND site_id = ?")) {
            st.setString(1, JournalAction.WORKSHOP_PROMOTED.name());
            st.setLong(2, siteId);
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
