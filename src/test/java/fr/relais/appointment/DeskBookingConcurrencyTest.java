package fr.relais.appointment;

import fr.relais.testing.OnBothDatabases;
import fr.relais.testing.TestClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fifty helpers' browsers book the same slot at the same moment, through HTTP: exactly the slot's capacity
 * succeeds; the others get the "slot just taken" page with the next free slots. Runs on H2 and PostgreSQL.
 */
@MicronautTest(transactional = false)
class DeskBookingConcurrencyTest extends OnBothDatabases {
    static final int REQUESTS = 50;
    @Inject
    EmbeddedServer server;
    @Inject
    AppointmentFixtures fixtures;
    @Inject
    AppointmentRepository appointments;

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void exactlyTheCapacityIsBooked(int capacity) throws Exception {
        AppointmentFixtures.Desk desk = fixtures.desk("concurrence-" + capacity, capacity);
        String path = "/bureau/" + desk.site().id() + "/reserver/" + desk.slot().key();
        List<TestClient> browsers = new ArrayList<>();
        try (TestClient helper = TestClient.of(server).login(desk.helperEmails().get(0), AppointmentFixtures.PASSWORD)) {
            for (int i = 0; i < REQUESTS; i++) {
                TestClient browser = TestClient.of(server);
                browser.setCookie("relais_session", helper.cookie("relais_session").orElseThrow());
                browser.setCookie("relais_csrf", helper.csrfToken());
                browsers.add(browser);
            }
            ExecutorService pool = Executors.newFixedThreadPool(REQUESTS);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<TestClient.Answer>> answers = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                TestClient browser = browsers.get(i);
                String name = "Personne " + i;
                Callable<TestClient.Answer> booking = () -> {
                    start.await();
                    return browser.post(path, Map.of("firstName", name, "themeCode", "EMAIL"));
                };
                answers.add(pool.submit(booking));
            }
            start.countDown();
            int booked = 0;
            int taken = 0;
            for (Future<TestClient.Answer> f : answers) {
                TestClient.Answer answer = f.get(2, TimeUnit.MINUTES);
                if (answer.status() == 303) {
                    booked++;
                    assertTrue(answer.location().startsWith("/bureau/rendez-vous/"), answer.location());
                } else {
                    assertEquals(409, answer.status(), answer.body());
                    assertEquals("Ce créneau n’est plus disponible", answer.h1());
                    assertTrue(answer.body().contains("Prochains créneaux libres"), "the page offers the next free slots");
                    taken++;
                }
            }
            pool.shutdown();
            assertEquals(capacity, booked);
            assertEquals(REQUESTS - capacity, taken);
            long live = appointments.findBySiteIdAndSlotDateBetweenAndSeatIsNotNull(desk.site().id(),
                    desk.slot().date(), desk.slot().date()).stream()
                    .filter(a -> a.slotTime().equals(desk.slot().time())).count();
            assertEquals(capacity, live, "the database holds exactly one booking per seat");
        } finally {
            browsers.forEach(TestClient::close);
        }
    }
}
