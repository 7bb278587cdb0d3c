package fr.relais.workshop;

import fr.relais.testing.TestClient;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the public workshop tests share: the form a visitor sends, where it leads, downloads as bytes. */
final class AgendaSupport {
    /** Where registering (or finding a registration) leads: the person's page, with its key. */
    static final Pattern PAGE = Pattern.compile("/ateliers/inscriptions/(\\d+)\\?cle=([A-Za-z0-9_-]{16,})");
    /** A code as shown: three symbols, a dash, three symbols, without look-alikes (no I, L, O, U). */
    static final Pattern CODE = Pattern.compile("[0-9A-HJKMNP-TV-Z]{3}-[0-9A-HJKMNP-TV-Z]{3}");
    private static final DateTimeFormatter ICS_UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private AgendaSupport() {
    }

    /** The registration form as a browser sends it: the waiting-list box ticked or not, the empty honeypot. */
    static Map<String, Object> form(String firstName, String phone, String email, String seats, boolean waitingList) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("firstName", firstName);
        form.put("phone", phone == null ? "" : phone);
        form.put("email", email == null ? "" : email);
        form.put("seats", seats);
        if (waitingList) {
            form.put("waitingList", "1");
        }
        form.put("website", "");
        return form;
    }

    /** The registration id a successful registration's redirect names. */
    static long registeredId(TestClient.Answer answer) {
        assertEquals(303, answer.status(), () -> "registration refused: " + answer.status() + " "
                + answer.texts(".error-summary, .field-error"));
        Matcher m = PAGE.matcher(answer.location());
        assertTrue(m.matches(), answer.location());
        return Long.parseLong(m.group(1));
    }

    /** A moment as an iCalendar file writes it in UTC. */
    static String utc(Instant instant) {
        return ICS_UTC.format(instant);
    }

    /** A download as bytes (PDF, calendar): status, content type, body. */
    record Download(int status, String contentType, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** An iCalendar file with its long lines unfolded (RFC 5545, 3.1). */
        String unfolded() {
            return text().replace("\r\n ", "").replace("\r\n\t", "");
        }
    }

    static Download download(EmbeddedServer server, String path) {
        return download(server, path, null);
    }

    /** A download by a signed-in browser: its session cookie goes with the request. */
    static Download download(EmbeddedServer server, String path, TestClient browser) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path)).GET();
            if (browser != null) {
                browser.cookie("relais_session").ifPresent(c -> request.header("Cookie", "relais_session=" + c));
            }
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
