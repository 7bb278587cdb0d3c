package fr.relais.demo;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An acknowledged booking survives a killed process on the embedded H2 default (ADR 0012). Relais runs from its
 * runnable jar, as a library would run it, on a fresh data folder; a visitor books one slot after another on the
 * public pages; the process is killed with SIGKILL right after the last confirmation page (no shutdown hook, no
 * clean close of the database); Relais starts again on the same folder, and every code is looked up on the public
 * "retrouver" page with its first name. Twice: with H2's delayed writes, a kill that happens just after a
 * background write loses nothing, so one burst alone could miss the defect.
 *
 * <p>Needs {@code target/relais-0.1.0-SNAPSHOT.jar}: it runs in {@code mvn verify} (failsafe, after {@code package}).
 * What each started process prints is kept under {@code target/killed-process-it/}.
 */
class KilledProcessIT {
    /** Bookings in each burst, and bursts each ended by a kill: a kill can by chance follow a write to disk. */
    private static final int BOOKINGS = 30;
    private static final int KILLS = 2;
    private static final List<String> SITES = List.of("mediatheque-centre", "bibliotheque-nord");
    /** How long a start may take on a busy machine: a bound on waiting, not a performance check. */
    private static final Duration START_WAIT = Duration.ofMinutes(3);

    record Booking(String firstName, String code) {
    }

    @Test
    void everyAcknowledgedBookingIsFoundAfterTheProcessIsKilled(@TempDir Path dataDir) throws Exception {
        Path jar = Path.of(System.getProperty("relais.jar", "target/relais-0.1.0-SNAPSHOT.jar"));
        assertTrue(Files.isRegularFile(jar), "the runnable jar (mvn package) is missing: " + jar.toAbsolutePath());
        Path logs = Path.of(System.getProperty("relais.it.logs", "target/killed-process-it"));
        Files.createDirectories(logs);

        List<Booking> acknowledged = new ArrayList<>();
        Set<String> lost = new LinkedHashSet<>();
        // Figures are printed for the record (ADR 0012); none is checked against a time.
        for (int run = 1; run <= KILLS + 1; run++) {
            try (Relais relais = Relais.start(jar, dataDir, logs.resolve("run-" + run + ".log"))) {
                Visitor visitor = new Visitor(relais.url);
                if (!acknowledged.isEmpty()) {
                    int missing = 0;
                    for (Booking booking : acknowledged) {
                        if (!visitor.finds(booking)) {
                            missing++;
                            lost.add(booking.code());
                        }
                    }
                    System.out.printf("start %d: %d acknowledged bookings looked up, %d found, %d missing%n",
                            run, acknowledged.size(), acknowledged.size() - missing, missing);
                }
                if (run > KILLS) {
                    break;
                }
                List<String> slots = visitor.freeSlots();
                assertTrue(slots.size() >= BOOKINGS, "the demo sites offer " + slots.size() + " free slots, " + BOOKINGS + " needed");
                long started = System.nanoTime();
                for (int i = 0; i < BOOKINGS; i++) {
                    acknowledged.add(visitor.book(slots.get(i), firstName(acknowledged.size())));
                }
                int exit = relais.kill();
                double perSecond = BOOKINGS * 1e9 / (System.nanoTime() - started);
                // 128 + 9: the JVM got SIGKILL, so neither H2 nor Micronaut had a chance to close anything.
                assertEquals(137, exit, "the process ended by SIGKILL");
                System.out.printf("start %d: %d public bookings acknowledged one after another (form, post, "
                        + "confirmation page: %.1f bookings/s), then SIGKILL%n", run, BOOKINGS, perSecond);
            }
        }
        System.out.printf("Killed %d times (SIGKILL) on the embedded H2 database: %d bookings acknowledged, "
                + "%d found after restart, %d lost%n", KILLS, acknowledged.size(), acknowledged.size() - lost.size(), lost.size());
        assertEquals(List.of(), new ArrayList<>(lost), lost.size() + " of " + acknowledged.size() + " acknowledged bookings lost");
    }

    /** Distinct first names a person could type: "Personne AA", "Personne AB"… */
    private static String firstName(int i) {
        return "Personne " + (char) ('A' + i / 26) + (char) ('A' + i % 26);
    }

    /** Relais started from its jar as a separate JVM, its output in a file. */
    static final class Relais implements AutoCloseable {
        final String url;
        private final Process process;
        private final Path log;

        private Relais(Process process, String url, Path log) {
            this.process = process;
            this.url = url;
            this.log = log;
        }

        static Relais start(Path jar, Path dataDir, Path log) throws IOException, InterruptedException {
            int port = freePort();
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m",
                    "-Dmicronaut.environments=demo",
                    "-Dmicronaut.server.port=" + port,
                    "-Drelais.data-dir=" + dataDir.toAbsolutePath(),
                    // One visitor makes every booking: lift the per-address limits (their own tests prove them).
                    "-Drelais.public-booking.bookings-per-hour=10000",
                    "-Drelais.public-booking.code-checks-per-window=10000",
                    "-jar", jar.toAbsolutePath().toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            // The default database is the point: no URL or environment inherited from whoever runs the build.
            builder.environment().keySet().removeIf(name -> name.startsWith("DATASOURCES_")
                    || name.equals("MICRONAUT_ENVIRONMENTS") || name.equals("RELAIS_DATA_DIR"));
            Relais relais = new Relais(builder.start(), "http://localhost:" + port, log);
            relais.awaitHealthy();
            return relais;
        }

        private void awaitHealthy() throws InterruptedException, IOException {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            long deadline = System.nanoTime() + START_WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new AssertionError("Relais stopped while starting (exit " + process.exitValue() + "), see " + log);
                }
                try {
                    HttpResponse<Void> health = client.send(HttpRequest.newBuilder(URI.create(url + "/health"))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                    if (health.statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(200);
            }
            process.destroyForcibly().waitFor();
            throw new AssertionError("Relais did not answer /health within " + START_WAIT + ", see " + log);
        }

        /** SIGKILL (what {@link Process#destroyForcibly()} sends on Linux); the exit value the JVM reports. */
        int kill() throws InterruptedException {
            process.destroyForcibly();
            return process.waitFor();
        }

        @Override
        public void close() throws InterruptedException {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            }
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0)) {
                socket.setReuseAddress(true);
                return socket.getLocalPort();
            }
        }
    }

    /** An anonymous visitor with a browser's cookie jar, following the public pages' links and forms. */
    static final class Visitor {
        private final String base;
        private final HttpClient http;

        Visitor(String base) {
            this.base = base;
            this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        }

        /** The booking links of every free slot the demo sites show, in page order. */
        List<String> freeSlots() throws IOException, InterruptedException {
            Set<String> links = new LinkedHashSet<>();
            for (String site : SITES) {
                HttpResponse<String> page = get("/bibliotheques/" + site + "/rendez-vous");
                assertEquals(200, page.statusCode(), "slots page of " + site);
                Jsoup.parse(page.body()).select("a.slot-link[href]").eachAttr("href").forEach(links::add);
            }
            return new ArrayList<>(links);
        }

        /** Fills and sends a slot's form; acknowledged means a 303 to a confirmation page that shows the code. */
        Booking book(String slotLink, String firstName) throws IOException, InterruptedException {
            HttpResponse<String> formPage = get(slotLink);
            assertEquals(200, formPage.statusCode(), "booking form " + slotLink);
            Map<String, String> form = new LinkedHashMap<>();
            form.put("csrfToken", csrfToken(formPage));
            form.put("firstName", firstName);
            form.put("phone", "");
            form.put("email", "");
            form.put("themeCode", "EMAIL");
            form.put("scopeCode", "");
            form.put("website", "");
            HttpResponse<String> sent = post(slotLink, form);
            assertEquals(303, sent.statusCode(), () -> "booking " + slotLink + " refused: " + mainText(sent.body()));
            String location = sent.headers().firstValue("Location").orElseThrow();
            HttpResponse<String> confirmation = get(location);
            assertEquals(200, confirmation.statusCode(), "confirmation page " + location);
            Element code = Jsoup.parse(confirmation.body()).selectFirst("main .code");
            assertTrue(code != null && code.text().matches("[0-9A-Z]{3}-[0-9A-Z]{3}"),
                    () -> "no booking code on the confirmation page: " + mainText(confirmation.body()));
            return new Booking(firstName, code.text());
        }

        /** The public "find my appointment" page: code and first name lead to the appointment showing that code. */
        boolean finds(Booking booking) throws IOException, InterruptedException {
            HttpResponse<String> page = get("/rendez-vous/retrouver");
            assertEquals(200, page.statusCode(), "find page");
            HttpResponse<String> sent = post("/rendez-vous/retrouver",
                    Map.of("csrfToken", csrfToken(page), "code", booking.code(), "firstName", booking.firstName()));
            if (sent.statusCode() != 303) {
                // 422 "Aucun rendez-vous ne correspond…" is the lost case; anything else is a fault of its own.
                assertEquals(422, sent.statusCode(), () -> "find " + booking.code() + ": " + mainText(sent.body()));
                return false;
            }
            HttpResponse<String> appointment = get(sent.headers().firstValue("Location").orElseThrow());
            assertEquals(200, appointment.statusCode());
            Element code = Jsoup.parse(appointment.body()).selectFirst("main .code");
            assertTrue(code != null, () -> "the appointment page shows no code: " + mainText(appointment.body()));
            assertEquals(booking.code(), code.text(), "the appointment found is the one booked");
            return true;
        }

        private static String csrfToken(HttpResponse<String> page) {
            Element token = Jsoup.parse(page.body()).selectFirst("main form input[name=csrfToken]");
            assertTrue(token != null && !token.attr("value").isEmpty(), "the form carries its CSRF token");
            return token.attr("value");
        }

        private static String mainText(String body) {
            Document html = Jsoup.parse(body);
            Element main = html.selectFirst("main");
            return main == null ? html.text() : main.text();
        }

        private HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        private HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
            StringJoiner body = new StringJoiner("&");
            form.forEach((k, v) -> body.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(v, StandardCharsets.UTF_8)));
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
