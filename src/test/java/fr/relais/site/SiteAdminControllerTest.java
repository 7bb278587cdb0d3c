package fr.relais.site;

import fr.relais.testing.OnBothDatabases;
import fr.relais.testing.TestClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static fr.relais.testing.TestClient.Answer.plain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Managing libraries through HTTP, as a coordinator or a director would, and what the public then sees.
 * Every test works on its own library (created for it) unless it is about the demo ones.
 */
@MicronautTest(environments = "demo", transactional = false)
class SiteAdminControllerTest extends OnBothDatabases {
    static final String REQUIRED = "Ce champ est obligatoire.";
    static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRENCH);

    @Inject
    EmbeddedServer server;
    @Inject
    SiteRepository siteRepository;
    @Inject
    SiteClosureRepository closureRepository;
    @Inject
    SiteOfferRepository offerRepository;
    @Inject
    Sites sites;
    @Inject
    SiteFixtures fixtures;

    TestClient coordinator;
    TestClient director;
    TestClient visitor;

    @BeforeAll
    void signIn() {
        coordinator = TestClient.of(server).loginDemo("coordination@relais.demo");
        director = TestClient.of(server).loginDemo("direction.centre@relais.demo");
        visitor = TestClient.of(server);
    }

    @AfterAll
    void closeBrowsers() {
        coordinator.close();
        director.close();
        visitor.close();
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private Site site(String slug) {
        return siteRepository.findBySlug(slug).orElseThrow();
    }

    private Site newSite(String name) {
        return fixtures.newSite(name);
    }

    private static Map<String, Object> siteForm(String name, String slug) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("slug", slug);
        form.put("addressLine", "3 montée de la Grande-Côte");
        form.put("postcode", "69001");
        form.put("town", "Lyon");
        form.put("phone", "04 72 00 00 09");
        form.put("email", "pentes@relais.demo");
        form.put("directions", "Métro C, arrêt Croix-Paquet, puis 200 mètres à pied.");
        form.put("accessibility", "Entrée de plain-pied.");
        return form;
    }

    private static Map<String, Object> siteFormOf(Site s) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("name", s.name());
        form.put("slug", s.slug());
        form.put("addressLine", s.addressLine());
        form.put("postcode", s.postcode());
        form.put("town", s.town());
        form.put("phone", s.phone() == null ? "" : s.phone());
        form.put("email", s.email() == null ? "" : s.email());
        form.put("directions", s.directions() == null ? "" : s.directions());
        form.put("accessibility", s.accessibility() == null ? "" : s.accessibility());
        return form;
    }

    private static Map<String, String> publicHours(TestClient.Answer page) {
        Map<String, String> byDay = new LinkedHashMap<>();
        for (Element row : page.html().select("table.hours tbody tr")) {
            byDay.put(plain(row.selectFirst("th").text()), plain(row.selectFirst("td").text()));
        }
        return byDay;
    }

    /** The texts of the list that follows a heading of the public page. */
    private static List<String> listUnder(TestClient.Answer page, String heading) {
        Element h = page.html().select("h2, h3").stream().filter(e -> plain(e.text()).equals(heading)).findFirst().orElse(null);
        if (h == null) {
            return List.of();
        }
        Element list = h.nextElementSibling();
        return list == null || !list.tagName().equals("ul") ? List.of()
                : list.children().eachText().stream().map(TestClient.Answer::plain).toList();
    }

    private static String repeat(char c, int n) {
        return String.valueOf(c).repeat(n);
    }

    // ---- creating a library --------------------------------------------------------------------------------

    @Test
    void coordinatorCreatesALibraryThatThenAppearsOnThePublicPages() {
        Map<String, Object> form = siteForm("  Bibliothèque des Pentes ", "bibliotheque-des-pentes");
        TestClient.Answer created = coordinator.post("/gestion/sites", form);

        assertEquals(303, created.status());
        Site saved = site("bibliotheque-des-pentes");
        assertEquals("/gestion/sites/" + saved.id() + "/horaires", created.location(), "next step: the opening hours");
        assertEquals("Bibliothèque des Pentes", saved.name(), "spaces around what was typed are dropped");
        assertEquals("69001", saved.postcode());
        assertEquals("04 72 00 00 09", saved.phone());
        assertEquals("Europe/Paris", saved.timeZone());
        assertEquals("Horaires d’ouverture : Bibliothèque des Pentes", plain(coordinator.get(created.location()).h1()));

        TestClient.Answer home = visitor.get("/");
        assertEquals(200, home.status());
        Element link = home.html().selectFirst("a[href=/bibliotheques/bibliotheque-des-pentes]");
        assertNotNull(link, "the new library is listed on the public home page");
        assertEquals("Bibliothèque des Pentes", link.text());

        TestClient.Answer page = visitor.get("/bibliotheques/bibliotheque-des-pentes");
        assertEquals(200, page.status());
        assertEquals("Bibliothèque des Pentes", page.h1());
        assertTrue(page.body().contains("3 montée de la Grande-Côte"));
        assertTrue(page.body().contains("Métro C, arrêt Croix-Paquet, puis 200 mètres à pied."));
        assertEquals("Fermé", publicHours(page).get("Mardi"), "no hours yet: every day shows closed");
        assertTrue(page.texts("p").contains("Rien n’est encore indiqué."), "no service stated yet");
    }

    @Test
    void invalidNewLibraryShowsAFrenchMessageNextToEachFieldKeepsWhatWasTypedAndSavesNothing() {
        long before = siteRepository.count();
        Map<String, Object> form = siteForm("", "Médiathèque-Sud");
        form.put("postcode", "6900");
        form.put("phone", "12");
        form.put("email", "x@");

        TestClient.Answer answer = coordinator.post("/gestion/sites", form);

        assertEquals(422, answer.status());
        assertEquals("Nouvelle bibliothèque", answer.h1());
        assertEquals(REQUIRED, answer.fieldMessage("name"));
        assertEquals("Utilisez seulement des lettres minuscules sans accent, des chiffres et des tirets, "
                + "par exemple « mediatheque-centre ».", answer.fieldMessage("slug"));
        assertEquals("Le code postal compte 5 chiffres, par exemple 69001.", answer.fieldMessage("postcode"));
        assertEquals("Numéro de téléphone non reconnu. Exemple : 04 72 00 00 00.", answer.fieldMessage("phone"));
        assertEquals("Adresse e-mail non reconnue. Exemple : prenom.nom@exemple.fr.", answer.fieldMessage("email"));
        assertNull(answer.fieldError("addressLine"), "a correct field gets no message");
        assertNull(answer.fieldError("town"));
        assertEquals("Médiathèque-Sud", answer.fieldValue("slug"));
        assertEquals("6900", answer.fieldValue("postcode"));
        assertEquals("12", answer.fieldValue("phone"));
        assertEquals("x@", answer.fieldValue("email"));
        assertEquals("3 montée de la Grande-Côte", answer.fieldValue("addressLine"));
        assertEquals("Métro C, arrêt Croix-Paquet, puis 200 mètres à pied.", answer.fieldValue("directions"));
        assertEquals(1, answer.texts(".error-summary h2").size(), "one summary at the top of the form");
        assertEquals(before, siteRepository.count(), "nothing saved");
    }

    @Test
    void emptyRequiredFieldsEachSayTheFieldIsRequired() {
        Map<String, Object> form = new LinkedHashMap<>();
        for (String field : List.of("name", "slug", "addressLine", "postcode", "town")) {
            form.put(field, "");
        }
        TestClient.Answer answer = coordinator.post("/gestion/sites", form);

        assertEquals(422, answer.status());
        for (String field : List.of("name", "slug", "addressLine", "postcode", "town")) {
            // An empty slug or postcode is missing, not "in the wrong format".
            assertEquals(REQUIRED, answer.fieldMessage(field), field);
        }
        assertNull(answer.fieldError("phone"), "optional fields may stay empty");
        assertNull(answer.fieldError("email"));
    }

    @Test
    void slugAlreadyTakenIsRefused() {
        long before = siteRepository.count();
        TestClient.Answer answer = coordinator.post("/gestion/sites", siteForm("Autre Nord", "bibliotheque-nord"));

        assertEquals(422, answer.status());
        assertEquals("Cette adresse est déjà utilisée par une autre bibliothèque.", answer.fieldMessage("slug"));
        assertEquals("bibliotheque-nord", answer.fieldValue("slug"));
        assertEquals(before, siteRepository.count());
        assertEquals("Bibliothèque Nord", site("bibliotheque-nord").name(), "the other library is untouched");
    }

    @Test
    void overLongNameIsRefusedNotTruncatedAndTheLongestAllowedIsKeptWhole() {
        String tooLong = repeat('a', 121);
        TestClient.Answer refused = coordinator.post("/gestion/sites", siteForm(tooLong, "nom-trop-long"));

        assertEquals(422, refused.status());
        assertEquals("Ce texte est trop long : 120 caractères au plus.", refused.fieldMessage("name"));
        assertEquals(tooLong, refused.fieldValue("name"), "the typed text comes back whole");
        assertTrue(siteRepository.findBySlug("nom-trop-long").isEmpty(), "nothing stored, not even shortened");

        String longest = "B" + repeat('é', 119);
        TestClient.Answer accepted = coordinator.post("/gestion/sites", siteForm(longest, "nom-le-plus-long"));
        assertEquals(303, accepted.status());
        assertEquals(longest, site("nom-le-plus-long").name(), "120 characters are stored whole");
        assertEquals(longest, visitor.get("/bibliotheques/nom-le-plus-long").h1());
    }

    @Test
    void overLongDirectionsAndAccessibilityAreRefused() {
        Map<String, Object> form = siteForm("Longues explications", "longues-explications");
        form.put("directions", repeat('d', 501));
        form.put("accessibility", repeat('x', 1001));
        TestClient.Answer refused = coordinator.post("/gestion/sites", form);

        assertEquals(422, refused.status());
        assertEquals("Ce texte est trop long : 500 caractères au plus.", refused.fieldMessage("directions"));
        // « 1 000 » with the French thousands separator (a no-break space).
        assertEquals("Ce texte est trop long : 1 000 caractères au plus.", refused.fieldMessage("accessibility"));
        assertEquals(repeat('d', 501), refused.fieldValue("directions"));
        assertTrue(siteRepository.findBySlug("longues-explications").isEmpty());

        form.put("directions", repeat('d', 500));
        form.put("accessibility", repeat('x', 1000));
        assertEquals(303, coordinator.post("/gestion/sites", form).status());
        Site saved = site("longues-explications");
        assertEquals(500, saved.directions().length());
        assertEquals(1000, saved.accessibility().length());
    }

    @Test
    void markupTypedInAFieldIsShownAsTextNeverRun() {
        Map<String, Object> form = siteForm("<b>Bibliothèque</b> <script>alert(1)</script>", "bibliotheque-balisee");
        form.put("directions", "<img src=x onerror=alert(1)>");
        assertEquals(303, coordinator.post("/gestion/sites", form).status());

        TestClient.Answer page = visitor.get("/bibliotheques/bibliotheque-balisee");
        assertEquals("<b>Bibliothèque</b> <script>alert(1)</script>", page.h1());
        assertTrue(page.html().select("main b, main script, main img").isEmpty(), "no element comes from what was typed");
        assertTrue(page.texts("main p").contains("<img src=x onerror=alert(1)>"), "shown as typed, as text");
    }

    @Test
    void directorCannotCreateALibrary() {
        long before = siteRepository.count();
        assertEquals(403, director.get("/gestion/sites/nouveau").status());
        assertEquals(403, director.post("/gestion/sites", siteForm("Par la direction", "par-la-direction")).status());
        assertEquals(before, siteRepository.count());
    }

    // ---- editing a library ---------------------------------------------------------------------------------

    @Test
    void directorEditsTheirOwnLibrary() {
        Site centre = site("mediatheque-centre");
        TestClient.Answer form = director.get("/gestion/sites/" + centre.id());
        assertEquals(200, form.status());
        assertEquals(centre.name(), form.fieldValue("name"));
        assertEquals(centre.directions(), form.fieldValue("directions"));

        Map<String, Object> changed = siteFormOf(centre);
        changed.put("phone", "04 72 00 00 42");
        changed.put("directions", "Tram T1, arrêt « Hôtel de Ville ». Entrée rue de la Paix.");
        TestClient.Answer saved = director.post("/gestion/sites/" + centre.id(), changed);

        assertEquals(303, saved.status(), () -> saved.texts(".field-error").toString());
        assertEquals("/gestion/sites/" + centre.id() + "?enregistre=1", saved.location());
        TestClient.Answer after = director.get(saved.location());
        assertEquals("Les modifications sont enregistrées.", after.texts(".flash").get(0));
        assertEquals("04 72 00 00 42", after.fieldValue("phone"));
        Site stored = site("mediatheque-centre");
        assertEquals("04 72 00 00 42", stored.phone());
        assertEquals("Tram T1, arrêt « Hôtel de Ville ». Entrée rue de la Paix.", stored.directions());
        assertEquals(centre.createdAt(), stored.createdAt());
        TestClient.Answer publicPage = visitor.get("/bibliotheques/mediatheque-centre");
        assertTrue(publicPage.body().contains("04 72 00 00 42"));
        assertTrue(publicPage.body().contains("Tram T1, arrêt « Hôtel de Ville ». Entrée rue de la Paix."));

        // An optional field emptied is stored as nothing, not as an empty text.
        changed.put("email", "");
        assertEquals(303, director.post("/gestion/sites/" + centre.id(), changed).status());
        assertNull(site("mediatheque-centre").email());
    }

    @Test
    void editingToAnotherLibrarysSlugIsRefused() {
        Site mine = newSite("Bibliothèque à renommer");
        Map<String, Object> form = siteFormOf(mine);
        form.put("slug", "mediatheque-centre");
        TestClient.Answer answer = coordinator.post("/gestion/sites/" + mine.id(), form);

        assertEquals(422, answer.status());
        assertEquals("Cette adresse est déjà utilisée par une autre bibliothèque.", answer.fieldMessage("slug"));
        assertEquals(mine.slug(), siteRepository.findById(mine.id()).orElseThrow().slug());
    }

    @Test
    void directorCannotSeeOrEditAnotherLibrary() {
        Site nord = site("bibliotheque-nord");
        TestClient.Answer unknown = director.get("/gestion/sites/999999");
        TestClient.Answer other = director.get("/gestion/sites/" + nord.id());
        assertEquals(404, other.status());
        assertEquals(unknown.h1(), other.h1());
        assertEquals("Page introuvable", other.h1());

        Map<String, Object> changed = siteFormOf(nord);
        changed.put("name", "Bibliothèque Nord (modifiée par une autre direction)");
        assertEquals(404, director.post("/gestion/sites/" + nord.id(), changed).status());
        assertEquals("Bibliothèque Nord", site("bibliotheque-nord").name());
        // Their own list shows only their library.
        List<String> listed = director.get("/gestion/sites").texts("table tbody th");
        assertEquals(List.of(site("mediatheque-centre").name()), listed);
    }

    // ---- opening hours -------------------------------------------------------------------------------------

    @Test
    void directorSavesTwoRangesOnTuesdayAndThePublicPageShowsThem() {
        Site centre = site("mediatheque-centre");
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("d2r1open", "10:00");
        form.put("d2r1close", "12:30");
        form.put("d2r2open", "13:30");
        form.put("d2r2close", "18:00");
        form.put("d5r1open", "9h30");
        form.put("d5r1close", "12h");
        TestClient.Answer saved = director.post("/gestion/sites/" + centre.id() + "/horaires", form);

        assertEquals(303, saved.status());
        assertEquals("/gestion/sites/" + centre.id() + "/horaires?enregistre=1", saved.location());
        Map<String, String> week = publicHours(visitor.get("/bibliotheques/mediatheque-centre"));
        assertEquals("10:00 – 12:30, 13:30 – 18:00", week.get("Mardi"));
        assertEquals("09:30 – 12:00", week.get("Vendredi"), "« 9h30 » and « 12h » are understood");
        assertEquals("Fermé", week.get("Lundi"));
        assertEquals("Fermé", week.get("Mercredi"), "the form is the whole week: days left empty are closed");
        assertEquals(7, week.size());

        TestClient.Answer admin = director.get(saved.location());
        assertEquals("10:00", admin.fieldValue("d2r1open"));
        assertEquals("18:00", admin.fieldValue("d2r2close"));
        assertEquals("09:30", admin.fieldValue("d5r1open"));
        assertEquals(List.of(LocalTime.of(10, 0), LocalTime.of(13, 30), LocalTime.of(9, 30)),
                sites.hours(centre).stream().map(OpeningHours::opensAt).toList());
    }

    @Test
    void invalidHoursAreRefusedWithAMessageEachKeepWhatWasTypedAndLeaveTheSavedHours() {
        Site site = newSite("Bibliothèque aux horaires");
        Map<String, Object> good = Map.of("d2r1open", "14:00", "d2r1close", "17:00");
        assertEquals(303, coordinator.post("/gestion/sites/" + site.id() + "/horaires", good).status());
        List<OpeningHours> saved = sites.hours(site);
        assertEquals(1, saved.size());

        Map<String, Object> form = new LinkedHashMap<>();
        form.put("d1r1open", "18:00");   // closes before it opens
        form.put("d1r1close", "10:00");
        form.put("d2r1open", "09:00");   // only one side of the pair
        form.put("d2r1close", "");
        form.put("d3r1open", "25:00");   // not an hour
        form.put("d3r1close", "18:00");
        form.put("d4r1open", "10:00");   // two ranges overlapping
        form.put("d4r1close", "12:00");
        form.put("d4r2open", "11:00");
        form.put("d4r2close", "13:00");
        form.put("d6r1open", "10:00");   // a correct range, also kept
        form.put("d6r1close", "16:00");
        TestClient.Answer answer = coordinator.post("/gestion/sites/" + site.id() + "/horaires", form);

        assertEquals(422, answer.status());
        assertEquals("L’heure de fermeture doit être après l’heure d’ouverture.", answer.fieldMessage("d1r1close"));
        assertEquals("Indiquez l’heure d’ouverture et l’heure de fermeture.", answer.fieldMessage("d2r1close"));
        assertEquals("Heure non reconnue. Exemple : 14:30.", answer.fieldMessage("d3r1open"));
        assertEquals("Cette plage chevauche une autre plage du même jour.", answer.fieldMessage("d4r2open"));
        assertNull(answer.fieldError("d6r1open"));
        assertFalse(answer.texts(".error-summary").isEmpty(), "a summary says the form has errors");
        assertEquals("18:00", answer.fieldValue("d1r1open"));
        assertEquals("10:00", answer.fieldValue("d1r1close"));
        assertEquals("09:00", answer.fieldValue("d2r1open"));
        assertEquals("25:00", answer.fieldValue("d3r1open"));
        assertEquals("11:00", answer.fieldValue("d4r2open"));
        assertEquals("16:00", answer.fieldValue("d6r1close"));
        assertEquals(saved, sites.hours(site), "the hours saved before are unchanged");
        assertEquals("14:00 – 17:00", publicHours(visitor.get("/bibliotheques/" + site.slug())).get("Mardi"));
        assertEquals("Fermé", publicHours(visitor.get("/bibliotheques/" + site.slug())).get("Samedi"));
    }

    @Test
    void rangesTypedInAnyOrderAreShownInTheOrderOfTheDay() {
        Site site = newSite("Bibliothèque du soir");
        Map<String, Object> form = Map.of("d3r1open", "14:00", "d3r1close", "19:00", "d3r2open", "09:00", "d3r2close", "12:00");
        assertEquals(303, coordinator.post("/gestion/sites/" + site.id() + "/horaires", form).status());
        assertEquals("09:00 – 12:00, 14:00 – 19:00", publicHours(visitor.get("/bibliotheques/" + site.slug())).get("Mercredi"));
    }

    @Test
    void fieldsBeyondTheWeekOrTheRangesAreIgnored() {
        Site site = newSite("Bibliothèque aux champs inconnus");
        Map<String, Object> form = Map.of("d8r1open", "09:00", "d8r1close", "10:00", "d1r4open", "09:00",
                "d1r4close", "10:00", "d0r1open", "09:00", "d0r1close", "10:00");
        assertEquals(303, coordinator.post("/gestion/sites/" + site.id() + "/horaires", form).status());
        assertEquals(List.of(), sites.hours(site));
    }

    // ---- closures ------------------------------------------------------------------------------------------

    @Test
    void closureToComeIsListedOnTheAdminPageAndUnderFermeturesAVenir() {
        Site site = newSite("Bibliothèque en vacances");
        LocalDate start = sites.today(site).plusDays(10);
        LocalDate end = start.plusDays(2);
        TestClient.Answer added = coordinator.post("/gestion/sites/" + site.id() + "/fermetures",
                Map.of("startDate", start.toString(), "endDate", end.toString(), "label", "Vacances d’hiver"));

        assertEquals(303, added.status());
        assertEquals("/gestion/sites/" + site.id() + "/fermetures?enregistre=1", added.location());
        String expected = "Du " + LONG_DATE.format(start) + " au " + LONG_DATE.format(end) + " — Vacances d’hiver";
        TestClient.Answer admin = coordinator.get(added.location());
        assertEquals("Les modifications sont enregistrées.", admin.texts(".flash").get(0));
        assertTrue(plain(admin.texts("ul.closures li").get(0)).startsWith(expected), admin.texts("ul.closures li").toString());

        TestClient.Answer page = visitor.get("/bibliotheques/" + site.slug());
        assertEquals(List.of(expected), listUnder(page, "Fermetures à venir"));
        SiteClosure stored = closureRepository.findBySiteIdOrderByStartDateDesc(site.id()).get(0);
        assertEquals(start, stored.startDate());
        assertEquals(end, stored.endDate());
    }

    @Test
    void oneDayClosureTypedTheFrenchWayIsAccepted() {
        // The page's hint says « Par exemple 24/12/2026 » (browsers without a date picker): that must work.
        Site site = newSite("Bibliothèque du jour férié");
        LocalDate day = sites.today(site).plusDays(30);
        String typed = DateTimeFormatter.ofPattern("dd/MM/yyyy").format(day);
        TestClient.Answer added = coordinator.post("/gestion/sites/" + site.id() + "/fermetures",
                Map.of("startDate", typed, "endDate", typed, "label", "Pont de l’Ascension"));

        assertEquals(303, added.status(), () -> String.valueOf(added.fieldError("startDate")));
        assertEquals(List.of("Le " + LONG_DATE.format(day) + " — Pont de l’Ascension"),
                listUnder(visitor.get("/bibliotheques/" + site.slug()), "Fermetures à venir"));
    }

    @Test
    void closureEndingBeforeItStartsIsRefused() {
        Site site = newSite("Bibliothèque à l’envers");
        LocalDate start = sites.today(site).plusDays(10);
        Map<String, Object> form = Map.of("startDate", start.toString(), "endDate", start.minusDays(1).toString(),
                "label", "Travaux");
        TestClient.Answer answer = coordinator.post("/gestion/sites/" + site.id() + "/fermetures", form);

        assertEquals(422, answer.status());
        assertEquals("La date de fin doit être le même jour ou après la date de début.", answer.fieldMessage("endDate"));
        assertNull(answer.fieldError("startDate"));
        assertEquals(start.toString(), answer.fieldValue("startDate"));
        assertEquals(start.minusDays(1).toString(), answer.fieldValue("endDate"));
        assertEquals("Travaux", answer.fieldValue("label"));
        assertTrue(closureRepository.findBySiteIdOrderByStartDateDesc(site.id()).isEmpty());
    }

    @Test
    void closureWithAnUnreadableDateOrAnEmptyOrTooLongLabelIsRefused() {
        Site site = newSite("Bibliothèque aux dates");
        TestClient.Answer answer = coordinator.post("/gestion/sites/" + site.id() + "/fermetures",
                Map.of("startDate", "demain", "endDate", "2026-02-30", "label", ""));
        assertEquals(422, answer.status());
        String unreadable = "Date non reconnue. Tapez-la comme 24/12/2026 (jour/mois/année).";
        assertEquals(unreadable, answer.fieldMessage("startDate"));
        assertEquals(unreadable, answer.fieldMessage("endDate"));
        assertEquals(REQUIRED, answer.fieldMessage("label"));
        assertEquals("demain", answer.fieldValue("startDate"));

        LocalDate day = sites.today(site).plusDays(3);
        TestClient.Answer tooLong = coordinator.post("/gestion/sites/" + site.id() + "/fermetures",
                Map.of("startDate", day.toString(), "endDate", day.toString(), "label", repeat('m', 121)));
        assertEquals(422, tooLong.status());
        assertEquals("Ce texte est trop long : 120 caractères au plus.", tooLong.fieldMessage("label"));
        assertEquals(repeat('m', 121), tooLong.fieldValue("label"));
        assertTrue(closureRepository.findBySiteIdOrderByStartDateDesc(site.id()).isEmpty());
    }

    @Test
    void pastClosureIsKeptForTheTeamButNotShownToThePublicAndOneEndingTodayIsStillShown() {
        Site site = newSite("Bibliothèque au passé");
        LocalDate today = sites.today(site);
        assertEquals(303, coordinator.post("/gestion/sites/" + site.id() + "/fermetures", Map.of(
                "startDate", today.minusDays(20).toString(), "endDate", today.minusDays(10).toString(),
                "label", "Inventaire passé")).status());
        assertEquals(303, coordinator.post("/gestion/sites/" + site.id() + "/fermetures", Map.of(
                "startDate", today.minusDays(2).toString(), "endDate", today.toString(),
                "label", "Fermeture qui finit aujourd’hui")).status());

        List<String> admin = coordinator.get("/gestion/sites/" + site.id() + "/fermetures").texts("ul.closures li");
        assertEquals(2, admin.size());
        assertTrue(admin.stream().anyMatch(t -> t.contains("Inventaire passé")));
        List<String> shown = listUnder(visitor.get("/bibliotheques/" + site.slug()), "Fermetures à venir");
        assertEquals(1, shown.size(), shown.toString());
        assertTrue(shown.get(0).endsWith("— Fermeture qui finit aujourd’hui"));
    }

    @Test
    void closureIsDeletedFromTheAdminAndPublicPages() {
        Site site = newSite("Bibliothèque rouverte");
        LocalDate day = sites.today(site).plusDays(5);
        SiteClosure closure = sites.addClosure(new SiteClosure(null, site.id(), day, day, "Fermeture annulée"));
        assertEquals(1, listUnder(visitor.get("/bibliotheques/" + site.slug()), "Fermetures à venir").size());

        TestClient.Answer deleted = coordinator.post("/gestion/sites/" + site.id() + "/fermetures/" + closure.id()
                + "/suppression", Map.of());

        assertEquals(303, deleted.status());
        assertEquals("/gestion/sites/" + site.id() + "/fermetures?supprime=1", deleted.location());
        TestClient.Answer admin = coordinator.get(deleted.location());
        assertEquals("La suppression est faite.", admin.texts(".flash").get(0));
        assertTrue(admin.texts("ul.closures li").isEmpty());
        assertTrue(closureRepository.findById(closure.id()).isEmpty());
        assertEquals(List.of(), listUnder(visitor.get("/bibliotheques/" + site.slug()), "Fermetures à venir"));
    }

    @Test
    void deletingAnotherLibrarysClosureThroughOnesOwnIsNotFoundAndDeletesNothing() {
        Site nord = site("bibliotheque-nord");
        Site centre = site("mediatheque-centre");
        LocalDate day = sites.today(nord).plusDays(40);
        SiteClosure nordClosure = sites.addClosure(new SiteClosure(null, nord.id(), day, day, "Fermeture du Nord"));

        TestClient.Answer answer = director.post("/gestion/sites/" + centre.id() + "/fermetures/" + nordClosure.id()
                + "/suppression", Map.of());
        assertEquals(404, answer.status());
        assertEquals("Page introuvable", answer.h1());
        assertEquals(404, director.post("/gestion/sites/" + nord.id() + "/fermetures/" + nordClosure.id()
                + "/suppression", Map.of()).status());
        assertTrue(closureRepository.findById(nordClosure.id()).isPresent(), "the closure is still there");
    }

    // ---- services ------------------------------------------------------------------------------------------

    @Test
    void servicesOfferedAndNotOfferedAreBothListedWithWhereToFindTheMissingOnes() {
        Site site = newSite("Bibliothèque des services");
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("offer_WIFI", "yes");
        form.put("note_WIFI", "Code à demander à l’accueil");
        form.put("offer_FREE_COMPUTERS", "yes");
        form.put("note_FREE_COMPUTERS", "");
        form.put("offer_EQUIPMENT_LOAN", "no");
        form.put("note_EQUIPMENT_LOAN", "Pas pour l’instant");
        form.put("offer_PRINT_SCAN", "");   // not stated
        TestClient.Answer saved = coordinator.post("/gestion/sites/" + site.id() + "/services", form);

        assertEquals(303, saved.status());
        assertEquals("/gestion/sites/" + site.id() + "/services?enregistre=1", saved.location());
        TestClient.Answer page = visitor.get("/bibliotheques/" + site.slug());
        assertEquals(List.of("Ordinateurs en accès libre", "Wi-Fi gratuit — Code à demander à l’accueil"),
                page.texts("ul.offer--yes li").stream().map(TestClient.Answer::plain).toList());
        List<String> notOffered = page.texts("ul.offer--no li").stream().map(TestClient.Answer::plain).toList();
        assertEquals(1, notOffered.size());
        assertTrue(notOffered.get(0).startsWith("Prêt de matériel (tablette, ordinateur) — Pas pour l’instant"));
        assertTrue(notOffered.get(0).contains("Proposé à :"), notOffered.get(0));
        // Bibliothèque Nord lends equipment (demo data): the page sends people there.
        Element elsewhere = page.html().selectFirst("ul.offer--no .elsewhere");
        assertNotNull(elsewhere.selectFirst("a[href=/bibliotheques/bibliotheque-nord]"));
        assertTrue(elsewhere.text().contains("Bibliothèque Nord"));
        assertFalse(elsewhere.text().contains(site.name()), "a library never sends people to itself");
        assertFalse(page.body().contains("Impression et numérisation"), "a service not stated is in neither list");

        TestClient.Answer admin = coordinator.get(saved.location());
        assertTrue(admin.html().selectFirst("#f-offer_WIFI-yes").hasAttr("checked"));
        assertTrue(admin.html().selectFirst("#f-offer_EQUIPMENT_LOAN-no").hasAttr("checked"));
        assertTrue(admin.html().selectFirst("#f-offer_PRINT_SCAN-unset").hasAttr("checked"));
        assertEquals("Pas pour l’instant", admin.fieldValue("note_EQUIPMENT_LOAN"));
    }

    @Test
    void aServiceNotOfferedHereListsTheOtherLibrariesThatOfferIt() {
        // Demo data: the centre does not lend equipment, the north does; the north does not print, the centre does.
        TestClient.Answer centre = visitor.get("/bibliotheques/mediatheque-centre");
        Element loan = centre.html().select("ul.offer--no li").stream()
                .filter(li -> li.text().startsWith("Prêt de matériel")).findFirst().orElseThrow();
        assertEquals("Proposé à : Bibliothèque Nord", plain(loan.selectFirst(".elsewhere").text()));
        TestClient.Answer nord = visitor.get("/bibliotheques/bibliotheque-nord");
        Element print = nord.html().select("ul.offer--no li").stream()
                .filter(li -> li.text().startsWith("Impression et numérisation")).findFirst().orElseThrow();
        assertTrue(print.selectFirst(".elsewhere").text().contains(site("mediatheque-centre").name()));
        assertTrue(centre.texts("h3").contains("Ce que vous trouverez ici"));
        assertTrue(centre.texts("h3").contains("Ce que vous n’y trouverez pas"));
    }

    @Test
    void overLongNoteIsRefusedAndNothingIsStoredOrTruncated() {
        Site site = newSite("Bibliothèque bavarde");
        assertEquals(303, coordinator.post("/gestion/sites/" + site.id() + "/services",
                Map.of("offer_WIFI", "yes", "note_WIFI", "Réseau « Bibli »")).status());
        List<SiteOffer> before = offerRepository.findBySiteId(site.id());

        String tooLong = repeat('n', 301);
        Map<String, Object> form = new HashMap<>(Map.of("offer_WIFI", "yes", "note_WIFI", tooLong,
                "offer_WORKSHOPS", "no"));
        TestClient.Answer answer = coordinator.post("/gestion/sites/" + site.id() + "/services", form);

        assertEquals(422, answer.status());
        assertEquals("Ce texte est trop long : 300 caractères au plus.", answer.fieldMessage("note_WIFI"));
        assertEquals(tooLong, answer.fieldValue("note_WIFI"), "the typed note comes back whole");
        assertTrue(answer.html().selectFirst("#f-offer_WORKSHOPS-no").hasAttr("checked"), "the choices made are kept");
        assertEquals(before, offerRepository.findBySiteId(site.id()), "nothing changed in the database");
        assertTrue(visitor.get("/bibliotheques/" + site.slug()).body().contains("Réseau « Bibli »"));

        String longest = repeat('n', 300);
        assertEquals(303, coordinator.post("/gestion/sites/" + site.id() + "/services",
                Map.of("offer_WIFI", "yes", "note_WIFI", longest)).status());
        assertEquals(longest, offerRepository.findBySiteId(site.id()).get(0).note());
    }

    @Test
    void aNoteWithoutSayingWhetherTheServiceIsOfferedIsRefused() {
        Site site = newSite("Bibliothèque indécise");
        TestClient.Answer answer = coordinator.post("/gestion/sites/" + site.id() + "/services",
                Map.of("offer_WORKSHOPS", "", "note_WORKSHOPS", "Le samedi", "offer_WIFI", "peut-être"));
        assertEquals(422, answer.status());
        assertEquals("Indiquez si ce service est proposé ou non avant d’ajouter une précision.",
                answer.fieldMessage("offer_WORKSHOPS"));
        assertEquals("Ce choix n’est pas possible. Choisissez dans la liste.", answer.fieldMessage("offer_WIFI"));
        assertEquals("Le samedi", answer.fieldValue("note_WORKSHOPS"));
        assertTrue(offerRepository.findBySiteId(site.id()).isEmpty());
    }
}
