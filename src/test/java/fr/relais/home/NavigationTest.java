package fr.relais.home;

import fr.relais.security.CurrentStaff;
import fr.relais.security.Role;
import fr.relais.site.Site;
import fr.relais.site.Sites;
import fr.relais.testing.OnBothDatabases;
import fr.relais.testing.TestClient;
import fr.relais.workshop.SessionFixtures;
import fr.relais.workshop.WorkshopSession;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The signed-in menu and the home pages, as each demo role sees them: where "Ateliers" leads (a library's sessions
 * for helpers and directors, the catalogue for coordination), which page it marks as the current one, and the
 * director's links to the sessions and the registration settings.
 */
@MicronautTest(environments = "demo", transactional = false)
class NavigationTest extends OnBothDatabases {
    @Inject
    EmbeddedServer server;
    @Inject
    Sites sites;
    @Inject
    SessionFixtures workshops;

    private Site centre() {
        return sites.bySlug("mediatheque-centre").orElseThrow();
    }

    /** The menu's labels, in order, on a page. */
    private static List<String> menu(Document page) {
        return page.select("nav.main-nav a").eachText();
    }

    private static Element menuLink(Document page, String label) {
        return page.select("nav.main-nav a").stream().filter(a -> a.text().equals(label)).findFirst().orElse(null);
    }

    @Test
    void aHelpersMenuLeadsToTheSessionsOfTheirLibraryAndMarksEveryWorkshopPageOfTheDesk() {
        long centre = centre().id();
        WorkshopSession session = workshops.comingSession("mediatheque-centre", 8);
        try (TestClient sami = TestClient.of(server).loginDemo("aidant.centre@relais.demo")) {
            Document home = sami.get("/accueil").html();
            assertEquals(List.of("Accueil", "Accompagnements", "Mandats", "Ateliers", "Partenaires", "Mon agenda",
                    "Mes absences", "Mon mot de passe"), menu(home));
            Element workshopsLink = menuLink(home, "Ateliers");
            assertEquals("/bureau/" + centre + "/ateliers", workshopsLink.attr("href"));
            assertEquals("", workshopsLink.attr("aria-current"), "not the current page at home");

            TestClient.Answer list = sami.get(workshopsLink.attr("href"));
            assertEquals(200, list.status(), list.body());
            assertEquals("page", menuLink(list.html(), "Ateliers").attr("aria-current"));
            Document sessionPage = sami.get("/bureau/ateliers/seances/" + session.id()).html();
            assertEquals("page", menuLink(sessionPage, "Ateliers").attr("aria-current"), "a session is a workshop page");
            assertEquals("", menuLink(sessionPage, "Accueil").attr("aria-current"));
        }
    }

    @Test
    void aDirectorsMenuAndHomeLeadToTheSessionsAndTheRegistrationSettings() {
        long centre = centre().id();
        try (TestClient dominique = TestClient.of(server).loginDemo("direction.centre@relais.demo")) {
            Document home = dominique.get("/accueil").html();
            assertEquals("/bureau/" + centre + "/ateliers", menuLink(home, "Ateliers").attr("href"));
            Element settings = home.selectFirst("main a:containsOwn(Réglages des inscriptions aux ateliers)");
            assertNotNull(settings, "the director's home links to the workshop settings");
            assertEquals("/bureau/" + centre + "/ateliers/reglages", settings.attr("href"));
            assertEquals("/bureau/" + centre + "/ateliers",
                    home.selectFirst("main a:containsOwn(Séances d’ateliers)").attr("href"));
            TestClient.Answer opened = dominique.get(settings.attr("href"));
            assertEquals(200, opened.status(), opened.body());
            assertEquals("page", menuLink(opened.html(), "Ateliers").attr("aria-current"));
        }
    }

    @Test
    void theCoordinatorsMenuLeadsToTheCatalogueAndTheAdministratorsHasNoWorkshops() {
        try (TestClient camille = TestClient.of(server).loginDemo("coordination@relais.demo")) {
            Document home = camille.get("/accueil").html();
            assertEquals("/gestion/ateliers", menuLink(home, "Ateliers").attr("href"));
            assertEquals("/gestion/ateliers", home.selectFirst("main a:containsOwn(Catalogue des ateliers)").attr("href"));
            TestClient.Answer catalogue = camille.get("/gestion/ateliers");
            assertEquals(200, catalogue.status(), catalogue.body());
            assertEquals("page", menuLink(catalogue.html(), "Ateliers").attr("aria-current"));
        }
        try (TestClient alex = TestClient.of(server).loginDemo("admin@relais.demo")) {
            assertNull(menuLink(alex.get("/accueil").html(), "Ateliers"), "administration has no workshop menu");
        }
    }

    @Test
    void aHelperOfTwoLibrariesGetsTheLibraryShownOrElseTheirFirst() {
        CurrentStaff twoSites = new CurrentStaff(7, "Sami", Role.HELPER, Set.of(12L, 3L), false, false);
        assertEquals("/bureau/12/ateliers", Navigation.workshops(twoSites, "/bureau/12/jour/2026-03-03").orElseThrow().href());
        assertEquals("/bureau/3/ateliers", Navigation.workshops(twoSites, "/accueil").orElseThrow().href());
        assertEquals("/bureau/3/ateliers", Navigation.workshops(twoSites, "/bureau/99/ateliers").orElseThrow().href(),
                "never a library that is not theirs");
        assertTrue(Navigation.workshops(twoSites, "/bureau/12/ateliers/5/modification").orElseThrow().current());
        assertTrue(!Navigation.workshops(twoSites, "/bureau/12/semaine/2026-03-02").orElseThrow().current());
        CurrentStaff noSite = new CurrentStaff(8, "Jo", Role.HELPER, Set.of(), false, false);
        assertTrue(Navigation.workshops(noSite, "/accueil").isEmpty(), "no library, no sessions to show");
    }
}
