package fr.relais.browser;

import fr.relais.testing.TestClient;
import fr.relais.testing.TestDatabase;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A real browser often sends a form's headers and its body in separate TCP packets, so the body reaches the
 * server after the request has started through the filters. Micronaut's HTTP client (used by the controller
 * tests) sends both at once and cannot show the difference: this test writes the request by hand on a socket,
 * with and without a pause before the body. Found by the browser tests (POST /connexion answered 500 every
 * other time in Chromium).
 */
@MicronautTest(environments = "demo", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SplitFormPostTest implements TestPropertyProvider {
    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>();
        TestDatabase.fresh(getClass().getSimpleName()).forEach((k, v) -> props.put(k, String.valueOf(v)));
        return props;
    }

    /**
     * Each case: the pause before the body, and whether the body itself comes in two parts with the same pause
     * between them.
     */
    @ParameterizedTest(name = "pause {0} ms, body in two parts: {1}")
    @CsvSource({"0, false", "200, false", "200, true"})
    void loginFormIsAcceptedWhateverTheBodyTiming(int pauseMillis, boolean twoParts) throws Exception {
        String token;
        try (TestClient browser = TestClient.of(server)) {
            token = browser.csrfToken();
        }
        String body = "csrfToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
                + "&email=admin%40relais.demo&password=" + TestClient.DEMO_PASSWORD;
        String head = "POST /connexion HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\n"
                + "Cookie: relais_csrf=" + token + "\r\n"
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n";
        String status = statusLine(head, body, pauseMillis, twoParts);
        assertEquals("HTTP/1.1 303 See Other", status,
                "login with the body arriving " + pauseMillis + " ms after the headers" + (twoParts ? ", in two parts" : ""));
    }

    private String statusLine(String head, String body, int pauseMillis, boolean twoParts)
            throws IOException, InterruptedException {
        try (Socket socket = new Socket("localhost", server.getPort())) {
            socket.setSoTimeout(10_000);
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.UTF_8));
            out.flush();
            Thread.sleep(pauseMillis);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            int first = twoParts ? bytes.length / 2 : bytes.length;
            out.write(bytes, 0, first);
            out.flush();
            if (twoParts) {
                Thread.sleep(pauseMillis);
                out.write(bytes, first, bytes.length - first);
                out.flush();
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1 && b != '\n') {
                line.write(b);
            }
            return line.toString(StandardCharsets.UTF_8).strip();
        }
    }
}
