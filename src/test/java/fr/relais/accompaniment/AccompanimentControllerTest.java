package fr.relais.accompaniment;

import fr.relais.appointment.Appointment;
import fr.relais.site.Site;
import fr.relais.site.Sites;
import fr.relais.staff.StaffRepository;
import fr.relais.testing.MutableClock;
import fr.relais.testing.OnBothDatabases;
import fr.relais.testing.TestClient;
import fr.relais.web.Messages;
import fr.relais.workshop.Registration;
import fr.relais.workshop.SessionFixtures;
import fr.relais.workshop.WorkshopSession;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static fr.relais.accompaniment.AccompanimentFixtures.form;
import static fr.relais.accompaniment.AccompanimentFixtures.savedId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The log through HTTP, as the demo helpers use it: Sami (aidant.centre, habilitated), Jeanne (benevole.centre, not
 * habilitated) and Nour (aidant.nord). Defaults, field rules, the appointment link, correction and deletion the
 * same day. The rules of "faire à la place" and "orienter" are in {@link DoForTest} and {@link ReferTest}.
 */
@MicronautTest(environments = "demo", transactional = false)
class AccompanimentControllerTest extends OnBothDatabases {
    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    @Inject
    EmbeddedServer server;
    @Inject
    Sites sites;
    @Inject
    StaffRepository staff;
    @Inject
    AccompanimentRepository records;
    @Inject
    Accompaniments accompaniments;
    @Inject
    AccompanimentFixtures data;
    @Inject
    Messages messages;
    @Inject
    MutableClock clock;
    @Inject
    SessionFixtures workshops;

    TestClient sami;
    TestClient jeanne;
    TestClient nour;
    Site centre;
    Site nord;
    long samiId;
    long jeanneId;

    @BeforeAll
    void signIn() {
        sami = TestClient.of(server).loginDemo("aidant.centre@relais.demo");
        jeanne = TestClient.of(server).loginDemo("benevole.centre@relais.demo");
        nour = TestClient.of(server).loginDemo("aidant.nord@relais.demo");
        centre = sites.bySlug("mediatheque-centre").orElseThrow();
        nord = sites.bySlug("bibliotheque-nord").orElseThrow();
        samiId = staff.findByEmail("aidant.centre@relais.demo").orElseThrow().id();
        jeanneId = staff.findByEmail("benevole.centre@relais.demo").orElseThrow().id();
    }

    @AfterAll
    void closeBrowsers() {
        sami.close();
        jeanne.close();
        nour.close();
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    String msg(String key, Object... args) {
        return messages.get(Locale.FRENCH, key, args);
    }

    String newPath() {
        return AccompanimentFixtures.newPath(centre);
    }

    Accompaniment record(long id) {
        return records.findById(id).orElseThrow();
    }

    ZonedDateTime nowAtCentre() {
        return clock.instant().atZone(ZoneId.of(centre.timeZone()));
    }

    // ---- the record: defaults and rules --------------------------------------------------------------------

    @Test
    void walkInWithOnlyModeAndThemeIsSavedWithEveryDefault() {
        TestClient.Answer page = sami.get(newPath() + "?mode=DO_WITH");
        assertEquals(200, page.status(), page.body());
        Document html = page.html();
        assertEquals("Noter un accompagnement", page.h1());
        assertTrue(html.selectFirst("#f-mode-DO_WITH").hasAttr("checked"), "the mode chosen on the desk");
        assertNotNull(html.selectFirst("input[name=themes][autofocus]"), "the first theme has the focus");
        assertEquals(1, html.select("[autofocus]").size());
        assertEquals(SHOWN.format(nowAtCentre().toLocalDate()), page.fieldValue("date"));
        assertTrue(html.selectFirst("#f-channel-WALK_IN").hasAttr("checked"), "sans rendez-vous by default");
        assertEquals("30", html.selectFirst("#f-duration option[selected]").val());
        // No field for a name, a phone or an e-mail: the name typed to find a mandate is a search, never stored.
        assertEquals(java.util.Set.of("csrfToken", "action", "mode", "themes", "scopes", "mandateSearch", "partnerId", "date",
                        "time", "duration", "durationOther", "channel", "autonomy", "equipment", "ageBracket", "firstVisit", "note"),
                new java.util.HashSet<>(html.select("form.log-form [name]").eachAttr("name")));
        // The first submit button, hidden, is the one Enter presses: it saves.
        assertEquals("save", html.selectFirst("form.log-form button[type=submit]").val());

        long id = savedId(sami.post(newPath(), form("mode", "DO_WITH", "themes", "EMAIL")));
        Accompaniment a = record(id);
        assertEquals(centre.id(), a.siteId());
        assertEquals(samiId, a.helperId());
        assertEquals(AccompanimentMode.DO_WITH, a.mode());
        assertEquals(30, a.durationMinutes());
        assertEquals("WALK_IN", a.channelCode());
        assertEquals(nowAtCentre().toLocalDate(), a.occurredOn());
        assertTrue(Math.abs(a.occurredAt().getEpochSecond() - clock.instant().getEpochSecond()) < 120, a.occurredAt().toString());
        assertNull(a.appointmentId());
        assertNull(a.mandateId());
        assertNull(a.partnerId());
        assertNull(a.note());
        assertEquals(List.of("EMAIL"), accompaniments.detail(id).themes());

        TestClient.Answer saved = sami.get("/accompagnements/" + centre.id() + "/" + id + "?nouveau=1");
        assertEquals(200, saved.status());
        assertEquals(msg("accompaniment.saved"), saved.html().selectFirst(".flash").text());
        assertTrue(saved.html().selectFirst("dl.summary").text().contains("Courriel (e-mail)"));
    }

    @Test
    void everyOptionalFieldIsKept() {
        LocalDate yesterday = nowAtCentre().toLocalDate().minusDays(1);
        long id = savedId(sami.post(newPath(), form("mode", "DO_WITH", "themes", List.of("ADMIN_PROCEDURES", "EMAIL"),
                "scopes", List.of("HOUSING", "FAMILY"), "date", SHOWN.format(yesterday), "time", "15h10", "duration", "30",
                "durationOther", "50", "channel", "PHONE", "autonomy", "PARTLY_AUTONOMOUS", "equipment", List.of("PHONE", "COMPUTER"),
                "ageBracket", "60_69", "firstVisit", "NO", "note", "Revient la semaine prochaine")));
        Accompaniment a = record(id);
        assertEquals(yesterday, a.occurredOn());
        assertEquals(LocalTime.of(15, 10), a.occurredAt().atZone(ZoneId.of(centre.timeZone())).toLocalTime());
        assertEquals(50, a.durationMinutes(), "a typed duration wins over the list");
        assertEquals("PHONE", a.channelCode());
        assertEquals(Autonomy.PARTLY_AUTONOMOUS, a.autonomy());
        assertEquals("60_69", a.ageBracketCode());
        assertEquals(Boolean.FALSE, a.firstVisit());
        assertEquals("Revient la semaine prochaine", a.note());
        Accompaniments.Detail d = accompaniments.detail(id);
        assertEquals(List.of("ADMIN_PROCEDURES", "EMAIL"), d.themes());
        assertEquals(List.of("HOUSING", "FAMILY"), d.scopes());
        assertEquals(List.of("PHONE", "COMPUTER"), d.equipment());
        // Ne sait pas: nothing stored.
        long unknown = savedId(sami.post(newPath(), form("mode", "DO_WITH", "themes", "OFFICE", "firstVisit", "", "duration", "90")));
        assertNull(record(unknown).firstVisit());
        assertEquals(90, record(unknown).durationMinutes());
    }

    @Test
    void modeAndThemeAreRequiredAndWhatWasTypedIsKept() {
        long before = records.count();
        TestClient.Answer answer = sami.post(newPath(), form("note", "Imprimante bloquée", "durationOther", "20"));
        assertEquals(422, answer.status());
        assertEquals(msg("accompaniment.error.mode.required"), answer.fieldMessage("mode"));
        assertEquals(msg("accompaniment.error.theme.required"), answer.fieldMessage("themes"));
        assertEquals("Imprimante bloquée", answer.fieldValue("note"));
        assertEquals("20", answer.fieldValue("durationOther"));
        assertEquals(before, records.count(), "nothing saved");

        TestClient.Answer unknownMode = sami.post(newPath(), form("mode", "PLAY", "themes", "EMAIL"));
        assertEquals(422, unknownMode.status());
        assertEquals(msg("error.choice"), unknownMode.fieldMessage("mode"));
        TestClient.Answer unknownTheme = sami.post(newPath(), form("mode", "DO_WITH", "themes", "COOKING"));
        assertEquals(422, unknownTheme.status());
        assertEquals(msg("error.choice"), unknownTheme.fieldMessage("themes"));
        assertTrue(unknownTheme.html().selectFirst("#f-mode-DO_WITH").hasAttr("checked"), "the mode chosen is kept");
        assertEquals(before, records.count());
    }

    @Test
    void aProcedureScopeGoesOnlyWithTheProceduresTheme() {
        TestClient.Answer answer = sami.post(newPath(), form("mode", "DO_WITH", "themes", "EMAIL", "scopes", "HOUSING"));
        assertEquals(422, answer.status());
        assertEquals(msg("accompaniment.error.scope.notAllowed"), answer.fieldMessage("scopes"));
        assertTrue(answer.fieldMessage("scopes").contains("« Aide aux démarches en ligne »"), answer.fieldMessage("scopes"));
        assertTrue(answer.html().selectFirst("#f-scope-HOUSING").hasAttr("checked"));
        assertTrue(answer.html().selectFirst("#f-theme-EMAIL").hasAttr("checked"));
        TestClient.Answer unknown = sami.post(newPath(), form("mode", "DO_WITH", "themes", "ADMIN_PROCEDURES", "scopes", "LOTTERY"));
        assertEquals(msg("error.choice"), unknown.fieldMessage("scopes"));
    }

    @ParameterizedTest(name = "duration {0} / other {1}")
    @CsvSource(value = {"25,,duration,error.choice", "abc,,duration,error.choice", "'',,durationOther,accompaniment.error.duration",
            "30,0,durationOther,accompaniment.error.duration",
            "30,481,durationOther,accompaniment.error.duration", "30,1h,durationOther,accompaniment.error.duration",
            "30,123456,durationOther,accompaniment.error.duration"})
    void aBadDurationIsRefused(String duration, String other, String field, String key) {
        TestClient.Answer answer = sami.post(newPath(), form("mode", "DO_WITH", "themes", "EMAIL", "duration", duration,
                "durationOther", other == null ? "" : other));
        assertEquals(422, answer.status());
        assertEquals(msg(key), answer.fieldMessage(field));
        assertTrue(answer.html().selectFirst("details.more").hasAttr("open"), "the details open on their error");
    }

    @Test
    void customDurationsFromOneToEightHours() {
        assertEquals(1, record(savedId(sami.post(newPath(), form("mode", "DO_WITH", "themes", "EMAIL", "durationOther", "1")))).durationMinutes());
        assertEquals(480, record(savedId(sami.post(newPath(), form("mode", "DO_WITH", "themes", "EMAIL", "durationOther", "480")))).durationMinutes());
    }

    @Test
    void aDateInTheFutureOrMoreThanAWeekBackIsRefused() {
        LocalDate today = nowAtCentre().toLocalDate();
        TestClient.Answer tomorrow = sami.post(newPath(), form("mode", "DO_WITH", "themes", "EMAIL",
                "date", SHOWN.format(today.plusDays(1)), "time", "10:00"));
        assertEquals(422, tomorrow.status());
        assertEquals(msg("accompaniment.error.future"), tomorrow.fieldMessage("date"));
        assertEquals(SHOWN.format(today.plusDays(1)), tomorrow.fieldValue("date"));

        ZonedDateTime inAnHour = nowAtCentre().plusHours(1);
        if (inAnHour.toLocalDate().equals(today)) {
            TestClient.Answer later = sami.post(newPath(), form("mode", "DO_WITH", "themes", "EMAIL",
                    "date", SHOWN.format(today), "time", String.format("%02d:%02d", inAnHour.getHour(), inAnHour.getMinute())));
            assertEquals(msg("accompaniment.error.future"), later.fieldMessage("time"));
        }

        TestClient.Answer old = sami.post(newPath(), form("mode", "DO_WITH", "themes", "EMAIL",
                "date", SHOWN.format(today.minusDays(8)), "time", "10:00"));
        assertEquals(422, old.status());
        assertEquals(msg("accompaniment.error.tooOld", 7), old.fieldMessage("date"));
        long weekAgo = savedId(sami.post(newPath(), form("mode", "DO_WITH", "themes", "EMAIL",
                "date", SHOWN.format(today.minusDays(7)), "time", "10:00")));
        assertEquals(today.minusDays(7), record(weekAgo).occurredOn());

        TestClient.Answer nonsense = sami.post(newPath(), form("mode", "DO_WITH", "themes", "EMAIL", "date", "31/02/2026", "time", "25:00"));
        assertEquals(msg("error.date"), nonsense.fieldMessage("date"));
        assertEquals(msg("error.hours.format"), nonsense.fieldMessage("time"));
    }

    @Test
    void aNoteWithASocialSecurityNumberIsRefusedAndKeptForCorrection() {
        String note = "Numéro 1 84 12 76 451 089 46 pour la CPAM";
        TestClient.Answer answer = sami.post(newPath(), form("mode", "DO_WITH", "themes", "HEALTH", "note", note));
        assertEquals(422, answer.status());
        assertEquals("Ne notez pas d’identifiant, de mot de passe ni de numéro de sécurité sociale.",
                answer.fieldMessage("note"));
        assertEquals(note, answer.fieldValue("note"));
        assertTrue(answer.html().selectFirst("details.more").hasAttr("open"));
        TestClient.Answer password = sami.post(newPath(), form("mode", "DO_WITH", "themes", "EMAIL", "note", "mdp : Soleil2024"));
        assertEquals(msg("accompaniment.error.note.sensitive"), password.fieldMessage("note"));
        TestClient.Answer tooLong = sami.post(newPath(), form("mode", "DO_WITH", "themes", "EMAIL", "note", "x".repeat(301)));
        assertEquals(msg("error.tooLong", 300), tooLong.fieldMessage("note"));
    }

    @Test
    void unknownChoicesInTheDetailsAreRefusedOneByOne() {
        TestClient.Answer answer = sami.post(newPath(), form("mode", "DO_WITH", "themes", "EMAIL", "channel", "PIGEON",
                "autonomy", "SOMETIMES", "equipment", "ROBOT", "ageBracket", "200", "firstVisit", "MAYBE"));
        assertEquals(422, answer.status());
        for (String field : List.of("channel", "autonomy", "equipment", "ageBracket", "firstVisit")) {
            assertEquals(msg("error.choice"), answer.fieldMessage(field), field);
        }
    }

    @Test
    void anotherSitesFormIsNotFoundAndDirectorsDoNotLog() {
        assertEquals(404, nour.get(newPath()).status());
        assertEquals(404, nour.post(newPath(), form("mode", "DO_WITH", "themes", "EMAIL")).status());
        assertEquals(404, sami.get("/accompagnements/999999/nouveau").status());
        try (TestClient director = TestClient.of(server).loginDemo("direction.centre@relais.demo")) {
            assertEquals(403, director.get(newPath()).status());
            assertEquals(403, director.post(newPath(), form("mode", "DO_WITH", "themes", "EMAIL")).status());
        }
    }

    @Test
    void theDeskOffersTheWalkInLinksAndFrequentThemesComeFirst() {
        Document day = sami.get("/bureau/" + centre.id() + "/jour/" + nowAtCentre().toLocalDate()).html();
        List<String> links = day.select("main section.walk-in a").eachAttr("href");
        assertEquals(List.of(newPath() + "?mode=DO_WITH", newPath() + "?mode=DO_FOR", newPath() + "?mode=REFER"), links);
        assertEquals("Sans rendez-vous : Faire avec", day.selectFirst("main section.walk-in a").text());
        // Jeanne is not habilitated: no "faire à la place" link, and the choice is shown closed with its reason.
        Document jeanneDay = jeanne.get("/bureau/" + centre.id() + "/jour/" + nowAtCentre().toLocalDate()).html();
        assertEquals(2, jeanneDay.select("main section.walk-in a").size());
        Document form = jeanne.get(newPath() + "?mode=DO_FOR").html();
        assertTrue(form.selectFirst("#f-mode-DO_FOR").hasAttr("disabled"));
        assertFalse(form.selectFirst("#f-mode-DO_FOR").hasAttr("checked"));
        assertEquals(msg("accompaniment.mode.DO_FOR.closed"), form.selectFirst("#f-mode-DO_FOR-hint").text());
        assertNull(form.selectFirst("#f-mandateSearch"), "no mandate search for whom cannot act for someone");

        // The themes chosen most at the site lately come first.
        List<AccompanimentRepository.ThemeUse> uses = records.themeUses(centre.id(), nowAtCentre().toLocalDate().minusDays(90));
        long most = uses.stream().filter(u -> !u.code().equals("PRINT_SCAN")).mapToLong(AccompanimentRepository.ThemeUse::uses).max().orElse(0);
        long printScan = uses.stream().filter(u -> u.code().equals("PRINT_SCAN")).mapToLong(AccompanimentRepository.ThemeUse::uses).sum();
        for (long i = printScan; i <= most; i++) {
            savedId(sami.post(newPath(), form("mode", "DO_WITH", "themes", "PRINT_SCAN")));
        }
        Document again = sami.get(newPath() + "?mode=DO_WITH").html();
        assertEquals("PRINT_SCAN", again.selectFirst("input[name=themes]").val());
        assertTrue(again.selectFirst("#f-theme-PRINT_SCAN").hasAttr("autofocus"));
    }

    @Test
    void editedAddressesAnswerNotFoundNeverAServerError() {
        String c = "/accompagnements/" + centre.id();
        for (String path : List.of(c + "/abc", "/accompagnements/abc/nouveau", c + "/rendez-vous/modifier",
                c + "/nouveau/modifier", c + "/99999999999999999999999", c + "/rendez-vous/abc", "/accompagnements/-1/nouveau")) {
            TestClient.Answer answer = sami.get(path);
            assertTrue(answer.status() == 404 || answer.status() == 400, path + " answers " + answer.status());
        }
        assertEquals(404, sami.post(c + "/abc/suppression", Map.of()).status());
        assertEquals(404, sami.post(c + "/abc/modifier", form("mode", "DO_WITH")).status());
    }

    // ---- from an appointment -------------------------------------------------------------------------------

    @Test
    void honouringAnAppointmentOpensTheLogPrefilledAndLinked() {
        Appointment booked = data.booked(centre, "ADMIN_PROCEDURES", "HOUSING");
        TestClient.Answer done = sami.post("/bureau/rendez-vous/" + booked.id() + "/statut", Map.of("status", "DONE"));
        assertEquals(303, done.status());
        String log = "/accompagnements/" + centre.id() + "/rendez-vous/" + booked.id();
        assertEquals(log, done.location());

        TestClient.Answer page = sami.get(log);
        assertEquals(200, page.status(), page.body());
        Document html = page.html();
        assertTrue(html.selectFirst("#f-theme-ADMIN_PROCEDURES").hasAttr("checked"));
        assertTrue(html.selectFirst("#f-scope-HOUSING").hasAttr("checked"));
        assertTrue(html.selectFirst("#f-channel-APPOINTMENT").hasAttr("checked"));
        assertNotNull(html.selectFirst("#f-mode-DO_WITH[autofocus]"), "the mode is the choice left: it has the focus");
        assertFalse(page.body().contains(">Test<"), "the person's first name is not on the log form");
        // Honoured early (the slot is still to come): logged at the time it is written.
        assertEquals(SHOWN.format(nowAtCentre().toLocalDate()), page.fieldValue("date"));

        TestClient.Answer saved = sami.post(log, form("mode", "DO_WITH", "themes", "ADMIN_PROCEDURES", "scopes", "HOUSING",
                "channel", "APPOINTMENT", "date", page.fieldValue("date"), "time", page.fieldValue("time")));
        long id = savedId(saved);
        assertEquals(booked.id(), record(id).appointmentId());
        assertEquals("APPOINTMENT", record(id).channelCode());

        // The day view links the honoured appointment to its log.
        Document day = sami.get("/bureau/" + centre.id() + "/jour/" + booked.slotDate()).html();
        assertNotNull(day.selectFirst("main table.desk a[href=" + log + "]"), "the day links to the log");

        // A second log for the same appointment opens the first for correction; a post does not add one.
        long count = records.count();
        TestClient.Answer again = sami.get(log);
        assertEquals(303, again.status());
        assertEquals("/accompagnements/" + centre.id() + "/" + id + "/modifier", again.location());
        assertEquals(303, sami.post(log, form("mode", "DO_WITH", "themes", "EMAIL")).status());
        assertEquals(count, records.count());
        assertEquals(List.of("ADMIN_PROCEDURES"), accompaniments.detail(id).themes());
        // A colleague is told it is done; another site's helper finds nothing.
        TestClient.Answer colleague = jeanne.get(log);
        assertEquals(200, colleague.status());
        assertEquals(msg("accompaniment.notice.colleague.title"), colleague.h1());
        assertEquals(404, nour.get(log).status());
        assertEquals(404, nour.get("/accompagnements/" + nord.id() + "/rendez-vous/" + booked.id()).status());
    }

    @Test
    void onlyAnHonouredAppointmentOpensTheLog() {
        Appointment booked = data.booked(centre, "EMAIL", null);
        String log = "/accompagnements/" + centre.id() + "/rendez-vous/" + booked.id();
        assertEquals(404, sami.get(log).status());
        assertEquals(404, sami.post(log, form("mode", "DO_WITH", "themes", "EMAIL")).status());
        assertEquals(404, sami.get("/accompagnements/" + centre.id() + "/rendez-vous/999999").status());
        // Absent: no log either; the desk goes back to the day.
        TestClient.Answer absent = sami.post("/bureau/rendez-vous/" + booked.id() + "/statut", Map.of("status", "NO_SHOW"));
        assertTrue(absent.location().startsWith("/bureau/" + centre.id() + "/jour/"), absent.location());
        assertEquals(404, sami.get(log).status());
    }

    // ---- my records ---------------------------------------------------------------------------------------

    @Test
    void myRecordsOfTodayAndOfTheWeekFilteredByModeAndTheme() {
        try (TestClient fresh = TestClient.of(server).loginDemo("aidant.nord@relais.demo")) {
            long nourId = staff.findByEmail("aidant.nord@relais.demo").orElseThrow().id();
            LocalDate today = nowAtCentre().toLocalDate();
            LocalDate monday = today.with(java.time.DayOfWeek.MONDAY);
            java.time.Instant now = clock.instant();
            Accompaniment todays = data.logged(nord, nourId, now, AccompanimentMode.DO_WITH, "EMAIL");
            Accompaniment referral = data.logged(nord, nourId, now, AccompanimentMode.REFER, "HEALTH");
            Accompaniment earlier = data.logged(nord, nourId, monday.atTime(9, 0).atZone(ZoneId.of(nord.timeZone())).toInstant(),
                    AccompanimentMode.DO_WITH, "OFFICE");
            Accompaniment lastWeek = data.logged(nord, nourId, now.minus(java.time.Duration.ofDays(8)), AccompanimentMode.DO_WITH, "OFFICE");
            Accompaniment notMine = data.logged(centre, samiId, now, AccompanimentMode.DO_WITH, "EMAIL");

            List<String> ofToday = hrefs(fresh.get("/accompagnements"));
            assertTrue(ofToday.contains(todays.path()) && ofToday.contains(referral.path()), ofToday.toString());
            assertFalse(ofToday.contains(lastWeek.path()));
            assertFalse(ofToday.contains(notMine.path()));
            assertEquals(!monday.equals(today), !ofToday.contains(earlier.path()));

            List<String> ofWeek = hrefs(fresh.get("/accompagnements?periode=semaine"));
            assertTrue(ofWeek.containsAll(List.of(todays.path(), referral.path(), earlier.path())), ofWeek.toString());
            assertFalse(ofWeek.contains(lastWeek.path()));

            assertEquals(List.of(referral.path()), hrefs(fresh.get("/accompagnements?periode=semaine&mode=REFER")));
            List<String> office = hrefs(fresh.get("/accompagnements?periode=semaine&theme=OFFICE"));
            assertEquals(List.of(earlier.path()), office);
            // Edited addresses: unknown values are ignored, never a server error.
            assertEquals(200, fresh.get("/accompagnements?periode=annee&mode=X&theme=%3Cb%3E").status());
            TestClient.Answer none = fresh.get("/accompagnements?mode=DO_FOR");
            assertTrue(none.html().selectFirst("main").text().contains(msg("accompaniment.list.noneFiltered")));
        }
    }

    @Test
    void directorsReadTheirSitesRecordsCoordinationIsRefused() {
        long mine = data.record(centre, samiId);
        long nordRecord = data.record(nord, staff.findByEmail("aidant.nord@relais.demo").orElseThrow().id());
        try (TestClient director = TestClient.of(server).loginDemo("direction.centre@relais.demo");
             TestClient coordination = TestClient.of(server).loginDemo("coordination@relais.demo")) {
            TestClient.Answer list = director.get("/accompagnements");
            assertEquals(200, list.status());
            assertEquals(msg("accompaniment.list.site.title"), list.h1());
            List<String> hrefs = hrefs(list);
            assertTrue(hrefs.contains("/accompagnements/" + centre.id() + "/" + mine), hrefs.toString());
            assertFalse(hrefs.contains("/accompagnements/" + nord.id() + "/" + nordRecord));
            assertTrue(list.html().select("a[href$=/modifier]").isEmpty(), "read only");
            assertTrue(list.html().selectFirst("table").text().contains("Sami"), "the helper's name, not the person's");
            TestClient.Answer detail = director.get("/accompagnements/" + centre.id() + "/" + mine);
            assertEquals(200, detail.status());
            assertTrue(detail.html().select("form[action$=/suppression], a[href$=/modifier]").isEmpty());
            assertEquals(403, director.get("/accompagnements/" + centre.id() + "/" + mine + "/modifier").status());
            assertEquals(404, director.get("/accompagnements/" + nord.id() + "/" + nordRecord).status());
            assertEquals(403, coordination.get("/accompagnements").status());
        }
    }

    @Test
    void aHelperCorrectsAndDeletesTheirOwnRecordsTheSameDay() {
        long id = savedId(sami.post(newPath(), form("mode", "DO_WITH", "themes", List.of("EMAIL", "SECURITY"),
                "equipment", "PHONE")));
        String base = "/accompagnements/" + centre.id() + "/" + id;
        TestClient.Answer edit = sami.get(base + "/modifier");
        assertEquals(200, edit.status());
        assertEquals("Corriger un accompagnement", edit.h1());
        assertTrue(edit.html().selectFirst("#f-theme-SECURITY").hasAttr("checked"));
        assertTrue(edit.html().selectFirst("#f-equipment-PHONE").hasAttr("checked"));
        assertTrue(edit.html().select("[autofocus]").isEmpty(), "a correction does not move the focus");

        TestClient.Answer invalid = sami.post(base + "/modifier", form("mode", "DO_WITH"));
        assertEquals(422, invalid.status());
        assertEquals(List.of("EMAIL", "SECURITY"), accompaniments.detail(id).themes(), "unchanged");

        TestClient.Answer corrected = sami.post(base + "/modifier", form("mode", "DO_WITH", "themes", "SOCIAL_MEDIA",
                "date", edit.fieldValue("date"), "time", edit.fieldValue("time"), "duration", "45", "channel", "WALK_IN"));
        assertEquals(303, corrected.status(), corrected.body());
        assertEquals(base + "?enregistre=1", corrected.location());
        assertEquals(List.of("SOCIAL_MEDIA"), accompaniments.detail(id).themes());
        assertEquals(List.of(), accompaniments.detail(id).equipment());
        assertEquals(45, record(id).durationMinutes());
        assertEquals(samiId, record(id).helperId());

        TestClient.Answer deleted = sami.post(base + "/suppression", Map.of());
        assertEquals(303, deleted.status());
        assertEquals("/accompagnements?supprime=1", deleted.location());
        assertTrue(records.findById(id).isEmpty());
        assertEquals(List.of(), accompaniments.detail(id).themes());
        assertEquals(404, sami.get(base).status());
    }

    @Test
    void anotherHelpersRecordIsNotFoundAnOlderOneIsNoLongerCorrected() {
        long jeannes = data.record(centre, jeanneId);
        String other = "/accompagnements/" + centre.id() + "/" + jeannes;
        assertEquals(404, sami.get(other).status());
        assertEquals(404, sami.get(other + "/modifier").status());
        assertEquals(404, sami.post(other + "/modifier", form("mode", "DO_WITH", "themes", "EMAIL")).status());
        assertEquals(404, sami.post(other + "/suppression", Map.of()).status());
        assertEquals(404, nour.get("/accompagnements/" + nord.id() + "/" + jeannes).status());
        assertTrue(records.findById(jeannes).isPresent());

        long old = data.recordLoggedDaysAgo(centre, samiId, 1);
        String base = "/accompagnements/" + centre.id() + "/" + old;
        assertEquals(200, sami.get(base).status(), "still readable");
        assertTrue(sami.get(base).html().select("a[href$=/modifier]").isEmpty());
        for (TestClient.Answer refused : List.of(sami.get(base + "/modifier"),
                sami.post(base + "/modifier", form("mode", "DO_WITH", "themes", "OFFICE")),
                sami.post(base + "/suppression", Map.of()))) {
            assertEquals(409, refused.status());
            assertEquals("Trop tard pour corriger", refused.h1());
            assertEquals(msg("accompaniment.notice.tooLate.text"), refused.html().selectFirst("main .notice").text());
        }
        assertEquals(List.of("EMAIL"), accompaniments.detail(old).themes());
        assertTrue(records.findById(old).isPresent());
    }

    // ---- workshops: the collective channel and the collective record ---------------------------------------

    @Test
    void theCollectiveChannelIsNotOfferedAndAnEditedFormIsRefusedNextToTheField() {
        Document blank = sami.get(newPath() + "?mode=DO_WITH").html();
        assertEquals(List.of("APPOINTMENT", "WALK_IN", "PHONE", "OUTREACH"), blank.select("input[name=channel]").eachAttr("value"),
                "the channels of one person helped, not the workshops' one");
        assertNull(blank.selectFirst("#f-channel-WORKSHOP"));

        long before = records.count();
        TestClient.Answer edited = sami.post(newPath(), form("mode", "DO_WITH", "themes", "EMAIL", "channel", "WORKSHOP",
                "note", "Venu avec sa fille"));
        assertEquals(422, edited.status());
        assertEquals(msg("accompaniment.error.channel.collective"), edited.fieldMessage("channel"));
        assertEquals("« En atelier collectif » se note avec les présences de la séance d’atelier. Choisissez un autre canal.",
                edited.fieldMessage("channel"));
        assertEquals(1, edited.html().select(".field-error").size(), edited.texts(".field-error").toString());
        assertEquals("Venu avec sa fille", edited.fieldValue("note"));
        assertTrue(edited.html().selectFirst("#f-theme-EMAIL").hasAttr("checked"), "what was chosen is kept");
        assertTrue(edited.html().selectFirst("details.more").hasAttr("open"), "the details open on their error");
        assertNull(edited.html().selectFirst("#f-channel-WORKSHOP"), "still not offered");
        assertEquals(before, records.count(), "nothing saved");

        // A correction cannot turn a record into a workshop's either.
        long id = savedId(sami.post(newPath(), form("mode", "DO_WITH", "themes", "EMAIL", "channel", "PHONE")));
        TestClient.Answer corrected = sami.post("/accompagnements/" + centre.id() + "/" + id + "/modifier",
                form("mode", "DO_WITH", "themes", "EMAIL", "channel", " WORKSHOP "));
        assertEquals(422, corrected.status());
        assertEquals(msg("accompaniment.error.channel.collective"), corrected.fieldMessage("channel"));
        assertEquals("PHONE", record(id).channelCode());
    }

    /** Sami notes a session of today: Awa came with a relative (2 seats), 5 walk-ins: 7 participants. */
    private Accompaniment collectiveRecord() {
        WorkshopSession session = workshops.todaySession("mediatheque-centre", 8);
        Registration awa = workshops.seat(session, "Awa", 2);
        workshops.seat(session, "Bao", 1);
        TestClient.Answer saved = sami.post("/bureau/ateliers/seances/" + session.id() + "/presences",
                form("present", List.of(String.valueOf(awa.id())), "walkIns", "5"));
        assertEquals(303, saved.status(), saved.body());
        List<Accompaniment> found = java.util.stream.StreamSupport.stream(records.findAll().spliterator(), false)
                .filter(a -> Long.valueOf(session.id()).equals(a.workshopSessionId())).toList();
        assertEquals(1, found.size());
        return found.get(0);
    }

    @Test
    void aCollectiveRecordShowsItsParticipantsAndIsCorrectedThroughTheAttendance() {
        Accompaniment a = collectiveRecord();
        assertEquals(7, a.participants());
        assertEquals("WORKSHOP", a.channelCode());
        String attendance = "/bureau/ateliers/seances/" + a.workshopSessionId() + "/presences";

        // My records: the line says it is a workshop and links to the attendance, not to the record's form.
        TestClient.Answer list = sami.get("/accompagnements");
        org.jsoup.nodes.Element row = list.html().selectFirst("main table tr:has(a[href=" + a.path() + "])");
        assertNotNull(row, list.body());
        assertTrue(row.text().contains("Atelier collectif — 7 participants"), row.text());
        assertTrue(row.text().contains("En atelier collectif"), row.text());
        assertTrue(row.select("a[href$=/modifier]").isEmpty(), "no correction form for a collective record");
        assertEquals(attendance, row.selectFirst("a[href$=/presences]").attr("href"));
        assertFalse(list.body().contains("Awa"), "no name in the log");

        TestClient.Answer detail = sami.get(a.path());
        assertEquals(200, detail.status());
        assertEquals("Atelier collectif — 7 participants", detail.html().selectFirst("dl.summary dd.collective").text());
        assertTrue(detail.html().select("form[action$=/suppression], a[href$=/modifier]").isEmpty());
        assertEquals(msg("accompaniment.collective.attendance"),
                detail.html().selectFirst("main a[href=" + attendance + "]").text());
        assertFalse(detail.body().contains("Awa") || detail.body().contains("Bao"));

        // An address typed by hand: the form is not shown, nothing is changed or deleted; the way is the attendance.
        for (TestClient.Answer refused : List.of(sami.get(a.path() + "/modifier"),
                sami.post(a.path() + "/modifier", form("mode", "REFER", "themes", "HEALTH", "channel", "WALK_IN")),
                sami.post(a.path() + "/suppression", Map.of()))) {
            assertEquals(409, refused.status());
            assertEquals(msg("accompaniment.notice.collective.title"), refused.h1());
            assertEquals(msg("accompaniment.notice.collective.text"), refused.html().selectFirst("main .notice").text());
            assertNotNull(refused.html().selectFirst("main a[href=" + attendance + "]"));
            assertTrue(refused.html().select("form.log-form").isEmpty());
        }
        Accompaniment kept = record(a.id());
        assertEquals(AccompanimentMode.DO_WITH, kept.mode());
        assertEquals("WORKSHOP", kept.channelCode());
        assertEquals(7, kept.participants());
        assertEquals(a.workshopSessionId(), kept.workshopSessionId());
        assertEquals(List.of("EMAIL"), accompaniments.detail(a.id()).themes());

        // The director reads it, without the helper's way to correct it.
        try (TestClient director = TestClient.of(server).loginDemo("direction.centre@relais.demo")) {
            org.jsoup.nodes.Element line = director.get("/accompagnements").html()
                    .selectFirst("main table tr:has(a[href=" + a.path() + "])");
            assertNotNull(line);
            assertTrue(line.text().contains("Atelier collectif — 7 participants"), line.text());
            assertTrue(line.select("a[href$=/presences], a[href$=/modifier]").isEmpty());
            TestClient.Answer read = director.get(a.path());
            assertEquals("Atelier collectif — 7 participants", read.html().selectFirst("dd.collective").text());
            assertTrue(read.html().select("main a[href$=/presences]").isEmpty());
        }
    }

    @Test
    void aCollectiveRecordReadsInEnglish() {
        Accompaniment a = collectiveRecord();
        try (TestClient english = TestClient.of(server).header("Accept-Language", "en-GB,en;q=0.9")
                .loginDemo("aidant.centre@relais.demo")) {
            TestClient.Answer detail = english.get(a.path());
            assertEquals(200, detail.status());
            assertEquals("Group workshop — 7 participants", detail.html().selectFirst("dd.collective").text());
            assertEquals("In a group workshop", detail.html().select("dl.summary dt:contains(Channel) + dd").text());
        }
    }

    static List<String> hrefs(TestClient.Answer list) {
        assertEquals(200, list.status(), list.body());
        return list.html().select("main table a").eachAttr("href").stream().filter(h -> !h.endsWith("/modifier")).toList();
    }
}
