package fr.relais.browser;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The main path of managing a library: its director changes the opening hours and the services offered, and
 * the public page shows them. Every page visited is scanned with axe-core.
 */
@MicronautTest(environments = "demo", transactional = false)
class SiteBrowserTest extends BrowserBase {
    private static final String DIRECTOR = "direction.centre@relais.demo";
    private static final String CENTRE = "Médiathèque du Centre";

    @Test
    void directorChangesHoursAndServicesAndThePublicPageShowsThem() {
        logInWithKeyboard(DIRECTOR, PASSWORD);
        waitForPath("/accueil");
        assertEquals("Ma bibliothèque", h1());

        // From the home page to the hours of the site, by its link.
        siteCard(CENTRE).findElement(By.linkText("Horaires")).click();
        long id = siteId();
        assertEquals("/gestion/sites/" + id + "/horaires", path());
        assertHeading("Horaires d’ouverture");
        assertEquals("", value("#f-d1r1open"), "the Médiathèque du Centre is closed on Mondays in the demo data");

        typeTime(find("#f-d1r1open"), "09:30");
        typeTime(find("#f-d1r1close"), "12:15");
        assertEquals("09:30", value("#f-d1r1open"), "typing digits into a time field");
        assertEquals("12:15", value("#f-d1r1close"));
        saveButton().click();
        waitForPath("/gestion/sites/" + id + "/horaires?enregistre=1");
        assertEquals("Les modifications sont enregistrées.", find("main .flash").getText());
        assertEquals("09:30", value("#f-d1r1open"));
        assertEquals("12:15", value("#f-d1r1close"));

        // The closures tab, then the services tab.
        tab("Fermetures").click();
        assertHeading("Fermetures");
        tab("Services proposés").click();
        assertEquals("/gestion/sites/" + id + "/services", path());
        WebElement yes = find("#f-offer_EQUIPMENT_LOAN-yes");
        assertEquals("Prêt de matériel (tablette, ordinateur)",
                yes.findElement(By.xpath("ancestor::fieldset/legend")).getText());
        assertTrue(find("#f-offer_EQUIPMENT_LOAN-no").isSelected(), "not offered in the demo data");
        yes.click();
        typeInto(find("#f-note_EQUIPMENT_LOAN"), "Deux tablettes, à emprunter pour une semaine");
        saveButton().click();
        waitForPath("/gestion/sites/" + id + "/services?enregistre=1");
        assertEquals("Les modifications sont enregistrées.", find("main .flash").getText());
        assertTrue(find("#f-offer_EQUIPMENT_LOAN-yes").isSelected());

        // The public page needs no login.
        logOut();
        visit("/bibliotheques/mediatheque-centre");
        assertEquals(CENTRE, h1());
        assertEquals("09:30 – 12:15", hoursOf("Lundi"));
        assertEquals("10:00 – 12:30, 13:30 – 18:00", hoursOf("Mardi"), "other days unchanged");
        WebElement offered = find("#offer").findElement(By.xpath(".."))
                .findElement(By.xpath(".//h3[normalize-space()='Ce que vous trouverez ici']/following-sibling::ul[1]"));
        List<String> items = offered.findElements(By.tagName("li")).stream().map(WebElement::getText).toList();
        assertTrue(items.contains("Prêt de matériel (tablette, ordinateur) — Deux tablettes, à emprunter pour une semaine"),
                "offered services: " + items);
    }

    @Test
    void closingBeforeOpeningShowsAFrenchMessageNextToTheFieldAndKeepsWhatWasTyped() {
        logInWithKeyboard(DIRECTOR, PASSWORD);
        waitForPath("/accueil");
        siteCard(CENTRE).findElement(By.linkText("Horaires")).click();
        long id = siteId();

        typeTime(find("#f-d7r1open"), "14:00");
        typeTime(find("#f-d7r1close"), "13:00");
        saveButton().click();
        waitForPath("/gestion/sites/" + id + "/horaires");
        assertTrue(find(".error-summary").isDisplayed());
        WebElement close = find("#f-d7r1close");
        assertEquals("13:00", close.getDomProperty("value"), "the typed closing time is kept");
        assertEquals("14:00", value("#f-d7r1open"), "the typed opening time is kept");
        assertEquals("true", close.getAttribute("aria-invalid"));
        assertEquals("f-d7r1close-error", close.getAttribute("aria-describedby"));
        WebElement error = find("#f-d7r1close-error");
        assertTrue(error.getText().contains("L’heure de fermeture doit être après l’heure d’ouverture."), error.getText());
        // The message is next to the field: in the same field block, just before the input.
        assertEquals(close.findElement(By.xpath("..")), error.findElement(By.xpath("..")));
        assertEquals("10:00", value("#f-d2r1open"), "the other days are still shown");

        // Nothing was saved.
        visit("/bibliotheques/mediatheque-centre");
        assertEquals("Fermé", hoursOf("Dimanche"));
    }

    @Test
    void otherPagesOfTheIssuePassTheAccessibilityScan() {
        visit("/");
        assertEquals("Les bibliothèques du réseau", h1());
        visit("/cette-page-n-existe-pas");
        assertEquals("Page introuvable", h1());

        logInWithKeyboard(DIRECTOR, PASSWORD);
        waitForPath("/accueil");
        siteCard(CENTRE).findElement(By.linkText("Informations")).click();
        long id = siteId();
        assertHeading("Modifier la bibliothèque");
        tab("Fermetures").click();
        assertEquals("/gestion/sites/" + id + "/fermetures", path());
        visit("/accueil");
        siteCard(CENTRE).findElement(By.linkText("Équipe et comptes")).click();
        assertEquals("/gestion/comptes", path());
        assertEquals("Comptes du personnel", h1());
        visit("/gestion/sites/999999/horaires");
        assertEquals("Page introuvable", h1(), "another site's id answers 404");

        // The language switch in the header: the same page in English, then back in French.
        visit("/gestion/sites/" + id + "/horaires");
        find("header").findElement(By.linkText("English")).click();
        waitForPath("/gestion/sites/" + id + "/horaires");
        assertEquals("en", find("html").getAttribute("lang"));
        assertHeading("Opening hours");
        assertEquals("Monday", find("fieldset.day legend").getText());
        visit("/bibliotheques/mediatheque-centre");
        assertEquals("Monday", find("table.hours tbody th").getText());
        find("header").findElement(By.linkText("Français")).click();
        waitForPath("/bibliotheques/mediatheque-centre");
        assertEquals("fr", find("html").getAttribute("lang"));

        List<String> scanned = browser.scannedPages();
        for (String page : List.of("/", "/cette-page-n-existe-pas", "/connexion", "/accueil", "/gestion/sites/" + id,
                "/gestion/sites/" + id + "/fermetures", "/gestion/comptes", "/gestion/sites/999999/horaires",
                "/gestion/sites/" + id + "/horaires", "/bibliotheques/mediatheque-centre")) {
            assertTrue(scanned.contains(page), page + " was scanned; scanned: " + scanned);
        }
    }

    /** "Title : site" in French, "Title: site" in English. */
    private void assertHeading(String title) {
        String h1 = h1();
        assertTrue(h1.matches(Pattern.quote(title) + " ?: " + Pattern.quote(CENTRE)), "heading: " + h1);
    }

    private WebElement siteCard(String name) {
        return find("main").findElement(By.xpath(".//section[h2[normalize-space()='" + name + "']]"));
    }

    private WebElement tab(String label) {
        return find("nav.tabs").findElement(By.linkText(label));
    }

    private WebElement saveButton() {
        return find("main form.form button[type=submit]");
    }

    private long siteId() {
        Matcher m = Pattern.compile("^/gestion/sites/(\\d+)").matcher(path());
        assertTrue(m.find(), "a site page: " + path());
        return Long.parseLong(m.group(1));
    }

    private String value(String css) {
        return find(css).getDomProperty("value");
    }

    private String hoursOf(String day) {
        WebElement row = find("table.hours").findElement(By.xpath(".//tr[th[normalize-space()='" + day + "']]"));
        assertNotNull(row);
        return row.findElement(By.tagName("td")).getText();
    }
}
