package fr.relais.workshop;

import fr.relais.site.Site;
import fr.relais.site.Sites;
import fr.relais.testing.TestClient;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The network's agenda shows two weeks at a time, with plain links to the weeks before and after that keep the
 * filters; a library's own agenda shows its twelve weeks at once. Never before this week, never beyond the twelve
 * weeks, and an edited address is a page of the agenda (or the French 400 page), never an error.
 */
@MicronautTest(transactional = false)
class AgendaWeeksTest extends PublicWorkshopBase {
    @Inject
    Sites sites;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM", Locale.FRENCH);

    private static boolean listed(TestClient.Answer agenda, WorkshopSession s) {
        return agenda.html().selectFirst("main a[href=/ateliers/seances/" + s.id() + "]") != null;
    }

    private static String link(TestClient.Answer agenda, String rel) {
        Element a = agenda.html().selectFirst("main nav a[rel=" + rel + "]");
        return a == null ? null : a.attr("href");
    }

    private static String days(TestClient.Answer agenda) {
        return TestClient.Answer.plain(agenda.html().selectFirst("main h2").text());
    }

    private LocalDate thisMonday(Site site) {
        return sites.today(site).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** A session on the Wednesday of the week {@code week} weeks after this one. */
    private WorkshopSession inWeek(Site site, Workshop workshop, int week) {
        return fixtures.session(site, workshop, thisMonday(site).plusWeeks(week).plusDays(2), LocalTime.of(10, 0), 8, true);
    }

    @Test
    void theNetworksAgendaShowsTwoWeeksAndLinksToTheNextOnesWithTheFiltersKept() {
        Site site = fixtures.library("pages");
        Workshop school = fixtures.workshop(null, "Suivre la scolarité en ligne", WorkshopLevel.BEGINNER, "SCHOOL");
        WorkshopSession nextWeek = inWeek(site, school, 1);
        WorkshopSession third = inWeek(site, school, 2);
        WorkshopSession fourth = inWeek(site, school, 3);
        WorkshopSession last = inWeek(site, school, 11);
        LocalDate monday = thisMonday(site);

        TestClient.Answer all = visitor().get("/ateliers");
        assertEquals(200, all.status());
        assertTrue(listed(all, nextWeek), "this week and the next");
        assertFalse(listed(all, third) || listed(all, fourth) || listed(all, last), "not the weeks after");

        TestClient.Answer first = visitor().get("/ateliers?theme=SCHOOL&niveau=BEGINNER");
        assertEquals(List.of(nextWeek.id()), ids(first));
        assertDays(monday, monday.plusDays(13), first);
        assertNull(link(first, "prev"), "nothing before this week");
        String next = "/ateliers?theme=SCHOOL&niveau=BEGINNER&a-partir-du=" + monday.plusWeeks(2);
        assertEquals(next, link(first, "next"));
        assertEquals("Semaines suivantes", first.html().selectFirst("main nav a[rel=next]").text());

        TestClient.Answer second = visitor().get(next);
        assertEquals(200, second.status());
        assertEquals(List.of(third.id(), fourth.id()), ids(second));
        assertDays(monday.plusWeeks(2), monday.plusWeeks(4).minusDays(1), second);
        assertEquals("/ateliers?theme=SCHOOL&niveau=BEGINNER&a-partir-du=" + monday, link(second, "prev"));
        assertEquals("Semaines précédentes", second.html().selectFirst("main nav a[rel=prev]").text());
        assertEquals("SCHOOL", second.html().selectFirst("#f-theme option[selected]").val(), "the filters stay chosen");
        assertEquals("/ateliers?theme=SCHOOL&niveau=BEGINNER&a-partir-du=" + monday.plusWeeks(4), link(second, "next"));

        // The last page of the twelve weeks has no "next" link.
        TestClient.Answer end = visitor().get("/ateliers?theme=SCHOOL&niveau=BEGINNER&a-partir-du=" + monday.plusWeeks(10));
        assertEquals(List.of(last.id()), ids(end));
        assertDays(monday.plusWeeks(10), monday.plusWeeks(12).minusDays(1), end);
        assertNull(link(end, "next"));
        assertEquals("/ateliers?theme=SCHOOL&niveau=BEGINNER&a-partir-du=" + monday.plusWeeks(8), link(end, "prev"));

        // Any day shows its week; the themes offered are those of the twelve weeks, not only of the page.
        TestClient.Answer wednesday = visitor().get("/ateliers?a-partir-du=" + monday.plusWeeks(2).plusDays(2));
        assertTrue(listed(wednesday, third) && listed(wednesday, fourth) && !listed(wednesday, nextWeek));
        TestClient.Answer without = visitor().get("/ateliers?a-partir-du=" + monday.plusWeeks(4));
        assertTrue(ids(without).stream().noneMatch(id -> List.of(nextWeek.id(), third.id(), fourth.id(), last.id()).contains(id)));
        assertTrue(without.html().select("#f-theme option").eachAttr("value").contains("SCHOOL"));
    }

    @Test
    void weeksWithoutSessionsLeadToTheNextWeekThatHasSome() {
        Site site = fixtures.library("plus-tard");
        Workshop parents = fixtures.workshop(null, "Les écrans en famille", WorkshopLevel.ADVANCED, "PARENTING");
        WorkshopSession later = inWeek(site, parents, 5);
        LocalDate monday = thisMonday(site);

        TestClient.Answer empty = visitor().get("/ateliers?theme=PARENTING&niveau=ADVANCED");
        assertEquals(200, empty.status());
        assertTrue(ids(empty).isEmpty());
        Element notice = empty.html().selectFirst("main .notice");
        assertEquals("Aucune séance ne correspond à ces choix pendant ces semaines. Prochaines séances : Semaine du lundi "
                + DAY.format(monday.plusWeeks(5)) + year(monday.plusWeeks(5)), TestClient.Answer.plain(notice.text()));
        String jump = notice.selectFirst("a").attr("href");
        assertEquals("/ateliers?theme=PARENTING&niveau=ADVANCED&a-partir-du=" + monday.plusWeeks(5), jump);
        assertEquals(List.of(later.id()), ids(visitor().get(jump)));

        // After the last session, nothing later: neither a jump nor a "next" link.
        TestClient.Answer after = visitor().get("/ateliers?theme=PARENTING&niveau=ADVANCED&a-partir-du=" + monday.plusWeeks(6));
        assertEquals("Aucune séance ne correspond à ces choix pendant ces semaines ni après. Voir toutes les séances",
                TestClient.Answer.plain(after.html().selectFirst("main .notice").text()));
        assertNull(link(after, "next"));
        assertEquals("/ateliers?theme=PARENTING&niveau=ADVANCED&a-partir-du=" + monday.plusWeeks(4), link(after, "prev"));
    }

    @Test
    void aLibrarysAgendaShowsItsTwelveWeeksAtOnceAndKeepsItsFilterInTheLinks() {
        Site site = fixtures.library("douze");
        Workshop office = fixtures.workshop(null, "Créer un diaporama", WorkshopLevel.INTERMEDIATE, "CREATE");
        List<WorkshopSession> weekly = List.of(inWeek(site, office, 1), inWeek(site, office, 4), inWeek(site, office, 11));
        WorkshopSession tooFar = inWeek(site, office, 12);
        LocalDate monday = thisMonday(site);

        for (String page : List.of("/bibliotheques/" + site.slug() + "/ateliers", "/ateliers?bibliotheque=" + site.slug())) {
            TestClient.Answer agenda = visitor().get(page);
            assertEquals(weekly.stream().map(WorkshopSession::id).toList(), ids(agenda), page);
            assertFalse(listed(agenda, tooFar), "beyond the twelve weeks: " + page);
            assertDays(monday, monday.plusWeeks(12).minusDays(1), agenda);
            assertNull(agenda.html().selectFirst("main nav"), "one page, no links to other weeks: " + page);
        }
        // From a later week (an old link, or an edited one), the way back keeps the library and the level.
        TestClient.Answer later = visitor().get("/ateliers?niveau=INTERMEDIATE&bibliotheque=" + site.slug() + "&a-partir-du="
                + monday.plusWeeks(3));
        assertEquals(List.of(weekly.get(1).id(), weekly.get(2).id()), ids(later));
        assertEquals("/ateliers?niveau=INTERMEDIATE&bibliotheque=" + site.slug() + "&a-partir-du=" + monday, link(later, "prev"));
        TestClient.Answer own = visitor().get("/bibliotheques/" + site.slug() + "/ateliers?niveau=INTERMEDIATE&a-partir-du="
                + monday.plusWeeks(3));
        assertEquals("/bibliotheques/" + site.slug() + "/ateliers?niveau=INTERMEDIATE&a-partir-du=" + monday, link(own, "prev"));
    }

    @Test
    void anEditedWeekIsAPageOfTheAgendaNeverAnError() throws IOException {
        Site site = fixtures.library("adresse");
        Workshop w = fixtures.workshop(null, "Internet pour débuter", WorkshopLevel.BEGINNER, "WEB_BROWSING");
        WorkshopSession nextWeek = inWeek(site, w, 1);
        WorkshopSession last = inWeek(site, w, 11);
        LocalDate monday = thisMonday(site);

        // Not a date, or before this week: this week's page, as without the parameter.
        for (String value : List.of("", "abc", "2026-02-30", "0000-00-00", "1900-01-01", "-1", "%3Cscript%3E",
                "9".repeat(2_000), "2026-13-01", monday.minusWeeks(1).toString(), "%20" + monday.plusWeeks(4) + "%20x")) {
            TestClient.Answer agenda = visitor().get("/ateliers?a-partir-du=" + value);
            assertEquals(200, agenda.status(), value);
            assertDays(monday, monday.plusDays(13), agenda);
            assertTrue(listed(agenda, nextWeek), value);
            assertNull(link(agenda, "prev"), value);
            assertFalse(agenda.body().contains("<script>"), value);
        }
        // Beyond the twelve weeks: their last week, and no "next" link.
        for (String value : List.of("9999-12-31", monday.plusWeeks(12).toString(), "31/12/2999")) {
            TestClient.Answer agenda = visitor().get("/bibliotheques/" + site.slug() + "/ateliers?a-partir-du=" + value);
            assertEquals(200, agenda.status(), value);
            assertEquals(List.of(last.id()), ids(agenda), value);
            assertDays(monday.plusWeeks(11), monday.plusWeeks(12).minusDays(1), agenda);
            assertNull(link(agenda, "next"), value);
        }
        // Escaped the ordinary way, twice, or as a French date: read like a date typed in a form.
        String escaped = monday.plusWeeks(2).toString().replace("-", "%2D");
        TestClient.Answer twice = visitor().get("/ateliers?a-partir-du=" + monday.plusWeeks(10) + "&a-partir-du=x");
        assertEquals(200, twice.status());
        assertNotNull(twice.html().selectFirst("main h2"));
        TestClient.Answer escapedPage = visitor().get("/ateliers?a-partir-du=" + escaped);
        assertEquals(200, escapedPage.status());
        assertDays(monday.plusWeeks(2), monday.plusWeeks(4).minusDays(1), escapedPage);
        assertFalse(listed(escapedPage, nextWeek));
        assertDays(monday.plusWeeks(10), monday.plusWeeks(12).minusDays(1),
                visitor().get("/ateliers?a-partir-du=" + monday.plusWeeks(10).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"))));
        // An escape that is not one: the French page about the address, not an error.
        Document broken = raw("/ateliers?a-partir-du=%zz");
        assertEquals("400", broken.attr("status"));
        assertEquals("fr", broken.selectFirst("html").attr("lang"));
        assertFalse(broken.selectFirst("h1").text().isBlank());
    }

    private static List<Long> ids(TestClient.Answer agenda) {
        return agenda.html().select("main .session h4 a").eachAttr("href").stream()
                .map(h -> Long.parseLong(h.substring(h.lastIndexOf('/') + 1))).toList();
    }

    /** The heading says the days shown, from a Monday to a Sunday (the words themselves: AgendaWordsTest). */
    private static void assertDays(LocalDate from, LocalDate until, TestClient.Answer agenda) {
        String heading = days(agenda);
        assertTrue(heading.startsWith("Séances du lundi " + from.getDayOfMonth() + " "), heading);
        assertTrue(heading.contains(" au dimanche " + until.getDayOfMonth() + " "), heading);
        assertTrue(heading.endsWith(DateTimeFormatter.ofPattern("MMMM", Locale.FRENCH).format(until) + year(until)), heading);
        assertTrue(agenda.html().title().contains(", " + heading.substring("Séances ".length())),
                "the window's title says the days too: " + agenda.html().title());
    }

    private static String year(LocalDate day) {
        return day.getYear() == LocalDate.now(java.time.ZoneId.of(Sites.DEFAULT_ZONE)).getYear() ? "" : " " + day.getYear();
    }

    /** A request sent as is, for an address that no HTTP client library lets through; the page with its status. */
    private Document raw(String target) throws IOException {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Document page = Jsoup.parse(answer.substring(answer.indexOf("\r\n\r\n") + 4));
            page.attr("status", answer.substring(9, 12));
            return page;
        }
    }
}
