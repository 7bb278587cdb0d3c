package fr.relais.security;

import fr.relais.testing.OnBothDatabases;
import fr.relais.testing.MutableClock;
import fr.relais.testing.TestClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Five failures lock further attempts for 15 minutes. The per-address rule is set high here so each test
 * checks one rule; {@link LoginThrottleByAddressTest} checks the address rule.
 */
@MicronautTest(environments = "demo")
class LoginThrottleTest extends OnBothDatabases {
    static final String LOCKED = "Trop de tentatives de connexion. Patientez 15 minutes avant de réessayer.";
    @Inject
    EmbeddedServer server;
    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void sixthAttemptOnAnAccountIsRefusedEvenWithTheRightPassword() {
        try (TestClient browser = TestClient.of(server)) {
            for (int i = 1; i <= 5; i++) {
                assertEquals(422, browser.post("/connexion", Map.of("email", "aidant.nord@relais.demo", "password", "wrong-" + i)).status());
            }
            TestClient.Answer sixth = browser.post("/connexion", Map.of("email", "aidant.nord@relais.demo", "password", TestClient.DEMO_PASSWORD));
            assertEquals(429, sixth.status());
            assertEquals(LOCKED, sixth.texts(".error-summary").get(0));
            assertEquals(true, browser.cookie("relais_session").isEmpty(), "no session was opened");

            // Another account from the same browser is not affected by this account's lock.
            assertEquals(303, browser.post("/connexion", Map.of("email", "admin@relais.demo", "password", TestClient.DEMO_PASSWORD)).status());

            clock.advance(Duration.ofMinutes(16));
            try (TestClient later = TestClient.of(server)) {
                assertEquals(303, later.post("/connexion", Map.of("email", "aidant.nord@relais.demo", "password", TestClient.DEMO_PASSWORD)).status(),
                        "after the lock duration the right password works again");
            }
        }
    }

    @Test
    void unknownEmailIsLockedTheSameWaySoNothingRevealsWhetherItExists() {
        try (TestClient browser = TestClient.of(server)) {
            for (int i = 1; i <= 5; i++) {
                TestClient.Answer answer = browser.post("/connexion", Map.of("email", "personne@relais.demo", "password", "x" + i));
                assertEquals(422, answer.status());
                assertEquals("Adresse e-mail ou mot de passe incorrect.", answer.texts(".error-summary").get(0));
            }
            TestClient.Answer sixth = browser.post("/connexion", Map.of("email", "personne@relais.demo", "password", "x6"));
            assertEquals(429, sixth.status());
            assertEquals(LOCKED, sixth.texts(".error-summary").get(0));
        }
    }

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("relais.login.max-failures-per-address", "100");
    }
}
