package fr.relais.browser;

import fr.relais.pdf.PdfUaValidator;
import fr.relais.pdf.Scripts;
import fr.relais.site.Site;
import fr.relais.site.Sites;
import fr.relais.staff.StaffDirectory;
import fr.relais.testing.MutableClock;
import fr.relais.web.TypedValues;
import fr.relais.workshop.Registration;
import fr.relais.workshop.RegistrationStatus;
import fr.relais.workshop.SessionFixtures;
import fr.relais.workshop.WorkshopSession;
import fr.relais.workshop.WorkshopSessions;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A workshop from the first date to its collective record, in one go, as the people involved see it: Sami
 * (aidant.centre) plans two weekly sessions of two seats after looking at their dates, registers "M. K." at the desk
 * and prints the slip, fills the first session with a second person; a visitor without an account finds the full
 * session on the public agenda and joins its waiting list, at the head of it; Sami cancels the second person's seat,
 * the visitor's code now shows a reserved place; on the session's day Sami notes M. K. present, the visitor absent,
 * one walk-in, and the workshop's collective record counts 2 participants. Every page is scanned by the base class
 * (axe-core, the Nu checker on each new kind of page, 320 px reflow).
 */
@MicronautTest(environments = "demo", transactional = false)
class WorkshopJourneyBrowserTest extends BrowserBase {
    private static final DateTimeFormatter WORDS = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRENCH);
    private static final String SAMI = "aidant.centre@relais.demo";
    private static final String TITLE = "Mes démarches en ligne";
    private static final Pattern CODE = Pattern.compile("[0-9A-HJKMNP-TV-Z]{3}-[0-9A-HJKMNP-TV-Z]{3}");

    @Inject
    SessionFixtures data;
    @Inject
    Sites sites;
    @Inject
    WorkshopSessions sessions;
    @Inject
    StaffDirectory staff;
    @Inject
    MutableClock clock;
    @Inject
    DataSource dataSource;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    private void logIn() {
        logInWithKeyboard(SAMI, PASSWORD);
        waitForPath("/accueil");
    }

    /** First names in a table of the staff session page (seated or waiting), in order. */
    private List<String> names(String caption) {
        return findAll("#" + caption + " ~ tbody th").stream().map(WebElement::getText).toList();
    }

    /** Registers someone at the desk from the staff session page; the confirmation page's address. */
    private String registerAtDesk(String firstName, String phone) {
        typeInto(find("#f-firstName"), firstName);
        if (phone != null) {
            typeInto(find("#f-phone"), phone);
        }
        find("form[action$='/inscription'] button[type=submit]").click();
        return waitForPattern(Pattern.compile("^/bureau/ateliers/inscriptions/\\d+\\?nouveau=1$"));
    }

    @Test
    void aSeriesIsPlannedFilledAndHeldUntilItsCollectiveRecord() throws SQLException {
        // The catalogue entry is the director's work (not a helper's): made by the fixtures.
        data.workshop(TITLE, "mediatheque-centre", List.of("ADMIN_PROCEDURES"));
        Site centre = data.site("mediatheque-centre");
        LocalDate first = sites.today(centre).plusDays(7);

        // 1. Sami plans a weekly series of two sessions of 2 seats, after seeing the dates it creates.
        logIn();
        visit("/bureau/" + centre.id() + "/ateliers");
        find("main").findElement(By.linkText("Programmer une séance ou une série")).click();
        waitForPath("/bureau/" + centre.id() + "/ateliers/nouvelle");
        new Select(find("#f-workshopId")).selectByVisibleText(TITLE);
        typeInto(find("#f-firstDate"), TypedValues.shown(first));
        typeInto(find("#f-startTime"), "14h");
        typeInto(find("#f-capacity"), "2");
        typeInto(find("#f-room"), "Salle des associations");
        find("#f-repeat-WEEKLY").click();
        typeInto(find("#f-occurrences"), "2");
        find("form.form button[type=submit]").click();
        waitFor("#preview-title");
        assertEquals(List.of(WORDS.format(first), WORDS.format(first.plusWeeks(1))),
                findAll("ul.dates li").stream().map(WebElement::getText).toList());
        assertTrue(find(".preview").getText().contains("2 places"), find(".preview").getText());
        find("button[name=confirm]").click();
        waitForPath("/bureau/" + centre.id() + "/ateliers?creees=2");
        assertTrue(find(".flash").getText().contains("2 séances sont créées."), find(".flash").getText());

        // 2. "M. K." registered at the desk on the first session; the slip printed.
        WebElement row = findAll("#coming-caption ~ tbody tr").stream()
                .filter(r -> r.getText().contains(WORDS.format(first)) && r.getText().contains(TITLE)).findFirst().orElseThrow();
        row.findElement(By.partialLinkText("Ouvrir la séance")).click();
        String sessionPage = waitForPattern(Pattern.compile("^/bureau/ateliers/seances/\\d+$"));
        long sessionId = Long.parseLong(sessionPage.substring(sessionPage.lastIndexOf('/') + 1));
        assertEquals(TITLE, h1());
        registerAtDesk("M. K.", "06 12 34 56 78");
        assertTrue(find("main").getText().contains("M. K. est inscrit·e : 1 place."), find("main").getText());
        String deskCode = find(".code").getText();
        assertTrue(CODE.matcher(deskCode).matches(), deskCode);
        byte[] slip = fetchPdf(find("main").findElement(By.linkText("Imprimer le bulletin (A4)")).getAttribute("href"));
        String slipText = Scripts.pdftotext(slip);
        assertTrue(slipText.contains("M. K."), slipText);
        assertTrue(slipText.contains(deskCode), slipText);
        assertTrue(slipText.contains(TITLE), slipText);
        PdfUaValidator.assertCompliant(slip, "the slip printed at the desk");

        // 3. A second person fills the session: its two seats are taken.
        find("main").findElement(By.linkText("Revenir à la séance")).click();
        waitForPath(sessionPage);
        registerAtDesk("Awa", null);
        find("main").findElement(By.linkText("Revenir à la séance")).click();
        waitForPath(sessionPage);
        assertEquals(List.of("M. K.", "Awa"), names("seated-caption"));
        assertTrue(findAll("#waiting-caption").isEmpty(), "nobody waits yet");
        logOut();

        // 4. A visitor finds the full session on the public agenda and joins its waiting list, at its head.
        visit("/ateliers");
        WebElement entry = driver.findElement(By.xpath("//main//li[.//a[@href='/ateliers/seances/" + sessionId + "']]"));
        assertTrue(entry.getText().contains(WORDS.format(first)), entry.getText());
        assertEquals("Complet — liste d’attente possible", entry.findElement(By.cssSelector(".places")).getText());
        entry.findElement(By.linkText(TITLE)).click();
        waitForPath("/ateliers/seances/" + sessionId);
        assertEquals("S’inscrire sur la liste d’attente", find("#inscription").getText());
        typeInto(find("#f-firstName"), "Marie");
        typeInto(find("#f-email"), "marie@example.org");
        find("main form[method=post] button[type=submit]").click();
        String visitorPage = waitForPattern(Pattern.compile("^/ateliers/inscriptions/\\d+\\?cle=[A-Za-z0-9_-]+$"));
        assertEquals("Vous êtes sur la liste d’attente", h1());
        assertEquals("Vous êtes en tête de la liste d’attente", find("main .lead").getText());
        String visitorCode = find(".code-box strong").getText();
        assertTrue(CODE.matcher(visitorCode).matches(), visitorCode);

        // 5. Sami cancels Awa's seat at the desk: the visitor, first in line, gets it.
        logIn();
        visit(sessionPage);
        assertEquals(List.of("Marie"), names("waiting-caption"));
        find("main").findElement(By.xpath(".//tr[th[normalize-space()='Awa']]//button")).click();
        waitForPattern(Pattern.compile("^" + Pattern.quote(sessionPage) + "\\?annulee=1&promus=\\d+$"));
        assertTrue(find("main").getText().contains("Ont obtenu une place : Marie"), find("main").getText());
        assertEquals(List.of("M. K.", "Marie"), names("seated-caption"));
        assertTrue(findAll("#waiting-caption").isEmpty(), "nobody waits any more");
        logOut();

        // 6. The visitor's code and first name now show a reserved place.
        visit("/ateliers/inscription/retrouver");
        typeInto(find("#f-code"), visitorCode);
        typeInto(find("#f-firstName"), "Marie");
        find("main form button[type=submit]").click();
        waitForPath(visitorPage);
        assertEquals("Votre place est réservée", h1());
        assertFalse(find("main").getText().contains("liste d’attente"), find("main").getText());

        // 7. Attendance is noted from the session's day on: the application's test clock is moved to the session's
        // end (as other tests move it for idle timeouts), which also ends Sami's staff session, hence the new log-in.
        WorkshopSession held = sessions.byId(sessionId).orElseThrow();
        clock.advance(Duration.between(clock.instant(), held.startsAt().plus(Duration.ofMinutes(held.durationMinutes()))));
        logIn();
        visit(sessionPage);
        find("main").findElement(By.linkText("Noter les présences")).click();
        waitForPath(sessionPage + "/presences");
        driver.findElement(By.xpath("//label[normalize-space()='M. K. est venu·e (1 place)']")).click();
        typeInto(find("#f-walkIns"), "1");
        find("main form .button-row button:not([name])").click();
        waitForPath(sessionPage + "/presences?enregistre=1");
        assertTrue(find("main").getText().contains("Le bilan de l’atelier compte 2 participants."), find("main").getText());
        WebElement mk = driver.findElement(By.xpath("//input[@id=//label[normalize-space()='M. K. est venu·e (1 place)']/@for]"));
        WebElement marie = driver.findElement(By.xpath("//input[@id=//label[normalize-space()='Marie est venu·e (1 place)']/@for]"));
        assertTrue(mk.isSelected(), "M. K. came");
        assertFalse(marie.isSelected(), "Marie did not come");
        assertEquals("1", find("#f-walkIns").getAttribute("value"));
        List<Registration> registered = sessions.registrations(sessionId);
        assertEquals(List.of(true, false), registered.stream().filter(r -> r.status() == RegistrationStatus.SEATED)
                .map(Registration::attended).toList(), "M. K. present, Marie absent");

        // 8. The collective record: in Sami's records of the day, and as stored, with its 2 participants.
        visit("/accompagnements");
        List<String> channels = findAll("table.log tbody tr td:nth-child(5)").stream().map(WebElement::getText).toList();
        assertEquals(List.of("En atelier collectif"), channels, "today's records: the workshop's");
        long samiId = staff.byEmail(SAMI).orElseThrow().id();
        assertEquals(List.of("DO_WITH WORKSHOP 2 participants by " + samiId + " on " + first + " [ADMIN_PROCEDURES]"),
                collectiveRecords(sessionId));
    }

    /** The session's collective records as stored: mode, channel, participants, helper, day and themes. */
    private List<String> collectiveRecords(long sessionId) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement st = c.prepareStatement("SELECT a.mode, a.channel_code, a.participants, a.helper_id, a.occurred_on,"
                     + " (SELECT LISTAGG(t.theme_code, ',') WITHIN GROUP (ORDER BY t.theme_code) FROM accompaniment_theme t"
                     + " WHERE t.accompaniment_id = a.id) FROM accompaniment a WHERE a.workshop_session_id = ?")) {
            st.setLong(1, sessionId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getInt(3) + " participants by " + rs.getLong(4)
                            + " on " + rs.getObject(5, LocalDate.class) + " [" + rs.getString(6) + "]");
                }
            }
        }
        return found;
    }
}
