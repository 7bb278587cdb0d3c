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
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(environments = "demo")
class LoginTest extends OnBothDatabases {
    @Inject
    EmbeddedServer server;
    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void demoAccountLandsOnItsHomePage() {
        try (TestClient browser = TestClient.of(server)) {
            TestClient.Answer answer = browser.post("/connexion",
                    Map.of("email", "aidant.centre@relais.demo", "password", TestClient.DEMO_PASSWORD));
            assertEquals(303, answer.status());
            assertEquals("/accueil", answer.location());
            TestClient.Answer home = browser.get("/accueil");
            assertEquals(200, home.status());
            assertEquals("Mon bureau du jour", home.h1());
        }
    }

    @Test
    void sessionCookieIsHttpOnlyLaxAndNewAtEveryLogin() {
        try (TestClient browser = TestClient.of(server)) {
            TestClient.Answer first = browser.post("/connexion",
                    Map.of("email", "admin@relais.demo", "password", TestClient.DEMO_PASSWORD));
            String cookieHeader = first.setCookies().stream().filter(c -> c.startsWith("relais_session=")).findFirst().orElseThrow();
            assertTrue(cookieHeader.contains("HTTPOnly") || cookieHeader.contains("HttpOnly"), cookieHeader);
            assertTrue(cookieHeader.contains("SameSite=Lax"), cookieHeader);
            String firstSession = browser.cookie("relais_session").orElseThrow();
            browser.login("admin@relais.demo", TestClient.DEMO_PASSWORD);
            assertNotEquals(firstSession, browser.cookie("relais_session").orElseThrow());
        }
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameMessage() {
        try (TestClient browser = TestClient.of(server)) {
            TestClient.Answer wrong = browser.post("/connexion", Map.of("email", "admin@relais.demo", "password", "not-the-password"));
            TestClient.Answer unknown = browser.post("/connexion", Map.of("email", "nobody@relais.demo", "password", "not-the-password"));
            assertEquals(422, wrong.status());
            assertEquals(422, unknown.status());
            assertEquals("Adresse e-mail ou mot de passe incorrect.", wrong.texts(".error-summary").get(0));
            assertEquals(wrong.texts(".error-summary"), unknown.texts(".error-summary"));
            assertEquals("admin@relais.demo", wrong.fieldValue("email"), "the typed e-mail is kept");
            assertEquals("", wrong.fieldValue("password"), "a password is never sent back");
        }
    }

    @Test
    void emptyFieldsGetAMessageNextToEachField() {
        try (TestClient browser = TestClient.of(server)) {
            TestClient.Answer answer = browser.post("/connexion", Map.of("email", "", "password", ""));
            assertEquals(422, answer.status());
            assertEquals("Erreur : Ce champ est obligatoire.", answer.fieldError("email"));
            assertEquals("Erreur : Ce champ est obligatoire.", answer.fieldError("password"));
        }
    }

    @Test
    void logoutEndsTheSessionOnTheServer() {
        try (TestClient browser = TestClient.of(server)) {
            browser.loginDemo("direction.centre@relais.demo");
            String session = browser.cookie("relais_session").orElseThrow();
            TestClient.Answer out = browser.post("/deconnexion", Map.of());
            assertEquals(303, out.status());
            assertEquals("/connexion?fin=deconnexion", out.location());
            // Replaying the old cookie does not work: the session is gone from the database.
            browser.setCookie("relais_session", session);
            TestClient.Answer replay = browser.get("/accueil");
            assertEquals(303, replay.status());
            assertTrue(replay.location().startsWith("/connexion"));
        }
    }

    @Test
    void idleSessionExpiresAfterTheTimeout() {
        try (TestClient browser = TestClient.of(server)) {
            browser.loginDemo("coordination@relais.demo");
            clock.advance(Duration.ofMinutes(29));
            assertEquals(200, browser.get("/accueil").status(), "29 minutes idle: still signed in");
            clock.advance(Duration.ofMinutes(31));
            TestClient.Answer expired = browser.get("/accueil");
            assertEquals(303, expired.status(), "31 minutes after the last request: signed out");
            assertEquals("/connexion?retour=%2Faccueil", expired.location());
        }
    }

    @Test
    void anonymousVisitorIsSentToLoginAndBackAfterwards() {
        try (TestClient browser = TestClient.of(server)) {
            TestClient.Answer refused = browser.get("/gestion/sites");
            assertEquals(303, refused.status());
            assertEquals("/connexion?retour=%2Fgestion%2Fsites", refused.location());
            TestClient.Answer login = browser.post("/connexion?retour=/gestion/sites",
                    Map.of("email", "coordination@relais.demo", "password", TestClient.DEMO_PASSWORD));
            assertEquals("/gestion/sites", login.location());
        }
    }

    @Test
    void returnAddressCannotLeaveRelais() {
        try (TestClient browser = TestClient.of(server)) {
            TestClient.Answer login = browser.post("/connexion?retour=//evil.example/x",
                    Map.of("email", "coordination@relais.demo", "password", TestClient.DEMO_PASSWORD));
            assertEquals("/accueil", login.location());
        }
    }
}
