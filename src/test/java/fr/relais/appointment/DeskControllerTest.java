package fr.relais.appointment;

import fr.relais.site.Site;
import fr.relais.site.SiteClosure;
import fr.relais.site.Sites;
import fr.relais.staff.StaffRepository;
import fr.relais.testing.OnBothDatabases;
import fr.relais.testing.MutableClock;
import fr.relais.testing.TestClient;
import fr.relais.web.Messages;
import fr.relais.workshop.SessionFixtures;
import fr.relais.workshop.Workshop;
import fr.relais.workshop.WorkshopSession;
import fr.relais.workshop.WorkshopSessions;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The desk, through HTTP, as the demo helpers use it: Sami (aidant.centre) and Jeanne (benevole.centre) at the
 * Médiathèque du Centre, Nour (aidant.nord) at the Bibliothèque Nord.
 * <p>
 * All tests share the demo data of one database, so each one books its own slots: the next Tuesday ({@link #t1})
 * is for the day view and the booking from the desk; the Tuesday after ({@link #t2}) gives one slot time per test;
 * the Thursday and Saturday of those weeks serve the week view, moves, printing and other sites' helpers.
 */
@MicronautTest(environments = "demo", transactional = false)
class DeskControllerTest extends OnBothDatabases {
    static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRENCH);
    static final Pattern DETAIL = Pattern.compile("/bureau/rendez-vous/(\\d+)\\?nouveau=1");
    static final String CODE_SYMBOL = "[0-9A-HJKMNP-TV-Z]";

    @Inject
    EmbeddedServer server;
    @Inject
    Sites sites;
    @Inject
    Slots slots;
    @Inject
    Permanences permanences;
    @Inject
    AppointmentRepository appointments;
    @Inject
    StaffRepository staff;
    @Inject
    MutableClock clock;
    @Inject
    Messages messages;
    @Inject
    javax.sql.DataSource dataSource;
    @Inject
    SessionFixtures workshops;
    @Inject
    WorkshopSessions workshopSessions;

    TestClient sami;
    TestClient jeanne;
    TestClient nour;
    Site centre;
    Site nord;
    long samiId;
    long jeanneId;
    /** The next Tuesday after today, and the one after it. */
    LocalDate t1;
    LocalDate t2;

    @BeforeAll
    void signIn() {
        signInBrowsers();
        centre = sites.bySlug("mediatheque-centre").orElseThrow();
        nord = sites.bySlug("bibliotheque-nord").orElseThrow();
        samiId = staff.findByEmail("aidant.centre@relais.demo").orElseThrow().id();
        jeanneId = staff.findByEmail("benevole.centre@relais.demo").orElseThrow().id();
        t1 = sites.today(centre).with(TemporalAdjusters.next(DayOfWeek.TUESDAY));
        t2 = t1.plusDays(7);
    }

    private void signInBrowsers() {
        sami = TestClient.of(server).loginDemo("aidant.centre@relais.demo");
        jeanne = TestClient.of(server).loginDemo("benevole.centre@relais.demo");
        nour = TestClient.of(server).loginDemo("aidant.nord@relais.demo");
    }

    @AfterAll
    void closeBrowsers() {
        sami.close();
        jeanne.close();
        nour.close();
    }

    /** Whether the test moved the app's clock: signing in then ends every session idle for 30 minutes of it. */
    private boolean travelled;

    @AfterEach
    void backToNow() {
        clock.reset();
        if (travelled) {
            travelled = false;
            closeBrowsers();
            signInBrowsers();
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private String msg(String key, Object... args) {
        return messages.get(Locale.FRENCH, key, args);
    }

    private Slot slot(Site site, LocalDate day, int hour, int minute) {
        return slots.between(site, day, day).stream().filter(s -> s.time().equals(LocalTime.of(hour, minute)))
                .findFirst().orElseThrow(() -> new AssertionError("no slot at " + day + " " + hour + ":" + minute));
    }

    private Slot centreSlot(LocalDate day, int hour, int minute) {
        return slot(centre, day, hour, minute);
    }

    private String bookPath(Slot slot) {
        return "/bureau/" + slot.siteId() + "/reserver/" + slot.key();
    }

    private String dayPath(LocalDate day) {
        return "/bureau/" + centre.id() + "/jour/" + day;
    }

    private static Map<String, Object> form(String firstName) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("firstName", firstName);
        form.put("phone", "");
        form.put("email", "");
        form.put("themeCode", "EMAIL");
        form.put("scopeCode", "");
        form.put("helperNote", "");
        return form;
    }

    /** Books a slot from the desk and returns the new appointment's id. */
    private long book(TestClient browser, Slot slot, String firstName) {
        TestClient.Answer answer = browser.post(bookPath(slot), form(firstName));
        assertEquals(303, answer.status(), answer.body());
        Matcher m = DETAIL.matcher(answer.location());
        assertTrue(m.matches(), answer.location());
        return Long.parseLong(m.group(1));
    }

    private Appointment appointment(long id) {
        return appointments.findById(id).orElseThrow();
    }

    /** The day view's row of one slot time ("14 h 00"). */
    private static Element row(Document day, String time) {
        for (Element tr : day.select("table.desk tbody tr")) {
            if (tr.selectFirst("th").text().equals(time)) {
                return tr;
            }
        }
        throw new AssertionError("no row " + time + " in " + day.select("table.desk").text());
    }

    /** The seat of the day view holding this appointment. */
    private static Element seatOf(Document day, long appointmentId) {
        Element link = day.selectFirst("li.seat a[href=/bureau/rendez-vous/" + appointmentId + "]");
        assertNotNull(link, "appointment " + appointmentId + " not shown in the day view");
        return link.closest("li.seat");
    }

    private static long freeSeats(Element row) {
        return row.select("li.seat span.free").size();
    }

    /** Moves the app's clock to a given instant (tests reset it afterwards). */
    private void travelTo(Instant when) {
        travelled = true;
        clock.advance(Duration.between(clock.instant(), when));
    }

    /** Sessions end after 30 idle minutes of the app's clock: after a jump in time, sign in again. */
    private TestClient signInAgain(String email) {
        return TestClient.of(server).loginDemo(email);
    }

    /** The lines of what-to-bring.csv for these codes, in the file's order. */
    private static List<String> whatToBring(String... codes) throws IOException {
        List<String> wanted = List.of(codes);
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                DeskControllerTest.class.getResourceAsStream("/reference/what-to-bring.csv"), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                int comma = line.indexOf(',');
                if (comma < 0) {
                    continue;
                }
                String code = line.substring(0, comma);
                String text = line.substring(comma + 1);
                if (text.startsWith("\"") && text.endsWith("\"")) {
                    text = text.substring(1, text.length() - 1).replace("\"\"", "\"");
                }
                if (wanted.contains(code)) {
                    lines.add(text);
                }
            }
        }
        return lines;
    }

    // ---- the day view --------------------------------------------------------------------------------------

    @Test
    void theHomePageOfAHelperIsTodaysDesk() {
        LocalDate today = sites.today(centre);
        TestClient.Answer home = sami.get("/accueil");
        assertEquals(200, home.status(), home.body());
        assertEquals("Mon bureau du jour", home.h1());
        String lead = home.html().selectFirst("p.lead").text();
        assertTrue(lead.contains("Médiathèque du Centre"), lead);
        assertTrue(lead.contains(LONG_DATE.format(today)), lead);

        TestClient.Answer desk = sami.get("/bureau");
        assertEquals(303, desk.status());
        assertEquals("/bureau/" + centre.id() + "/jour/" + today, desk.location());
        assertEquals("Mon bureau du jour", sami.get(desk.location()).h1());
    }

    @Test
    void theDayNavigationGoesFromDayToDayAndToTheWeek() {
        LocalDate today = sites.today(centre);
        Document home = sami.get("/accueil").html();
        Element previous = home.selectFirst("nav.day-nav a:containsOwn(Jour précédent)");
        Element next = home.selectFirst("nav.day-nav a:containsOwn(Jour suivant)");
        Element week = home.selectFirst("nav.day-nav a:containsOwn(Ma semaine)");
        assertNotNull(previous);
        assertNotNull(next);
        assertNotNull(week);
        assertNull(home.selectFirst("nav.day-nav a:containsOwn(Aujourd’hui)"), "today needs no link to today");

        assertEquals(dayPath(today.minusDays(1)), previous.attr("href"));
        TestClient.Answer yesterday = sami.get(previous.attr("href"));
        assertEquals(200, yesterday.status());
        assertEquals("Le bureau du jour", yesterday.h1());
        assertTrue(yesterday.html().selectFirst("p.lead").text().contains(LONG_DATE.format(today.minusDays(1))));
        Element backToToday = yesterday.html().selectFirst("nav.day-nav a:containsOwn(Aujourd’hui)");
        assertNotNull(backToToday);
        assertEquals(dayPath(today), backToToday.attr("href"));

        assertEquals(dayPath(today.plusDays(1)), next.attr("href"));
        TestClient.Answer tomorrow = sami.get(next.attr("href"));
        assertEquals(200, tomorrow.status());
        assertTrue(tomorrow.html().selectFirst("p.lead").text().contains(LONG_DATE.format(today.plusDays(1))));
        Element dayAfter = tomorrow.html().selectFirst("nav.day-nav a:containsOwn(Jour suivant)");
        assertEquals(dayPath(today.plusDays(2)), dayAfter.attr("href"));

        TestClient.Answer thisWeek = sami.get(week.attr("href"));
        assertEquals(200, thisWeek.status(), thisWeek.body());
        assertEquals("Ma semaine", thisWeek.h1());
        LocalDate monday = today.with(DayOfWeek.MONDAY);
        String intro = thisWeek.html().selectFirst("p.lead").text();
        assertTrue(intro.contains(LONG_DATE.format(monday)) && intro.contains(LONG_DATE.format(monday.plusDays(6))), intro);
        Element nextWeek = thisWeek.html().selectFirst("nav.day-nav a:containsOwn(Semaine suivante)");
        assertTrue(nextWeek.attr("href").startsWith("/bureau/" + centre.id() + "/semaine/" + monday.plusWeeks(1)),
                nextWeek.attr("href"));
        assertEquals(200, sami.get(nextWeek.attr("href")).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/jour/2026-13-45", "/jour/abc", "/jour/2026-02-30", "/jour/26-03-03", "/jour/+999999999-12-31",
            "/jour/-999999999-01-01", "/semaine/abc", "/semaine/2026-13-45", "/semaine/+999999999-12-31",
            "/jour/abc/impression", "/jour/2026-13-45/impression"})
    void aDateThatIsNotADateIsNotFound(String path) {
        TestClient.Answer answer = sami.get("/bureau/" + centre.id() + path);
        assertEquals(404, answer.status(), path + ": " + answer.body());
        assertEquals(msg("error.404.title"), answer.h1());
    }

    @Test
    void aTuesdayListsTheSlotsOfThePermanenceWithASeatPerHelper() {
        TestClient.Answer answer = sami.get(dayPath(t1));
        assertEquals(200, answer.status(), answer.body());
        Document day = answer.html();
        assertEquals("Le bureau du jour", day.selectFirst("h1").text());
        assertTrue(day.selectFirst("p.lead").text().contains(LONG_DATE.format(t1)));
        assertEquals(List.of("14 h 00", "14 h 30", "15 h 00", "15 h 30", "16 h 00", "16 h 30"),
                answer.texts("table.desk tbody tr th"));
        for (Element tr : day.select("table.desk tbody tr")) {
            List<Element> seats = tr.select("li.seat");
            assertEquals(2, seats.size(), tr.text());
            assertTrue(seats.get(0).text().contains("avec Sami"), seats.get(0).text());
            assertTrue(seats.get(1).text().contains("avec Jeanne"), seats.get(1).text());
        }
        Element bookLink = day.selectFirst("a:containsOwn(Réserver le créneau de 14 h 00)");
        assertNotNull(bookLink, "a link to book the 14:00 slot");
        assertEquals(bookPath(centreSlot(t1, 14, 0)), bookLink.attr("href"));
    }

    // ---- booking at the desk -------------------------------------------------------------------------------

    @Test
    void aHelperBooksASlotForSomeoneAtTheDeskAndGetsTheSlip() throws IOException {
        Slot slot = centreSlot(t1, 14, 0);
        assertEquals(2, slot.free(), "the 14:00 slot of the next Tuesday is this test's");
        long before = appointments.count();

        TestClient.Answer formPage = sami.get(bookPath(slot));
        assertEquals(200, formPage.status(), formPage.body());
        assertEquals("Réserver un rendez-vous", formPage.h1());
        String lead = formPage.html().selectFirst("p.lead").text();
        assertTrue(lead.contains(LONG_DATE.format(t1)) && lead.contains("14 h 00"), lead);
        assertNotNull(formPage.html().selectFirst("form[action=" + bookPath(slot) + "] select[name=themeCode]"));

        Map<String, Object> form = form("Mme D.");
        form.put("phone", "06 12 34 56 78");
        TestClient.Answer booked = sami.post(bookPath(slot), form);
        assertEquals(303, booked.status(), booked.body());
        Matcher m = DETAIL.matcher(booked.location());
        assertTrue(m.matches(), booked.location());
        long id = Long.parseLong(m.group(1));
        assertEquals(before + 1, appointments.count());

        Appointment saved = appointment(id);
        assertEquals(AppointmentStatus.BOOKED, saved.status());
        assertEquals("Mme D.", saved.firstName());
        assertEquals("+33612345678", saved.phone(), "the phone is kept in one form (E.164)");
        assertNull(saved.email());
        assertEquals("EMAIL", saved.themeCode());
        assertEquals(Short.valueOf((short) 1), saved.seat());
        assertEquals(samiId, saved.helperId(), "seat 1 is Sami's");
        assertEquals(samiId, saved.bookedBy());

        TestClient.Answer detail = sami.get(booked.location());
        assertEquals(200, detail.status(), detail.body());
        Document page = detail.html();
        String summary = page.selectFirst("dl.summary").text();
        assertTrue(summary.contains(LONG_DATE.format(t1)), summary);
        assertTrue(summary.contains("14 h 00"), summary);
        assertTrue(summary.contains("Mme D."), summary);
        assertTrue(summary.contains("Courriel (e-mail)"), summary);
        assertTrue(summary.contains("Sami"), summary);
        assertTrue(page.selectFirst("p.flash").text().contains("Mme D."));
        String code = page.selectFirst("dd.code").text();
        assertTrue(code.matches(CODE_SYMBOL + "{3}-" + CODE_SYMBOL + "{3}"), code);
        assertEquals(code.replace("-", ""), saved.code());
        assertEquals(whatToBring("ANY", "EMAIL"), detail.texts("h2:containsOwn(À apporter) + ul > li"));
        assertEquals(3, whatToBring("ANY", "EMAIL").size());
        assertNotNull(page.selectFirst("a[href=/bureau/rendez-vous/" + id + "/convocation.pdf?format=A4]"), "A4 slip");
        assertNotNull(page.selectFirst("a[href=/bureau/rendez-vous/" + id + "/convocation.pdf?format=TICKET]"), "ticket slip");
        // The page shows the person's phone: the journal says who opened it, without the phone or the name.
        assertEquals(List.of("PERSONAL_DATA_OPENED " + samiId + " null"), journalOf("rendez-vous:" + id));

        Document day = sami.get(dayPath(t1)).html();
        Element fourteen = row(day, "14 h 00");
        assertTrue(fourteen.text().contains("Mme D."), fourteen.text());
        assertEquals(1, freeSeats(fourteen), "one seat left");
        assertTrue(seatOf(day, id).text().contains("à venir"));
        assertNotNull(fourteen.selectFirst("a:containsOwn(Réserver le créneau de 14 h 00)"), "the other seat is still bookable");
        assertEquals(2, freeSeats(row(day, "14 h 30")));
    }

    static Stream<Arguments> badInput() {
        String nir = "Rappeler, NIR 1 85 05 78 006 084 91";
        return Stream.of(
                Arguments.of("firstName", "", "firstName", "error.required"),
                Arguments.of("firstName", "   ", "firstName", "error.required"),
                Arguments.of("firstName", "M".repeat(41), "firstName", "error.tooLong"),
                Arguments.of("phone", "12", "phone", "error.phone"),
                Arguments.of("phone", "04 72 OO OO OO", "phone", "error.phone"),
                Arguments.of("email", "x@", "email", "error.email"),
                Arguments.of("themeCode", "", "themeCode", "error.theme.required"),
                Arguments.of("themeCode", "NOPE", "themeCode", "error.choice"),
                Arguments.of("themeCode", "ADMIN_PROCEDURES", "scopeCode", "error.scope.required"),
                Arguments.of("scopeCode", "PAPERS", "scopeCode", "error.scope.notAllowed"),
                Arguments.of("scopeCode", "NOPE", "scopeCode", "error.choice"),
                Arguments.of("helperNote", "mdp: soleil", "helperNote", "error.sensitive"),
                Arguments.of("helperNote", nir, "helperNote", "error.sensitive"),
                Arguments.of("helperNote", "x".repeat(301), "helperNote", "error.tooLong"));
    }

    @ParameterizedTest(name = "{0} = \"{1}\" → {3} on {2}")
    @MethodSource("badInput")
    void badInputIsRefusedNextToItsFieldAndNothingIsSaved(String field, String value, String errorField, String key) {
        Slot slot = centreSlot(t2, 16, 30);
        Map<String, Object> form = form("Mme E.");
        form.put("phone", "06 12 34 56 78");
        form.put("email", "mme.e@exemple.fr");
        form.put("helperNote", "Première visite");
        form.put(field, value);
        long before = appointments.count();

        TestClient.Answer answer = sami.post(bookPath(slot), form);
        assertEquals(422, answer.status(), answer.body());
        assertEquals("Réserver un rendez-vous", answer.h1());
        Object max = key.equals("error.tooLong") ? (field.equals("firstName") ? 40 : 300) : null;
        assertEquals(msg(key, max), answer.fieldMessage(errorField));
        assertTrue(answer.fieldError(errorField).startsWith(msg("form.error.prefix") + " "), "a screen reader hears first that it is an error");
        assertEquals(1, answer.html().select(".field-error").size(), "only " + errorField + " is wrong: " + answer.texts(".field-error"));
        assertNotNull(answer.html().selectFirst(".error-summary"));
        if (key.equals("error.sensitive")) {
            assertEquals("Ne notez ni identifiant, ni mot de passe, ni numéro de sécurité sociale ou bancaire.", msg(key));
        }
        if (key.equals("error.scope.required")) {
            assertEquals("Choisissez la démarche concernée.", msg(key));
        }

        // What was typed comes back, so nothing has to be typed again.
        assertEquals(form.get("firstName"), answer.fieldValue("firstName"));
        assertEquals(form.get("phone"), answer.fieldValue("phone"));
        assertEquals(form.get("email"), answer.fieldValue("email"));
        assertEquals(form.get("helperNote"), answer.fieldValue("helperNote"));
        Element theme = answer.html().selectFirst("#f-themeCode option[selected]");
        if (field.equals("themeCode") && (value.isEmpty() || value.equals("NOPE"))) {
            assertNull(theme, "no reason of the list was chosen");
        } else {
            assertNotNull(theme);
            assertEquals(form.get("themeCode"), theme.attr("value"));
        }
        Element scope = answer.html().selectFirst("#f-scopeCode option[selected]");
        if (field.equals("scopeCode") && !value.equals("NOPE")) {
            assertNotNull(scope);
            assertEquals(value, scope.attr("value"));
        }
        assertEquals(before, appointments.count(), "nothing saved");
    }

    @Test
    void theTypedValuesComeBackAsTyped() {
        Slot slot = centreSlot(t2, 16, 30);
        Map<String, Object> form = form("");
        form.put("phone", "+33 6 12 34 56 78");
        form.put("email", "Mme.E@Exemple.fr");
        form.put("themeCode", "ADMIN_PROCEDURES");
        form.put("scopeCode", "HOUSING");
        form.put("helperNote", "Dossier « logement » <urgent> & simple");
        TestClient.Answer answer = sami.post(bookPath(slot), form);
        assertEquals(422, answer.status());
        assertEquals("+33 6 12 34 56 78", answer.fieldValue("phone"));
        assertEquals("Mme.E@Exemple.fr", answer.fieldValue("email"));
        assertEquals("Dossier « logement » <urgent> & simple", answer.fieldValue("helperNote"));
        assertEquals("ADMIN_PROCEDURES", answer.html().selectFirst("#f-themeCode option[selected]").attr("value"));
        assertEquals("HOUSING", answer.html().selectFirst("#f-scopeCode option[selected]").attr("value"));
        assertFalse(answer.body().contains("<urgent>"), "typed text is escaped");
    }

    @Test
    void aSlotKeyEditedByHandIsNotFound() {
        Slot real = centreSlot(t2, 16, 30);
        Slot elsewhere = slot(nord, t2, 14, 0);
        String permanence = String.valueOf(real.permanenceId());
        String date = t2.toString().replace("-", "");
        List<String> keys = List.of("abc", permanence + "-" + date + "-1415", permanence + "-" + date + "-1700",
                permanence + "-" + date + "-2599", permanence + "-20261345-1400",
                permanence + "-" + t2.plusDays(1).toString().replace("-", "") + "-1400",
                "999999999-" + date + "-1400", elsewhere.key(), real.key() + "0", "-" + real.key());
        long before = appointments.count();
        for (String key : keys) {
            String path = "/bureau/" + centre.id() + "/reserver/" + key;
            TestClient.Answer get = sami.get(path);
            assertEquals(404, get.status(), key + ": " + get.body());
            assertEquals(msg("error.404.title"), get.h1());
            TestClient.Answer post = sami.post(path, form("Mme K."));
            assertEquals(404, post.status(), key + ": " + post.body());
            assertEquals(msg("error.404.title"), post.h1());
        }
        assertEquals(before, appointments.count(), "nothing saved");
        // The other site's slot is real, at its own site, but a centre helper cannot book there.
        assertEquals(404, sami.post(bookPath(elsewhere), form("Mme K.")).status());
        assertEquals(before, appointments.count());
    }

    @Test
    void aPastSlotCannotBeBooked() {
        Slot slot = centreSlot(t2, 16, 0);
        long before = appointments.count();
        travelTo(slot.startsAt().plusSeconds(60));
        try (TestClient late = signInAgain("aidant.centre@relais.demo")) {
            Element row = row(late.get(dayPath(t2)).html(), "16 h 00");
            assertNull(row.selectFirst("a:containsOwn(Réserver le créneau)"), "a past slot offers no booking: " + row);

            TestClient.Answer oldLink = late.get(bookPath(slot));
            assertEquals(409, oldLink.status(), "an old link says so before the form is typed");
            assertEquals("Ce créneau n’est plus disponible", oldLink.h1());
            assertEquals(msg("booking.taken.past"), oldLink.html().selectFirst("p.lead").text());

            TestClient.Answer answer = late.post(bookPath(slot), form("Mme P."));
            assertEquals(409, answer.status(), answer.body());
            assertEquals("Ce créneau n’est plus disponible", answer.h1());
            assertEquals(msg("booking.taken.past"), answer.html().selectFirst("p.lead").text());
            assertEquals(before, appointments.count(), "nothing saved");
        }
    }

    @Test
    void aClosedDayHasNoSlotsAndItsSlotsCannotBeBooked() {
        // A Tuesday to come that no other closure covers (the demo data close the centre for a week in three weeks).
        LocalDate tuesday = t1.plusDays(14);
        while (!sites.closuresBetween(centre, tuesday, tuesday).isEmpty()) {
            tuesday = tuesday.plusDays(7);
        }
        Slot slot = centreSlot(tuesday, 14, 0);
        assertEquals(200, sami.get(bookPath(slot)).status(), "open before the closure");
        SiteClosure closure = sites.addClosure(new SiteClosure(null, centre.id(), tuesday, tuesday, "Formation de l'équipe"));
        long before = appointments.count();
        try {
            TestClient.Answer answer = sami.get(dayPath(tuesday));
            assertEquals(200, answer.status());
            Document day = answer.html();
            assertTrue(day.select("table.desk").isEmpty(), "no slots listed");
            assertTrue(day.text().contains(msg("desk.day.noSlots")));
            assertEquals(msg("desk.day.closed", "Formation de l'équipe"), day.selectFirst("p.notice").text());
            assertEquals(404, sami.get(bookPath(slot)).status());
            assertEquals(404, sami.post(bookPath(slot), form("Mme F.")).status());
            assertEquals(before, appointments.count(), "nothing saved");
        } finally {
            sites.removeClosure(centre, closure.id());
        }
    }

    // ---- after the appointment -----------------------------------------------------------------------------

    @Test
    void marksHonouredOrAbsentFromTheDayView() {
        Slot slot = centreSlot(t2, 14, 0);
        long came = book(sami, slot, "Mme H.");
        long away = book(sami, slot, "M. A.");
        Document before = sami.get(dayPath(t2)).html();
        assertNotNull(seatOf(before, came).selectFirst("button[name=status][value=DONE]:containsOwn(Honoré (Mme H.))"));
        assertNotNull(seatOf(before, away).selectFirst("button[name=status][value=NO_SHOW]:containsOwn(Absent·e (M. A.))"));

        TestClient.Answer done = sami.post("/bureau/rendez-vous/" + came + "/statut", Map.of("status", "DONE"));
        assertEquals(303, done.status(), done.body());
        // Honoured: the accompaniment log opens, prefilled from the appointment.
        assertEquals("/accompagnements/" + centre.id() + "/rendez-vous/" + came, done.location());
        TestClient.Answer noShow = sami.post("/bureau/rendez-vous/" + away + "/statut", Map.of("status", "NO_SHOW"));
        assertEquals(303, noShow.status(), noShow.body());
        assertTrue(noShow.location().startsWith(dayPath(t2)), noShow.location());

        assertEquals(AppointmentStatus.DONE, appointment(came).status());
        assertEquals(AppointmentStatus.NO_SHOW, appointment(away).status());
        Document day = sami.get(noShow.location()).html();
        assertEquals("honoré", seatOf(day, came).selectFirst(".status").text());
        assertEquals("absent·e", seatOf(day, away).selectFirst(".status").text());
        assertNull(seatOf(day, came).selectFirst("button"), "nothing left to mark");
        assertEquals(0, freeSeats(row(day, "14 h 00")), "an honoured appointment keeps its seat");

        assertEquals(404, sami.post("/bureau/rendez-vous/" + came + "/statut", Map.of("status", "CANCELLED_BY_SITE")).status());
        assertEquals(404, sami.post("/bureau/rendez-vous/" + came + "/statut", Map.of()).status());
        assertEquals(AppointmentStatus.DONE, appointment(came).status());
    }

    @Test
    void aPastAppointmentStillBookedIsToBeFilledIn() {
        Slot slot = centreSlot(t2, 15, 0);
        long id = book(sami, slot, "Mme R.");
        assertEquals("à venir", seatOf(sami.get(dayPath(t2)).html(), id).selectFirst(".status").text());
        travelTo(slot.startsAt().plusSeconds(5 * 60));
        try (TestClient later = signInAgain("aidant.centre@relais.demo")) {
            Document day = later.get(dayPath(t2)).html();
            Element seat = seatOf(day, id);
            assertEquals("à renseigner", seat.selectFirst(".status").text());
            assertNotNull(seat.selectFirst("button[value=DONE]"), "still to be marked");
            assertTrue(later.get("/bureau/rendez-vous/" + id).html().selectFirst("dl.summary").text().contains("à renseigner"));
        }
    }

    @Test
    void theSiteCancelsWithAReasonAndTheSeatIsFreeAgain() {
        Slot slot = centreSlot(t2, 14, 30);
        long id = book(sami, slot, "Mme C.");
        short seat = appointment(id).seat();

        TestClient.Answer formPage = sami.get("/bureau/rendez-vous/" + id + "/annulation");
        assertEquals(200, formPage.status(), formPage.body());
        assertEquals("Annuler le rendez-vous", formPage.h1());

        TestClient.Answer noReason = sami.post("/bureau/rendez-vous/" + id + "/annulation", Map.of("reason", "  "));
        assertEquals(422, noReason.status(), noReason.body());
        assertEquals(msg("error.cancel.reason"), noReason.fieldMessage("reason"));
        assertEquals("Indiquez le motif de l’annulation.", msg("error.cancel.reason"));
        assertEquals(AppointmentStatus.BOOKED, appointment(id).status(), "nothing changed");

        TestClient.Answer sensitive = sami.post("/bureau/rendez-vous/" + id + "/annulation", Map.of("reason", "mdp: soleil"));
        assertEquals(422, sensitive.status());
        assertEquals(msg("error.sensitive"), sensitive.fieldMessage("reason"));
        assertEquals("mdp: soleil", sensitive.fieldValue("reason"));

        TestClient.Answer cancelled = sami.post("/bureau/rendez-vous/" + id + "/annulation", Map.of("reason", "Aidant malade"));
        assertEquals(303, cancelled.status(), cancelled.body());
        Appointment row = appointment(id);
        assertEquals(AppointmentStatus.CANCELLED_BY_SITE, row.status());
        assertNull(row.seat(), "a cancelled appointment holds no seat");
        assertEquals("Aidant malade", row.cancelReason());

        Document day = sami.get(dayPath(t2)).html();
        Element heading = day.selectFirst("h2:containsOwn(Rendez-vous annulés)");
        assertNotNull(heading, "the day lists cancelled appointments");
        String listed = heading.nextElementSibling().text();
        assertTrue(listed.contains("14 h 30 — Mme C. — annulé par la bibliothèque (Aidant malade)"), listed);
        assertFalse(row(day, "14 h 30").text().contains("Mme C."), "no longer in its seat");

        long again = book(jeanne, slot, "M. G.");
        assertEquals(Short.valueOf(seat), appointment(again).seat(), "the freed seat is booked again");
        assertEquals(404, sami.get("/bureau/rendez-vous/" + id + "/annulation").status(), "cancelled once");
        assertEquals(404, sami.post("/bureau/rendez-vous/" + id + "/statut", Map.of("status", "DONE")).status());
        assertEquals(AppointmentStatus.CANCELLED_BY_SITE, appointment(id).status());
    }

    @Test
    void anAppointmentMovesToAnotherFreeSlotAndKeepsItsCode() {
        Slot from = centreSlot(t2, 15, 30);
        LocalDate thursday = t2.plusDays(2);
        Slot to = centreSlot(thursday, 10, 30);
        Slot full = centreSlot(thursday, 11, 0);
        long id = book(sami, from, "Mme M.");
        long blocker = book(sami, full, "M. B.");
        String code = appointment(id).code();
        long before = appointments.count();

        TestClient.Answer page = sami.get("/bureau/rendez-vous/" + id + "/deplacement");
        assertEquals(200, page.status(), page.body());
        assertEquals("Déplacer le rendez-vous", page.h1());
        Document move = page.html();
        assertNotNull(move.selectFirst("input[type=radio][name=slot][value=" + to.key() + "]"), "a free slot is offered");
        assertNull(move.selectFirst("input[name=slot][value=" + full.key() + "]"), "a full slot is not offered");
        assertTrue(move.select("fieldset legend").eachText().contains(LONG_DATE.format(thursday)));

        TestClient.Answer fullForm = sami.get(bookPath(full));
        assertEquals(409, fullForm.status(), "booking a full slot from an old link");
        assertEquals(msg("booking.taken.full"), fullForm.html().selectFirst("p.lead").text());
        assertNotNull(fullForm.html().selectFirst("ul.slot-list a[href^=/bureau/" + centre.id() + "/reserver/]"),
                "the next free slots are offered");

        TestClient.Answer none = sami.post("/bureau/rendez-vous/" + id + "/deplacement", Map.of());
        assertEquals(422, none.status(), none.body());
        assertEquals(msg("error.slot.choose"), none.fieldMessage("slot"));

        TestClient.Answer taken = sami.post("/bureau/rendez-vous/" + id + "/deplacement", Map.of("slot", full.key()));
        assertEquals(409, taken.status(), taken.body());
        assertEquals("Ce créneau vient d’être pris. Choisissez-en un autre.", taken.fieldMessage("slot"));
        assertEquals(from.time(), appointment(id).slotTime(), "not moved");

        TestClient.Answer moved = sami.post("/bureau/rendez-vous/" + id + "/deplacement", Map.of("slot", to.key()));
        assertEquals(303, moved.status(), moved.body());
        assertEquals("/bureau/rendez-vous/" + id + "?nouveau=1", moved.location());
        Appointment after = appointment(id);
        assertEquals(code, after.code(), "the code stays the same");
        assertEquals(thursday, after.slotDate());
        assertEquals(LocalTime.of(10, 30), after.slotTime());
        assertEquals(to.startsAt(), after.startsAt());
        assertEquals(samiId, after.helperId());
        assertEquals(before, appointments.count(), "moved, not copied");

        TestClient.Answer detail = sami.get(moved.location());
        String summary = detail.html().selectFirst("dl.summary").text();
        assertTrue(summary.contains(LONG_DATE.format(thursday) + ", 10 h 30"), summary);
        assertEquals(BookingCodes.display(code), detail.html().selectFirst("dd.code").text());
        assertNotNull(detail.html().selectFirst("a[href$=convocation.pdf?format=A4]"), "a new slip is offered");

        assertEquals(2, freeSeats(row(sami.get(dayPath(t2)).html(), "15 h 30")), "the old seat is free");
        assertEquals(AppointmentStatus.BOOKED, appointment(blocker).status());
    }

    @Test
    void aMoveToAPastOrEditedSlotIsRefused() {
        LocalDate saturday = t1.plusDays(4);
        Slot past = centreSlot(saturday, 10, 0);
        long id = book(sami, centreSlot(saturday, 11, 0), "Mme V.");
        String path = "/bureau/rendez-vous/" + id + "/deplacement";
        String permanence = String.valueOf(past.permanenceId());
        String date = saturday.toString().replace("-", "");
        for (String key : List.of(permanence + "-" + date + "-1015", "999999999-" + date + "-1000",
                slot(nord, saturday, 10, 0).key())) {
            TestClient.Answer edited = sami.post(path, Map.of("slot", key));
            assertEquals(404, edited.status(), key + ": " + edited.body());
        }
        TestClient.Answer garbage = sami.post(path, Map.of("slot", "abc"));
        assertEquals(422, garbage.status());
        assertEquals(msg("error.slot.choose"), garbage.fieldMessage("slot"));

        travelTo(past.startsAt().plusSeconds(60));
        try (TestClient late = signInAgain("aidant.centre@relais.demo")) {
            assertNull(late.get(path).html().selectFirst("input[name=slot][value=" + past.key() + "]"),
                    "a past slot is not offered");
            TestClient.Answer answer = late.post(path, Map.of("slot", past.key()));
            assertEquals(409, answer.status(), answer.body());
            assertEquals("Ce créneau est déjà passé. Choisissez-en un autre.", answer.fieldMessage("slot"));
        }
        Appointment unchanged = appointment(id);
        assertEquals(LocalTime.of(11, 0), unchanged.slotTime());
        assertEquals(AppointmentStatus.BOOKED, unchanged.status());
    }

    // ---- the week and the printed list ---------------------------------------------------------------------

    @Test
    void theWeekViewShowsAHelpersAppointmentsAndFreeSlots() {
        LocalDate thursday = t1.plusDays(2);
        LocalDate monday = thursday.with(DayOfWeek.MONDAY);
        String path = "/bureau/" + centre.id() + "/semaine/" + thursday;
        Document before = sami.get(path).html();
        String freeBefore = daySection(before, thursday).selectFirst("p:containsOwn(Créneaux encore libres)").text();
        assertEquals(msg("desk.week.free", 4), freeBefore, "Thursday 10:00–12:00, four slots");

        long id = book(sami, centreSlot(thursday, 10, 0), "Mme W.");
        TestClient.Answer answer = sami.get(path);
        assertEquals(200, answer.status(), answer.body());
        Document week = answer.html();
        assertEquals("Ma semaine", week.selectFirst("h1").text());
        String intro = week.selectFirst("p.lead").text();
        assertTrue(intro.startsWith("Sami, Médiathèque du Centre"), intro);
        assertTrue(intro.contains(LONG_DATE.format(monday)), intro);
        Element day = daySection(week, thursday);
        assertTrue(day.text().contains("10 h 00 — Mme W. — Courriel (e-mail) — à venir"), day.text());
        assertNotNull(day.selectFirst("a[href=/bureau/rendez-vous/" + id + "]"));
        assertEquals(msg("desk.week.free", 3), day.selectFirst("p:containsOwn(Créneaux encore libres)").text());
        assertNull(daySection(week, thursday.plusDays(2)).selectFirst("p:containsOwn(Créneaux encore libres)"),
                "Sami is not on duty on Saturdays");

        // The helper switch: Jeanne's week, from the form and from the address.
        Element switcher = week.selectFirst("form select[name=aidant]");
        assertNotNull(switcher, "a site with two helpers offers the switch");
        assertEquals(List.of("Jeanne", "Sami"), switcher.select("option").eachText().stream().sorted().toList());
        assertEquals("/bureau/" + centre.id() + "/semaine/" + monday, switcher.closest("form").attr("action"),
                "the switch stays on the same week");
        TestClient.Answer jeannes = sami.get(path + "?aidant=" + jeanneId);
        assertEquals(200, jeannes.status(), jeannes.body());
        Document other = jeannes.html();
        assertTrue(other.selectFirst("p.lead").text().startsWith("Jeanne, "), other.selectFirst("p.lead").text());
        assertFalse(other.text().contains("Mme W."), "Sami's appointment is not in Jeanne's week");
        assertEquals(msg("desk.week.none"), daySection(other, thursday).selectFirst("p.muted").text());
        assertNotNull(daySection(other, thursday.plusDays(2)).selectFirst("p:containsOwn(Créneaux encore libres)"),
                "Jeanne is on duty on Saturdays");
        assertEquals(String.valueOf(jeanneId), other.selectFirst("select[name=aidant] option[selected]").attr("value"));
        assertTrue(other.selectFirst("nav.day-nav a:containsOwn(Semaine suivante)").attr("href").endsWith("?aidant=" + jeanneId));
    }

    @Test
    void slotsAlreadyPastAreNotCountedAsStillFreeInTheWeek() {
        LocalDate thursday = t1.plusDays(2);
        Slot last = centreSlot(thursday, 11, 30);
        travelTo(last.endsAt().plusSeconds(60));
        try (TestClient later = signInAgain("aidant.centre@relais.demo")) {
            Document week = later.get("/bureau/" + centre.id() + "/semaine/" + thursday).html();
            assertNull(daySection(week, thursday).selectFirst("p:containsOwn(Créneaux encore libres)"),
                    "the Thursday permanence is over: " + daySection(week, thursday).text());
        }
    }

    private static Element daySection(Document week, LocalDate day) {
        Element section = week.selectFirst("section[aria-labelledby=day-" + day + "]");
        assertNotNull(section, "no section for " + day);
        return section;
    }

    @Test
    void thePrintedListHoldsTheLiveAppointmentsOfTheDay() {
        LocalDate saturday = t2.plusDays(4);
        long kept = book(sami, centreSlot(saturday, 10, 0), "Mme L.");
        long honoured = book(sami, centreSlot(saturday, 10, 30), "M. N.");
        long cancelled = book(sami, centreSlot(saturday, 11, 0), "Mme X.");
        assertEquals(303, sami.post("/bureau/rendez-vous/" + honoured + "/statut", Map.of("status", "DONE")).status());
        assertEquals(303, sami.post("/bureau/rendez-vous/" + cancelled + "/annulation", Map.of("reason", "Fermeture")).status());

        TestClient.Answer answer = sami.get(dayPath(saturday) + "/impression");
        assertEquals(200, answer.status(), answer.body());
        assertEquals("Liste des rendez-vous du jour", answer.h1());
        assertTrue(answer.html().selectFirst("p.lead").text().contains(LONG_DATE.format(saturday)));
        List<String> rows = answer.texts("table tbody tr");
        assertEquals(List.of("10 h 00 Mme L. Courriel (e-mail) Jeanne à venir", "10 h 30 M. N. Courriel (e-mail) Jeanne honoré"),
                rows);
        assertFalse(answer.body().contains("Mme X."), "cancelled appointments are not printed");
        assertTrue(kept > 0);
    }

    // ---- workshop sessions in the day view ------------------------------------------------------------------

    /** The day view's line of one workshop session, found by its link. */
    private static Element sessionLine(Document day, WorkshopSession session) {
        Element link = day.selectFirst("ul.day-sessions a[href=/bureau/ateliers/seances/" + session.id() + "]");
        assertNotNull(link, "session " + session.id() + " not shown in " + day.select("ul.day-sessions").text());
        return link.closest("li");
    }

    @Test
    void theDayShowsTheLibrarysWorkshopSessionsWithTheirFillLevelAndNoOthers() {
        // A day far from the demo's sessions and from the other tests' days.
        LocalDate day = sites.today(centre).plusDays(64);
        Workshop mail = workshops.workshop("Courriel pour le bureau du jour", null);
        WorkshopSession morning = workshops.session(mail, "mediatheque-centre", day, LocalTime.of(10, 0), 3);
        workshops.register(morning, "Awa", 2);
        workshops.register(morning, "Bao", 1);
        workshops.register(morning, "Chloé", 1);
        workshops.register(morning, "D. M.", 2);
        WorkshopSession afternoon = workshops.session(mail, "mediatheque-centre", day, LocalTime.of(14, 0), 8);
        workshops.register(afternoon, "Élise", 2);
        workshops.register(afternoon, "Fatou", 2);
        WorkshopSession evening = workshops.session(mail, "mediatheque-centre", day, LocalTime.of(17, 0), 6);
        workshopSessions.cancel(evening.id(), "Salle indisponible");
        WorkshopSession atNord = workshops.session(mail, "bibliotheque-nord", day, LocalTime.of(10, 0), 8);

        TestClient.Answer answer = sami.get(dayPath(day));
        assertEquals(200, answer.status(), answer.body());
        Document page = answer.html();
        assertEquals(List.of("10 h 00 — Courriel pour le bureau du jour", "14 h 00 — Courriel pour le bureau du jour",
                "17 h 00 — Courriel pour le bureau du jour"), page.select("ul.day-sessions a").eachText(), "by start time");
        String full = sessionLine(page, morning).text();
        assertTrue(full.endsWith("complet, 2 en liste d’attente"), full);
        assertTrue(full.contains("Salle du test"), "the room: " + full);
        assertTrue(sessionLine(page, afternoon).text().endsWith("4 places prises sur 8"), sessionLine(page, afternoon).text());
        assertTrue(sessionLine(page, evening).text().endsWith("séance annulée"), sessionLine(page, evening).text());
        assertNull(page.selectFirst("a[href=/bureau/ateliers/seances/" + atNord.id() + "]"), "another library's session");
        Element all = page.selectFirst("main a:containsOwn(Toutes les séances d’ateliers de la bibliothèque)");
        assertNotNull(all);
        assertEquals("/bureau/" + centre.id() + "/ateliers", all.attr("href"));
        assertEquals(200, sami.get(sessionLine(page, morning).selectFirst("a").attr("href")).status(), "the session opens");

        Document nextDay = sami.get(dayPath(day.plusDays(1))).html();
        assertTrue(nextDay.select("ul.day-sessions").isEmpty(), "not on another day");
        assertNotNull(nextDay.selectFirst("main p:containsOwn(Pas d’atelier ce jour-là.)"));

        Document nord = nour.get("/bureau/" + this.nord.id() + "/jour/" + day).html();
        assertEquals(List.of("10 h 00 — Courriel pour le bureau du jour"), nord.select("ul.day-sessions a").eachText());
        assertEquals("aucune place prise sur 8", nord.selectFirst("ul.day-sessions .fill").text());
        assertNull(nord.selectFirst("a[href=/bureau/ateliers/seances/" + morning.id() + "]"), "another library's session");
    }

    // ---- who may see what ----------------------------------------------------------------------------------

    @Test
    void anotherSitesHelperCannotSeeNorMarkButAColleagueCan() {
        Slot slot = centreSlot(t2.plusDays(2), 10, 0);
        long id = book(sami, slot, "Mme S.");
        String base = "/bureau/rendez-vous/" + id;

        assertEquals(404, nour.get(base).status());
        assertEquals(404, nour.post(base + "/statut", Map.of("status", "DONE")).status());
        assertEquals(404, nour.get(base + "/annulation").status());
        assertEquals(404, nour.post(base + "/annulation", Map.of("reason", "Essai")).status());
        assertEquals(404, nour.get(base + "/deplacement").status());
        assertEquals(404, nour.post(base + "/deplacement", Map.of("slot", centreSlot(t2.plusDays(2), 11, 30).key())).status());
        assertEquals(404, nour.get(dayPath(t2)).status());
        assertEquals(404, nour.get(dayPath(t2) + "/impression").status());
        assertEquals(404, nour.get("/bureau/" + centre.id() + "/semaine/" + t2).status());
        assertEquals(404, nour.get(bookPath(slot)).status());
        assertEquals(404, nour.post(bookPath(centreSlot(t2.plusDays(2), 11, 30)), form("Mme Z.")).status());
        Appointment untouched = appointment(id);
        assertEquals(AppointmentStatus.BOOKED, untouched.status());
        assertEquals(slot.time(), untouched.slotTime());
        assertFalse(nour.get("/accueil").body().contains("Mme S."));

        TestClient.Answer colleague = jeanne.get(base);
        assertEquals(200, colleague.status(), colleague.body());
        assertTrue(colleague.html().selectFirst("dl.summary").text().contains("Mme S."));
        TestClient.Answer marked = jeanne.post(base + "/statut", Map.of("status", "DONE"));
        assertEquals(303, marked.status(), marked.body());
        assertEquals(AppointmentStatus.DONE, appointment(id).status());
        assertNotEquals(samiId, jeanneId);
    }

    /** The journal entries about one object: "ACTION actor details". */
    private List<String> journalOf(String objectRef) {
        List<String> entries = new java.util.ArrayList<>();
        try (java.sql.Connection c = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource
                .unwrapDataSource(dataSource).getConnection();
             java.sql.PreparedStatement q = c.prepareStatement(
                     "SELECT action, actor_id, details FROM journal_entry WHERE object_ref = ? ORDER BY seq")) {
            q.setString(1, objectRef);
            try (java.sql.ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    entries.add(rs.getString(1) + " " + rs.getLong(2) + " " + rs.getString(3));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return entries;
    }
}
