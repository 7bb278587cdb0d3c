package fr.relais.appointment;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.canvas.parser.PdfTextExtractor;
import fr.relais.site.Site;
import fr.relais.site.Sites;
import fr.relais.testing.MutableClock;
import fr.relais.testing.OnBothDatabases;
import fr.relais.testing.TestClient;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the public booking tests share: an anonymous visitor whose per-address limits are raised (they have their
 * own test, {@link PublicRateLimitTest}), the application's clock put back after each test; and, as static
 * helpers, the visitor's answers as a person reads them, raw downloads, the shapes of links and codes.
 */
abstract class PublicBookingBase extends OnBothDatabases {
    static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRENCH);
    /** Where a booking (or finding it again) leads: the appointment's own page, with its key. */
    static final Pattern CONFIRMATION = Pattern.compile("/rendez-vous/(\\d+)\\?cle=([A-Za-z0-9_-]{16,})");
    /** A booking code as shown: three symbols, a dash, three symbols, without look-alikes (no I, L, O, U). */
    static final Pattern CODE = Pattern.compile("\\b([0-9A-HJKMNP-TV-Z]{3}-[0-9A-HJKMNP-TV-Z]{3})\\b");
    static final String TAKEN = "Ce créneau n’est plus disponible";
    static final String NOT_FOUND_MESSAGE = "Aucun rendez-vous ne correspond à ce code et à ce prénom. "
            + "Vérifiez le code sur votre convocation.";
    private static final AtomicInteger SLUGS = new AtomicInteger();

    @Inject
    EmbeddedServer server;
    @Inject
    Sites sites;
    @Inject
    Bookings bookings;
    @Inject
    AppointmentFixtures fixtures;
    @Inject
    AppointmentRepository appointments;
    @Inject
    MutableClock clock;

    /** One visitor for the whole class, without an account. */
    TestClient visitor;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("relais.public-booking.bookings-per-hour", "100000",
                "relais.public-booking.code-checks-per-window", "100000");
    }

    @BeforeAll
    void openBrowser() {
        visitor = TestClient.of(server);
    }

    @AfterAll
    void closeBrowser() {
        visitor.close();
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    /** A slug no other test of the run uses. */
    static String slug(String label) {
        return "pub-" + label + "-" + SLUGS.incrementAndGet();
    }

    static String slotsPage(Site site) {
        return "/bibliotheques/" + site.slug() + "/rendez-vous";
    }

    static String slotPath(Site site, Slot slot) {
        return slotsPage(site) + "/" + slot.key();
    }

    /** What the public form sends: first name, theme, empty optional fields and the empty honeypot. */
    static Map<String, Object> bookingForm(String firstName, String phone, String email) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("firstName", firstName);
        form.put("phone", phone == null ? "" : phone);
        form.put("email", email == null ? "" : email);
        form.put("themeCode", "EMAIL");
        form.put("scopeCode", "");
        form.put("website", "");
        return form;
    }

    /** The appointment id a booking's redirect names. */
    static long bookedId(TestClient.Answer answer) {
        assertEquals(303, answer.status(), () -> "booking refused: " + answer.h1() + " " + answer.texts(".error-summary, .field-error"));
        Matcher m = CONFIRMATION.matcher(answer.location());
        assertTrue(m.matches(), answer.location());
        return Long.parseLong(m.group(1));
    }

    /** The text of the page's main region, as a screen reader would read it. */
    static String mainText(TestClient.Answer answer) {
        var main = answer.html().selectFirst("main");
        return main == null ? answer.html().text() : main.text();
    }

    /** Moves the application's clock so that it is now {@code time} on {@code date} at the site. */
    static void moveTo(MutableClock clock, Site site, LocalDate date, LocalTime time) {
        Instant target = ZonedDateTime.of(date, time, site.zone()).toInstant();
        clock.advance(Duration.between(clock.instant(), target));
    }

    /** A download as bytes (PDF, calendar): status, content type, body. */
    record Download(int status, String contentType, byte[] body) {
        String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    static Download download(EmbeddedServer server, String path) {
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(server.getURL() + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The text of every page of a PDF, as iText extracts it. */
    static String pdfText(byte[] pdf) throws IOException {
        StringBuilder text = new StringBuilder();
        try (PdfDocument document = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
            for (int i = 1; i <= document.getNumberOfPages(); i++) {
                text.append(PdfTextExtractor.getTextFromPage(document.getPage(i))).append('\n');
            }
        }
        return text.toString();
    }

    /** Links of a page whose address starts with {@code prefix}. */
    static List<String> links(TestClient.Answer answer, String prefix) {
        return answer.html().select("main a[href]").eachAttr("href").stream().filter(h -> h.startsWith(prefix)).toList();
    }
}
