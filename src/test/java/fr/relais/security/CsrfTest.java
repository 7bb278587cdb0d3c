package fr.relais.security;

import fr.relais.testing.OnBothDatabases;
import fr.relais.testing.TestClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(environments = "demo")
class CsrfTest extends OnBothDatabases {
    @Inject
    EmbeddedServer server;

    @Test
    void everyFormCarriesTheToken() {
        try (TestClient browser = TestClient.of(server)) {
            browser.loginDemo("admin@relais.demo");
            for (String page : new String[]{"/connexion", "/accueil", "/gestion/comptes", "/gestion/comptes/nouveau", "/compte/mot-de-passe"}) {
                var html = browser.get(page).html();
                html.select("form[method=post]").forEach(form -> assertEquals(browser.csrfToken(),
                        form.select("input[name=csrfToken]").val(), page + " " + form.attr("action")));
            }
        }
    }

    @Test
    void loginWithoutTokenIsRefused() {
        try (TestClient browser = TestClient.of(server)) {
            TestClient.Answer answer = browser.postRaw("/connexion",
                    Map.of("email", "admin@relais.demo", "password", TestClient.DEMO_PASSWORD));
            assertEquals(403, answer.status());
            assertEquals("Le formulaire n’a pas pu être envoyé", answer.h1());
            assertTrue(browser.cookie("relais_session").isEmpty());
        }
    }

    @Test
    void stateChangeWithoutOrWithAForgedTokenIsRefusedAndChangesNothing() {
        try (TestClient browser = TestClient.of(server)) {
            browser.loginDemo("admin@relais.demo");
            Map<String, String> newSite = Map.of("name", "Bibliothèque pirate", "slug", "pirate", "addressLine", "1 rue X",
                    "postcode", "69001", "town", "Lyon");
            assertEquals(403, browser.postRaw("/gestion/sites", newSite).status());
            Map<String, String> forged = new java.util.HashMap<>(newSite);
            forged.put("csrfToken", "forged.token");
            assertEquals(403, browser.postRaw("/gestion/sites", forged).status());
            // A token signed by the server but from another browser does not match this browser's cookie.
            try (TestClient other = TestClient.of(server)) {
                forged.put("csrfToken", other.csrfToken());
                assertEquals(403, browser.postRaw("/gestion/sites", forged).status());
            }
            assertEquals(404, browser.get("/bibliotheques/pirate").status(), "nothing was created");
            // With this browser's own token the same form goes through.
            assertEquals(303, browser.post("/gestion/sites", newSite).status());
            assertEquals(200, browser.get("/bibliotheques/pirate").status());
        }
    }

    @Test
    void aCookieSignedWithAnotherKeyIsReplacedInsteadOfBlockingEveryForm() {
        try (TestClient browser = TestClient.of(server)) {
            browser.setCookie("relais_csrf", "c2lnbmVkLWVsc2V3aGVyZQ.cmFuZG9t");
            browser.get("/connexion");
            assertNotEquals("c2lnbmVkLWVsc2V3aGVyZQ.cmFuZG9t", browser.csrfToken());
            assertEquals(303, browser.post("/connexion", Map.of("email", "admin@relais.demo", "password", TestClient.DEMO_PASSWORD)).status());
        }
    }

    @Test
    void tokenIsRenewedAtLogin() {
        try (TestClient browser = TestClient.of(server)) {
            String before = browser.csrfToken();
            browser.loginDemo("admin@relais.demo");
            assertNotEquals(before, browser.csrfToken());
        }
    }
}
