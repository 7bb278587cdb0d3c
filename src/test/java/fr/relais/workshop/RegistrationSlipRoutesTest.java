package fr.relais.workshop;

import com.itextpdf.kernel.geom.PageSize;
import fr.relais.pdf.PdfInspection;
import fr.relais.site.Site;
import fr.relais.site.Sites;
import fr.relais.testing.OnBothDatabases;
import fr.relais.testing.TestClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static fr.relais.workshop.AgendaSupport.download;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The registration slip as people get it: from their own page (with its key), and printed at the desk by a helper
 * of the library, in the language the person registered in. A promoted person's slip says the place is theirs.
 */
@MicronautTest(environments = "demo", transactional = false)
class RegistrationSlipRoutesTest extends OnBothDatabases {
    @Inject
    EmbeddedServer server;
    @Inject
    AgendaFixtures fixtures;
    @Inject
    Sites sites;
    @Inject
    Registrations registrations;

    private static String code(Registration r) {
        return r.code().substring(0, 3) + "-" + r.code().substring(3);
    }

    @Test
    void thePersonsSlipComesInBothFormatsWithItsKeyAndFollowsAPromotion() {
        Site centre = sites.bySlug("mediatheque-centre").orElseThrow();
        WorkshopSession s = fixtures.publicSession(centre, 1);
        Registration seated = fixtures.register(s, "Awa", 1);
        Registration waiting = fixtures.register(s, "Marie", 1);
        String base = "/ateliers/inscriptions/" + waiting.id() + "/bulletin.pdf?cle=" + fixtures.key(waiting.id());

        AgendaSupport.Download a4 = download(server, base + "&format=A4");
        assertEquals(200, a4.status());
        assertEquals("application/pdf", a4.contentType());
        PdfInspection sheet = new PdfInspection(a4.body());
        assertEquals(PageSize.A4.getHeight(), sheet.pageSizes.get(0).getHeight(), 0.5);
        assertTrue(sheet.squashedTaggedText().contains(PdfInspection.squash("Pour : Marie, 1 place")), sheet.taggedText);
        assertTrue(sheet.squashedTaggedText().contains(PdfInspection.squash("Inscription : sur liste d’attente, en tête de liste.")), sheet.taggedText);
        assertTrue(sheet.flatText().contains(code(waiting)));

        // Awa cancels: Marie's code, page and slip stay valid, and the slip now says the place is hers.
        registrations.cancel(seated, RegistrationStatus.CANCELLED_BY_USER, null);
        PdfInspection ticket = new PdfInspection(download(server, base + "&format=TICKET").body());
        assertEquals(PageSize.A6.getHeight(), ticket.pageSizes.get(0).getHeight(), 0.5);
        assertEquals(1, ticket.pages);
        assertTrue(ticket.squashedTaggedText().contains(PdfInspection.squash("Marie, 1 place — place réservée.")), ticket.taggedText);
        assertTrue(ticket.flatText().contains(code(waiting)));

        assertEquals(200, download(server, base + "&format=AUTRE").status(), "an unknown format prints the A4 sheet");
    }

    @Test
    void aHelperOfTheLibraryPrintsTheSlipInThePersonsLanguage() {
        Site centre = sites.bySlug("mediatheque-centre").orElseThrow();
        Site nord = sites.bySlug("bibliotheque-nord").orElseThrow();
        WorkshopSession s = fixtures.publicSession(centre, 8);
        Registration english = registrations.register(s.id(),
                new Registrations.Request("John", null, null, 2, "en", false), null).registration();
        Registration elsewhere = fixtures.register(fixtures.publicSession(nord, 8), "Lina", 1);
        try (TestClient helper = TestClient.of(server)) {
            helper.loginDemo("aidant.centre@relais.demo");

            AgendaSupport.Download slip = download(server,
                    "/bureau/ateliers/inscriptions/" + english.id() + "/bulletin.pdf?format=TICKET", helper);

            assertEquals(200, slip.status());
            PdfInspection in = new PdfInspection(slip.body());
            assertEquals("en", in.language);
            assertTrue(in.squashedTaggedText().contains(PdfInspection.squash("For: John, 2 places — places booked.")), in.taggedText);
            assertTrue(in.squashedTaggedText().contains(PdfInspection.squash("Registration code: " + code(english))));
            TestClient.Answer other = helper.get("/bureau/ateliers/inscriptions/" + elsewhere.id() + "/bulletin.pdf");
            assertEquals(404, other.status(), "another library's registration is unknown here");
        }
    }
}
