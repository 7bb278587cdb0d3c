package fr.relais.workshop;

import fr.relais.site.Site;
import fr.relais.site.Sites;
import fr.relais.testing.OnBothDatabases;
import fr.relais.testing.TestClient;
import fr.relais.web.TypedValues;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Changing and cancelling a session through HTTP: a capacity below the seats taken is refused with their number, a
 * larger one seats waiting people and says who; the date moves only while nobody is registered; a cancelled session
 * lists the people to inform — names and contacts for helpers, a count for the director. Nothing frees silently.
 */
@MicronautTest(environments = "demo", transactional = false)
class SessionEditTest extends OnBothDatabases {
    @Inject
    EmbeddedServer server;
    @Inject
    SessionFixtures data;
    @Inject
    Registrations registrations;
    @Inject
    Sites sites;
    @Inject
    javax.sql.DataSource dataSource;

    TestClient sami;
    TestClient director;
    TestClient nour;
    Site centre;

    @BeforeAll
    void signIn() {
        sami = TestClient.of(server).loginDemo("aidant.centre@relais.demo");
        director = TestClient.of(server).loginDemo("direction.centre@relais.demo");
        nour = TestClient.of(server).loginDemo("aidant.nord@relais.demo");
        centre = data.site("mediatheque-centre");
    }

    @AfterAll
    void close() {
        List.of(sami, director, nour).forEach(TestClient::close);
    }

    private String base(WorkshopSession s) {
        return "/bureau/" + s.siteId() + "/ateliers/" + s.id();
    }

    private static Map<String, Object> form(WorkshopSession s, String capacity) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("sessionDate", TypedValues.shown(s.sessionDate()));
        form.put("startTime", TypedValues.shown(s.startTime()));
        form.put("durationMinutes", String.valueOf(s.durationMinutes()));
        form.put("capacity", capacity);
        form.put("room", "Salle des conférences");
        form.put("publicListing", "on");
        return form;
    }

    private Registration withContact(WorkshopSession s, String name, String phone, String email) {
        return registrations.register(s.id(), new Registrations.Request(name, phone, email, 1, "fr", true), null).registration();
    }

    private long journaled(String action, long siteId) throws java.sql.SQLException {
        try (var c = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             var st = c.prepareStatement("SELECT COUNT(*) FROM journal_entry WHERE action = ? AND site_id = ?")) {
            st.setString(1, action);
            st.setLong(2, siteId);
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void aCapacityBelowTheSeatsTakenIsRefusedWithTheirNumberAndNothingIsHalfSaved() {
        WorkshopSession s = data.comingSession("mediatheque-centre", 8);
        data.register(s, "Awa", 2);
        data.register(s, "Bao", 2);
        data.register(s, "Chloé", 2);
        TestClient.Answer refused = sami.post(base(s) + "/modification", form(s, "4"));
        assertEquals(422, refused.status());
        assertEquals("Il y a déjà 6 places prises : la capacité ne peut pas être inférieure à 6.", refused.fieldMessage("capacity"));
        assertEquals("4", refused.fieldValue("capacity"));
        WorkshopSession after = data.reload(s);
        assertEquals(8, after.capacity());
        assertEquals("Salle du test", after.room(), "the room typed with it is not saved either");
        assertEquals(303, sami.post(base(s) + "/modification", form(s, "6")).status());
        assertEquals(6, data.reload(s).capacity());
        assertEquals("Salle des conférences", data.reload(s).room());
    }

    @Test
    void aLargerCapacitySeatsWaitingPeopleAndSaysWhoToHelpersAndHowManyToTheDirector() {
        WorkshopSession s = data.comingSession("mediatheque-centre", 2);
        data.register(s, "Awa", 2);
        Registration bao = data.register(s, "Bao", 1);
        Registration chloe = data.register(s, "Chloé", 1);
        assertEquals(RegistrationStatus.WAITING, bao.status());
        TestClient.Answer saved = sami.post(base(s) + "/modification", form(s, "4"));
        assertEquals(303, saved.status());
        assertEquals(base(s) + "/modification?enregistre=1&promus=" + bao.id() + "-" + chloe.id(), saved.location());
        TestClient.Answer shown = sami.get(saved.location());
        assertTrue(shown.body().contains("2 personnes de la liste d’attente ont obtenu une place."));
        assertTrue(shown.html().select(".flash").text().contains("Bao, Chloé"), shown.html().select(".flash").text());
        assertEquals(RegistrationStatus.SEATED, data.reload(bao).status());
        assertEquals(4, data.reload(s).seatsTaken());
        TestClient.Answer forDirector = director.get(saved.location());
        assertTrue(forDirector.body().contains("2 personnes de la liste d’attente ont obtenu une place."));
        assertFalse(forDirector.body().contains("Chloé"), "directors never see a user's name");
    }

    @Test
    void theDateMovesOnlyWhileNobodyIsRegistered() {
        WorkshopSession s = data.comingSession("mediatheque-centre", 8);
        Map<String, Object> moved = form(s, "8");
        moved.put("sessionDate", TypedValues.shown(s.sessionDate().plusDays(1)));
        moved.put("startTime", "14:30");
        assertEquals(303, director.post(base(s) + "/modification", moved).status());
        WorkshopSession after = data.reload(s);
        assertEquals(s.sessionDate().plusDays(1), after.sessionDate());
        assertEquals(ZonedDateTime.of(after.sessionDate(), LocalTime.of(14, 30), centre.zone()).toInstant(), after.startsAt());

        data.register(after, "Driss", 1);
        Map<String, Object> again = form(after, "8");
        again.put("startTime", "16:00");
        TestClient.Answer refused = sami.post(base(s) + "/modification", again);
        assertEquals(422, refused.status());
        assertEquals("Des personnes sont inscrites : pour changer la date ou l’heure, annulez cette séance et créez-en une autre.",
                refused.fieldMessage("sessionDate"));
        assertEquals(LocalTime.of(14, 30), data.reload(s).startTime());
        Map<String, Object> past = form(after, "8");
        past.put("sessionDate", TypedValues.shown(sites.today(centre).minusDays(2)));
        assertEquals(422, sami.post(base(data.comingSession("mediatheque-centre", 3)) + "/modification", past).status());
    }

    @Test
    void aCancelledSessionListsThePeopleToInformForHelpersAndOnlyHowManyForTheDirector() throws Exception {
        WorkshopSession s = data.comingSession("mediatheque-centre", 2);
        withContact(s, "Awa", "0612345678", null);
        withContact(s, "Bao", null, "bao@exemple.fr");
        withContact(s, "Chloé", "0698765432", null);
        assertEquals(200, sami.get(base(s) + "/annulation").status());
        TestClient.Answer empty = sami.post(base(s) + "/annulation", Map.of("reason", " "));
        assertEquals(422, empty.status());
        assertEquals("Indiquez le motif de l’annulation.", empty.fieldMessage("reason"));
        assertFalse(data.reload(s).cancelled());

        long opened = journaled("PERSONAL_DATA_OPENED", centre.id());
        long promotions = journaled("WORKSHOP_PROMOTED", centre.id());
        TestClient.Answer cancelled = sami.post(base(s) + "/annulation", Map.of("reason", "Aidant malade"));
        assertEquals(303, cancelled.status());
        assertEquals(base(s) + "/annulation", cancelled.location());
        WorkshopSession after = data.reload(s);
        assertTrue(after.cancelled());
        assertEquals(0, after.seatsTaken());
        assertEquals(promotions, journaled("WORKSHOP_PROMOTED", centre.id()), "the waiting person is not promoted");

        TestClient.Answer forHelper = sami.get(cancelled.location());
        assertEquals(List.of("Awa", "Bao", "Chloé"), forHelper.texts("#inform-caption ~ tbody th"));
        assertTrue(forHelper.body().contains("0612345678") && forHelper.body().contains("bao@exemple.fr"));
        assertEquals(List.of("06 12 34 56 78", "", "06 98 76 54 32"), forHelper.texts("#inform-caption ~ tbody td:nth-of-type(1)"),
                "numbers shown the French way, as people read them");
        assertTrue(forHelper.body().contains("3 personnes sont à prévenir."));
        assertTrue(forHelper.body().contains("Quand Relais enverra des messages, elles seront prévenues automatiquement."));
        assertEquals(opened + 1, journaled("PERSONAL_DATA_OPENED", centre.id()), "contacts shown: journaled");

        TestClient.Answer forDirector = director.get(cancelled.location());
        assertTrue(forDirector.body().contains("3 personnes sont à prévenir."));
        assertFalse(forDirector.body().contains("Awa") || forDirector.body().contains("0612345678")
                || forDirector.body().contains("06 12 34 56 78"));
        assertEquals(opened + 1, journaled("PERSONAL_DATA_OPENED", centre.id()), "no contact shown to the director");
        // Cancelling again, or changing a cancelled session: nothing to do.
        assertEquals(409, sami.post(base(s) + "/annulation", Map.of("reason", "Encore")).status());
        assertEquals(409, sami.post(base(s) + "/modification", form(s, "9")).status());
        assertEquals(404, nour.get(base(s) + "/annulation").status());
    }

    @Test
    void aStartedSessionIsNoLongerChanged() {
        WorkshopSession s = data.todaySession("mediatheque-centre", 5);
        TestClient.Answer page = sami.get(base(s) + "/modification");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("Cette séance a commencé ou est annulée : elle ne se modifie plus."));
        assertEquals(409, sami.post(base(s) + "/modification", form(s, "6")).status());
        assertEquals(5, data.reload(s).capacity());
    }
}
