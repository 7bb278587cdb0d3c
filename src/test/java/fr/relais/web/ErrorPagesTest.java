package fr.relais.web;

import fr.relais.testing.OnBothDatabases;
import fr.relais.testing.TestClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Error pages in plain French (or English) with a way back; the language switch; health; security headers. */
@MicronautTest(environments = "demo")
class ErrorPagesTest extends OnBothDatabases {
    @Inject
    EmbeddedServer server;

    private static void assertLinkBack(TestClient.Answer answer, String href) {
        Document html = answer.html();
        assertNotNull(html.selectFirst("main a[href=" + href + "]"), "a link back to " + href + " in:\n" + html.select("main"));
    }

    @Test
    void anUnknownPageIsA404InFrenchWithALinkToThePublicHome() {
        try (TestClient browser = TestClient.of(server)) {
            TestClient.Answer answer = browser.get("/cette-page-n-existe-pas");
            assertEquals(404, answer.status());
            assertTrue(answer.header("Content-Type").startsWith("text/html"), answer.header("Content-Type"));
            assertEquals("Page introuvable", answer.h1());
            assertEquals("fr", answer.html().selectFirst("html").attr("lang"));
            assertTrue(answer.html().title().startsWith("Page introuvable"), answer.html().title());
            assertTrue(answer.html().select("main").text().contains("Code d’erreur : 404"), answer.html().select("main").text());
            assertLinkBack(answer, "/");
            assertTrue(answer.html().select("main a[href=/accueil]").isEmpty(), "no link to the staff home when signed out");
        }
    }

    @Test
    void deepUnknownPathsAndUnknownLibrariesAre404Too() {
        try (TestClient browser = TestClient.of(server)) {
            for (String path : List.of("/bibliotheques/nulle-part", "/static/nothing.css", "/a/b/c/d", "/bibliotheques/"
                    + "x".repeat(300))) {
                TestClient.Answer answer = browser.get(path);
                assertEquals(404, answer.status(), path);
                if (!path.startsWith("/static/")) {
                    assertEquals("Page introuvable", answer.h1(), path);
                }
            }
        }
    }

    @Test
    void aSignedInPersonGoesBackToTheirHome() {
        try (TestClient browser = TestClient.of(server)) {
            browser.loginDemo("aidant.centre@relais.demo");
            TestClient.Answer answer = browser.get("/nulle-part");
            assertEquals(404, answer.status());
            assertEquals("Page introuvable", answer.h1());
            assertLinkBack(answer, "/accueil");
            assertTrue(answer.html().select("main a[href=/]").isEmpty(), answer.body());
            assertNotNull(answer.html().selectFirst("nav.main-nav"), "the signed-in menu is still there");
        }
    }

    @Test
    void aMistypedIdIsA404NotAServerError() {
        try (TestClient browser = TestClient.of(server)) {
            browser.loginDemo("coordination@relais.demo");
            for (String path : List.of("/gestion/sites/abc", "/gestion/sites/999999", "/gestion/sites/12abc/horaires",
                    "/gestion/comptes/abc", "/gestion/comptes/999999", "/accueil?site=abc", "/gestion/sites/-1")) {
                TestClient.Answer answer = browser.get(path);
                assertEquals(404, answer.status(), path);
                assertEquals("Page introuvable", answer.h1(), path);
                assertLinkBack(answer, "/accueil");
            }
        }
    }

    @Test
    void englishBrowsersGetTheEnglishPage() {
        try (TestClient browser = TestClient.of(server)) {
            browser.header("Accept-Language", "en-GB,en;q=0.9");
            TestClient.Answer answer = browser.get("/nowhere");
            assertEquals(404, answer.status());
            assertEquals("Page not found", answer.h1());
            assertEquals("en", answer.html().selectFirst("html").attr("lang"));
            assertTrue(answer.html().select("main").text().contains("Error code: 404"), answer.html().select("main").text());
        }
    }

    @Test
    void otherLanguagesGetFrench() {
        try (TestClient browser = TestClient.of(server)) {
            browser.header("Accept-Language", "de-DE,de;q=0.9");
            TestClient.Answer answer = browser.get("/nirgendwo");
            assertEquals("Page introuvable", answer.h1());
            assertEquals("fr", answer.html().selectFirst("html").attr("lang"));
        }
    }

    @Test
    void theLanguageSwitchIsRememberedInACookie() {
        try (TestClient browser = TestClient.of(server)) {
            TestClient.Answer french = browser.get("/");
            assertEquals("fr", french.html().selectFirst("html").attr("lang"));
            assertEquals("Les bibliothèques du réseau", french.h1());
            assertEquals("/langue/en?retour=/", french.html().selectFirst("a.lang-switch").attr("href"));
            assertTrue(french.body().contains("Téléphone\u00A0: <a href="), "French spacing (no-break space before the colon)");

            TestClient.Answer choose = browser.get("/langue/en?retour=/");
            assertEquals(303, choose.status());
            assertEquals("/", choose.location());
            String cookie = choose.setCookies().stream().filter(c -> c.startsWith("relais_lang=")).findFirst().orElseThrow();
            assertTrue(cookie.startsWith("relais_lang=en"), cookie);
            assertTrue(cookie.contains("Path=/"), cookie);
            assertEquals("en", browser.cookie("relais_lang").orElseThrow());

            TestClient.Answer english = browser.get("/");
            assertEquals("en", english.html().selectFirst("html").attr("lang"));
            assertEquals("The network's libraries", english.h1());
            assertEquals("/langue/fr?retour=/", english.html().selectFirst("a.lang-switch").attr("href"));
            assertTrue(english.html().select(".card p").text().contains("Phone: 04 72"), "English spacing: "
                    + english.html().select(".card p").text());
            assertEquals("Page not found", browser.get("/nowhere").h1());
            assertEquals("Staff sign-in", browser.get("/connexion").h1());

            // The cookie wins over the browser's language, and back to French.
            browser.header("Accept-Language", "fr-FR");
            assertEquals("en", browser.get("/").html().selectFirst("html").attr("lang"));
            assertEquals(303, browser.get("/langue/fr?retour=/connexion").status());
            TestClient.Answer back = browser.get("/connexion");
            assertEquals("fr", back.html().selectFirst("html").attr("lang"));
            assertEquals("Connexion du personnel", back.h1());
        }
    }

    @Test
    void signedInPagesFollowTheLanguageToo() {
        try (TestClient browser = TestClient.of(server)) {
            browser.loginDemo("direction.centre@relais.demo");
            browser.get("/langue/en?retour=/accueil");
            TestClient.Answer home = browser.get("/accueil");
            assertEquals(200, home.status());
            assertEquals("en", home.html().selectFirst("html").attr("lang"));
            assertEquals("My library", home.h1());
            assertEquals("Page not found", browser.get("/gestion/sites/abc").h1());
        }
    }

    @Test
    void theLanguageSwitchNeverLeavesRelais() {
        try (TestClient browser = TestClient.of(server)) {
            for (String target : List.of("//evil.example", "//evil.example/x", "https://evil.example", "/%5Cevil.example",
                    "evil.example", "http:/evil.example", "%2F%2Fevil.example")) {
                TestClient.Answer answer = browser.get("/langue/en?retour=" + target);
                assertEquals(303, answer.status(), target);
                assertEquals("/", answer.location(), target);
            }
            assertEquals("/", browser.get("/langue/en").location(), "no return address");
            assertEquals("/bibliotheques/bibliotheque-nord",
                    browser.get("/langue/fr?retour=/bibliotheques/bibliotheque-nord").location());
            // An unknown language is French.
            TestClient.Answer unknown = browser.get("/langue/xx?retour=/");
            assertEquals(303, unknown.status());
            assertEquals("fr", browser.cookie("relais_lang").orElseThrow());
        }
    }

    @Test
    void aHelperOnAManagementPageGetsA403InFrenchWithAWayBack() {
        try (TestClient browser = TestClient.of(server)) {
            browser.loginDemo("aidant.centre@relais.demo");
            for (String path : List.of("/gestion/sites", "/gestion/comptes", "/gestion/sites/nouveau")) {
                TestClient.Answer answer = browser.get(path);
                assertEquals(403, answer.status(), path);
                assertEquals("Accès refusé", answer.h1(), path);
                assertEquals("fr", answer.html().selectFirst("html").attr("lang"));
                assertTrue(answer.html().select("main").text().contains("Code d’erreur : 403"), answer.html().select("main").text());
                assertLinkBack(answer, "/accueil");
            }
            browser.header("Accept-Language", "en");
            assertEquals("Access denied", browser.get("/gestion/sites").h1());
        }
    }

    @Test
    void aFormWithoutItsTokenGetsTheFormRefusalPage() {
        try (TestClient browser = TestClient.of(server)) {
            browser.loginDemo("direction.centre@relais.demo");
            TestClient.Answer answer = browser.postRaw("/compte/mot-de-passe", Map.of("currentPassword", "x",
                    "newPassword", "une phrase assez longue", "confirmation", "une phrase assez longue"));
            assertEquals(403, answer.status());
            assertEquals("Le formulaire n’a pas pu être envoyé", answer.h1());
            assertTrue(answer.html().select("main").text().contains("Code d’erreur : 403"), answer.html().select("main").text());
            assertLinkBack(answer, "/accueil");
        }
    }

    @Test
    void healthAnswersUp() {
        try (TestClient browser = TestClient.of(server)) {
            TestClient.Answer health = browser.get("/health");
            assertEquals(200, health.status());
            assertTrue(health.body().contains("\"status\":\"UP\""), health.body());
            assertFalse(health.body().contains("details"), "no details to anonymous callers: " + health.body());
        }
    }

    @Test
    void pagesCarryTheSecurityHeaders() {
        try (TestClient browser = TestClient.of(server)) {
            assertSecurityHeaders(browser.get("/"), "/");
            assertSecurityHeaders(browser.get("/connexion"), "/connexion");
            assertSecurityHeaders(browser.get("/nulle-part"), "404 page");
            assertSecurityHeaders(browser.get("/bibliotheques/mediatheque-centre"), "public library page");
            browser.loginDemo("aidant.centre@relais.demo");
            assertSecurityHeaders(browser.get("/accueil"), "/accueil");
            assertSecurityHeaders(browser.get("/gestion/sites"), "403 page");
            TestClient.Answer css = browser.get("/static/css/relais.css");
            assertEquals(200, css.status());
            assertNotNull(css.header("Content-Security-Policy"), "static files too");
            assertEquals("nosniff", css.header("X-Content-Type-Options"));
        }
    }

    private static void assertSecurityHeaders(TestClient.Answer answer, String what) {
        String csp = answer.header("Content-Security-Policy");
        assertNotNull(csp, what + ": Content-Security-Policy; headers: " + answer.headers().keySet());
        assertTrue(csp.contains("frame-ancestors 'none'"), what + ": " + csp);
        assertFalse(csp.contains("unsafe-inline"), what + ": " + csp);
        assertFalse(csp.contains("unsafe-eval"), what + ": " + csp);
        assertTrue(csp.contains("default-src 'self'"), what + ": " + csp);
        assertEquals("nosniff", answer.header("X-Content-Type-Options"), what);
        String referrer = answer.header("Referrer-Policy");
        assertNotNull(referrer, what + ": Referrer-Policy");
        assertTrue(List.of("no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin")
                .contains(referrer), what + ": " + referrer);
        String cache = answer.header("Cache-Control");
        assertNotNull(cache, what + ": Cache-Control");
        assertTrue(cache.contains("no-store"), what + ": " + cache);
    }
}
