package fr.relais.browser;

import fr.relais.site.Site;
import fr.relais.site.Sites;
import fr.relais.workshop.AgendaFixtures;
import fr.relais.workshop.Registration;
import fr.relais.workshop.RegistrationStatus;
import fr.relais.workshop.Registrations;
import fr.relais.workshop.WorkshopLevel;
import fr.relais.workshop.WorkshopSession;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The public side of workshops, as a visitor goes through it: the library's agenda filtered by level, a full
 * session, a mistake in the form, the waiting list with its place in line; a seat freed, and the visitor's code
 * then shows a reserved place; the slip. Every page visited is scanned with axe-core.
 */
@MicronautTest(environments = "demo", transactional = false)
class AgendaBrowserTest extends BrowserBase {
    private static final Pattern PAGE = Pattern.compile("/ateliers/inscriptions/\\d+\\?cle=[A-Za-z0-9_-]+");
    @Inject
    AgendaFixtures fixtures;
    @Inject
    Sites sites;
    @Inject
    Registrations registrations;

    @Test
    void aVisitorJoinsTheWaitingListOfAFullSessionAndGetsTheSeatWhenOneIsFreed() {
        Site centre = sites.bySlug("mediatheque-centre").orElseThrow();
        WorkshopSession full = fixtures.session(centre, fixtures.workshop(null, "Sauvegarder ses photos",
                WorkshopLevel.BEGINNER, "DIGITAL_CONTENT"), 9, 1);
        Registration awa = fixtures.register(full, "Awa", 1);
        fixtures.session(centre, fixtures.workshop(null, "Bureautique pour aller plus loin", WorkshopLevel.ADVANCED,
                "OFFICE"), 10, 8);

        visit("/bibliotheques/mediatheque-centre/ateliers");
        assertEquals("Ateliers — Médiathèque du Centre", h1());
        new Select(find("#f-niveau")).selectByVisibleText("Débutant");
        find("main form[role=search] button[type=submit]").click();
        waitForPath("/bibliotheques/mediatheque-centre/ateliers?theme=&niveau=BEGINNER");
        assertTrue(findAll("main .session h4 a").stream().noneMatch(a -> a.getText().equals("Bureautique pour aller plus loin")),
                "advanced workshops are filtered out");
        var entry = driver.findElement(By.xpath("//main//li[.//a[normalize-space()='Sauvegarder ses photos']]"));
        assertEquals("Complet — liste d’attente possible", entry.findElement(By.cssSelector(".places")).getText());
        entry.findElement(By.linkText("Sauvegarder ses photos")).click();

        waitForPath("/ateliers/seances/" + full.id());
        assertEquals("S’inscrire sur la liste d’attente", find("#inscription").getText());
        typeInto(find("#f-phone"), "06 12");
        find("main form[method=post] button[type=submit]").click();
        waitFor("#f-firstName-error");
        assertTrue(find("#f-firstName-error").getText().endsWith("Ce champ est obligatoire."), find("#f-firstName-error").getText());
        assertEquals("06 12", find("#f-phone").getAttribute("value"), "what was typed stays");

        typeInto(find("#f-firstName"), "Marie");
        typeInto(find("#f-phone"), "06 12 34 56 78");
        find("main form[method=post] button[type=submit]").click();
        String page = waitForPattern(PAGE);
        assertEquals("Vous êtes sur la liste d’attente", h1());
        assertEquals("Vous êtes en tête de la liste d’attente", find("main .lead").getText());
        String code = find(".code-box strong").getText();

        // Awa cancels: the seat goes to Marie, whose code now shows it.
        registrations.cancel(awa, RegistrationStatus.CANCELLED_BY_USER, null);
        visit("/ateliers/inscription/retrouver");
        typeInto(find("#f-code"), code.toLowerCase());
        typeInto(find("#f-firstName"), "marie");
        find("main form button[type=submit]").click();
        waitForPath(page);
        assertEquals("Votre place est réservée", h1());
        String slip = pdfText(fetchPdf(find("main .actions-list a").getAttribute("href")));
        assertTrue(slip.contains(code), slip);
        assertTrue(slip.contains("place réservée"), slip);
    }

    @Test
    void aVisitorGoesToTheNextWeeksOfTheNetworksAgendaAndBackWithTheirThemeKept() {
        Site centre = sites.bySlug("mediatheque-centre").orElseThrow();
        java.time.LocalDate monday = sites.today(centre).with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
        WorkshopSession later = fixtures.session(centre, fixtures.workshop(null, "Les écrans en famille", WorkshopLevel.BEGINNER,
                "PARENTING"), monday.plusWeeks(2).plusDays(3), java.time.LocalTime.of(14, 0), 8, true);

        visit("/ateliers");
        new Select(find("#f-theme")).selectByValue("PARENTING");
        find("main form[role=search] button[type=submit]").click();
        waitForPath("/ateliers?theme=PARENTING&niveau=&bibliotheque=");
        assertTrue(find("main h2").getText().startsWith("Séances du lundi " + monday.getDayOfMonth() + " "), find("main h2").getText());
        // Nothing these two weeks: the notice leads to the week that has the session.
        find("main .notice a").click();
        waitForPath("/ateliers?theme=PARENTING&a-partir-du=" + monday.plusWeeks(2));
        assertEquals("Les écrans en famille", find("main a[href='/ateliers/seances/" + later.id() + "']").getText());
        assertEquals("PARENTING", new Select(find("#f-theme")).getFirstSelectedOption().getAttribute("value"));
        find("main nav a[rel=prev]").click();
        waitForPath("/ateliers?theme=PARENTING&a-partir-du=" + monday);
        find("main nav a[rel=next]").click();
        waitForPath("/ateliers?theme=PARENTING&a-partir-du=" + monday.plusWeeks(2));
    }
}
