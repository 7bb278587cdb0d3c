package fr.relais.web;

import fr.relais.testing.OnBothDatabases;
import fr.relais.testing.TestClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every main page, as each role sees it, is valid HTML for the W3C Nu checker (no error; warnings are printed)
 * and has the structure the accessibility bar needs: one h1, the page language, a skip link to the main
 * landmark, a label for every field, and no missing message key.
 */
@MicronautTest(environments = "demo", transactional = false)
class HtmlValidityTest extends OnBothDatabases {
    private static final Pattern MISSING_KEY = Pattern.compile("\\?\\?[\\w.-]+\\?\\?");

    @Inject
    EmbeddedServer server;
    @Inject
    fr.relais.site.Sites sites;
    @Inject
    fr.relais.workshop.AgendaFixtures agendaData;
    @Inject
    java.time.Clock clock;
    @Inject
    fr.relais.workshop.SessionFixtures workshopData;

    private final List<String> failures = new ArrayList<>();
    private int checked;

    @BeforeEach
    void forgetThePreviousTest() {
        // One instance serves every test of the class (OnBothDatabases): start each with a clean slate.
        failures.clear();
        checked = 0;
    }

    @Test
    void publicPages() {
        try (TestClient anonymous = TestClient.of(server)) {
            check("home", anonymous.get("/"), 200, "fr");
            check("library page", anonymous.get("/bibliotheques/mediatheque-centre"), 200, "fr");
            check("library page (no e-mail, closure of one day)", anonymous.get("/bibliotheques/bibliotheque-nord"), 200, "fr");
            check("login", anonymous.get("/connexion"), 200, "fr");
            check("login with a return address", anonymous.get("/connexion?retour=/gestion/sites"), 200, "fr");
            check("login after logout", anonymous.get("/connexion?fin=deconnexion"), 200, "fr");
            check("404", anonymous.get("/cette-page-n-existe-pas"), 404, "fr");
            check("login, empty fields (422)", anonymous.post("/connexion", Map.of("email", "", "password", "")), 422, "fr");
            check("login, wrong password (422)", anonymous.post("/connexion",
                    Map.of("email", "admin@relais.demo", "password", "pas le bon mot de passe")), 422, "fr");
        }
        assertNoFailure();
    }

    @Test
    void helperPages() {
        try (TestClient helper = TestClient.of(server)) {
            helper.loginDemo("aidant.centre@relais.demo");
            check("helper home", helper.get("/accueil"), 200, "fr");
            check("password form", helper.get("/compte/mot-de-passe"), 200, "fr");
            check("password form, errors (422)", helper.post("/compte/mot-de-passe", Map.of("currentPassword", "faux",
                    "newPassword", "court", "confirmation", "autre")), 422, "fr");
            check("403", helper.get("/gestion/sites"), 403, "fr");
            check("404 signed in", helper.get("/gestion/nulle-part"), 404, "fr");
        }
        assertNoFailure();
    }

    @Test
    void accompanimentPages() {
        try (TestClient helper = TestClient.of(server); TestClient director = TestClient.of(server)) {
            helper.loginDemo("aidant.centre@relais.demo");
            String form = firstLink(helper.get("/accueil"), "/accompagnements/\\d+/nouveau\\?mode=DO_WITH");
            String post = form.replaceAll("\\?.*", "");
            TestClient.Answer blank = helper.get(form);
            check("accompaniment form", blank, 200, "fr");
            check("accompaniment form, errors (422)", helper.post(post, Map.of("mode", "DO_FOR", "themes", "EMAIL",
                    "scopes", "HOUSING", "durationOther", "0", "note", "mdp : Soleil2024", "date", "31/02/2026")), 422, "fr");
            check("accompaniment form, mandate search", helper.post(post, Map.of("mode", "DO_FOR", "mandateSearch", "Martin",
                    "action", "search")), 200, "fr");
            String partner = blank.html().select("#f-partnerId option[value~=\\d+]").first().val();
            TestClient.Answer saved = helper.post(post, Map.of("mode", "REFER", "themes", "HEALTH", "partnerId", partner));
            assertEquals(303, saved.status(), "referral saved");
            String record = saved.location().replaceAll("\\?.*", "");
            check("accompaniment saved, referral slip form", helper.get(saved.location()), 200, "fr");
            check("referral slip form, errors (422)", helper.post(record + "/fiche-orientation", Map.of("reasons", "",
                    "personName", "x".repeat(81))), 422, "fr");
            check("accompaniment correction", helper.get(record + "/modifier"), 200, "fr");
            check("my accompaniments", helper.get("/accompagnements?periode=semaine"), 200, "fr");
            director.loginDemo("direction.centre@relais.demo");
            check("site's accompaniments", director.get("/accompagnements"), 200, "fr");
            check("accompaniment, read by the director", director.get(record), 200, "fr");
        }
        assertNoFailure();
    }

    @Test
    void directorPages() {
        try (TestClient director = TestClient.of(server)) {
            director.loginDemo("direction.centre@relais.demo");
            check("director home", director.get("/accueil"), 200, "fr");
            TestClient.Answer list = director.get("/gestion/sites");
            check("sites", list, 200, "fr");
            String site = firstLink(list, "/gestion/sites/\\d+");
            TestClient.Answer edit = director.get(site);
            check("site form", edit, 200, "fr");
            check("opening hours", director.get(site + "/horaires"), 200, "fr");
            check("closures", director.get(site + "/fermetures"), 200, "fr");
            check("services", director.get(site + "/services"), 200, "fr");
            TestClient.Answer accounts = director.get("/gestion/comptes");
            check("accounts", accounts, 200, "fr");
            check("new account", director.get("/gestion/comptes/nouveau"), 200, "fr");
            check("account form", director.get(firstLink(accounts, "/gestion/comptes/\\d+")), 200, "fr");
            check("journal", director.get("/gestion/journal"), 200, "fr");

            Map<String, Object> form = new LinkedHashMap<>();
            for (String field : List.of("name", "slug", "addressLine", "postcode", "town", "phone", "email", "directions", "accessibility")) {
                form.put(field, edit.fieldValue(field));
            }
            form.put("name", "");
            form.put("postcode", "690");
            form.put("phone", "12");
            form.put("accessibility", "x".repeat(1001));
            check("site form, errors (422)", director.post(site, form), 422, "fr");
            check("opening hours, errors (422)", director.post(site + "/horaires", Map.of("d1r1open", "25:00",
                    "d1r1close", "12:00", "d2r1open", "09:00", "d3r1open", "14:00", "d3r1close", "12:00")), 422, "fr");
            check("closures, errors (422)", director.post(site + "/fermetures", Map.of("startDate", "",
                    "endDate", "2026-13-45", "label", "")), 422, "fr");
            check("services, errors (422)", director.post(site + "/services", Map.of("offer_WIFI", "peut-etre",
                    "note_PRINT_SCAN", "x".repeat(301), "offer_WORKSHOPS", "", "note_WORKSHOPS", "le mardi")), 422, "fr");
            check("new account, errors (422)", director.post("/gestion/comptes", Map.of("email", "pas-une-adresse",
                    "displayName", "", "role", "ADMIN")), 422, "fr");

            TestClient.Answer saved = director.post(site + "/horaires", Map.of("d2r1open", "10:00", "d2r1close", "12:30"));
            assertEquals(303, saved.status(), "hours saved");
            check("opening hours, saved", director.get(saved.location()), 200, "fr");
        }
        assertNoFailure();
    }

    @Test
    void coordinatorPages() {
        try (TestClient coordinator = TestClient.of(server)) {
            coordinator.loginDemo("coordination@relais.demo");
            check("network home", coordinator.get("/accueil"), 200, "fr");
            check("sites", coordinator.get("/gestion/sites"), 200, "fr");
            check("new site", coordinator.get("/gestion/sites/nouveau"), 200, "fr");
            check("new site, errors (422)", coordinator.post("/gestion/sites", Map.of("name", "", "slug", "Pas Bon",
                    "addressLine", "", "postcode", "", "town", "", "phone", "", "email", "x", "directions", "",
                    "accessibility", "")), 422, "fr");
            check("accounts", coordinator.get("/gestion/comptes"), 200, "fr");
            check("new account", coordinator.get("/gestion/comptes/nouveau"), 200, "fr");
        }
        assertNoFailure();
    }

    @Test
    void adminPages() {
        try (TestClient admin = TestClient.of(server)) {
            admin.loginDemo("admin@relais.demo");
            check("admin home", admin.get("/accueil"), 200, "fr");
            TestClient.Answer accounts = admin.get("/gestion/comptes");
            check("accounts", accounts, 200, "fr");
            check("new account", admin.get("/gestion/comptes/nouveau"), 200, "fr");
            check("account form", admin.get(firstLink(accounts, "/gestion/comptes/\\d+")), 200, "fr");
            check("new account, errors (422)", admin.post("/gestion/comptes", Map.of("email", "", "displayName",
                    "x".repeat(81), "role", "NOPE", "siteIds", List.of("abc"))), 422, "fr");
            check("account created, one-time password", admin.post("/gestion/comptes", Map.of("email",
                    "nouvelle.aidante@relais.demo", "displayName", "Lou", "role", "COORDINATOR")), 200, "fr");
            check("password form", admin.get("/compte/mot-de-passe"), 200, "fr");
            check("sites", admin.get("/gestion/sites"), 200, "fr");
            check("journal", admin.get("/gestion/journal"), 200, "fr");
            check("journal check", admin.get("/gestion/journal/verification"), 200, "fr");
        }
        assertNoFailure();
    }

    @Test
    void mandatePages() {
        try (TestClient helper = TestClient.of(server)) {
            helper.loginDemo("aidant.centre@relais.demo");
            TestClient.Answer start = helper.get("/mandats");
            assertEquals(303, start.status(), "/mandats leads to the first site");
            String list = start.location();
            check("mandates", helper.get(list), 200, "fr");
            TestClient.Answer blank = helper.get(list + "/nouveau");
            check("new mandate", blank, 200, "fr");
            check("new mandate, errors (422)", helper.post(list + "/nouveau", Map.of("firstName", "4", "lastName", "",
                    "scopes", List.of("NOPE"), "purpose", "", "durationDays", "2", "startDate", "31/02/2020",
                    "toldData", "on")), 422, "fr");
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("firstName", "Odette");
            form.put("lastName", "Bérard");
            form.put("scopes", List.of("FAMILY", "HOUSING"));
            form.put("purpose", "Déclarer les ressources trimestrielles");
            form.put("durationDays", "31");
            form.put("startDate", blank.fieldValue("startDate"));
            for (String confirmation : List.of("toldPurpose", "toldData", "toldRights", "toldRevocation", "noLegalProtection")) {
                form.put(confirmation, "on");
            }
            TestClient.Answer drafted = helper.post(list + "/nouveau", form);
            assertEquals(303, drafted.status(), "mandate drafted");
            String detail = drafted.location().replace("?enregistre=1", "");
            check("mandate to sign, saved", helper.get(drafted.location()), 200, "fr");
            assertEquals(303, helper.post(detail + "/signature", Map.of()).status(), "signature recorded");
            TestClient.Answer active = helper.get(detail);
            check("mandate, active", active, 200, "fr");
            String code = active.html().select("main dl.summary span.code").text();
            check("mandates, search results and expiring", helper.get(list + "?nom=berard"), 200, "fr");
            check("mandates, no result", helper.get(list + "?nom=Personne"), 200, "fr");
            check("mandate code, found", helper.get(list + "/verification?code=" + code), 200, "fr");
            check("mandate code, unknown", helper.get(list + "/verification?code=ZZZZ-ZZZZ"), 200, "fr");
            check("mandate code, wrong form (422)", helper.get(list + "/verification?code=abc"), 422, "fr");
            check("revoke form", helper.get(detail + "/revocation"), 200, "fr");
            check("revoke form, errors (422)", helper.post(detail + "/revocation", Map.of("by", "", "reason", "")), 422, "fr");
            assertEquals(303, helper.post(detail + "/revocation", Map.of("by", "USER", "reason", "Plus besoin")).status(),
                    "mandate revoked");
            check("mandate, revoked", helper.get(detail), 200, "fr");
        }
        try (TestClient volunteer = TestClient.of(server)) {
            volunteer.loginDemo("benevole.centre@relais.demo");
            String list = volunteer.get("/mandats").location();
            check("mandates, not habilitated", volunteer.get(list), 200, "fr");
            check("new mandate, not habilitated (403)", volunteer.get(list + "/nouveau"), 403, "fr");
        }
        try (TestClient director = TestClient.of(server)) {
            assertEquals(303, director.get("/langue/en?retour=/").status());
            director.loginDemo("direction.centre@relais.demo");
            String list = director.get("/mandats").location();
            check("mandates (en)", director.get(list + "?nom=berard"), 200, "en");
            check("mandate code (en)", director.get(list + "/verification?code=abc"), 422, "en");
        }
        assertNoFailure();
    }

    @Test
    void partnerPages() {
        try (TestClient helper = TestClient.of(server)) {
            helper.loginDemo("aidant.centre@relais.demo");
            TestClient.Answer list = helper.get("/partenaires");
            check("partners", list, 200, "fr");
            check("partners, filtered", helper.get("/partenaires?q=caf&kind=CAF&theme=ADMIN_PROCEDURES&town=Lyon"), 200, "fr");
            check("partners, none found", helper.get("/partenaires?q=introuvable"), 200, "fr");
            check("partner", helper.get(firstLink(list, "/partenaires/\\d+")), 200, "fr");
        }
        try (TestClient director = TestClient.of(server)) {
            director.loginDemo("direction.centre@relais.demo");
            TestClient.Answer blank = director.get("/partenaires/nouveau");
            check("new partner", blank, 200, "fr");
            check("new partner, errors (422)", director.post("/partenaires/nouveau", Map.of("name", "", "kindCode", "NOPE",
                    "postcode", "1", "phone", "12", "email", "x", "website", "www", "themes", List.of("NOPE"), "siteId", "")), 422, "fr");
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("siteId", blank.html().selectFirst("input[name=siteId]").attr("value"));
            form.put("name", "Point d’accès au droit");
            form.put("kindCode", "LEGAL_AID");
            form.put("phone", "04 72 00 00 42");
            form.put("website", "https://www.example.org");
            form.put("openingHours", "Mo-Fr 09:00-12:00");
            form.put("access", List.of("PHONE"));
            form.put("scopes", List.of("JUSTICE"));
            form.put("whatToBring", "Les courriers reçus");
            form.put("helperNotes", "Prévenir par téléphone");
            TestClient.Answer created = director.post("/partenaires/nouveau", form);
            assertEquals(303, created.status(), "partner created");
            String detail = created.location().replace("?enregistre=1", "");
            check("partner, saved, with its actions", director.get(created.location()), 200, "fr");
            check("edit partner", director.get(detail + "/modification"), 200, "fr");
            assertEquals(303, director.post(detail + "/desactivation", Map.of()).status(), "partner deactivated");
            check("partner, deactivated", director.get(detail), 200, "fr");
            check("partners, with deactivated ones", director.get("/partenaires?inactifs=1"), 200, "fr");
        }
        try (TestClient coordinator = TestClient.of(server)) {
            coordinator.loginDemo("coordination@relais.demo");
            check("new partner, network or library", coordinator.get("/partenaires/nouveau"), 200, "fr");
            check("import", coordinator.get("/partenaires/import"), 200, "fr");
            check("import, not JSON (422)", coordinator.post("/partenaires/import", Map.of("file", new TestClient.FilePart(
                    "x.json", "application/json", "pas du JSON".getBytes(java.nio.charset.StandardCharsets.UTF_8)))), 422, "fr");
            // The two files as data·inclusion publishes them; one service's structure is missing (its own table).
            String structures = "[{\"source\": \"html\", \"id\": \"1\", \"nom\": \"Mairie annexe\"},"
                    + " {\"source\": \"html\", \"id\": \"2\", \"nom\": \"Code postal faux\", \"code_postal\": \"1\"}]";
            String services = "[{\"source\": \"html\", \"id\": \"s1\", \"structure_id\": \"1\", \"nom\": \"Aide\"},"
                    + " {\"source\": \"html\", \"id\": \"s2\", \"structure_id\": \"9\", \"nom\": \"Atelier\"}]";
            TestClient.Answer preview = coordinator.post("/partenaires/import", Map.of(
                    "file", new TestClient.FilePart("structures.json", "application/json",
                            structures.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    "services", new TestClient.FilePart("services.json", "application/json",
                            services.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
            assertEquals(1, preview.html().select("#services-rejetes").size(), "the services left out are listed");
            check("import preview", preview, 200, "fr");
            check("import report", coordinator.post("/partenaires/import/confirmation", TestClient.multipart(Map.of("content",
                    preview.html().selectFirst("input[name=content]").attr("value")))), 200, "fr");
        }
        try (TestClient english = TestClient.of(server)) {
            assertEquals(303, english.get("/langue/en?retour=/").status());
            english.loginDemo("aidant.nord@relais.demo");
            TestClient.Answer list = english.get("/partenaires");
            check("partners (en)", list, 200, "en");
            check("partner (en)", english.get(firstLink(list, "/partenaires/\\d+")), 200, "en");
        }
        assertNoFailure();
    }

    // Workshops, public side: the agenda, a session's page and its form (open, full, with errors, closed), the
    // person's page (seated, waiting, cancelled), finding and cancelling with the code.
    @Test
    void workshopPublicPages() {
        fr.relais.site.Site centre = sites.bySlug("mediatheque-centre").orElseThrow();
        fr.relais.workshop.WorkshopSession open = agendaData.publicSession(centre, 8);
        fr.relais.workshop.WorkshopSession full = agendaData.publicSession(centre, 1);
        agendaData.register(full, "Awa", 1);
        fr.relais.workshop.Registration waiting = agendaData.register(full, "Bao", 1);
        fr.relais.workshop.WorkshopSession closed = agendaData.sessionAt(centre, agendaData.workshopOf(open),
                java.time.ZonedDateTime.now(clock).plusMinutes(90), 8);
        fr.relais.workshop.Registration cancelled = agendaData.register(open, "Chloé", 1);
        // The agenda's weeks: a session six weeks ahead, the only one of its theme (weeks without, then with).
        agendaData.session(centre, agendaData.workshop(null, "Les écrans en famille", fr.relais.workshop.WorkshopLevel.ADVANCED,
                "PARENTING"), 40, 8);
        String later = sites.today(centre).plusWeeks(2).toString();
        try (TestClient visitor = TestClient.of(server)) {
            visitor.post("/ateliers/inscription/annulation", Map.of("code", cancelled.code(), "firstName", "Chloé"));
            check("workshop agenda", visitor.get("/ateliers"), 200, "fr");
            check("workshop agenda, filtered", visitor.get("/ateliers?theme=EMAIL&niveau=BEGINNER&bibliotheque=mediatheque-centre"), 200, "fr");
            check("workshop agenda, nothing matches", visitor.get("/ateliers?niveau=ADVANCED"), 200, "fr");
            check("workshop agenda, later weeks", visitor.get("/ateliers?niveau=BEGINNER&a-partir-du=" + later), 200, "fr");
            check("workshop agenda, weeks without sessions before later ones", visitor.get("/ateliers?theme=PARENTING"), 200, "fr");
            check("workshop agenda, last weeks", visitor.get("/ateliers?a-partir-du=9999-12-31"), 200, "fr");
            check("library's workshops", visitor.get("/bibliotheques/mediatheque-centre/ateliers"), 200, "fr");
            check("library's workshops, none", visitor.get("/bibliotheques/bibliotheque-nord/ateliers?theme=AI"), 200, "fr");
            check("workshop session", visitor.get("/ateliers/seances/" + open.id()), 200, "fr");
            check("workshop session, full", visitor.get("/ateliers/seances/" + full.id()), 200, "fr");
            check("workshop session, registration closed", visitor.get("/ateliers/seances/" + closed.id()), 200, "fr");
            check("workshop registration, errors (422)", visitor.post("/ateliers/seances/" + open.id(), Map.of("firstName", "",
                    "phone", "06 12", "email", "a@b", "seats", "9", "waitingList", "oui", "website", "")), 422, "fr");
            TestClient.Answer registered = visitor.post("/ateliers/seances/" + open.id(), Map.of("firstName", "Marie",
                    "phone", "06 12 34 56 78", "seats", "2", "waitingList", "1", "website", ""));
            assertEquals(303, registered.status(), "registered");
            check("workshop registration, seated", visitor.get(registered.location()), 200, "fr");
            check("workshop registration, waiting", visitor.get(agendaData.page(waiting.id())), 200, "fr");
            check("workshop registration, cancelled", visitor.get(agendaData.page(cancelled.id())), 200, "fr");
            check("find a registration", visitor.get("/ateliers/inscription/retrouver"), 200, "fr");
            check("find a registration, errors (422)", visitor.post("/ateliers/inscription/retrouver",
                    Map.of("code", "", "firstName", "")), 422, "fr");
            check("find a registration, not found (422)", visitor.post("/ateliers/inscription/retrouver",
                    Map.of("code", "ZZZ-ZZZ", "firstName", "Marie")), 422, "fr");
            check("cancel a registration", visitor.get("/ateliers/inscription/annulation"), 200, "fr");
            check("cancel a registration, done", visitor.get("/ateliers/inscription/annulation?fait=1"), 200, "fr");
        }
        try (TestClient english = TestClient.of(server).header("Accept-Language", "en")) {
            check("workshop agenda (en)", english.get("/ateliers"), 200, "en");
            check("workshop agenda, later weeks (en)", english.get("/ateliers?a-partir-du=" + later), 200, "en");
            check("workshop session, full (en)", english.get("/ateliers/seances/" + full.id()), 200, "en");
            check("workshop registration, waiting (en)", english.get(agendaData.page(waiting.id())), 200, "en");
        }
        assertNoFailure();
    }

    /** Workshops, staff side: the catalogue, a library's sessions and series, a session's page, attendance, settings. */
    @Test
    void workshopStaffPages() {
        fr.relais.workshop.Workshop workshop = workshopData.workshop("Découvrir sa boîte mail", null, List.of("EMAIL", "SECURITY"));
        fr.relais.workshop.WorkshopSession full = workshopData.comingSession("mediatheque-centre", 2);
        workshopData.register(full, "Awa", 2);
        workshopData.register(full, "Bao", 1);
        fr.relais.workshop.WorkshopSession today = workshopData.todaySession("mediatheque-centre", 4);
        workshopData.seat(today, "Chloé", 2);
        long centre = workshopData.site("mediatheque-centre").id();
        String sessions = "/bureau/" + centre + "/ateliers";
        String page = "/bureau/ateliers/seances/" + full.id();
        try (TestClient helper = TestClient.of(server); TestClient director = TestClient.of(server);
             TestClient coordinator = TestClient.of(server); TestClient english = TestClient.of(server)) {
            helper.loginDemo("aidant.centre@relais.demo");
            check("workshop catalogue", helper.get("/gestion/ateliers"), 200, "fr");
            check("workshop", helper.get("/gestion/ateliers/" + workshop.id()), 200, "fr");
            check("workshop sessions", helper.get(sessions), 200, "fr");
            check("new session", helper.get(sessions + "/nouvelle?atelier=" + workshop.id()), 200, "fr");
            Map<String, Object> series = new LinkedHashMap<>();
            series.put("workshopId", String.valueOf(workshop.id()));
            series.put("firstDate", java.time.LocalDate.now().minusDays(3).toString());
            series.put("startTime", "10:00");
            series.put("repeat", "WEEKLY");
            series.put("occurrences", "3");
            series.put("publicListing", "on");
            check("new series, preview with a past date", helper.post(sessions + "/nouvelle", series), 200, "fr");
            check("new session, errors (422)", helper.post(sessions + "/nouvelle", Map.of("workshopId", "", "firstDate", "31/02/2026",
                    "startTime", "25h", "capacity", "0", "repeat", "WEEKLY", "occurrences", "")), 422, "fr");
            check("session page, full with a waiting list", helper.get(page), 200, "fr");
            check("desk day with workshop sessions", helper.get("/bureau/" + centre + "/jour/" + full.sessionDate()), 200, "fr");
            check("desk registration, errors (422)", helper.post(page + "/inscription", Map.of("firstName", "x".repeat(41),
                    "phone", "12", "email", "x", "seats", "3")), 422, "fr");
            TestClient.Answer registered = helper.post(page + "/inscription", Map.of("firstName", "M. K.", "seats", "1",
                    "waitingList", "on"));
            assertEquals(303, registered.status(), "registered on the waiting list");
            check("registration confirmation, waiting", helper.get(registered.location()), 200, "fr");
            check("session edit", helper.get(sessions + "/" + full.id() + "/modification"), 200, "fr");
            check("session edit, errors (422)", helper.post(sessions + "/" + full.id() + "/modification", Map.of("sessionDate", "x",
                    "startTime", "", "durationMinutes", "5", "capacity", "1")), 422, "fr");
            check("attendance", helper.get("/bureau/ateliers/seances/" + today.id() + "/presences"), 200, "fr");
            check("attendance, errors (422)", helper.post("/bureau/ateliers/seances/" + today.id() + "/presences",
                    Map.of("walkIns", "beaucoup")), 422, "fr");
            check("attendance, not yet", helper.get(page + "/presences"), 200, "fr");
            check("session cancel", helper.get(sessions + "/" + full.id() + "/annulation"), 200, "fr");
            check("session cancel, errors (422)", helper.post(sessions + "/" + full.id() + "/annulation", Map.of("reason", "")),
                    422, "fr");
            assertEquals(303, helper.post(sessions + "/" + full.id() + "/annulation", Map.of("reason", "Aidant malade")).status());
            check("session cancelled, people to inform", helper.get(sessions + "/" + full.id() + "/annulation"), 200, "fr");
            check("session page, cancelled", helper.get(page), 200, "fr");

            director.loginDemo("direction.centre@relais.demo");
            check("new workshop", director.get("/gestion/ateliers/nouveau"), 200, "fr");
            check("new workshop, errors (422)", director.post("/gestion/ateliers/nouveau", Map.of("title", "", "level", "X",
                    "themes", List.of("NOPE"), "durationMinutes", "1", "capacity", "")), 422, "fr");
            fr.relais.workshop.Workshop own = workshopData.workshop("Sauvegarder ses photos", "mediatheque-centre");
            check("edit workshop", director.get("/gestion/ateliers/" + own.id() + "/modification"), 200, "fr");
            assertEquals(303, director.post("/gestion/ateliers/" + own.id() + "/desactivation", Map.of()).status());
            check("workshop catalogue, with deactivated ones", director.get("/gestion/ateliers"), 200, "fr");
            check("workshop settings", director.get(sessions + "/reglages"), 200, "fr");
            check("workshop settings, errors (422)", director.post(sessions + "/reglages", Map.of("maxSeats", "9",
                    "closingHours", "")), 422, "fr");
            check("workshop sessions (director)", director.get(sessions), 200, "fr");
            check("session cancelled, count for the director", director.get(sessions + "/" + full.id() + "/annulation"), 200, "fr");

            coordinator.loginDemo("coordination@relais.demo");
            check("new workshop, network or library", coordinator.get("/gestion/ateliers/nouveau"), 200, "fr");

            assertEquals(303, english.get("/langue/en?retour=/").status());
            english.loginDemo("aidant.centre@relais.demo");
            check("workshop sessions (en)", english.get(sessions), 200, "en");
            check("attendance (en)", english.get("/bureau/ateliers/seances/" + today.id() + "/presences"), 200, "en");
            check("session page (en)", english.get("/bureau/ateliers/seances/" + workshopData.comingSession("mediatheque-centre", 3).id()),
                    200, "en");
        }
        assertNoFailure();
    }

    @Test
    void englishPages() {
        try (TestClient browser = TestClient.of(server)) {
            assertEquals(303, browser.get("/langue/en?retour=/").status());
            check("home (en)", browser.get("/"), 200, "en");
            check("library page (en)", browser.get("/bibliotheques/mediatheque-centre"), 200, "en");
            check("login (en)", browser.get("/connexion"), 200, "en");
            check("404 (en)", browser.get("/nowhere"), 404, "en");
            check("login, empty fields (en, 422)", browser.post("/connexion", Map.of("email", "", "password", "")), 422, "en");
            browser.loginDemo("direction.centre@relais.demo");
            check("director home (en)", browser.get("/accueil"), 200, "en");
            String site = firstLink(browser.get("/gestion/sites"), "/gestion/sites/\\d+");
            check("opening hours (en)", browser.get(site + "/horaires"), 200, "en");
            check("services (en)", browser.get(site + "/services"), 200, "en");
            check("accounts (en)", browser.get("/gestion/comptes"), 200, "en");
            check("journal (en)", browser.get("/gestion/journal"), 200, "en");
        }
        assertNoFailure();
    }

    // ---------------------------------------------------------------- checks

    private void check(String page, TestClient.Answer answer, int status, String lang) {
        checked++;
        List<String> problems = new ArrayList<>();
        if (answer.status() != status) {
            problems.add("status " + answer.status() + " instead of " + status);
        }
        for (NuHtmlChecker.Problem p : NuHtmlChecker.check(answer.body())) {
            if (p.error() && !NuHtmlChecker.outdatedCheckerRule(answer.body(), p)) {
                problems.add("HTML " + p);
            } else {
                System.out.println("[" + page + "] HTML " + (p.error() ? "(ignored: rule outdated in nu.validator 20.7.2) " : "") + p);
            }
        }
        problems.addAll(structure(answer.html(), lang));
        Matcher missing = MISSING_KEY.matcher(answer.body());
        while (missing.find()) {
            problems.add("missing message key " + missing.group());
        }
        problems.forEach(p -> failures.add(page + ": " + p));
    }

    /** One h1, the page language, a skip link to the main landmark, a label for every field. */
    static List<String> structure(Document html, String lang) {
        List<String> problems = new ArrayList<>();
        Elements h1 = html.select("h1");
        if (h1.size() != 1) {
            problems.add(h1.size() + " h1 instead of one");
        } else if (h1.text().isBlank()) {
            problems.add("an empty h1");
        }
        String pageLang = html.selectFirst("html") == null ? "" : html.selectFirst("html").attr("lang");
        if (!pageLang.equals(lang)) {
            problems.add("<html lang=\"" + pageLang + "\"> instead of \"" + lang + "\"");
        }
        if (html.title().isBlank()) {
            problems.add("no title");
        }
        Elements main = html.select("main, [role=main]");
        if (main.size() != 1) {
            problems.add(main.size() + " main landmarks instead of one");
        }
        Element firstLink = html.body() == null ? null : html.body().selectFirst("a[href]");
        if (firstLink == null || !firstLink.attr("href").equals("#contenu") || firstLink.text().isBlank()) {
            problems.add("the first link is not a skip link to #contenu: " + firstLink);
        }
        Element target = html.getElementById("contenu");
        if (target == null || !main.contains(target)) {
            problems.add("#contenu is not the main landmark: " + (target == null ? "missing" : target.tagName()));
        }
        for (Element field : html.select("input, select, textarea")) {
            String type = field.attr("type").toLowerCase();
            if (field.tagName().equals("input") && List.of("hidden", "submit", "button", "reset", "image").contains(type)) {
                continue;
            }
            if (!labelled(html, field)) {
                problems.add("no label for " + field.tagName() + " " + (field.id().isEmpty() ? field.attr("name") : "#" + field.id()));
            }
        }
        return problems;
    }

    private static boolean labelled(Document html, Element field) {
        if (!field.id().isEmpty()) {
            for (Element label : html.select("label[for]")) {
                if (label.attr("for").equals(field.id()) && !label.text().isBlank()) {
                    return true;
                }
            }
        }
        Element wrapping = field.closest("label");
        if (wrapping != null && !wrapping.text().isBlank()) {
            return true;
        }
        if (!field.attr("aria-label").isBlank()) {
            return true;
        }
        String labelledBy = field.attr("aria-labelledby");
        if (!labelledBy.isBlank()) {
            for (String id : labelledBy.trim().split("\\s+")) {
                Element by = html.getElementById(id);
                if (by != null && !by.text().isBlank()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String firstLink(TestClient.Answer answer, String hrefPattern) {
        return answer.html().select("a[href]").stream().map(a -> a.attr("href")).filter(h -> h.matches(hrefPattern))
                .findFirst().orElseThrow(() -> new AssertionError("no link like " + hrefPattern + " in " + answer.body()));
    }

    private void assertNoFailure() {
        assertTrue(checked > 0);
        assertEquals("", String.join("\n", failures), failures.size() + " problem(s) on the pages checked");
    }

    // ---------------------------------------------------------------- self-checks

    @Test
    void theStructureRulesCatchMistakes() {
        Document good = org.jsoup.Jsoup.parse("<html lang=\"fr\"><head><title>T</title></head><body>"
                + "<a href=\"#contenu\">Aller au contenu</a><main id=\"contenu\"><h1>Titre</h1>"
                + "<label for=\"a\">Nom</label><input id=\"a\"><label>Ville <input name=\"v\"></label>"
                + "<input type=\"hidden\" name=\"t\"><select aria-label=\"Choix\"></select></main></body></html>");
        assertEquals(List.of(), structure(good, "fr"));
        Document bad = org.jsoup.Jsoup.parse("<html lang=\"en\"><head><title>T</title></head><body>"
                + "<a href=\"/\">Accueil</a><div id=\"contenu\"><h1>Un</h1><h1>Deux</h1>"
                + "<label for=\"autre\">Nom</label><input id=\"a\"><textarea name=\"n\"></textarea></div></body></html>");
        List<String> problems = structure(bad, "fr");
        assertEquals(7, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("2 h1"), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("lang")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("no label for input #a")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("no label for textarea n")), problems.toString());
    }
}
