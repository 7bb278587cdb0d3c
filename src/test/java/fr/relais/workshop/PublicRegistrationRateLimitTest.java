package fr.relais.workshop;

import fr.relais.testing.MutableClock;
import fr.relais.testing.OnBothDatabases;
import fr.relais.testing.TestClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static fr.relais.workshop.AgendaSupport.form;
import static fr.relais.workshop.AgendaSupport.registeredId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The per-address limits of the public workshop pages, with their default settings (like the public booking's):
 * 10 registrations an hour, 10 code checks (finding or cancelling) in 15 minutes. Forwarded headers are not
 * trusted: a client cannot pick a new address.
 */
@MicronautTest(transactional = false)
class PublicRegistrationRateLimitTest extends OnBothDatabases {
    static final String TOO_MANY = "Trop d’inscriptions depuis cet appareil. Réessayez dans une heure ou appelez la bibliothèque.";
    static final String TOO_MANY_CHECKS = "Trop d’essais depuis cet appareil. Réessayez dans 15 minutes ou appelez la bibliothèque.";
    @Inject
    EmbeddedServer server;
    @Inject
    AgendaFixtures fixtures;
    @Inject
    MutableClock clock;

    /** Every test shares one address: each starts once the previous test's windows have passed. */
    @BeforeEach
    void afterPreviousWindows() {
        clock.advance(Duration.ofHours(2));
    }

    private static void spoof(TestClient browser, int n) {
        for (String header : List.of("X-Forwarded-For", "X-Real-IP", "Client-IP")) {
            browser.header(header, "203.0.113." + n);
        }
        browser.header("Forwarded", "for=203.0.113." + n);
    }

    @Test
    void theEleventhRegistrationWithinAnHourFromOneAddressIsRefused() {
        WorkshopSession s = fixtures.publicSession(fixtures.library("limite"), 50);
        String path = "/ateliers/seances/" + s.id();
        try (TestClient visitor = TestClient.of(server)) {
            for (int i = 0; i < 10; i++) {
                registeredId(visitor.post(path, form("Personne" + i, null, null, "1", true)));
            }

            TestClient.Answer refused = visitor.post(path, form("Onzième", null, null, "1", true));

            assertEquals(429, refused.status());
            assertEquals(List.of(TOO_MANY), refused.texts(".error-summary p"));
            assertEquals("Onzième", refused.fieldValue("firstName"), "what was typed stays");
            try (TestClient other = TestClient.of(server)) {
                spoof(other, 7);
                assertEquals(429, other.post(path, form("Onzième", null, null, "1", true)).status());
            }
            assertEquals(10, fixtures.all(s).size());

            clock.advance(Duration.ofMinutes(61));
            registeredId(visitor.post(path, form("Onzième", null, null, "1", true)));
        }
    }

    @Test
    void theEleventhCodeCheckWithinFifteenMinutesIsRefusedEvenWithTheRightCode() {
        WorkshopSession s = fixtures.publicSession(fixtures.library("essais"), 8);
        try (TestClient visitor = TestClient.of(server)) {
            long id = registeredId(visitor.post("/ateliers/seances/" + s.id(), form("Marie", null, null, "1", true)));
            String code = fixtures.registration(id).code();
            Map<String, String> right = Map.of("code", code, "firstName", "Marie");
            Map<String, String> wrong = Map.of("code", code, "firstName", "Martine");
            for (int i = 0; i < 10; i++) {
                spoof(visitor, i);
                String path = i % 2 == 0 ? "/ateliers/inscription/retrouver" : "/ateliers/inscription/annulation";
                assertEquals(422, visitor.post(path, wrong).status(), "attempt " + (i + 1));
            }
            for (String path : List.of("/ateliers/inscription/retrouver", "/ateliers/inscription/annulation")) {
                TestClient.Answer refused = visitor.post(path, right);
                assertEquals(429, refused.status(), path);
                assertEquals(List.of(TOO_MANY_CHECKS), refused.texts(".error-summary p"));
            }
            assertEquals(RegistrationStatus.SEATED, fixtures.registration(id).status(), "not cancelled");

            clock.advance(Duration.ofMinutes(16));
            TestClient.Answer found = visitor.post("/ateliers/inscription/retrouver", right);
            assertEquals(303, found.status());
            assertTrue(found.location().startsWith("/ateliers/inscriptions/" + id + "?cle="), found.location());
        }
    }
}
