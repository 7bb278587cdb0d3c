package fr.relais.workshop;

import fr.relais.site.Site;
import fr.relais.site.Sites;
import fr.relais.testing.TestClient;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The public agenda as a visitor reads it: sessions grouped by week, each with its date in words, time, length,
 * level, library and places left in plain words; filters by theme, level and library in a plain GET form that
 * keeps the choices; private, cancelled and past sessions nowhere.
 */
@MicronautTest(transactional = false)
class AgendaTest extends PublicWorkshopBase {
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRENCH);
    @Inject
    Sites sites;
    @Inject
    Clock clock;

    /** The agenda's entry for a session, found by the link to its page. */
    private static Element entry(TestClient.Answer agenda, WorkshopSession s) {
        Element link = agenda.html().selectFirst("main a[href=/ateliers/seances/" + s.id() + "]");
        return link == null ? null : link.closest("li");
    }

    private static String text(Element e) {
        return TestClient.Answer.plain(e.text());
    }

    /** The week heading above a session's entry. */
    private static String weekOf(Element entry) {
        return entry.closest("section").selectFirst("h3").text();
    }

    @Test
    void sessionsAreGroupedByWeekWithDateTimeLengthLevelLibraryAndPlacesInWords() {
        Site site = fixtures.library("semaines");
        Workshop mail = fixtures.workshop(null, "Découvrir sa boîte mail", WorkshopLevel.BEGINNER, "EMAIL");
        LocalDate today = sites.today(site);
        LocalDate nextMonday = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        WorkshopSession fiveLeft = fixtures.session(site, mail, nextMonday.plusDays(1), LocalTime.of(14, 30), 6, true);
        fixtures.register(fiveLeft, "Awa", 1);
        WorkshopSession oneLeft = fixtures.session(site, mail, nextMonday.plusDays(3), LocalTime.of(10, 0), 3, true);
        fixtures.register(oneLeft, "Bao", 2);
        WorkshopSession full = fixtures.session(site, mail, nextMonday.plusDays(8), LocalTime.of(10, 0), 2, true);
        fixtures.register(full, "Chloé", 2);
        fixtures.register(full, "Driss", 1);
        // Starts in an hour: registration closed two hours before.
        WorkshopSession soon = fixtures.sessionAt(site, mail, ZonedDateTime.now(clock).plusHours(1), 8);

        TestClient.Answer agenda = visitor().get("/bibliotheques/" + site.slug() + "/ateliers");

        assertEquals(200, agenda.status());
        assertEquals("Ateliers — " + site.name(), agenda.h1());
        Element first = entry(agenda, fiveLeft);
        assertEquals("Découvrir sa boîte mail " + DAY.format(fiveLeft.sessionDate()) + ", 14 h 30 (1 h 30) "
                + "Niveau : Débutant — " + site.name() + " 5 places restantes", text(first));
        assertEquals("1 place restante", text(entry(agenda, oneLeft).selectFirst(".places")));
        assertEquals("Complet — liste d’attente possible", text(entry(agenda, full).selectFirst(".places")));
        assertEquals("Inscriptions closes", text(entry(agenda, soon).selectFirst(".places")));
        // Weeks start on Monday: the first two sessions share next week, the full one is the week after.
        String nextWeek = "Semaine du " + nextMonday.format(DateTimeFormatter.ofPattern(
                nextMonday.getYear() == today.getYear() ? "EEEE d MMMM" : "EEEE d MMMM yyyy", Locale.FRENCH));
        assertEquals(nextWeek, weekOf(first));
        assertEquals(nextWeek, weekOf(entry(agenda, oneLeft)));
        assertTrue(weekOf(entry(agenda, full)).startsWith("Semaine du lundi " + nextMonday.plusWeeks(1).getDayOfMonth() + " "),
                weekOf(entry(agenda, full)));
        // In start order, the session starting soon first.
        List<String> links = agenda.html().select("main .session h4 a").eachAttr("href");
        assertEquals(List.of(soon, fiveLeft, oneLeft, full).stream().map(s -> "/ateliers/seances/" + s.id()).toList(), links);
    }

    @Test
    void privateCancelledAndPastSessionsAreNotListedAndTheirPagesAreNotFound() {
        Site site = fixtures.library("cachees");
        Workshop w = fixtures.workshop(site.id(), "Atelier du groupe partenaire", WorkshopLevel.BEGINNER, "EMAIL");
        WorkshopSession listed = fixtures.session(site, w, 3, 8);
        WorkshopSession partnerGroup = fixtures.session(site, w, sites.today(site).plusDays(4), LocalTime.of(10, 0), 8, false);
        WorkshopSession cancelled = fixtures.session(site, w, 5, 8);
        fixtures.cancelSession(cancelled);
        WorkshopSession past = fixtures.sessionAt(site, w, ZonedDateTime.now(clock).minusDays(1), 8);

        TestClient.Answer agenda = visitor().get("/bibliotheques/" + site.slug() + "/ateliers");
        assertTrue(entry(agenda, listed) != null, "the public session is listed");
        for (WorkshopSession hidden : List.of(partnerGroup, cancelled, past)) {
            assertNull(entry(agenda, hidden), "not listed: " + hidden);
            assertNull(entry(visitor().get("/ateliers"), hidden), "not on the network agenda either: " + hidden);
        }
        for (WorkshopSession unknown : List.of(partnerGroup, cancelled)) {
            TestClient.Answer page = visitor().get("/ateliers/seances/" + unknown.id());
            assertEquals(404, page.status());
            assertEquals("Page introuvable", page.h1());
        }
        assertEquals(404, visitor().get("/ateliers/seances/999999").status());
        assertEquals(404, visitor().get("/ateliers/seances/abc").status());
        // A session that is over still has its page (an old link), which says so instead of a form.
        TestClient.Answer over = visitor().get("/ateliers/seances/" + past.id());
        assertEquals(200, over.status());
        assertEquals(List.of("Cette séance a déjà commencé ou est terminée."), over.texts(".error-summary"));
        assertTrue(over.html().select("main form[method=post]").isEmpty(), "no form");
    }

    @Test
    void filtersByThemeLevelAndLibraryShowOnlyWhatMatchesAndStayChosen() {
        Site east = fixtures.library("est");
        Site west = fixtures.library("ouest");
        Workshop mail = fixtures.workshop(null, "Découvrir sa boîte mail", WorkshopLevel.BEGINNER, "EMAIL");
        Workshop phone = fixtures.workshop(null, "Bien utiliser son smartphone", WorkshopLevel.INTERMEDIATE, "EQUIPMENT_BASICS");
        Workshop scams = fixtures.workshop(null, "Reconnaître les arnaques", WorkshopLevel.BEGINNER, "SECURITY", "EMAIL");
        WorkshopSession mailEast = fixtures.session(east, mail, 2, 8);
        WorkshopSession phoneEast = fixtures.session(east, phone, 3, 8);
        WorkshopSession scamsWest = fixtures.session(west, scams, 4, 8);
        WorkshopSession mailWest = fixtures.session(west, mail, 5, 8);

        TestClient.Answer email = visitor().get("/ateliers?theme=EMAIL");
        assertTrue(entry(email, mailEast) != null && entry(email, scamsWest) != null && entry(email, mailWest) != null);
        assertNull(entry(email, phoneEast));
        assertEquals("EMAIL", email.html().selectFirst("#f-theme option[selected]").val(), "the theme stays chosen");

        TestClient.Answer beginnersWest = visitor().get("/ateliers?niveau=BEGINNER&bibliotheque=" + west.slug());
        assertTrue(entry(beginnersWest, scamsWest) != null && entry(beginnersWest, mailWest) != null);
        assertNull(entry(beginnersWest, mailEast), "another library's session is not shown");
        assertNull(entry(beginnersWest, phoneEast));
        assertEquals("BEGINNER", beginnersWest.html().selectFirst("#f-niveau option[selected]").val());
        assertEquals(west.slug(), beginnersWest.html().selectFirst("#f-bibliotheque option[selected]").val());
        assertEquals("Débutant", beginnersWest.html().selectFirst("#f-niveau option[selected]").text());

        TestClient.Answer intermediateEast = visitor().get("/ateliers?theme=EQUIPMENT_BASICS&niveau=INTERMEDIATE&bibliotheque=" + east.slug());
        assertEquals(List.of("/ateliers/seances/" + phoneEast.id()), intermediateEast.html().select("main .session h4 a").eachAttr("href"));

        // The form is a plain GET form to the same page: it works without JavaScript.
        Element form = email.html().selectFirst("main form[role=search]");
        assertEquals("get", form.attr("method"));
        assertEquals("/ateliers", form.attr("action"));
        assertEquals(List.of("theme", "niveau", "bibliotheque"), form.select("select").eachAttr("name"));
    }

    @Test
    void aLibrarysAgendaShowsOnlyItsSessionsWhateverTheAddressSays() {
        Site east = fixtures.library("seule");
        Site other = fixtures.library("autre");
        Workshop mail = fixtures.workshop(null, "Découvrir sa boîte mail", WorkshopLevel.BEGINNER, "EMAIL");
        WorkshopSession own = fixtures.session(east, mail, 2, 8);
        WorkshopSession elsewhere = fixtures.session(other, mail, 2, 8);

        TestClient.Answer agenda = visitor().get("/bibliotheques/" + east.slug() + "/ateliers?bibliotheque=" + other.slug());
        assertEquals(200, agenda.status());
        assertTrue(entry(agenda, own) != null);
        assertNull(entry(agenda, elsewhere), "another library's filter does not open its sessions here");
        assertNull(agenda.html().selectFirst("#f-bibliotheque"), "one library: no library choice");
        assertEquals("/bibliotheques/" + east.slug() + "/ateliers", agenda.html().selectFirst("main form[role=search]").attr("action"));

        assertEquals(404, visitor().get("/bibliotheques/n-existe-pas/ateliers").status());
    }

    @Test
    void filterValuesThatAreNotChoicesAreIgnored() {
        Site site = fixtures.library("valeurs");
        WorkshopSession s = fixtures.publicSession(site, 8);
        TestClient.Answer agenda = visitor().get("/bibliotheques/" + site.slug() + "/ateliers?theme=%3Cscript%3E&niveau=EXPERT");
        assertEquals(200, agenda.status());
        assertTrue(entry(agenda, s) != null, "no filter applied");
        assertTrue(agenda.html().select("#f-theme option[selected], #f-niveau option[selected]").isEmpty());
        assertFalse(agenda.body().contains("<script>"));
    }

    @Test
    void withoutSessionsThePageSaysSoInAPlainSentence() {
        Site empty = fixtures.library("vide");
        TestClient.Answer agenda = visitor().get("/bibliotheques/" + empty.slug() + "/ateliers");
        assertEquals(200, agenda.status());
        assertEquals("Aucun atelier n’est prévu dans les 12 prochaines semaines. Vous pouvez appeler la bibliothèque au 04 78 12 34 56.",
                TestClient.Answer.plain(agenda.html().selectFirst("main .notice").text()));
        assertTrue(agenda.html().select("main h3").isEmpty(), "no week heading");

        Site site = fixtures.library("filtre-vide");
        fixtures.publicSession(site, 8);
        TestClient.Answer none = visitor().get("/bibliotheques/" + site.slug() + "/ateliers?niveau=ADVANCED");
        assertEquals("Aucune séance ne correspond à ces choix. Voir toutes les séances", none.html().selectFirst("main .notice").text());
    }

    @Test
    void aSessionsPageSaysWhatWhenWhereAndHowManyPlacesAreLeft() {
        Site site = fixtures.library("seance");
        WorkshopSession s = fixtures.publicSession(site, 8);
        fixtures.register(s, "Awa", 2);

        TestClient.Answer page = visitor().get("/ateliers/seances/" + s.id());

        assertEquals(200, page.status());
        assertEquals("Découvrir sa boîte mail", page.h1());
        String main = TestClient.Answer.plain(page.html().selectFirst("main").text());
        for (String expected : List.of(DAY.format(s.sessionDate()) + ", 10 h 00", "de 10 h 00 à 11 h 30 (1 h 30)",
                "Niveau Débutant", "Places 6 places restantes", "Créer une adresse, lire et envoyer un message.",
                "Ce qu’il faut déjà savoir faire Savoir utiliser une souris.",
                "À apporter Votre téléphone portable Votre carte de bibliothèque",
                site.name() + " 12 rue des Lilas 69003 Lyon", "Salle : Salle Jules-Verne", "Entrée par le parc, au 1er étage.",
                "Accessibilité : Accès de plain-pied, ascenseur et toilettes adaptées.")) {
            assertTrue(main.contains(expected), "\"" + expected + "\" missing from " + main);
        }
        assertEquals("/ateliers/seances/" + s.id(), page.html().selectFirst("main form[method=post]").attr("action"));
        assertEquals(List.of("1", "2"), page.html().select("#f-seats option").eachAttr("value"), "up to the library's maximum");
        assertEquals("Facultatif. Utilisé seulement pour vous envoyer des messages sur cette inscription.",
                page.html().selectFirst("#f-phone-hint").text());
    }

    @Test
    void theAgendaSpeaksEnglishToo() {
        Site site = fixtures.library("english");
        WorkshopSession s = fixtures.session(site, fixtures.workshop(null, "E-mail basics", WorkshopLevel.ADVANCED, "EMAIL"),
                sites.today(site).plusDays(3), LocalTime.of(14, 30), 1, true);
        try (TestClient english = TestClient.of(server).header("Accept-Language", "en")) {
            TestClient.Answer agenda = english.get("/bibliotheques/" + site.slug() + "/ateliers");
            Element e = entry(agenda, s);
            assertTrue(text(e).contains("2:30 pm (1 h 30) Level: Advanced"), text(e));
            assertEquals("1 place left", text(e.selectFirst(".places")));
            assertTrue(weekOf(e).startsWith("Week of Monday "), weekOf(e));
        }
    }
}
