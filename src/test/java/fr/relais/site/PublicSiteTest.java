package fr.relais.site;

import fr.relais.testing.OnBothDatabases;
import fr.relais.testing.TestClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The public home page and a library's public page lead a visitor to the workshops, without an account. */
@MicronautTest(environments = "demo", transactional = false)
class PublicSiteTest extends OnBothDatabases {
    @Inject
    EmbeddedServer server;

    private static Element link(Document page, String text) {
        Element link = page.selectFirst("main a:containsOwn(" + text + ")");
        assertNotNull(link, "no link « " + text + " » in " + page.select("main a").eachText());
        return link;
    }

    @ParameterizedTest
    @ValueSource(strings = {"mediatheque-centre", "bibliotheque-nord"})
    void aLibrarysPageLinksToItsOwnWorkshopAgenda(String slug) {
        try (TestClient visitor = TestClient.of(server)) {
            TestClient.Answer page = visitor.get("/bibliotheques/" + slug);
            assertEquals(200, page.status(), page.body());
            Element agenda = link(page.html(), "Les ateliers de cette bibliothèque");
            assertEquals("/bibliotheques/" + slug + "/ateliers", agenda.attr("href"));
            TestClient.Answer opened = visitor.get(agenda.attr("href"));
            assertEquals(200, opened.status(), opened.body());
            assertEquals("Ateliers — " + page.h1(), opened.h1(), "the agenda of that library");
        }
    }

    @Test
    void theHomePageLinksToTheNetworksWorkshopsAndToFindingARegistration() {
        try (TestClient visitor = TestClient.of(server)) {
            Document home = visitor.get("/").html();
            Element workshops = link(home, "Les ateliers du réseau");
            assertEquals("/ateliers", workshops.attr("href"));
            assertEquals(200, visitor.get(workshops.attr("href")).status());
            Element find = link(home, "Retrouver ou annuler une inscription à un atelier");
            assertEquals("/ateliers/inscription/retrouver", find.attr("href"));
            TestClient.Answer form = visitor.get(find.attr("href"));
            assertEquals(200, form.status(), form.body());
            assertNotNull(form.html().selectFirst("main form input[name=code]"), "the form asking for the code");
        }
    }
}
