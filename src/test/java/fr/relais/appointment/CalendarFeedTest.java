package fr.relais.appointment;

import fr.relais.testing.OnBothDatabases;
import fr.relais.testing.TestClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class CalendarFeedTest extends OnBothDatabases {
    @Inject
    EmbeddedServer server;
    @Inject
    AppointmentFixtures fixtures;
    @Inject
    Bookings bookings;

    @Test
    void aHelperSeesTheirAppointmentsWithoutNamesThroughASecretRevocableAddress() throws Exception {
        AppointmentFixtures.Desk desk = fixtures.desk("agenda-feed", 1);
        bookings.book(desk.site(), Slot.parse(desk.slot().key()).orElseThrow(),
                new Bookings.Request("Mme D.", "0611223344", "d@example.org", "EMAIL", null, null), null);
        try (TestClient helper = TestClient.of(server).login(desk.helperEmails().get(0), AppointmentFixtures.PASSWORD);
             TestClient calendarApp = TestClient.of(server)) {
            assertEquals("Mes rendez-vous dans mon agenda", helper.get("/compte/agenda").h1());
            TestClient.Answer created = helper.post("/compte/agenda", Map.of());
            assertEquals(200, created.status());
            String url = created.texts("code.feed-url").get(0);
            String path = URI.create(url).getPath();
            assertTrue(path.matches("/agenda/[A-Za-z0-9_-]{32}\\.ics"), path);

            TestClient.Answer feed = calendarApp.get(path);
            assertEquals(200, feed.status());
            assertTrue(feed.header("Content-Type").startsWith("text/calendar"));
            Calendar calendar = new CalendarBuilder().build(new StringReader(feed.body()));
            List<VEvent> events = calendar.getComponents("VEVENT");
            assertEquals(1, events.size());
            VEvent event = events.get(0);
            assertEquals("Rendez-vous — Courriel (e-mail)", event.getSummary().getValue());
            assertNotNull(event.getDateTimeStart());
            assertFalse(feed.body().contains("Mme D."), "no name leaves Relais");
            assertFalse(feed.body().contains("0611223344") || feed.body().contains("d@example.org"), "no contact either");

            // The page no longer shows the address; a new one replaces the old one.
            assertTrue(helper.get("/compte/agenda").html().select("code.feed-url").isEmpty());
            String newPath = URI.create(helper.post("/compte/agenda", Map.of()).texts("code.feed-url").get(0)).getPath();
            assertEquals(404, calendarApp.get(path).status(), "the old address stops working");
            assertEquals(200, calendarApp.get(newPath).status());

            assertEquals(303, helper.post("/compte/agenda/suppression", Map.of()).status());
            assertEquals(404, calendarApp.get(newPath).status(), "revoked");
            assertEquals(404, calendarApp.get("/agenda/not-a-token.ics").status());
        }
    }
}
