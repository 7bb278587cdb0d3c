package fr.relais.browser;

import fr.relais.site.Site;
import fr.relais.site.Sites;
import fr.relais.web.TypedValues;
import fr.relais.workshop.SessionFixtures;
import fr.relais.workshop.Workshop;
import fr.relais.workshop.WorkshopSession;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Workshops at the desk, in the browser, as Sami (aidant.centre) works: a weekly series created after looking at its
 * dates (one skipped for the library's annual inventory), "M. K." registered at the desk with the slip to print, and
 * the attendance of a session of today noted with a walk-in. Every page is scanned with axe-core and read at 320 px
 * wide without sideways scrolling.
 */
@MicronautTest(environments = "demo", transactional = false)
class WorkshopStaffBrowserTest extends BrowserBase {
    static final DateTimeFormatter WORDS = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRENCH);

    @Inject
    SessionFixtures data;
    @Inject
    Sites sites;

    private void logIn() {
        logInWithKeyboard("aidant.centre@relais.demo", PASSWORD);
        waitForPath("/accueil");
    }

    /** At 320 px wide, the page does not scroll sideways (wide tables scroll inside their own region). */
    private void assertReadableAt320() {
        Dimension before = driver.manage().window().getSize();
        try {
            driver.manage().window().setSize(new Dimension(320, 800));
            long width = ((Number) js("return window.innerWidth;")).longValue();
            assertTrue(width <= 320, "the window is " + width + " px wide");
            Object overflow = js("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertEquals(0L, ((Number) overflow).longValue(), "sideways scroll at 320 px on " + path());
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    @Test
    void samiCreatesASeriesAfterSeeingItsDatesAndRegistersSomeoneAtTheDesk() {
        Workshop workshop = data.workshop("Découvrir sa boîte mail", null, List.of("EMAIL"));
        Site centre = data.site("mediatheque-centre");
        LocalDate first = sites.today(centre).plusDays(7);
        logIn();
        visit("/bureau/" + centre.id() + "/ateliers");
        assertEquals("Séances d’ateliers", h1());
        assertReadableAt320();
        find("main").findElement(By.linkText("Programmer une séance ou une série")).click();
        waitForPath("/bureau/" + centre.id() + "/ateliers/nouvelle");
        new Select(find("#f-workshopId")).selectByVisibleText("Découvrir sa boîte mail");
        typeInto(find("#f-firstDate"), TypedValues.shown(first));
        typeInto(find("#f-startTime"), "10h");
        typeInto(find("#f-room"), "Espace numérique");
        find("#f-repeat-WEEKLY").click();
        typeInto(find("#f-occurrences"), "3");
        find("form.form button[type=submit]").click();
        waitFor("#preview-title");
        assertEquals(List.of(WORDS.format(first), WORDS.format(first.plusWeeks(1))),
                findAll("ul.dates li").stream().map(WebElement::getText).toList());
        assertEquals(List.of(WORDS.format(first.plusWeeks(2)) + " — fermeture : Inventaire annuel"),
                findAll("ul.skipped li").stream().map(e -> e.getText().replace('\u00A0', ' ')).toList());
        assertReadableAt320();
        find("button[name=confirm]").click();
        waitForPath("/bureau/" + centre.id() + "/ateliers?creees=2");
        assertTrue(find(".flash").getText().contains("2 séances sont créées."));

        WebElement row = findAll("#coming-caption ~ tbody tr").stream()
                .filter(r -> r.getText().contains(WORDS.format(first)) && r.getText().contains(workshop.title())).findFirst().orElseThrow();
        row.findElement(By.partialLinkText("Ouvrir la séance")).click();
        waitForPattern(Pattern.compile("^/bureau/ateliers/seances/\\d+$"));
        assertEquals("Découvrir sa boîte mail", h1());
        assertReadableAt320();
        typeInto(find("#f-firstName"), "M. K.");
        typeInto(find("#f-phone"), "06 12 34 56 78");
        find("form[action$='/inscription'] button[type=submit]").click();
        String confirmation = waitForPattern(Pattern.compile("^/bureau/ateliers/inscriptions/\\d+\\?nouveau=1$"));
        assertTrue(find("main").getText().contains("M. K. est inscrit·e : 1 place."));
        assertTrue(find(".code").getText().matches("[0-9A-HJKMNP-TV-Z]{3}-[0-9A-HJKMNP-TV-Z]{3}"), find(".code").getText());
        String registration = confirmation.replaceAll("\\?.*", "");
        assertEquals(url(registration + "/bulletin.pdf"), find("main").findElement(By.linkText("Imprimer le bulletin (A4)"))
                .getAttribute("href"));
        assertEquals(url(registration + "/bulletin.pdf?format=TICKET"),
                find("main").findElement(By.linkText("Imprimer le ticket")).getAttribute("href"));
        assertReadableAt320();
        find("main").findElement(By.linkText("Revenir à la séance")).click();
        assertEquals(List.of("M. K."), findAll("#seated-caption ~ tbody th").stream().map(WebElement::getText).toList());
    }

    @Test
    void samiNotesWhoCameWithAWalkInAndTheCollectiveRecordIsCounted() {
        WorkshopSession today = data.todaySession("mediatheque-centre", 6);
        data.seat(today, "Awa", 2);
        data.seat(today, "Bao", 1);
        logIn();
        visit("/bureau/ateliers/seances/" + today.id());
        find("main").findElement(By.linkText("Noter les présences")).click();
        waitForPath("/bureau/ateliers/seances/" + today.id() + "/presences");
        assertReadableAt320();
        findAll("input[name=present]").get(0).click();
        typeInto(find("#f-walkIns"), "1");
        find("#f-walkIns").submit();
        waitForPath("/bureau/ateliers/seances/" + today.id() + "/presences?enregistre=1");
        assertTrue(find("main").getText().contains("Le bilan de l’atelier compte 3 participants."), find("main").getText());
        assertTrue(findAll("input[name=present]").get(0).isSelected());
        assertFalse(findAll("input[name=present]").get(1).isSelected());
        find("button[name=everyone]").click();
        waitForPath("/bureau/ateliers/seances/" + today.id() + "/presences?enregistre=1");
        assertTrue(find("main").getText().contains("Le bilan de l’atelier compte 4 participants."), find("main").getText());
    }
}
