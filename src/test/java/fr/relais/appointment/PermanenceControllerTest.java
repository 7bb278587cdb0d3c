package fr.relais.appointment;

import fr.relais.security.PasswordHasher;
import fr.relais.site.Site;
import fr.relais.site.SiteRepository;
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
 * Permanences, booking settings and team absences through HTTP, as a coordinator or a director manages them,
 * and what the public booking page and the computed slots then show. Each test works on a library of its own.
 */
@MicronautTest(environments = "demo", transactional = false)
class PermanenceControllerTest extends OnBothDatabases {
    static final String REQUIRED = "Ce champ est obligatoire.";
    static final String CHOICE = "Ce choix n’est pas possible. Choisissez dans la liste.";
    static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRENCH);

    @Inject
    EmbeddedServer server;
    @Inject
    Sites sites;
    @Inject
    SiteRepository siteRepository;
    @Inject
    StaffAccounts accounts;
    @Inject
    PasswordHasher hasher;
    @Inject
    Permanences permanences;
    @Inject
    PermanenceRepository permanenceRepository;
    @Inject
    Slots slots;
    @Inject
    Bookings bookings;
    @Inject
    AppointmentRepository appointments;
    @Inject
    StaffAbsenceRepository absenceRepository;

    TestClient coordinator;
    TestClient director;
    TestClient helper;
    TestClient visitor;
    private String passwordHash;
    private int counter;

    @BeforeAll
    void signIn() {
        coordinator = TestClient.of(server).loginDemo("coordination@relais.demo");
        director = TestClient.of(server).loginDemo("direction.centre@relais.demo");
        helper = TestClient.of(server).loginDemo("aidant.centre@relais.demo");
        visitor = TestClient.of(server);
        passwordHash = hasher.hash("un-mot-de-passe-de-test");
    }

    @AfterAll
    void closeBrowsers() {
        coordinator.close();
        director.close();
        helper.close();
        visitor.close();
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private Site newSite() {
        String slug = "perm-" + (++counter) + "-" + System.nanoTime() % 100000;
        return sites.create(new Site(null, slug, "Bibliothèque " + slug, "1 rue du Test", "69002", "Lyon", "04 72 00 00 09",
                null, null, null, Sites.DEFAULT_ZONE, java.time.Instant.now()));
    }

    private long newHelper(String name, Site... of) {
        Set<Long> ids = new java.util.HashSet<>();
        for (Site s : of) {
            ids.add(s.id());
        }
        String email = name.toLowerCase(Locale.ROOT).replace(' ', '.') + "." + (++counter) + "@perm.test";
        return accounts.create(email, name, Role.HELPER, false, passwordHash, false, ids).id();
    }

    private static String path(Site site) {
        return "/gestion/sites/" + site.id() + "/permanences";
    }

    /** A valid form: the weekday of {@code day}, 14:00–16:00, 30 minutes, from today, these helpers. */
    private Map<String, Object> form(Site site, LocalDate day, List<Long> helpers) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("dayOfWeek", String.valueOf(day.getDayOfWeek().getValue()));
        form.put("startsAt", "14:00");
        form.put("endsAt", "16:00");
        form.put("slotMinutes", "30");
        form.put("validFrom", TYPED.format(sites.today(site)));
        form.put("validTo", "");
        form.put("helpers", helpers.stream().map(String::valueOf).toList());
        return form;
    }

    private static Map<String, Object> settingsForm(String weeks, String cutoff, String max) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("bookingWeeks", weeks);
        form.put("cancelCutoffHours", cutoff);
        form.put("maxFutureBookings", max);
        return form;
    }

    private static String selected(TestClient.Answer answer, String field) {
        Element option = answer.html().selectFirst("#f-" + field + " option[selected]");
        return option == null ? null : option.attr("value");
    }

    private static List<String> checkedHelpers(TestClient.Answer answer) {
        return answer.html().select("input[name=helpers][checked]").eachAttr("value");
    }

    /** The rows of the permanences table, each as its cells' texts. */
    private static List<List<String>> rows(TestClient.Answer page) {
        List<List<String>> rows = new ArrayList<>();
        for (Element tr : page.html().select("table.permanences tbody tr")) {
            rows.add(tr.select("th, td").eachText().stream().map(TestClient.Answer::plain).toList());
        }
        return rows;
    }

    /** Times of the free slots the public page offers on a day (empty when the day is not listed). */
    private List<String> publicSlots(Site site, LocalDate day) {
        TestClient.Answer page = visitor.get("/bibliotheques/" + site.slug() + "/rendez-vous");
        assertEquals(200, page.status());
        Element heading = page.html().getElementById("day-" + day);
        if (heading == null) {
            return List.of();
        }
        return heading.parent().select("a.slot-link").stream().map(a -> plain(a.ownText())).toList();
    }

    private List<LocalDate> publicDays(Site site) {
        TestClient.Answer page = visitor.get("/bibliotheques/" + site.slug() + "/rendez-vous");
        return page.html().select("section.slot-day h2").stream().map(h -> LocalDate.parse(h.id().substring(4))).toList();
    }

    private List<Slot> slotsOf(Site site, long permanenceId, LocalDate from, LocalDate to) {
        return slots.between(site, from, to).stream().filter(s -> s.permanenceId() == permanenceId).toList();
    }

    private Permanence onlyPermanence(Site site) {
        List<Permanence> all = permanences.of(site);
        assertEquals(1, all.size());
        return all.get(0);
    }

    private Appointment book(Site site, Slot slot) {
        return bookings.book(site, Slot.parse(slot.key()).orElseThrow(),
                new Bookings.Request("Test", null, null, "EMAIL", null, null), null);
    }

    private static void assertValidHtml(TestClient.Answer answer) {
        List<NuHtmlChecker.Problem> errors = NuHtmlChecker.check(answer.body()).stream().filter(NuHtmlChecker.Problem::error).toList();
        assertEquals(List.of(), errors, answer.body());
        assertFalse(answer.body().contains("??"), "a message key is missing");
        assertEquals(1, answer.html().select("h1").size());
    }

    // ---- creating ------------------------------------------------------------------------------------------

    @Test
    void aNewPermanenceIsListedAndItsSlotsAreOfferedOnThePublicPage() {
        Site site = newSite();
        long ada = newHelper("Ada", site);
        long basile = newHelper("Basile", site);
        LocalDate day = sites.today(site).plusDays(3);

        TestClient.Answer blank = coordinator.get(path(site) + "/nouvelle");
        assertEquals(200, blank.status());
        assertEquals("Nouvelle permanence : " + site.name(), plain(blank.h1()));
        assertEquals("30", selected(blank, "slotMinutes"), "30 minutes by default");
        assertEquals(TYPED.format(sites.today(site)), blank.fieldValue("validFrom"), "from today by default");
        assertEquals(List.of("Ada", "Basile"), blank.html().select("input[name=helpers] + label").eachText(),
                "the helpers of the site, by name");
        assertEquals("page", blank.html().selectFirst(".tabs a[href=" + path(site) + "]").attr("aria-current"));
        assertTrue(publicSlots(site, day).isEmpty(), "no slot before the permanence");

        Map<String, Object> form = form(site, day, List.of(ada, basile));
        form.put("startsAt", "14h00");
        TestClient.Answer created = coordinator.post(path(site), form);

        assertEquals(303, created.status(), created.body());
        assertEquals(path(site) + "?enregistre=1", created.location());
        Permanence saved = onlyPermanence(site);
        assertEquals(day.getDayOfWeek().getValue(), saved.dayOfWeek());
        assertEquals(LocalTime.of(14, 0), saved.startsAt());
        assertEquals(LocalTime.of(16, 0), saved.endsAt());
        assertEquals(30, saved.slotMinutes());
        assertEquals(sites.today(site), saved.validFrom());
        assertNull(saved.validTo());

        TestClient.Answer list = coordinator.get(created.location());
        assertEquals(200, list.status());
        String weekday = day.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, Locale.FRENCH);
        String capitalised = Character.toUpperCase(weekday.charAt(0)) + weekday.substring(1);
        List<String> row = rows(list).get(0);
        assertEquals(capitalised, row.get(0));
        assertEquals("14 h 00 – 16 h 00", row.get(1));
        assertEquals("30 minutes", row.get(2));
        assertEquals("Ada, Basile", row.get(3));
        assertEquals("2", row.get(4), "capacity = helpers on duty");
        assertEquals("À partir du " + LONG_DATE.format(sites.today(site)) + " En cours", row.get(5));
        assertTrue(row.get(6).contains("Modifier la permanence du " + weekday + " 14 h 00 – 16 h 00"), row.get(6));

        assertEquals(List.of("14 h 00", "14 h 30", "15 h 00", "15 h 30"), publicSlots(site, day));
        assertEquals(List.of("14 h 00", "14 h 30", "15 h 00", "15 h 30"), publicSlots(site, day.plusWeeks(1)));
        Slot first = slotsOf(site, saved.id(), day, day).get(0);
        assertEquals(2, first.capacity());
    }

    @Test
    void slotLengthAndAnEndDateShapeTheSlots() {
        Site site = newSite();
        long ada = newHelper("Ada", site);
        LocalDate day = sites.today(site).plusDays(2);
        Map<String, Object> form = form(site, day, List.of(ada));
        form.put("startsAt", "9h");
        form.put("endsAt", "10h10");
        form.put("slotMinutes", "20");
        form.put("validTo", TYPED.format(day.plusWeeks(1)));

        assertEquals(303, coordinator.post(path(site), form).status());

        assertEquals(List.of("9 h 00", "9 h 20", "9 h 40"), publicSlots(site, day), "10:00–10:20 would end after 10:10");
        assertEquals(List.of("9 h 00", "9 h 20", "9 h 40"), publicSlots(site, day.plusWeeks(1)), "the last day included");
        assertEquals(List.of(), publicSlots(site, day.plusWeeks(2)));
    }

    @Test
    void invalidFormsComeBackWithAFrenchMessageNextToEachFieldKeepWhatWasTypedAndSaveNothing() {
        Site site = newSite();
        Site other = newSite();
        long ada = newHelper("Ada", site);
        long elsewhere = newHelper("Zoé", other);
        LocalDate day = sites.today(site).plusDays(3);

        Map<String, Object> form = form(site, day, List.of());
        form.put("dayOfWeek", "");
        form.put("startsAt", "25:00");
        form.put("endsAt", "midi");
        form.put("validFrom", "31/02/2026");
        TestClient.Answer answer = coordinator.post(path(site), form);

        assertEquals(422, answer.status());
        assertEquals("Nouvelle permanence : " + site.name(), plain(answer.h1()));
        assertEquals(REQUIRED, answer.fieldMessage("dayOfWeek"));
        assertEquals("Heure non reconnue. Exemple : 14:30.", answer.fieldMessage("startsAt"));
        assertEquals("Heure non reconnue. Exemple : 14:30.", answer.fieldMessage("endsAt"));
        assertEquals("Date non reconnue. Tapez-la comme 24/12/2026 (jour/mois/année).", answer.fieldMessage("validFrom"));
        assertEquals("Cochez au moins un·e aidant·e de permanence.", answer.fieldMessage("helpers"));
        assertNull(answer.fieldError("slotMinutes"));
        assertNull(answer.fieldError("validTo"));
        assertEquals("25:00", answer.fieldValue("startsAt"));
        assertEquals("midi", answer.fieldValue("endsAt"));
        assertEquals("31/02/2026", answer.fieldValue("validFrom"));
        assertEquals("30", selected(answer, "slotMinutes"));
        assertFalse(answer.html().select(".error-summary").isEmpty());
        assertValidHtml(answer);

        form = form(site, day, List.of(ada));
        form.put("startsAt", "16:00");
        form.put("endsAt", "14:00");
        form.put("validTo", TYPED.format(sites.today(site).minusDays(1)));
        answer = coordinator.post(path(site), form);
        assertEquals(422, answer.status());
        assertEquals("L’heure de fin doit être après l’heure de début.", answer.fieldMessage("endsAt"));
        assertEquals("La date de fin doit être le même jour ou après la date de début.", answer.fieldMessage("validTo"));
        assertEquals(String.valueOf(day.getDayOfWeek().getValue()), selected(answer, "dayOfWeek"), "the chosen day is kept");
        assertEquals(List.of(String.valueOf(ada)), checkedHelpers(answer), "the ticked helper is kept");

        form = form(site, day, List.of(ada));
        form.put("endsAt", "14h20");
        answer = coordinator.post(path(site), form);
        assertEquals(422, answer.status());
        assertEquals("La permanence doit durer au moins un créneau (30 minutes).", answer.fieldMessage("endsAt"));

        form = form(site, day, List.of(ada));
        form.put("slotMinutes", "25");
        form.put("dayOfWeek", "8");
        answer = coordinator.post(path(site), form);
        assertEquals(422, answer.status());
        assertEquals(CHOICE, answer.fieldMessage("slotMinutes"));
        assertEquals(CHOICE, answer.fieldMessage("dayOfWeek"));

        form = form(site, day, List.of(ada, elsewhere));
        answer = coordinator.post(path(site), form);
        assertEquals(422, answer.status());
        assertEquals(CHOICE, answer.fieldMessage("helpers"), "a helper of another site cannot be put on duty here");

        form = form(site, day, List.of(ada));
        form.put("helpers", List.of("abc"));
        assertEquals(422, coordinator.post(path(site), form).status());

        assertEquals(List.of(), permanences.of(site), "nothing was saved");
    }

    @Test
    void aHelperCannotBeOnDutyInTwoPlacesAtOnce() {
        Site first = newSite();
        Site second = newSite();
        long both = newHelper("Camille", first, second);
        LocalDate day = sites.today(first).plusDays(4);
        permanences.create(first, day.getDayOfWeek().getValue(), LocalTime.of(14, 0), LocalTime.of(17, 0), 30,
                sites.today(first), null, List.of(both));

        Map<String, Object> form = form(second, day, List.of(both));
        form.put("startsAt", "16:30");
        form.put("endsAt", "18:00");
        TestClient.Answer answer = coordinator.post(path(second), form);

        assertEquals(422, answer.status());
        String weekday = day.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, Locale.FRENCH);
        assertEquals("Camille est déjà de permanence le " + weekday + " de 14 h 00 à 17 h 00 (" + first.name() + ").",
                answer.fieldMessage("helpers"));

        form.put("startsAt", "17:00");
        assertEquals(303, coordinator.post(path(second), form).status(), "right after is fine");
    }

    // ---- who may -------------------------------------------------------------------------------------------

    @Test
    void aDirectorManagesTheirOwnSiteOnlyAndHelpersAndVisitorsHaveNoAccess() {
        Site centre = siteRepository.findBySlug("mediatheque-centre").orElseThrow();
        Site nord = siteRepository.findBySlug("bibliotheque-nord").orElseThrow();
        Permanence ofNord = permanences.of(nord).get(0);
        Permanence ofCentre = permanences.of(centre).get(0);

        TestClient.Answer own = director.get(path(centre));
        assertEquals(200, own.status());
        assertEquals("Permanences : Médiathèque du Centre", plain(own.h1()));
        assertEquals(3, rows(own).size(), "the three demo permanences of the centre");
        assertValidHtml(own);
        assertEquals(200, director.get(path(centre) + "/" + ofCentre.id()).status());

        assertEquals(404, director.get(path(nord)).status());
        assertEquals(404, director.get(path(nord) + "/nouvelle").status());
        assertEquals(404, director.get(path(nord) + "/" + ofNord.id()).status());
        assertEquals(404, director.post(path(nord), form(nord, sites.today(nord).plusDays(1), List.of())).status());
        assertEquals(404, director.post(path(nord) + "/" + ofNord.id() + "/fin", Map.of()).status());
        assertEquals(404, director.post("/gestion/sites/" + nord.id() + "/reglages-rendez-vous", settingsForm("1", "1", "1")).status());
        // A permanence of another site through one's own site: like one that does not exist, for everyone.
        assertEquals(404, director.get(path(centre) + "/" + ofNord.id()).status());
        assertEquals(404, coordinator.get(path(centre) + "/" + ofNord.id()).status());
        assertEquals(404, coordinator.post(path(centre) + "/" + ofNord.id() + "/fin", Map.of()).status());
        assertEquals(404, coordinator.get(path(centre) + "/999999").status());
        assertEquals(404, coordinator.get(path(centre) + "/abc").status());
        assertEquals(null, permanenceRepository.findById(ofNord.id()).orElseThrow().validTo(), "nothing was ended");

        TestClient.Answer forbidden = helper.get(path(centre));
        assertEquals(403, forbidden.status());
        assertEquals("Accès refusé", forbidden.h1());
        assertEquals(403, helper.get(path(centre) + "/nouvelle").status());

        TestClient.Answer anonymous = visitor.get(path(centre));
        assertEquals(303, anonymous.status());
        assertEquals("/connexion?retour=" + URLEncoder.encode(path(centre), StandardCharsets.UTF_8), anonymous.location());
    }

    // ---- editing, ending -----------------------------------------------------------------------------------

    @Test
    void editingTheHelpersOnDutyChangesTheCapacityOfTheSlots() {
        Site site = newSite();
        long ada = newHelper("Ada", site);
        long basile = newHelper("Basile", site);
        LocalDate day = sites.today(site).plusDays(5);
        Permanence p = permanences.create(site, day.getDayOfWeek().getValue(), LocalTime.of(10, 0), LocalTime.of(12, 0), 30,
                sites.today(site), null, List.of(ada));
        assertEquals(1, slotsOf(site, p.id(), day, day).get(0).capacity());

        TestClient.Answer edit = coordinator.get(path(site) + "/" + p.id());
        assertEquals(200, edit.status());
        assertEquals("Modifier la permanence : " + site.name(), plain(edit.h1()));
        assertEquals("10:00", edit.fieldValue("startsAt"));
        assertEquals("12:00", edit.fieldValue("endsAt"));
        assertEquals(TYPED.format(sites.today(site)), edit.fieldValue("validFrom"));
        assertEquals("", edit.fieldValue("validTo"));
        assertEquals(String.valueOf(day.getDayOfWeek().getValue()), selected(edit, "dayOfWeek"));
        assertEquals(List.of(String.valueOf(ada)), checkedHelpers(edit));
        assertValidHtml(edit);

        Map<String, Object> form = form(site, day, List.of(ada, basile));
        form.put("startsAt", "10:00");
        form.put("endsAt", "12:00");
        TestClient.Answer saved = coordinator.post(path(site) + "/" + p.id(), form);

        assertEquals(303, saved.status(), saved.body());
        List<Slot> after = slotsOf(site, p.id(), day, day);
        assertEquals(4, after.size());
        after.forEach(s -> assertEquals(2, s.capacity()));
        assertEquals(Set.of(ada, basile), Set.copyOf(after.get(0).helpers()));
        assertEquals("2", rows(coordinator.get(path(site))).get(0).get(4));
        assertEquals(1, permanences.of(site).size(), "edited in place, not added");

        // Back to one helper: one seat per slot again.
        form.put("helpers", List.of(String.valueOf(basile)));
        assertEquals(303, coordinator.post(path(site) + "/" + p.id(), form).status());
        assertEquals(List.of(basile), slotsOf(site, p.id(), day, day).get(0).helpers());
    }

    @Test
    void anEditThatWouldLeaveABookedAppointmentOutsideThePermanenceIsRefused() {
        Site site = newSite();
        long ada = newHelper("Ada", site);
        long basile = newHelper("Basile", site);
        LocalDate day = sites.today(site).plusDays(6);
        Permanence p = permanences.create(site, day.getDayOfWeek().getValue(), LocalTime.of(14, 0), LocalTime.of(16, 0), 30,
                sites.today(site), null, List.of(ada));
        Slot at15 = slotsOf(site, p.id(), day, day).stream().filter(s -> s.time().equals(LocalTime.of(15, 0))).findFirst().orElseThrow();
        book(site, at15);

        Map<String, Object> shorter = form(site, day, List.of(ada));
        shorter.put("endsAt", "15:00");
        TestClient.Answer answer = coordinator.post(path(site) + "/" + p.id(), shorter);
        assertEquals(422, answer.status());
        assertEquals("Rendez-vous déjà pris qui ne tiendraient plus dans cette permanence : 1, le premier le "
                + LONG_DATE.format(day) + " à 15 h 00. L’équipe doit d’abord les déplacer ou les annuler depuis le bureau.",
                answer.fieldMessage("appointments"));
        assertEquals("15:00", answer.fieldValue("endsAt"));

        TestClient.Answer withoutAda = coordinator.post(path(site) + "/" + p.id(), form(site, day, List.of(basile)));
        assertEquals(422, withoutAda.status(), "Ada's appointment would have no helper");
        assertNotNull(withoutAda.fieldError("appointments"));

        assertEquals(LocalTime.of(16, 0), permanenceRepository.findById(p.id()).orElseThrow().endsAt(), "nothing changed");
        assertEquals(303, coordinator.post(path(site) + "/" + p.id(), form(site, day, List.of(ada, basile))).status(),
                "adding a helper keeps every appointment");
    }

    @Test
    void endingAPermanenceKeepsTodayAndRemovesEveryLaterSlot() {
        Site site = newSite();
        long ada = newHelper("Ada", site);
        LocalDate today = sites.today(site);
        Permanence p = permanences.create(site, today.plusDays(1).getDayOfWeek().getValue(), LocalTime.of(9, 0),
                LocalTime.of(10, 0), 30, today.minusWeeks(3), null, List.of(ada));
        assertFalse(slotsOf(site, p.id(), today.plusDays(1), today.plusWeeks(4)).isEmpty());
        assertTrue(rows(coordinator.get(path(site))).get(0).get(6).contains("Mettre fin à la permanence du"));

        TestClient.Answer ended = coordinator.post(path(site) + "/" + p.id() + "/fin", Map.of());

        assertEquals(303, ended.status());
        assertEquals(path(site) + "?enregistre=1", ended.location());
        Permanence after = permanenceRepository.findById(p.id()).orElseThrow();
        assertEquals(today, after.validTo(), "its last day is today");
        assertEquals(today.minusWeeks(3), after.validFrom());
        assertEquals(List.of(), slotsOf(site, p.id(), today.plusDays(1), today.plusWeeks(8)));
        assertEquals(List.of(), publicSlots(site, today.plusDays(1)));
        List<String> row = rows(coordinator.get(path(site))).get(0);
        assertTrue(row.get(5).startsWith("Du " + LONG_DATE.format(today.minusWeeks(3)) + " au " + LONG_DATE.format(today)), row.get(5));
        assertFalse(row.get(6).contains("Mettre fin"), "already ending: no button any more");
        assertEquals(303, coordinator.post(path(site) + "/" + p.id() + "/fin", Map.of()).status(), "ending twice changes nothing");
        assertEquals(today, permanenceRepository.findById(p.id()).orElseThrow().validTo());
    }

    @Test
    void endingIsRefusedWhileAppointmentsAreBookedAfterToday() {
        Site site = newSite();
        long ada = newHelper("Ada", site);
        LocalDate today = sites.today(site);
        LocalDate day = today.plusDays(2);
        Permanence p = permanences.create(site, day.getDayOfWeek().getValue(), LocalTime.of(9, 0), LocalTime.of(10, 0), 30,
                today.minusWeeks(1), null, List.of(ada));
        Appointment booked = book(site, slotsOf(site, p.id(), day, day).get(0));

        TestClient.Answer refused = coordinator.post(path(site) + "/" + p.id() + "/fin", Map.of());

        assertEquals(409, refused.status());
        assertEquals("Rendez-vous encore pris après aujourd’hui : 1, le premier le " + LONG_DATE.format(day)
                + ". L’équipe doit d’abord les déplacer ou les annuler depuis le bureau.", plain(refused.html().getElementById("end-error").text()));
        assertNull(permanenceRepository.findById(p.id()).orElseThrow().validTo());
        assertValidHtml(refused);

        bookings.setStatus(booked, AppointmentStatus.CANCELLED_BY_SITE, "Permanence arrêtée");
        assertEquals(303, coordinator.post(path(site) + "/" + p.id() + "/fin", Map.of()).status());
        assertEquals(today, permanenceRepository.findById(p.id()).orElseThrow().validTo());
    }

    @Test
    void aPermanenceThatHasNotStartedAndThatNothingRefersToIsRemovedWhenEnded() {
        Site site = newSite();
        long ada = newHelper("Ada", site);
        LocalDate today = sites.today(site);
        Permanence p = permanences.create(site, today.getDayOfWeek().getValue(), LocalTime.of(9, 0), LocalTime.of(10, 0), 30,
                today.plusWeeks(2), null, List.of(ada));
        assertTrue(rows(coordinator.get(path(site))).get(0).get(5).endsWith("À venir"));

        assertEquals(303, coordinator.post(path(site) + "/" + p.id() + "/fin", Map.of()).status());

        assertTrue(permanenceRepository.findById(p.id()).isEmpty());
        assertEquals(List.of(), slots.between(site, today, today.plusWeeks(8)));
    }

    // ---- booking settings ----------------------------------------------------------------------------------

    @Test
    void bookingSettingsAreValidatedAndShapeThePublicPage() {
        Site site = newSite();
        long ada = newHelper("Ada", site);
        LocalDate today = sites.today(site);
        permanences.create(site, today.plusDays(1).getDayOfWeek().getValue(), LocalTime.of(9, 0), LocalTime.of(10, 0), 30,
                today, null, List.of(ada));
        String settingsPath = "/gestion/sites/" + site.id() + "/reglages-rendez-vous";

        TestClient.Answer page = coordinator.get(path(site));
        assertEquals("4", page.fieldValue("bookingWeeks"));
        assertEquals("2", page.fieldValue("cancelCutoffHours"));
        assertEquals("2", page.fieldValue("maxFutureBookings"));
        assertTrue(publicDays(site).stream().anyMatch(d -> d.isAfter(today.plusWeeks(1))), "four weeks by default");

        TestClient.Answer invalid = coordinator.post(settingsPath, settingsForm("0", "abc", ""));
        assertEquals(422, invalid.status());
        assertEquals("Tapez un nombre entier de 1 à 12.", invalid.fieldMessage("bookingWeeks"));
        assertEquals("Tapez un nombre entier de 0 à 72.", invalid.fieldMessage("cancelCutoffHours"));
        assertEquals(REQUIRED, invalid.fieldMessage("maxFutureBookings"));
        assertEquals("0", invalid.fieldValue("bookingWeeks"));
        assertEquals("abc", invalid.fieldValue("cancelCutoffHours"));
        assertEquals("Permanences : " + site.name(), plain(invalid.h1()));
        assertValidHtml(invalid);
        invalid = coordinator.post(settingsPath, settingsForm("13", "73", "11"));
        assertEquals("Tapez un nombre entier de 1 à 12.", invalid.fieldMessage("bookingWeeks"));
        assertEquals("Tapez un nombre entier de 0 à 72.", invalid.fieldMessage("cancelCutoffHours"));
        assertEquals("Tapez un nombre entier de 1 à 10.", invalid.fieldMessage("maxFutureBookings"));
        assertEquals(4, bookings.settings(site).bookingWeeks(), "nothing saved");

        TestClient.Answer saved = coordinator.post(settingsPath, settingsForm("1", " 0 ", "5"));
        assertEquals(303, saved.status());
        assertEquals(path(site) + "?enregistre=1", saved.location());
        BookingSettings now = bookings.settings(site);
        assertEquals(1, now.bookingWeeks());
        assertEquals(0, now.cancelCutoffHours());
        assertEquals(5, now.maxFutureBookings());
        assertEquals("Médiathèque du Centre", siteRepository.findBySlug("mediatheque-centre").orElseThrow().name());
        assertEquals(site.name(), sites.byId(site.id()).orElseThrow().name(), "the site itself is untouched");

        List<LocalDate> days = publicDays(site);
        assertEquals(List.of(today.plusDays(1)), days, "one week: only the next day of the permanence");
    }

    // ---- absences declared by the site's management ---------------------------------------------------------

    @Test
    void aDirectorDeclaresAndRemovesAnAbsenceForAHelperOfTheSite() {
        Site site = newSite();
        Site other = newSite();
        long ada = newHelper("Ada", site);
        long basile = newHelper("Basile", site);
        long zoe = newHelper("Zoé", other);
        LocalDate day = sites.today(site).plusDays(3);
        Permanence p = permanences.create(site, day.getDayOfWeek().getValue(), LocalTime.of(14, 0), LocalTime.of(15, 0), 30,
                sites.today(site), null, List.of(ada, basile));
        String absences = "/gestion/sites/" + site.id() + "/absences";

        Map<String, Object> form = new LinkedHashMap<>();
        form.put("staffId", String.valueOf(zoe));
        form.put("startDate", "32/01/2026");
        form.put("endDate", "");
        form.put("label", "Congés");
        TestClient.Answer invalid = coordinator.post(absences, form);
        assertEquals(422, invalid.status());
        assertEquals(CHOICE, invalid.fieldMessage("staffId"), "a helper of another site");
        assertEquals("Date non reconnue. Tapez-la comme 24/12/2026 (jour/mois/année).", invalid.fieldMessage("startDate"));
        assertEquals(REQUIRED, invalid.fieldMessage("endDate"));
        assertEquals("32/01/2026", invalid.fieldValue("startDate"));
        assertEquals("Congés", invalid.fieldValue("label"));
        assertValidHtml(invalid);
        form.put("staffId", "");
        assertEquals("Choisissez la personne absente.", coordinator.post(absences, form).fieldMessage("staffId"));

        form.put("staffId", String.valueOf(ada));
        form.put("startDate", TYPED.format(day));
        form.put("endDate", TYPED.format(day));
        TestClient.Answer saved = coordinator.post(absences, form);
        assertEquals(303, saved.status());
        assertEquals(path(site) + "?enregistre=1", saved.location());
        slotsOf(site, p.id(), day, day).forEach(s -> assertEquals(List.of(basile), s.helpers()));
        assertEquals(2, slotsOf(site, p.id(), day.plusWeeks(1), day.plusWeeks(1)).get(0).capacity(), "only that day");
        List<String> listed = coordinator.get(path(site)).texts("ul.absences li");
        assertEquals(1, listed.size());
        assertTrue(plain(listed.get(0)).startsWith("Ada : Le " + LONG_DATE.format(day) + " — Congés"), listed.get(0));

        StaffAbsence absence = absenceRepository.findByStaffIdAndEndDateGreaterThanEqualsOrderByStartDate(ada, day).get(0);
        Site centre = siteRepository.findBySlug("mediatheque-centre").orElseThrow();
        assertEquals(404, director.post("/gestion/sites/" + centre.id() + "/absences/" + absence.id() + "/suppression", Map.of()).status(),
                "an absence of another site's helper");
        assertEquals(404, coordinator.post("/gestion/sites/" + other.id() + "/absences/" + absence.id() + "/suppression", Map.of()).status());
        assertTrue(absenceRepository.findById(absence.id()).isPresent());

        TestClient.Answer removed = coordinator.post(absences + "/" + absence.id() + "/suppression", Map.of());
        assertEquals(303, removed.status());
        assertEquals(path(site) + "?supprime=1", removed.location());
        assertEquals(2, slotsOf(site, p.id(), day, day).get(0).capacity());
    }

    @Test
    void pagesAreValidHtml() {
        Site centre = siteRepository.findBySlug("mediatheque-centre").orElseThrow();
        assertValidHtml(director.get(path(centre) + "/nouvelle"));
        assertValidHtml(director.get(path(centre) + "/" + permanences.of(centre).get(0).id()));
        Map<String, Object> empty = new LinkedHashMap<>();
        empty.put("dayOfWeek", "");
        TestClient.Answer invalid = director.post(path(centre), empty);
        assertEquals(422, invalid.status());
        assertValidHtml(invalid);
        try (TestClient inEnglish = TestClient.of(server).header("Accept-Language", "en")) {
            TestClient.Answer english = inEnglish.loginDemo("direction.centre@relais.demo").get(path(centre));
            assertEquals("Permanences: Médiathèque du Centre", plain(english.h1()));
            assertTrue(english.body().contains("Booking settings"));
            assertValidHtml(english);
        }
    }
}
