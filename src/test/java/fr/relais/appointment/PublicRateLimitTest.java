package fr.relais.appointment;

import fr.relais.site.Site;
import fr.relais.site.Sites;
import fr.relais.testing.OnBothDatabases;
import fr.relais.testing.MutableClock;
import fr.relais.testing.TestClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static fr.relais.appointment.PublicBookingBase.bookedId;
import static fr.relais.appointment.PublicBookingBase.bookingForm;
import static fr.relais.appointment.PublicBookingBase.mainText;
import static fr.relais.appointment.PublicBookingBase.slotPath;
import static fr.relais.appointment.PublicBookingBase.slug;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The per-address limits of the public pages, with their default settings: 10 bookings an hour, 10 code checks
 * (finding or cancelling) in 15 minutes. Forwarded headers are not trusted: a client cannot pick a new address.
 */
@MicronautTest(environments = "demo", transactional = false)
class PublicRateLimitTest extends OnBothDatabases {
    static final String TOO_MANY_BOOKINGS = "Trop de réservations depuis cet appareil. Réessayez dans une heure ou appelez la bibliothèque.";
    static final String TOO_MANY_CHECKS = "Trop d’essais depuis cet appareil. Réessayez dans 15 minutes ou appelez la bibliothèque.";
    static final List<String> FORWARDING_HEADERS = List.of("X-Forwarded-For", "X-Real-IP", "Forwarded", "Client-IP");

    @Inject
    EmbeddedServer server;
    @Inject
    Sites sites;
    @Inject
    Slots slots;
    @Inject
    AppointmentFixtures fixtures;
    @Inject
    AppointmentRepository appointments;
    @Inject
    MutableClock clock;

    /** Every test shares one address: each starts once the previous test's windows have passed. */
    @BeforeEach
    void afterPreviousWindows() {
        clock.advance(Duration.ofHours(2));
    }

    private List<Slot> freeSlots(Site site) {
        LocalDate today = sites.today(site);
        return slots.between(site, today.plusDays(1), today.plusWeeks(4)).stream().filter(s -> s.free() > 0).toList();
    }

    private static void spoof(TestClient browser, int n) {
        for (String header : FORWARDING_HEADERS) {
            browser.header(header, header.equals("Forwarded") ? "for=203.0.113." + n : "203.0.113." + n);
        }
    }

    @Test
    void theEleventhBookingWithinAnHourFromOneAddressIsRefused() {
        AppointmentFixtures.Desk desk = fixtures.desk(slug("limite"), 1);
        List<Slot> free = freeSlots(desk.site());
        assertTrue(free.size() >= 12, "enough slots: " + free.size());
        try (TestClient visitor = TestClient.of(server)) {
            for (int i = 0; i < 10; i++) {
                bookedId(visitor.post(slotPath(desk.site(), free.get(i)), bookingForm("Personne" + i, null, null)));
            }
            long before = appointments.count();

            TestClient.Answer refused = visitor.post(slotPath(desk.site(), free.get(10)), bookingForm("Onzième", null, null));

            assertEquals(429, refused.status());
            assertEquals(List.of(TOO_MANY_BOOKINGS), refused.texts(".error-summary"));
            assertEquals("Onzième", refused.fieldValue("firstName"), "what was typed stays");
            assertEquals(before, appointments.count());

            // Another browser at the same address, claiming other addresses in forwarded headers: refused too.
            try (TestClient other = TestClient.of(server)) {
                spoof(other, 7);
                assertEquals(429, other.post(slotPath(desk.site(), free.get(10)), bookingForm("Onzième", null, null)).status());
            }
            assertEquals(before, appointments.count());

            // An hour later, it is possible again.
            clock.advance(Duration.ofMinutes(61));
            bookedId(visitor.post(slotPath(desk.site(), free.get(10)), bookingForm("Onzième", null, null)));
        }
    }

    @Test
    void theEleventhCodeCheckWithinFifteenMinutesIsRefusedEvenWithTheRightCode() {
        AppointmentFixtures.Desk desk = fixtures.desk(slug("essais"), 1);
        try (TestClient visitor = TestClient.of(server)) {
            long id = bookedId(visitor.post(slotPath(desk.site(), desk.slot()), bookingForm("Marie", null, null)));
            Appointment a = appointments.findById(id).orElseThrow();
            Map<String, String> right = Map.of("code", BookingCodes.display(a.code()), "firstName", "Marie");
            Map<String, String> wrong = Map.of("code", BookingCodes.display(a.code()), "firstName", "Martine");
            // Ten attempts, finding and cancelling alike, each from a "new" forwarded address.
            for (int i = 0; i < 10; i++) {
                spoof(visitor, i);
                TestClient.Answer answer = visitor.post(i % 2 == 0 ? "/rendez-vous/retrouver" : "/rendez-vous/annulation", wrong);
                assertEquals(422, answer.status(), "attempt " + (i + 1));
            }

            for (String path : List.of("/rendez-vous/retrouver", "/rendez-vous/annulation")) {
                spoof(visitor, 50);
                TestClient.Answer refused = visitor.post(path, right);
                assertEquals(429, refused.status(), path);
                assertEquals(List.of(TOO_MANY_CHECKS), refused.texts(".error-summary"), mainText(refused));
            }
            assertEquals(AppointmentStatus.BOOKED, appointments.findById(id).orElseThrow().status(), "not cancelled");

            // Fifteen minutes later, the right code and first name work again.
            clock.advance(Duration.ofMinutes(16));
            TestClient.Answer found = visitor.post("/rendez-vous/retrouver", right);
            assertEquals(303, found.status());
            assertTrue(found.location().startsWith("/rendez-vous/" + id + "?cle="), found.location());
        }
    }
}
