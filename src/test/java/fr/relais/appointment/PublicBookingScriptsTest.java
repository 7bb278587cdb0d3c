package fr.relais.appointment;

import fr.relais.pdf.Scripts;
import fr.relais.testing.OnBothDatabases;
import fr.relais.testing.TestClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static fr.relais.appointment.PublicBookingBase.bookedId;
import static fr.relais.appointment.PublicBookingBase.bookingForm;
import static fr.relais.appointment.PublicBookingBase.download;
import static fr.relais.appointment.PublicBookingBase.mainText;
import static fr.relais.appointment.PublicBookingBase.slotPath;
import static fr.relais.appointment.PublicBookingBase.slug;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A person books with a first name in Chinese or in Arabic, as an anonymous visitor does it through HTTP: the booking
 * is accepted and both slips (A4 and ticket) are PDFs that print the name readably.
 */
@MicronautTest(environments = "demo", transactional = false)
class PublicBookingScriptsTest extends OnBothDatabases {
    @Inject
    EmbeddedServer server;
    @Inject
    AppointmentFixtures fixtures;
    @Inject
    AppointmentRepository appointments;

    TestClient visitor;

    @BeforeAll
    void openBrowser() {
        visitor = TestClient.of(server);
    }

    @AfterAll
    void closeBrowser() {
        visitor.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"李小龙", "محمد"})
    void aNameInAnyScriptIsBookedAndPrintsOnBothSlips(String firstName) {
        AppointmentFixtures.Desk desk = fixtures.desk(slug("ecritures"), 1);
        TestClient.Answer booked = visitor.post(slotPath(desk.site(), desk.slot()), bookingForm(firstName, null, null));
        long id = bookedId(booked);
        assertEquals(firstName, appointments.findById(id).orElseThrow().firstName());

        TestClient.Answer page = visitor.get(booked.location());
        assertEquals(200, page.status());
        assertTrue(mainText(page).contains(firstName), mainText(page));
        for (String name : List.of("Imprimer la convocation", "Petit ticket à imprimer")) {
            PublicBookingBase.Download pdf = download(server, linkNamed(page, name));
            assertEquals(200, pdf.status(), name);
            assertTrue(pdf.contentType().startsWith("application/pdf"), pdf.contentType());
            Scripts.assertPrinted(pdf.body(), new Scripts.Name(firstName, firstName), name + " for " + firstName);
        }
    }

    private static String linkNamed(TestClient.Answer page, String name) {
        Element link = page.html().select("main a[href]").stream().filter(a -> a.text().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no link " + name + " in " + mainText(page)));
        return link.attr("href");
    }
}
