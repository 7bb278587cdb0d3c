package fr.relais.security;

import fr.relais.testing.OnBothDatabases;
import fr.relais.testing.TestClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Behind an HTTPS proxy (relais.session.secure-cookies=ALWAYS, as in prod) every cookie is Secure. */
@MicronautTest(environments = "demo")
class SecureCookiesTest extends OnBothDatabases {
    @Inject
    EmbeddedServer server;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("relais.session.secure-cookies", "ALWAYS");
    }

    @Test
    void sessionAndCsrfCookiesAreSecureHttpOnlyAndLax() {
        try (TestClient browser = TestClient.of(server)) {
            TestClient.Answer login = browser.post("/connexion",
                    Map.of("email", "admin@relais.demo", "password", TestClient.DEMO_PASSWORD));
            for (String name : new String[]{"relais_session=", "relais_csrf="}) {
                String cookie = login.setCookies().stream().filter(c -> c.startsWith(name)).findFirst().orElseThrow();
                assertTrue(cookie.contains("Secure"), cookie);
                assertTrue(cookie.toLowerCase().contains("httponly"), cookie);
                assertTrue(cookie.contains("SameSite=Lax"), cookie);
            }
        }
    }
}
