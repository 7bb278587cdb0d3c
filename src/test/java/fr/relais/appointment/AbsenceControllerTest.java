package fr.relais.appointment;

import fr.relais.security.PasswordHasher;
import fr.relais.site.Site;
import fr.relais.site.Sites;
import fr.relais.security.Role;
import fr.relais.staff.StaffAccounts;
import fr.relais.testing.OnBothDatabases;
import fr.relais.testing.TestClient;
import fr.relais.web.NuHtmlChecker;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static fr.relais.testing.TestClient.Answer.plain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A helper declares and removes their own absences through HTTP; their seats leave the slots of those days
 * (the computed slots, the desk day page and the public booking page agree). Each test has a library of its own.
 */
@MicronautTest(environments = "demo", transactional = false)
class AbsenceControllerTest extends OnBothDatabases {
    static final String PASSWORD = "un-mot-de-passe-de-test";
    static final String PAGE = "/compte/absences";
    static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRENCH);

    @Inject
    EmbeddedServer server;
    @Inject
    Sites sites;
    @Inject
    StaffAccounts accounts;
    @Inject
    PasswordHasher hasher;
    @Inject
    Permanences permanences;
    @Inject
    Slots slots;
    @Inject
    Bookings bookings;
    @Inject
    StaffAbsenceRepository absenceRepository;

    private final List<TestClient> browsers = new ArrayList<>();
    private String passwordHash;
    private int counter;

    @BeforeAll
    void hashOnce() {
        passwordHash = hasher.hash(PASSWORD);
    }

    @AfterAll
    void closeBrowsers() {
        browsers.forEach(TestClient::close);
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    /** A library with two helpers on one permanence (14:00–15:00, two slots) on the weekday of {@code day}. */
    private record Desk(Site site, long ada, String adaEmail, long basile, String basileEmail, Permanence permanence,
                        LocalDate day) {
    }

    private Desk desk() {
        String slug = "abs-" + (++counter) + "-" + System.nanoTime() % 100000;
        Site site = sites.create(new Site(null, slug, "Bibliothèque " + slug, "1 rue du Test", "69002", "Lyon", null, null,
                null, null, Sites.DEFAULT_ZONE, java.time.Instant.now()));
        String adaEmail = "ada." + slug + "@abs.test";
        String basileEmail = "basile." + slug + "@abs.test";
        long ada = accounts.create(adaEmail, "Ada", Role.HELPER, false, passwordHash, false, Set.of(site.id())).id();
        long basile = accounts.create(basileEmail, "Basile", Role.HELPER, false, passwordHash, false, Set.of(site.id())).id();
        LocalDate day = sites.today(site).plusDays(3);
        Permanence p = permanences.create(site, day.getDayOfWeek().getValue(), LocalTime.of(14, 0), LocalTime.of(15, 0), 30,
                sites.today(site).minusWeeks(1), null, List.of(ada, basile));
        return new Desk(site, ada, adaEmail, basile, basileEmail, p, day);
    }

    private TestClient signedIn(String email) {
        TestClient browser = TestClient.of(server).login(email, PASSWORD);
        browsers.add(browser);
        return browser;
    }

    private TestClient anonymous() {
        TestClient browser = TestClient.of(server);
        browsers.add(browser);
        return browser;
    }

    private static Map<String, Object> form(String start, String end, String label) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("startDate", start);
        form.put("endDate", end);
        form.put("label", label);
        return form;
    }

    private List<Long> helpersOn(Desk desk, LocalDate day) {
        List<Slot> ofDay = slots.between(desk.site(), day, day).stream()
                .filter(s -> s.permanenceId() == desk.permanence().id()).toList();
        assertEquals(2, ofDay.size());
        assertEquals(ofDay.get(0).helpers(), ofDay.get(1).helpers());
        return ofDay.get(0).helpers();
    }

    private List<StaffAbsence> absencesOf(long staffId) {
        return absenceRepository.findByStaffIdAndEndDateGreaterThanEqualsOrderByStartDate(staffId, LocalDate.of(2000, 1, 1));
    }

    private static void assertValidHtml(TestClient.Answer answer) {
        List<NuHtmlChecker.Problem> errors = NuHtmlChecker.check(answer.body()).stream().filter(NuHtmlChecker.Problem::error).toList();
        assertEquals(List.of(), errors, answer.body());
        assertFalse(answer.body().contains("??"), "a message key is missing");
    }

    // ---- declaring -----------------------------------------------------------------------------------------

    @Test
    void aDeclaredAbsenceTakesTheHelpersSeatsOutOfTheSlotsOfThoseDays() {
        Desk desk = desk();
        TestClient ada = signedIn(desk.adaEmail());
        assertEquals(List.of(desk.ada(), desk.basile()), helpersOn(desk, desk.day()));

        TestClient.Answer page = ada.get(PAGE);
        assertEquals(200, page.status());
        assertEquals("Mes absences", page.h1());
        assertTrue(page.texts("p").contains("Aucune absence à venir."));
        Element nav = page.html().selectFirst("nav.main-nav a[href=" + PAGE + "]");
        assertNotNull(nav, "a link in the helper's navigation");
        assertEquals("page", nav.attr("aria-current"));
        assertValidHtml(page);

        TestClient.Answer declared = ada.post(PAGE, form(TYPED.format(desk.day()), TYPED.format(desk.day().plusDays(1)), " Formation "));

        assertEquals(303, declared.status());
        assertEquals(PAGE + "?enregistre=1", declared.location());
        StaffAbsence saved = absencesOf(desk.ada()).get(0);
        assertEquals(desk.day(), saved.startDate());
        assertEquals(desk.day().plusDays(1), saved.endDate());
        assertEquals("Formation", saved.label());
        assertEquals(List.of(desk.basile()), helpersOn(desk, desk.day()), "Ada's seats are gone that day");
        assertEquals(List.of(desk.ada(), desk.basile()), helpersOn(desk, desk.day().plusWeeks(1)), "not the next week");

        TestClient.Answer listed = ada.get(PAGE);
        List<String> items = listed.texts("ul.absences li");
        assertEquals(1, items.size());
        assertTrue(plain(items.get(0)).startsWith("Du " + LONG_DATE.format(desk.day()) + " au "
                + LONG_DATE.format(desk.day().plusDays(1)) + " — Formation"), items.get(0));
        assertValidHtml(listed);

        // The desk day page of the other helper shows one seat per slot that day.
        TestClient basile = signedIn(desk.basileEmail());
        TestClient.Answer day = basile.get("/bureau/" + desk.site().id() + "/jour/" + desk.day());
        assertEquals(200, day.status());
        assertEquals(2, day.html().select("li.seat").size(), "two slots, one seat each");
        TestClient.Answer nextWeek = basile.get("/bureau/" + desk.site().id() + "/jour/" + desk.day().plusWeeks(1));
        assertEquals(4, nextWeek.html().select("li.seat").size());
    }

    @Test
    void whenTheOnlyHelperIsAwayThePublicPageOffersNoSlotThatDay() {
        Desk desk = desk();
        TestClient ada = signedIn(desk.adaEmail());
        TestClient basile = signedIn(desk.basileEmail());
        TestClient visitor = anonymous();
        String publicPage = "/bibliotheques/" + desk.site().slug() + "/rendez-vous";
        assertNotNull(visitor.get(publicPage).html().getElementById("day-" + desk.day()));

        String day = TYPED.format(desk.day());
        assertEquals(303, ada.post(PAGE, form(day, day, "")).status());
        assertNotNull(visitor.get(publicPage).html().getElementById("day-" + desk.day()), "Basile still receives");
        assertEquals(303, basile.post(PAGE, form(day, day, "")).status());

        assertNull(visitor.get(publicPage).html().getElementById("day-" + desk.day()), "nobody on duty that day");
        assertNotNull(visitor.get(publicPage).html().getElementById("day-" + desk.day().plusWeeks(1)));
        assertNull(absencesOf(desk.ada()).get(0).label(), "no label: NULL, not an empty text");
    }

    @Test
    void anAbsenceOverBookedAppointmentsSaysSo() {
        Desk desk = desk();
        Slot slot = slots.between(desk.site(), desk.day(), desk.day()).get(0);
        Appointment booked = bookings.book(desk.site(), Slot.parse(slot.key()).orElseThrow(),
                new Bookings.Request("Test", null, null, "EMAIL", null, null), null);
        String who = booked.helperId() == desk.ada() ? desk.adaEmail() : desk.basileEmail();
        TestClient helper = signedIn(who);

        assertEquals(303, helper.post(PAGE, form(TYPED.format(desk.day()), TYPED.format(desk.day()), "")).status());

        TestClient.Answer page = helper.get(PAGE);
        assertEquals(List.of("Rendez-vous déjà pris avec vous pendant cette absence : 1. Voyez avec l’équipe pour les déplacer."),
                page.texts("ul.absences .notice").stream().map(TestClient.Answer::plain).toList());
    }

    @Test
    void badDatesComeBackWithAFrenchMessageAndWhatWasTypedAndSaveNothing() {
        Desk desk = desk();
        TestClient ada = signedIn(desk.adaEmail());
        LocalDate today = sites.today(desk.site());

        TestClient.Answer answer = ada.post(PAGE, form("32/01/2026", "", "Congés"));
        assertEquals(422, answer.status());
        assertEquals("Date non reconnue. Tapez-la comme 24/12/2026 (jour/mois/année).", answer.fieldMessage("startDate"));
        assertEquals("Ce champ est obligatoire.", answer.fieldMessage("endDate"));
        assertEquals("32/01/2026", answer.fieldValue("startDate"));
        assertEquals("Congés", answer.fieldValue("label"));
        assertFalse(answer.html().select(".error-summary").isEmpty());
        assertValidHtml(answer);

        answer = ada.post(PAGE, form(TYPED.format(today.plusDays(5)), TYPED.format(today.plusDays(4)), ""));
        assertEquals(422, answer.status());
        assertEquals("La date de fin doit être le même jour ou après la date de début.", answer.fieldMessage("endDate"));

        answer = ada.post(PAGE, form(TYPED.format(today.minusDays(5)), TYPED.format(today.minusDays(1)), ""));
        assertEquals(422, answer.status());
        assertEquals("Cette absence est déjà passée : indiquez un dernier jour à partir d’aujourd’hui.", answer.fieldMessage("endDate"));

        answer = ada.post(PAGE, form(TYPED.format(today), TYPED.format(today.plusYears(36)), ""));
        assertEquals(422, answer.status());
        assertEquals("Une absence dure au plus un an. Vérifiez les dates.", answer.fieldMessage("endDate"));

        answer = ada.post(PAGE, form(TYPED.format(today), TYPED.format(today), "mdp : Soleil2026"));
        assertEquals(422, answer.status());
        assertEquals("Ne notez ni identifiant, ni mot de passe, ni numéro de sécurité sociale ou bancaire.", answer.fieldMessage("label"));

        answer = ada.post(PAGE, form(TYPED.format(today), TYPED.format(today), "x".repeat(121)));
        assertEquals(422, answer.status());
        assertEquals("Ce texte est trop long : 120 caractères au plus.", answer.fieldMessage("label"));

        answer = ada.post(PAGE, form("2026-13-01", "1/1/26", ""));
        assertEquals(422, answer.status());
        assertNotNull(answer.fieldError("startDate"));
        assertNotNull(answer.fieldError("endDate"));

        assertEquals(List.of(), absencesOf(desk.ada()), "nothing was saved");

        // Started yesterday, still running: fine (a helper off sick since yesterday). A date field's format too.
        assertEquals(303, ada.post(PAGE, form(today.minusDays(1).toString(), TYPED.format(today), "")).status());
    }

    // ---- removing, who may ---------------------------------------------------------------------------------

    @Test
    void aHelperRemovesTheirOwnAbsenceButNotAnotherPersons() {
        Desk desk = desk();
        TestClient ada = signedIn(desk.adaEmail());
        TestClient basile = signedIn(desk.basileEmail());
        String day = TYPED.format(desk.day());
        assertEquals(303, ada.post(PAGE, form(day, day, "Congés")).status());
        StaffAbsence adas = absencesOf(desk.ada()).get(0);

        TestClient.Answer notHers = basile.post(PAGE + "/" + adas.id() + "/suppression", Map.of());
        assertEquals(404, notHers.status());
        assertEquals("Page introuvable", notHers.h1());
        assertEquals(404, basile.post(PAGE + "/999999/suppression", Map.of()).status());
        assertEquals(404, basile.post(PAGE + "/abc/suppression", Map.of()).status());
        assertTrue(absenceRepository.findById(adas.id()).isPresent());
        assertTrue(basile.get(PAGE).texts("ul.absences li").isEmpty(), "one sees only one's own absences");

        TestClient.Answer removed = ada.post(PAGE + "/" + adas.id() + "/suppression", Map.of());
        assertEquals(303, removed.status());
        assertEquals(PAGE + "?supprime=1", removed.location());
        assertTrue(absenceRepository.findById(adas.id()).isEmpty());
        assertEquals(List.of(desk.ada(), desk.basile()), helpersOn(desk, desk.day()), "the seats are back");
    }

    @Test
    void onlyHelpersHaveAbsencesHere() {
        TestClient director = TestClient.of(server).loginDemo("direction.centre@relais.demo");
        browsers.add(director);
        assertEquals(403, director.get(PAGE).status());
        assertEquals(403, director.post(PAGE, form("01/01/2030", "01/01/2030", "")).status());

        TestClient.Answer visitor = anonymous().get(PAGE);
        assertEquals(303, visitor.status());
        assertEquals("/connexion?retour=" + URLEncoder.encode(PAGE, StandardCharsets.UTF_8), visitor.location());

        // Without the CSRF token, nothing is declared.
        Desk desk = desk();
        TestClient ada = signedIn(desk.adaEmail());
        String day = TYPED.format(desk.day());
        assertEquals(403, ada.postRaw(PAGE, form(day, day, "")).status());
        assertEquals(List.of(), absencesOf(desk.ada()));
    }
}
