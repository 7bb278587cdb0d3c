package fr.relais.demo;

import fr.relais.site.Site;
import fr.relais.site.Sites;
import fr.relais.testing.OnBothDatabases;
import fr.relais.testing.TestClient;
import fr.relais.workshop.WorkshopSessions;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fresh start shows every state of a workshop session at both demo libraries, as the helper and the public see
 * them: a full session with two people waiting, one with places left, one for a partner's group kept off the
 * public agenda.
 */
@MicronautTest(environments = "demo", transactional = false)
class DemoWorkshopsTest extends OnBothDatabases {
    @Inject
    EmbeddedServer server;
    @Inject
    Sites sites;
    @Inject
    WorkshopSessions sessions;

    @ParameterizedTest
    @CsvSource({"mediatheque-centre, aidant.centre@relais.demo, Sauvegarder les photos de son téléphone",
            "bibliotheque-nord, aidant.nord@relais.demo, Bien démarrer avec sa boîte mail"})
    void eachLibraryShowsAFullSessionWithAWaitingListPlacesLeftAndAGroupOffTheAgenda(String slug, String helper,
                                                                                      String groupWorkshop) {
        Site site = sites.bySlug(slug).orElseThrow();
        List<WorkshopSessions.Listed> coming = sessions.between(site, sites.today(site), sites.today(site).plusWeeks(6));
        WorkshopSessions.Listed full = coming.stream().filter(l -> l.full() && l.waiting() == 2).findFirst()
                .orElseThrow(() -> new AssertionError("no full session with two people waiting at " + slug));
        assertTrue(coming.stream().anyMatch(l -> !l.full() && !l.session().cancelled() && l.session().seatsTaken() > 0
                && l.session().publicListing()), "a public session with people registered and places left");
        assertTrue(coming.stream().anyMatch(l -> !l.session().publicListing()), "a session for a partner's group");

        try (TestClient desk = TestClient.of(server).loginDemo(helper)) {
            Document day = desk.get("/bureau/" + site.id() + "/jour/" + full.session().sessionDate()).html();
            Element line = day.selectFirst("ul.day-sessions a[href=/bureau/ateliers/seances/" + full.session().id() + "]");
            assertNotNull(line, "the full session in the desk day view");
            assertTrue(line.closest("li").text().endsWith("complet, 2 en liste d’attente"), line.closest("li").text());
            TestClient.Answer page = desk.get(line.attr("href"));
            assertEquals(List.of("1re", "2e"), page.texts("#waiting-caption ~ tbody td:first-child"), "two people in line");
        }

        try (TestClient visitor = TestClient.of(server)) {
            Document agenda = visitor.get("/bibliotheques/" + slug + "/ateliers").html();
            List<String> places = agenda.select("main li.session .places").eachText();
            assertTrue(places.contains("Complet — liste d’attente possible"), places.toString());
            assertTrue(places.stream().anyMatch(p -> p.matches("\\d+ places? restantes?")), places.toString());
            assertFalse(agenda.select("main li.session h3 a").eachText().contains(groupWorkshop),
                    "the partner's group session is not on the public agenda");
            Document network = visitor.get("/ateliers").html();
            assertTrue(network.select("main li.session").text().contains(site.name()), "on the network's agenda too");
        }
    }
}
