package fr.relais.web;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import fr.relais.testing.OnBothDatabases;
import fr.relais.testing.TestClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whatever a person or a bot puts in an address, Relais answers a 4xx page in French with a way back, never a 500
 * or a stack trace, and logs nothing at ERROR (nor the address itself: query strings may hold personal data).
 *
 * <p>Requests go over a raw socket: an HTTP client would re-encode the addresses before sending them.
 * Malformed addresses answer 400 ("Adresse incorrecte"); well-formed addresses that lead nowhere answer 404, like
 * any unknown page; an address too long to be read answers 414; a request whose headers cannot be read, or a form
 * body that cannot be decoded, answers 400 ("Demande incorrecte").
 */
@MicronautTest(environments = "demo")
class MalformedRequestTest extends OnBothDatabases {
    /** A name in the queries below: it must never reach the log. */
    private static final String PERSONAL = "dupont";
    private static final ListAppender<ILoggingEvent> LOG = new ListAppender<>();

    @Inject
    EmbeddedServer server;

    @BeforeAll
    void listenToTheLog() {
        LOG.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(LOG);
    }

    @AfterAll
    void stopListening() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(LOG);
    }

    @Test
    void malformedAddressesAnswerTheFrenchAddressPageWithAWayHome() throws IOException {
        List<String> targets = List.of(
                // The three seen from outside.
                "/bibliotheques/%zz", "/rendez-vous/retrouver?x=%", "/langue/en?retour=/\\evil.example",
                // Broken or foreign escapes, in the path and in the query.
                "/%", "/bibliotheques/%", "/bibliotheques/%u1234", "/bibliotheques/%4", "/?q=%zz", "/?q=%u1234",
                "/partenaires?q=" + PERSONAL + "%zz",
                // Escapes that are not UTF-8 (an overlong "/" among them) or that decode to a control character.
                "/bibliotheques/%C0%AF", "/bibliotheques/%FF", "/?q=%FF", "/?q=%C0%AF", "/bibliotheques/%00",
                "/?q=%00", "/partenaires?q=" + PERSONAL + "%00", "/?q=a%0Db", "/bibliotheques/%ED%A0%80",
                // Characters an address may not hold raw.
                "/bibliotheques/a\\b", "/bibliotheques/a|b", "/bibliotheques/a{b}", "/bibliotheques/a\"b", "/?q=a|b",
                "/?q={}", "/?q=a\\b", "/?q=<script>", "/bibliotheques/caf\u00e9",
                // A fragment never leaves a browser.
                "/#frag", "/bibliotheques/mediatheque-centre#horaires",
                // Not an address of this server.
                "http://other/bibliotheques/%zz", "ftp://other/", "mailto:x@example.org", "bibliotheques", "*");
        for (String target : targets) {
            RawAnswer answer = send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertAddressPage(answer, 400, target);
            assertLinkHome(answer, "/", target);
        }
        assertNothingLoggedAsAnError();
    }

    @Test
    void wellFormedAddressesThatLeadNowhereAreTheUsualNotFoundPage() throws IOException {
        // Valid escapes of valid characters: nothing is wrong with the address, there is just no such page.
        for (String target : List.of("/bibliotheques/%C3%A9cole", "/bibliotheques/%2e%2e%2fgestion", "/%5Cevil.example",
                "/bibliotheques/nulle-part?q=%C3%A9", "/bibliotheques/a%20b")) {
            RawAnswer answer = send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertEquals(404, answer.status(), target);
            assertEquals("Page introuvable", answer.h1(), target);
            assertEquals("fr", answer.html().selectFirst("html").attr("lang"), target);
            assertLinkHome(answer, "/", target);
        }
        // A query a page does not expect is ignored, as before: the page is shown.
        RawAnswer home = send("GET /?q=%C3%A9t%C3%A9+" + PERSONAL + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertEquals(200, home.status());
        assertEquals("Les bibliothèques du réseau", home.h1());
        assertNothingLoggedAsAnError();
    }

    @Test
    void theAbsoluteFormOfAnAddressIsServedLikeItsPath() throws IOException {
        // RFC 9112 §3.2.2: a server must accept "GET http://host/path"; Relais builds no link from the host it is
        // given, so the page is the same as for its path, and nothing points elsewhere.
        RawAnswer answer = send("GET http://other.example/ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertEquals(200, answer.status());
        assertEquals("Les bibliothèques du réseau", answer.h1());
        assertFalse(answer.body().contains("other.example"), "no link to the host of the request line");
        RawAnswer unknown = send("GET http://other.example/nulle-part HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertEquals(404, unknown.status());
    }

    @Test
    void anAddressTooLongToBeReadAnswersItsOwnPage() throws IOException {
        for (String target : List.of("/?q=" + PERSONAL + "x".repeat(10_000), "/bibliotheques/" + "a".repeat(5_000),
                "/bibliotheques/%zz" + "x".repeat(10_000))) {
            RawAnswer answer = send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n\r\n", false);
            assertEquals(414, answer.status(), "status line: " + answer.statusLine());
            assertFrench(answer, "Adresse trop longue", target);
            assertTrue(answer.mainText().contains("trop longue pour être lue"), answer.mainText());
            assertTrue(answer.mainText().contains("Code d’erreur : 414"), answer.mainText());
            assertLinkHome(answer, "/", "too long");
            assertTrue(answer.closed(), "the server closes the connection: the rest of the line is not read");
        }
        assertNothingLoggedAsAnError();
    }

    @Test
    void headersThatCannotBeReadAnswerTheBadRequestPage() throws IOException {
        for (String header : List.of("Cookie: relais_session=" + "x".repeat(20_000), "X-Bad\u0001Name: 1",
                "Content-Length: abc", "Content-Length: 1\r\nContent-Length: 2")) {
            String what = header.substring(0, Math.min(30, header.length()));
            RawAnswer answer = send("GET / HTTP/1.1\r\nHost: localhost\r\n" + header + "\r\n\r\n", false);
            assertEquals(400, answer.status(), what + " → " + answer.statusLine());
            assertFrench(answer, "Demande incorrecte", what);
            assertLinkHome(answer, "/", what);
            assertTrue(answer.closed(), "nothing more is read from a connection whose headers could not be read");
        }
        assertNothingLoggedAsAnError();
    }

    @Test
    void aBrokenLanguageCookieIsNoChoiceAndThePageStaysInFrench() throws IOException {
        for (String value : List.of("%zz", "___", "", "\"en\"x", "zz-ZZZZZZZZZZZZ")) {
            RawAnswer answer = send("GET / HTTP/1.1\r\nHost: localhost\r\nCookie: relais_lang=" + value
                    + "\r\nConnection: close\r\n\r\n");
            assertEquals(200, answer.status(), value);
            assertEquals("fr", answer.html().selectFirst("html").attr("lang"), value);
            assertEquals("Les bibliothèques du réseau", answer.h1(), value);
        }
        RawAnswer badAddress = send("GET /bibliotheques/%zz HTTP/1.1\r\nHost: localhost\r\nCookie: relais_lang=%zz"
                + "\r\nConnection: close\r\n\r\n");
        assertAddressPage(badAddress, 400, "bad address and bad cookie");
        assertNothingLoggedAsAnError();
    }

    @Test
    void theAddressPageKeepsThePersonsLanguageAndSession() throws IOException {
        RawAnswer english = send("GET /bibliotheques/%zz HTTP/1.1\r\nHost: localhost\r\nCookie: relais_lang=en\r\n"
                + "Connection: close\r\n\r\n");
        assertEquals(400, english.status());
        assertEquals("en", english.html().selectFirst("html").attr("lang"));
        assertEquals("Incorrect address", english.h1());

        try (TestClient browser = TestClient.of(server)) {
            browser.loginDemo("aidant.centre@relais.demo");
            RawAnswer signedIn = send("GET /accueil?site=%zz HTTP/1.1\r\nHost: localhost\r\n" + cookies(browser)
                    + "Connection: close\r\n\r\n");
            assertAddressPage(signedIn, 400, "signed in");
            assertLinkHome(signedIn, "/accueil", "signed in");
            assertNotNull(signedIn.html().selectFirst("nav.main-nav"), "the signed-in menu is still there");
            assertEquals(200, browser.get("/accueil").status(), "the session is untouched");
        }
    }

    @Test
    void aFormPostedToAMalformedAddressIsRefusedAndNothingIsSaved() throws IOException {
        try (TestClient browser = TestClient.of(server)) {
            browser.loginDemo("coordination@relais.demo");
            String body = "csrfToken=" + browser.csrfToken() + "&siteId=&name=Point+adresse&kindCode=CAF&town=Lyon";
            for (String target : List.of("/partenaires/nouveau?x=%", "/partenaires/nouveau%zz", "/partenaires/nouveau#x",
                    "/partenaires/nouveau?x=%00")) {
                RawAnswer answer = send("POST " + target + " HTTP/1.1\r\nHost: localhost\r\n" + cookies(browser)
                        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                        + body.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + body);
                assertAddressPage(answer, 400, "POST " + target);
                assertLinkHome(answer, "/accueil", "POST " + target);
            }
            assertEquals(List.of(), directoryNames(browser, "Point adresse"), "nothing was saved");
        }
        assertNothingLoggedAsAnError();
    }

    @Test
    void formBodiesThatCannotBeDecodedAnswerTheBadRequestPageAndSaveNothing() throws IOException {
        try (TestClient browser = TestClient.of(server)) {
            browser.loginDemo("coordination@relais.demo");
            String token = "csrfToken=" + browser.csrfToken();
            List<String> bodies = List.of(
                    token + "&siteId=&name=Point+corps&kindCode=CAF&town=Lyon&address=%zz",
                    token + "&siteId=&name=Point+corps&kindCode=CAF&town=Lyon&address=%FF%FE",
                    token + "&siteId=&name=Point+corps&kindCode=CAF&town=Lyon&address=",
                    // A NUL: PostgreSQL refuses to store it, which made this a server error there.
                    token + "&siteId=&name=Point+corps&kindCode=CAF&town=Lyon&address=1+rue+" + PERSONAL + "%00");
            for (String body : bodies.subList(0, 2)) {
                assertBadForm(browser, "/partenaires/nouveau", body);
            }
            assertBadForm(browser, "/partenaires/nouveau", bodies.get(3));
            assertBadForm(browser, "/partenaires/nouveau", token + "&siteId=&name%00=x");
            assertEquals(List.of(), directoryNames(browser, "Point corps"), "nothing was saved");
            // The same form, well formed, is saved: the refusals above were about the encoding only.
            RawAnswer saved = post(browser, "/partenaires/nouveau", bodies.get(2));
            assertEquals(303, saved.status(), saved.statusLine());
            assertEquals(List.of("Point corps"), directoryNames(browser, "Point corps"));
        }
        try (TestClient visitor = TestClient.of(server)) {
            // A charset no server knows: the form is read as UTF-8 and answered as usual (no such appointment).
            String body = "csrfToken=" + visitor.csrfToken() + "&code=K7M-4QX&firstName=x";
            RawAnswer unknownCharset = send("POST /rendez-vous/retrouver HTTP/1.1\r\nHost: localhost\r\n" + cookies(visitor)
                    + "Content-Type: application/x-www-form-urlencoded; charset=nope\r\nContent-Length: " + body.length()
                    + "\r\nConnection: close\r\n\r\n" + body);
            assertEquals(422, unknownCharset.status(), unknownCharset.statusLine());
            assertFrench(unknownCharset, "Retrouver mon rendez-vous", "charset=nope");
            // The public form of a booking code, with no session.
            assertBadForm(visitor, "/rendez-vous/retrouver", "csrfToken=" + visitor.csrfToken() + "&code=%zz&firstName=x");
            assertBadForm(visitor, "/rendez-vous/retrouver", "csrfToken=" + visitor.csrfToken() + "&code=K7M-4QX&firstName="
                    + PERSONAL + "%00");
        }
        assertNothingLoggedAsAnError();
    }

    @Test
    void aHeadRequestToAMalformedAddressGetsTheStatusWithoutABody() throws IOException {
        RawAnswer answer = send("HEAD /bibliotheques/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", true);
        assertEquals(400, answer.status());
        assertEquals("", answer.body());
    }

    @Test
    void theConnectionGoesOnAfterAMalformedAddress() throws IOException {
        // Two requests on one kept-alive connection: the refusal of the first does not spoil the second.
        try (Socket socket = new Socket("localhost", server.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /bibliotheques/%zz HTTP/1.1\r\nHost: localhost\r\n\r\n"
                    + "GET /bibliotheques/mediatheque-centre HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            RawAnswer first = RawAnswer.read(in, false);
            RawAnswer second = RawAnswer.read(in, false);
            assertEquals(400, first.status());
            assertEquals("Adresse incorrecte", first.h1());
            assertEquals(200, second.status(), second.statusLine());
        }
    }

    // --- helpers

    /** The names the partner directory lists for a search. */
    private static List<String> directoryNames(TestClient browser, String q) {
        return browser.get("/partenaires?q=" + q.replace(' ', '+')).texts("table tbody th a");
    }

    private void assertBadForm(TestClient browser, String path, String body) throws IOException {
        RawAnswer answer = post(browser, path, body);
        assertEquals(400, answer.status(), path + " " + answer.statusLine());
        assertFrench(answer, "Demande incorrecte", path);
        assertTrue(answer.mainText().contains("La demande n’a pas pu être comprise."), answer.mainText());
    }

    private RawAnswer post(TestClient browser, String path, String body) throws IOException {
        return send("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n" + cookies(browser)
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + body);
    }

    private static String cookies(TestClient browser) {
        List<String> jar = new ArrayList<>();
        browser.cookie("relais_session").ifPresent(v -> jar.add("relais_session=" + v));
        browser.cookie("relais_csrf").ifPresent(v -> jar.add("relais_csrf=" + v));
        return jar.isEmpty() ? "" : "Cookie: " + String.join("; ", jar) + "\r\n";
    }

    private static void assertAddressPage(RawAnswer answer, int status, String what) {
        assertEquals(status, answer.status(), what + " → " + answer.statusLine());
        assertFrench(answer, "Adresse incorrecte", what);
        assertTrue(answer.mainText().contains("L’adresse de cette page n’est pas correcte"), what + ": " + answer.mainText());
        assertTrue(answer.mainText().contains("Code d’erreur : 400"), what + ": " + answer.mainText());
    }

    private static void assertFrench(RawAnswer answer, String h1, String what) {
        assertTrue(answer.header("content-type").startsWith("text/html"), what + ": " + answer.header("content-type"));
        assertEquals("fr", answer.html().selectFirst("html").attr("lang"), what);
        assertEquals(h1, answer.h1(), what);
        assertTrue(answer.html().title().startsWith(h1), what + ": " + answer.html().title());
        assertNotNull(answer.header("content-security-policy"), what + ": the security headers are there too");
        for (String trace : List.of("Exception", "at java.", "at io.", "Internal Server Error", "Une erreur est survenue")) {
            assertFalse(answer.body().contains(trace), what + ": " + trace);
        }
    }

    private static void assertLinkHome(RawAnswer answer, String href, String what) {
        assertNotNull(answer.html().selectFirst("main a[href=" + href + "]"), what + ": a link back to " + href);
    }

    private static void assertNothingLoggedAsAnError() {
        List<ILoggingEvent> events = List.copyOf(LOG.list);
        List<String> errors = events.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
                .map(e -> e.getLoggerName() + ": " + e.getFormattedMessage()).toList();
        assertEquals(List.of(), errors, "nothing at ERROR for what a visitor sends");
        List<String> personal = events.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.toLowerCase(Locale.ROOT).contains(PERSONAL)).toList();
        assertEquals(List.of(), personal, "the address and the form never reach the log");
        assertTrue(events.stream().anyMatch(e -> e.getLoggerName().endsWith("MalformedRequests")
                || e.getLoggerName().endsWith("ErrorPages")), "the refusals are logged (at INFO)");
    }

    private RawAnswer send(String request) throws IOException {
        return send(request, false);
    }

    /** Sends one request on a new connection and reads the answer; then whether the server closed the connection. */
    private RawAnswer send(String request, boolean head) throws IOException {
        try (Socket socket = new Socket("localhost", server.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            RawAnswer answer = RawAnswer.read(in, head);
            return answer.withClosed(in.read() < 0);
        }
    }

    /** One HTTP/1.1 answer read off the wire: status line, headers, body (by length or chunks). */
    record RawAnswer(String statusLine, Map<String, String> headers, String body, boolean closed) {
        static RawAnswer read(InputStream in, boolean head) throws IOException {
            String statusLine = line(in);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line = line(in); !line.isEmpty(); line = line(in)) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (head) {
                // No body follows a HEAD answer, whatever its headers say.
            } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                for (int size = Integer.parseInt(line(in).strip(), 16); size > 0; size = Integer.parseInt(line(in).strip(), 16)) {
                    body.write(in.readNBytes(size));
                    line(in);
                }
                line(in);
            } else if (headers.containsKey("content-length")) {
                body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
            } else {
                in.transferTo(body);
            }
            return new RawAnswer(statusLine, headers, body.toString(StandardCharsets.UTF_8), false);
        }

        RawAnswer withClosed(boolean closed) {
            return new RawAnswer(statusLine, headers, body, closed);
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("connection closed in the middle of an answer: " + line);
                }
                if (b != '\r') {
                    line.write(b);
                }
            }
            return line.toString(StandardCharsets.ISO_8859_1);
        }

        int status() {
            return Integer.parseInt(statusLine.split(" ")[1]);
        }

        String header(String name) {
            return headers.getOrDefault(name, "");
        }

        Document html() {
            return Jsoup.parse(body);
        }

        String h1() {
            var h1 = html().selectFirst("h1");
            return h1 == null ? null : h1.text();
        }

        String mainText() {
            var main = html().selectFirst("main");
            return main == null ? "" : main.text();
        }
    }
}
