package fr.relais.security;

import fr.relais.testing.TestClient;
import fr.relais.testing.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two application instances on one database, as behind a load balancer: a login made on one is accepted
 * by the other, forms posted to the other pass the CSRF check, and a logout on one ends the session on both.
 */
@Tag("db")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesTest {
    EmbeddedServer first;
    EmbeddedServer second;

    @BeforeAll
    void startTwoInstances() {
        Map<String, Object> database = TestDatabase.fresh("TwoInstances");
        first = ApplicationContext.run(EmbeddedServer.class, database, "test", "demo");
        second = ApplicationContext.run(EmbeddedServer.class, database, "test", "demo");
    }

    @AfterAll
    void stop() {
        second.close();
        first.close();
    }

    @Test
    void loginOnOneInstanceIsAcceptedByTheOther() {
        assertTrue(first.getPort() != second.getPort());
        try (TestClient onFirst = TestClient.of(first); TestClient onSecond = TestClient.of(second)) {
            onFirst.loginDemo("direction.centre@relais.demo");
            onSecond.setCookie("relais_session", onFirst.cookie("relais_session").orElseThrow());
            onSecond.setCookie("relais_csrf", onFirst.csrfToken());

            TestClient.Answer home = onSecond.get("/accueil");
            assertEquals(200, home.status());
            assertEquals("Ma bibliothèque", home.h1());

            // A form from a page of the first instance is accepted by the second (same signing key, token in the cookie).
            TestClient.Answer form = onSecond.post("/compte/mot-de-passe",
                    Map.of("currentPassword", "wrong", "newPassword", "x", "confirmation", "y"));
            assertEquals(422, form.status(), "the CSRF check passed and the form was validated");

            // Logging out on the second instance ends the session on the first.
            assertEquals(303, onSecond.post("/deconnexion", Map.of()).status());
            TestClient.Answer after = onFirst.get("/accueil");
            assertEquals(303, after.status());
            assertTrue(after.location().startsWith("/connexion"));
        }
    }
}
