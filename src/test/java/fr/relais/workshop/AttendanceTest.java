package fr.relais.workshop;

import fr.relais.pdf.PdfInspection;
import fr.relais.pdf.PdfUaValidator;
import fr.relais.site.Sites;
import fr.relais.staff.StaffDirectory;
import fr.relais.testing.OnBothDatabases;
import fr.relais.testing.TestClient;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Attendance through HTTP, as Sami notes it after a session: each seated person present or absent, walk-ins as a
 * count; the session's collective accompaniment record is exactly what was noted (participants, themes, length,
 * channel, mode, helper, day, no name), corrected on the same day, and removed when nobody came.
 */
@MicronautTest(environments = "demo", transactional = false)
class AttendanceTest extends OnBothDatabases {
    @Inject
    EmbeddedServer server;
    @Inject
    SessionFixtures data;
    @Inject
    Sites sites;
    @Inject
    StaffDirectory staff;
    @Inject
    DataSource dataSource;

    TestClient sami;
    TestClient nour;
    long samiId;

    @BeforeAll
    void signIn() {
        sami = TestClient.of(server).loginDemo("aidant.centre@relais.demo");
        nour = TestClient.of(server).loginDemo("aidant.nord@relais.demo");
        samiId = staff.byEmail("aidant.centre@relais.demo").orElseThrow().id();
    }

    @AfterAll
    void close() {
        List.of(sami, nour).forEach(TestClient::close);
    }

    /** The collective record of a session as stored, or null when there is none. */
    record Stored(String mode, String channel, int participants, int duration, long helperId, long siteId, LocalDate day,
                  List<String> themes) {
    }

    private Stored record(WorkshopSession s) throws SQLException {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            List<Stored> found = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT id, mode, channel_code, participants, duration_minutes, "
                    + "helper_id, site_id, occurred_on FROM accompaniment WHERE workshop_session_id = ?")) {
                st.setLong(1, s.id());
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        List<String> themes = new ArrayList<>();
                        try (PreparedStatement t = c.prepareStatement(
                                "SELECT theme_code FROM accompaniment_theme WHERE accompaniment_id = ? ORDER BY theme_code")) {
                            t.setLong(1, rs.getLong(1));
                            try (ResultSet tr = t.executeQuery()) {
                                while (tr.next()) {
                                    themes.add(tr.getString(1));
                                }
                            }
                        }
                        found.add(new Stored(rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getLong(6),
                                rs.getLong(7), rs.getObject(8, LocalDate.class), themes));
                    }
                }
            }
            assertTrue(found.size() <= 1, "one record per session");
            return found.isEmpty() ? null : found.get(0);
        }
    }

    private long orphanThemes() throws SQLException {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement st = c.prepareStatement("SELECT COUNT(*) FROM accompaniment_theme t "
                     + "LEFT JOIN accompaniment a ON a.id = t.accompaniment_id WHERE a.id IS NULL");
             ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String attendance(WorkshopSession s) {
        return "/bureau/ateliers/seances/" + s.id() + "/presences";
    }

    private static Map<String, Object> form(List<Registration> present, String walkIns) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("present", present.stream().map(r -> String.valueOf(r.id())).toList());
        form.put("walkIns", walkIns);
        return form;
    }

    @Test
    void savingAttendanceWritesTheCollectiveRecordAndASameDayCorrectionRewritesIt() throws Exception {
        WorkshopSession s = data.todaySession("mediatheque-centre", 6);
        Registration awa = data.seat(s, "Awa", 2);
        Registration bao = data.seat(s, "Bao", 1);
        Registration chloe = data.seat(s, "Chloé", 1);
        TestClient.Answer page = sami.get(attendance(s));
        assertEquals(200, page.status());
        assertEquals(3, page.html().select("input[name=present]").size());

        assertEquals(303, sami.post(attendance(s), form(List.of(awa, bao), "3")).status());
        Stored stored = record(s);
        assertEquals(new Stored("DO_WITH", "WORKSHOP", 6, 90, samiId, s.siteId(), s.sessionDate(), List.of("EMAIL")), stored);
        assertEquals(Boolean.TRUE, data.reload(awa).attended());
        assertEquals(Boolean.FALSE, data.reload(chloe).attended());
        assertEquals(3, data.reload(s).walkIns());
        assertTrue(data.reload(s).attendanceTaken());
        TestClient.Answer saved = sami.get(attendance(s) + "?enregistre=1");
        assertTrue(saved.body().contains("Le bilan de l’atelier compte 6 participants."));
        assertTrue(saved.html().selectFirst("#f-present-" + awa.id()).hasAttr("checked"));

        // "Tout le monde était là", the same day: the same record, corrected.
        Map<String, Object> everyone = form(List.of(), "0");
        everyone.put("everyone", "1");
        assertEquals(303, sami.post(attendance(s), everyone).status());
        assertEquals(4, record(s).participants());
        assertEquals(Boolean.TRUE, data.reload(chloe).attended());
    }

    @Test
    void theRecordCarriesTheWorkshopsThemes() throws Exception {
        Workshop w = data.workshop("Sécurité et courriel", "mediatheque-centre", List.of("SECURITY", "EMAIL"));
        WorkshopSession s = data.session(w, "mediatheque-centre", sites.today(data.site("mediatheque-centre")), LocalTime.of(0, 1), 6);
        Registration awa = data.seat(s, "Awa", 1);
        assertEquals(303, sami.post(attendance(s), form(List.of(awa), "")).status());
        assertEquals(List.of("EMAIL", "SECURITY"), record(s).themes());
        assertEquals(1, record(s).participants());
    }

    @Test
    void whenNobodyCameThereIsNoRecordAndOneWrittenBeforeIsRemoved() throws Exception {
        WorkshopSession s = data.todaySession("mediatheque-centre", 6);
        Registration awa = data.seat(s, "Awa", 1);
        assertEquals(303, sami.post(attendance(s), form(List.of(), "0")).status());
        assertNull(record(s));
        assertEquals(303, sami.post(attendance(s), form(List.of(awa), "2")).status());
        assertEquals(3, record(s).participants());
        long orphans = orphanThemes();
        assertEquals(303, sami.post(attendance(s), form(List.of(), "")).status());
        assertNull(record(s), "nobody came: the record is removed");
        assertEquals(orphans, orphanThemes(), "its themes went with it");
        assertEquals(Boolean.FALSE, data.reload(awa).attended());
        assertTrue(sami.get(attendance(s)).body().contains("Personne n’est venu : pas de bilan d’atelier."));
        // Walk-ins alone make a record.
        assertEquals(303, sami.post(attendance(s), form(List.of(), "5")).status());
        assertEquals(5, record(s).participants());
    }

    @Test
    void wrongCountsAndEditedIdsAreRefusedWithoutSavingAnything() throws Exception {
        WorkshopSession s = data.todaySession("mediatheque-centre", 6);
        Registration awa = data.seat(s, "Awa", 1);
        TestClient.Answer tooMany = sami.post(attendance(s), form(List.of(awa), "501"));
        assertEquals(422, tooMany.status());
        assertEquals("Tapez un nombre de 0 à 500.", tooMany.fieldMessage("walkIns"));
        assertEquals("501", tooMany.fieldValue("walkIns"));
        assertEquals("Tapez un nombre de 0 à 500.", sami.post(attendance(s), form(List.of(awa), "trois")).fieldMessage("walkIns"));
        WorkshopSession other = data.todaySession("mediatheque-centre", 6);
        Registration elsewhere = data.seat(other, "Bao", 1);
        TestClient.Answer edited = sami.post(attendance(s), form(List.of(awa, elsewhere), "0"));
        assertEquals(422, edited.status());
        assertEquals("Ce choix n’est pas possible. Choisissez dans la liste.", edited.fieldMessage("present"));
        assertNull(record(s));
        assertNull(data.reload(awa).attended());
        assertEquals(404, nour.post(attendance(s), form(List.of(awa), "0")).status());
    }

    @Test
    void theAttendanceSheetIsPrintedBeforeTheSessionForTheLibrarysHelpers() {
        WorkshopSession s = data.comingSession("mediatheque-centre", 4);
        data.register(s, "Awa", 2);
        data.register(s, "Bao", 2);
        data.register(s, "Chloé", 1);
        TestClient.Answer sheet = sami.get("/bureau/ateliers/seances/" + s.id() + "/emargement.pdf");
        assertEquals(200, sheet.status());
        assertEquals("application/pdf", sheet.header("Content-Type"));
        assertEquals("inline; filename=\"feuille-emargement.pdf\"", sheet.header("Content-Disposition"));
        assertEquals(404, nour.get("/bureau/ateliers/seances/" + s.id() + "/emargement.pdf").status());
        byte[] pdf = bytes(sami, "/bureau/ateliers/seances/" + s.id() + "/emargement.pdf");
        PdfUaValidator.assertCompliant(pdf, "attendance sheet from the session's page");
        String text = new PdfInspection(pdf).squashedTaggedText();
        assertTrue(text.contains("Awa2☐") && text.contains("Bao2☐"), text);
        assertTrue(text.contains("Listed’attente(1)") && text.contains("1reChloé1☐"), text);
    }

    /** A file as this browser downloads it (the test client reads answers as text). */
    private byte[] bytes(TestClient browser, String path) {
        try {
            java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(server.getURI().resolve(path))
                    .header("Cookie", "relais_session=" + browser.cookie("relais_session").orElseThrow()).GET().build();
            java.net.http.HttpResponse<byte[]> response = java.net.http.HttpClient.newHttpClient()
                    .send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, response.statusCode());
            return response.body();
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void attendanceIsNotedFromTheSessionsDayAndCorrectedOnlyThatDay() throws Exception {
        WorkshopSession coming = data.comingSession("mediatheque-centre", 6);
        TestClient.Answer tooEarly = sami.get(attendance(coming));
        assertTrue(tooEarly.body().contains("Les présences se notent à partir du jour de la séance."));
        assertEquals(409, sami.post(attendance(coming), form(List.of(), "2")).status());
        assertNull(record(coming));

        WorkshopSession yesterday = data.session("mediatheque-centre", sites.today(data.site("mediatheque-centre")).minusDays(1),
                LocalTime.of(10, 0), 6);
        Registration awa = data.seat(yesterday, "Awa", 1);
        assertEquals(303, sami.post(attendance(yesterday), form(List.of(awa), "0")).status(), "forgotten yesterday: noted today");
        assertEquals(1, record(yesterday).participants());
        assertEquals(yesterday.sessionDate(), record(yesterday).day());
        TestClient.Answer late = sami.post(attendance(yesterday), form(List.of(), "4"));
        assertEquals(409, late.status());
        assertTrue(late.body().contains("Les présences sont notées ; elles ne se corrigent que le jour de la séance."));
        assertEquals(1, record(yesterday).participants());
    }
}
