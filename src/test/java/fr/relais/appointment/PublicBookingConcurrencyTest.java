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

import static fr.relais.appointment.PublicBookingBase.CONFIRMATION;
import static fr.relais.appointment.PublicBookingBase.TAKEN;
import static fr.relais.appointment.PublicBookingBase.bookingForm;
import static fr.relais.appointment.PublicBookingBase.slotPath;
import static fr.relais.appointment.PublicBookingBase.slotsPage;
import static fr.relais.appointment.PublicBookingBase.slug;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fifty anonymous visitors send the public booking form for the same slot at the same moment: exactly the slot's
 * capacity succeeds; the others get the "slot no longer available" page with the next free slots.
 * Runs on H2 and PostgreSQL. The per-address booking limit is raised: all visitors share one address here.
 */
@MicronautTest(environments = "demo", transactional = false)
class PublicBookingConcurrencyTest extends OnBothDatabases {
    static final int REQUESTS = 50;
    @Inject
    EmbeddedServer server;
    @Inject
    AppointmentFixtures fixtures;
    @Inject
    AppointmentRepository appointments;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("relais.public-booking.bookings-per-hour", "100000");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void exactlyTheCapacityIsBooked(int capacity) throws Exception {
        AppointmentFixtures.Desk desk = fixtures.desk(slug("concurrence-" + capacity), capacity);
        String path = slotPath(desk.site(), desk.slot());
        List<TestClient> browsers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(REQUESTS);
        try {
            for (int i = 0; i < REQUESTS; i++) {
                TestClient browser = TestClient.of(server);
                browser.csrfToken(); // each visitor has opened a page first
                browsers.add(browser);
            }
            CountDownLatch start = new CountDownLatch(1);
            List<Future<TestClient.Answer>> answers = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                TestClient browser = browsers.get(i);
                String name = "Personne" + i;
                Callable<TestClient.Answer> booking = () -> {
                    start.await();
                    return browser.post(path, bookingForm(name, null, null));
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
                    assertTrue(CONFIRMATION.matcher(answer.location()).matches(), answer.location());
                } else {
                    assertEquals(409, answer.status(), answer.body());
                    assertEquals(TAKEN, answer.h1());
                    assertTrue(answer.body().contains("Quelqu’un vient de réserver ce créneau juste avant vous."));
                    assertEquals(List.of("Prochains créneaux libres"), answer.texts("main h2"));
                    List<String> next = answer.html().select("main h3 + ul a[href]").eachAttr("href");
                    assertFalse(next.isEmpty(), "the page offers the next free slots");
                    assertTrue(next.stream().allMatch(h -> h.startsWith(slotsPage(desk.site()) + "/")), next.toString());
                    assertFalse(next.contains(path), "the full slot is not offered");
                    taken++;
                }
            }
            assertEquals(capacity, booked);
            assertEquals(REQUESTS - capacity, taken);
            long live = appointments.findBySiteIdAndSlotDateBetweenAndSeatIsNotNull(desk.site().id(),
                    desk.slot().date(), desk.slot().date()).stream()
                    .filter(a -> a.slotTime().equals(desk.slot().time())).count();
            assertEquals(capacity, live, "the database holds exactly one booking per seat");
        } finally {
            pool.shutdownNow();
            browsers.forEach(TestClient::close);
        }
    }
}
