package fr.relais.security;

import fr.relais.testing.OnBothDatabases;
import fr.relais.testing.MutableClock;
import fr.relais.testing.TestClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Five failures from one address, each on a different e-mail, lock that address. */
@MicronautTest(environments = "demo")
class LoginThrottleByAddressTest extends OnBothDatabases {
    @Inject
    EmbeddedServer server;
    @Inject
    MutableClock clock;

    /** Each test starts after the previous test's lock has passed: all tests share one address. */
    @BeforeEach
    void afterPreviousLocks() {
        clock.advance(Duration.ofMinutes(20));
    }

    @Test
    void guessingManyAccountsFromOneAddressIsSlowedDown() {
        try (TestClient browser = TestClient.of(server)) {
            for (int i = 1; i <= 5; i++) {
                assertEquals(422, browser.post("/connexion", Map.of("email", "guess" + i + "@relais.demo", "password", "x")).status());
            }
            TestClient.Answer blocked = browser.post("/connexion",
                    Map.of("email", "direction.centre@relais.demo", "password", TestClient.DEMO_PASSWORD));
            assertEquals(429, blocked.status());
            assertEquals(LoginThrottleTest.LOCKED, blocked.texts(".error-summary").get(0));
        }
    }

    @Test
    void forwardedHeadersAreNotTrustedByDefault() {
        // Without micronaut.server.client-address-header, a client cannot pick a new address per request.
        try (TestClient browser = TestClient.of(server)) {
            for (int i = 1; i <= 5; i++) {
                browser.header("X-Forwarded-For", "203.0.113." + i);
                browser.post("/connexion", Map.of("email", "spoof" + i + "@relais.demo", "password", "x"));
            }
            browser.header("X-Forwarded-For", "203.0.113.99");
            assertEquals(429, browser.post("/connexion", Map.of("email", "spoof9@relais.demo", "password", "x")).status());
        }
    }
}
