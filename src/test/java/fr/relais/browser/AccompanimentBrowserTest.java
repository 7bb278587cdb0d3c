package fr.relais.browser;

import fr.relais.workshop.Registration;
import fr.relais.workshop.SessionFixtures;
import fr.relais.workshop.WorkshopSession;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The accompaniment log in the browser. The common case — walk-in, "faire avec", one theme, everything else left
 * to its default — is counted from the desk's day view, with the mouse and with the keyboard: an interaction is
 * one deliberate choice or activation (a click; Enter, Space, an arrow or a typed letter), Tab presses are counted
 * apart (ADR 0010). Then a referral printed for a partner of the demo directory, and "faire à la place" with a
 * mandate drafted and signed through the mandate pages. Every page shown is scanned with axe-core.
 */
@MicronautTest(environments = "demo", transactional = false)
class AccompanimentBrowserTest extends BrowserBase {
    private static final String HELPER = "aidant.centre@relais.demo";
    private static final Pattern SAVED = Pattern.compile("^/accompagnements/(\\d+)/(\\d+)\\?nouveau=1$");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** At most four interactions for the common case (issue), three are the design's aim with the mouse. */
    private static final int MAX_INTERACTIONS = 4;

    @Inject
    SessionFixtures workshops;

    private int interactions;
    private int tabs;

    /** One deliberate click. */
    private void click(WebElement element) {
        interactions++;
        element.click();
    }

    /** One key: Tab is counted apart, any other key (Enter, Space, an arrow, a letter) is an interaction. */
    private void key(CharSequence key) {
        if (Keys.TAB.equals(key)) {
            tabs++;
        } else {
            interactions++;
        }
        pressKeys(key);
    }

    /** The desk's walk-in link for a mode; its name for a screen reader is "Sans rendez-vous : Faire avec"… */
    private WebElement walkIn(String mode) {
        WebElement link = find("main section.walk-in a[href$='mode=" + mode + "']");
        assertTrue(squash(link.getText()).startsWith("Sans rendez-vous : "), link.getText());
        return link;
    }

    private void startCounting() {
        interactions = 0;
        tabs = 0;
    }

    private void logIn() {
        logInWithKeyboard(HELPER, PASSWORD);
        waitForPath("/accueil");
        assertEquals("Mon bureau du jour", h1());
    }

    private String savedRecord() {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> SAVED.matcher(path()).matches());
        } catch (org.openqa.selenium.TimeoutException e) {
            fail("expected the saved record, got " + path() + ":\n" + find("main").getText());
        }
        assertEquals("Accompagnement noté", h1());
        assertEquals("L’accompagnement est noté.", find("main .flash").getText());
        return path().replace("?nouveau=1", "");
    }

    /** The value next to a term of the record's summary. */
    private String summary(String term) {
        return find("main dl.summary").findElement(By.xpath("./dt[normalize-space()='" + term + "']/following-sibling::dd[1]"))
                .getText();
    }

    private String today() {
        return DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRENCH).format(LocalDate.now(PARIS));
    }

    private void assertCommonCaseSaved(String themeLabel) {
        assertEquals("Faire avec", summary("Posture"));
        assertEquals(themeLabel, summary("Thème"));
        assertEquals("30 minutes", summary("Durée"));
        assertEquals("Sans rendez-vous", summary("Canal"));
        assertTrue(summary("Date et heure").startsWith(today()), summary("Date et heure"));
    }

    @Test
    void theCommonCaseTakesThreeClicksFromTheDayView() {
        logIn();
        startCounting();
        click(walkIn("DO_WITH"));
        assertEquals("Noter un accompagnement", h1());
        click(find("label[for=f-theme-EMAIL]"));
        click(find("form.log-form button.button[value=save]"));
        savedRecord();
        assertCommonCaseSaved("Courriel (e-mail)");
        System.out.println("Walk-in, faire avec, one theme, with the mouse: " + interactions + " interactions");
        assertEquals(3, interactions);
        assertTrue(interactions <= MAX_INTERACTIONS);
    }

    @Test
    void theCommonCaseTakesFourKeysAndTwoTabsFromTheDayView() {
        logIn();
        visit("/accueil");
        startCounting();
        key(Keys.TAB);
        assertEquals("a.skip-link", "a." + focused().getAttribute("class"), "the first Tab reaches the skip link");
        key(Keys.ENTER);
        key(Keys.TAB);
        assertEquals("Sans rendez-vous : Faire avec", squash(focused().getText()),
                "after the skip link, the first stop of the page is the walk-in link");
        key(Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> path().contains("/nouveau?mode=DO_WITH"));
        WebElement first = focused();
        assertEquals("themes", first.getAttribute("name"), "the form opens on the first theme: " + describe(first));
        String label = find("label[for=" + first.getAttribute("id") + "]").getText();
        key(Keys.SPACE);
        assertTrue(first.isSelected());
        key(Keys.ENTER);
        savedRecord();
        assertCommonCaseSaved(label);
        System.out.println("Walk-in, faire avec, one theme, with the keyboard (skip link): " + interactions
                + " interactions and " + tabs + " Tab presses");
        assertTrue(interactions <= MAX_INTERACTIONS, interactions + " interactions");
        assertEquals(4, interactions);
        assertEquals(2, tabs);

        // Without the skip link: Tab through the header, then the same three keys.
        visit("/accueil");
        startCounting();
        for (int i = 0; i < 40 && !"Sans rendez-vous : Faire avec".equals(squash(focused().getText())); i++) {
            key(Keys.TAB);
        }
        assertEquals("Sans rendez-vous : Faire avec", squash(focused().getText()));
        key(Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> path().contains("/nouveau?mode=DO_WITH"));
        key(Keys.SPACE);
        key(Keys.ENTER);
        savedRecord();
        System.out.println("Walk-in, faire avec, one theme, with the keyboard (Tab only): " + interactions
                + " interactions and " + tabs + " Tab presses");
        assertEquals(3, interactions);
        assertTrue(tabs <= 15, tabs + " Tab presses through the header");
    }

    @Test
    void aReferralIsPrintedWithAPartnerOfTheDemoDirectory() {
        logIn();
        click(walkIn("REFER"));
        assertTrue(find("#f-mode-REFER").isSelected());
        click(find("label[for=f-theme-ADMIN_PROCEDURES]"));
        click(find("label[for=f-scope-FAMILY]"));
        new Select(find("#f-partnerId")).selectByVisibleText("CAF — accueil Centre (Lyon)");
        click(find("form.log-form button.button[value=save]"));
        String record = savedRecord();
        assertEquals("Orienter", summary("Posture"));
        assertEquals("CAF — accueil Centre", summary("Partenaire"));

        // The slip: a name typed for the paper only, a line added to what to bring.
        WebElement print = find("form[action$='/fiche-orientation']");
        typeInto(find("#f-personName"), "Mme Odette Lefranc");
        WebElement bring = find("#f-bring");
        bring.click();
        bring.sendKeys(Keys.chord(Keys.CONTROL, Keys.END), Keys.ENTER, "Le dernier courrier de la CAF");
        assertEquals("Imprimer la fiche d’orientation", print.findElement(By.tagName("button")).getText());
        String text = postedPdfText(print);
        for (String expected : List.of("CAF — accueil Centre", "Mme Odette Lefranc", "Le dernier courrier de la CAF",
                "Famille - Scolarité", "Médiathèque du Centre")) {
            assertTrue(squash(text).contains(squash(expected)), expected + " in the slip: " + text);
        }
        // Nothing typed for the slip came back into the page of the record.
        visit(record);
        assertFalse(find("main").getText().contains("Lefranc"));
        assertEquals("", find("#f-personName").getDomProperty("value"));
    }

    @Test
    void doingForAPersonWithAMandateDraftedAndSignedAtTheDesk() {
        logIn();
        click(walkIn("DO_FOR"));
        assertTrue(find("#f-mode-DO_FOR").isSelected());
        find("#mandat").findElement(By.linkText("Préparer un nouveau mandat")).click();
        assertTrue(path().matches("^/mandats/\\d+/nouveau$"), path());

        typeInto(find("#f-firstName"), "Odile");
        typeInto(find("#f-lastName"), "Mandatée");
        find("label[for=f-scope-HOUSING]").click();
        typeInto(find("#f-purpose"), "Demande d’aide au logement en ligne");
        find("label[for=f-duration-31]").click();
        for (WebElement box : findAll("input[type=checkbox][name^=told], input[type=checkbox][name=noLegalProtection]")) {
            if (!box.isSelected()) {
                find("label[for=" + box.getAttribute("id") + "]").click();
            }
        }
        find("main form.form button[type=submit]").click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> path().matches("^/mandats/\\d+/\\d+\\?enregistre=1$"));
        find("form[action$='/signature'] button[type=submit]").click();
        // Signed: the mandate is active, there is nothing left to sign.
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> findAll("form[action$='/signature']").isEmpty());

        // Back at the desk: faire à la place, the mandate found by the name, chosen, saved.
        visit("/accueil");
        click(walkIn("DO_FOR"));
        click(find("label[for=f-theme-ADMIN_PROCEDURES]"));
        click(find("label[for=f-scope-HOUSING]"));
        typeInto(find("#f-mandateSearch"), "mandatee");
        click(find("#mandat button[value=search]"));
        WebElement found = find("#mandat input[name=mandateId]");
        String choice = find("label[for=" + found.getAttribute("id") + "]").getText();
        assertTrue(choice.startsWith("Odile Mandatée — Logement"), choice);
        assertTrue(find("#f-theme-ADMIN_PROCEDURES").isSelected(), "the choices made before the search are kept");
        click(find("label[for=" + found.getAttribute("id") + "]"));
        click(find("form.log-form button.button[value=save]"));
        savedRecord();
        assertEquals("Faire à la place", summary("Posture"));
        assertEquals("Logement", summary("Démarches"));
        assertEquals("Fait avec le mandat de la personne", summary("Mandat"));
        assertFalse(find("main").getText().contains("Odile"), "the record does not name the person");
    }

    /** The other pages of the log: a refused form, the correction, the lists, the honoured appointment's log. */
    @Test
    void theOtherPagesOfTheLogPassTheScan() {
        logIn();
        walkIn("DO_WITH").click();
        find("details.more summary").click();
        typeInto(find("#f-note"), "mdp : Soleil2024");
        find("form.log-form button.button[value=save]").click();
        assertEquals("Le formulaire contient des erreurs", find("main .error-summary h2").getText());
        assertTrue(find("#f-themes-error").getText().contains("Cochez au moins un thème."));
        assertTrue(find("#f-note-error").getText().contains("Ne notez pas d’identifiant"));
        assertTrue(find("details.more").getAttribute("open") != null, "the details open on their error");
        find("label[for=f-theme-OFFICE]").click();
        typeInto(find("#f-note"), "Mise en page d’un CV");
        find("form.log-form button.button[value=save]").click();
        String record = savedRecord();
        find("main").findElement(By.linkText("Corriger cet accompagnement")).click();
        assertEquals("Corriger un accompagnement", h1());
        new Select(find("#f-duration")).selectByVisibleText("45 minutes");
        find("form.log-form button.button[value=save]").click();
        waitForPath(record + "?enregistre=1");
        assertEquals("45 minutes", summary("Durée"));

        find("header").findElement(By.linkText("Accompagnements")).click();
        assertEquals("Mes accompagnements", h1());
        new Select(find("#f-periode")).selectByVisibleText("Cette semaine");
        find("form.filters button").click();
        assertTrue(find("main table").getText().contains("Bureautique"), find("main").getText());
        visit(record);
        find("form[action$='/suppression'] button").click();
        waitForPath("/accompagnements?supprime=1");

        // An honoured appointment opens its log.
        visit("/accueil");
        List<WebElement> book = List.of();
        for (int days = 0; days < 14 && book.isEmpty(); days++) {
            find("nav.day-nav").findElement(By.linkText("Jour suivant")).click();
            book = driver.findElements(By.partialLinkText("Réserver le créneau de "));
        }
        assertFalse(book.isEmpty(), "a free slot within two weeks");
        book.get(0).click();
        typeInto(find("#f-firstName"), "M. K.");
        new Select(find("#f-themeCode")).selectByVisibleText("Courriel (e-mail)");
        find("main form.form button[type=submit]").click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> path().startsWith("/bureau/rendez-vous/"));
        find("main").findElement(By.xpath(".//button[normalize-space()='Honoré (M. K.)']")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> path().matches("^/accompagnements/\\d+/rendez-vous/\\d+$"));
        String appointmentLog = path();
        assertEquals("Noter un accompagnement", h1());
        assertTrue(find("#f-theme-EMAIL").isSelected());
        assertTrue(find("#f-channel-APPOINTMENT").isSelected());
        assertEquals(find("#f-mode-DO_WITH"), focused(), "the mode, the one choice left, has the focus");
        pressKeys(Keys.SPACE);
        pressKeys(Keys.ENTER);
        savedRecord();
        assertEquals("Sur rendez-vous", summary("Canal"));

        // A colleague opening the same appointment's log is told it is done.
        logOut();
        logInWithKeyboard("benevole.centre@relais.demo", PASSWORD);
        waitForPath("/accueil");
        visit(appointmentLog);
        assertEquals("Accompagnement déjà noté", h1());
    }

    // ---- the slip ------------------------------------------------------------------------------------------

    private static String squash(String s) {
        return s.replace('\u00A0', ' ').replace('\u202F', ' ').replaceAll("\\s+", " ").strip();
    }

    /** Posts the print form exactly as filled in and returns the text of the slip it answers. */
    private String postedPdfText(WebElement form) {
        return pdfText(postForPdf(form));
    }

    /** A workshop's collective record in the log: its line, its page, and the notice where its form would be. */
    @Test
    void aWorkshopsCollectiveRecordReadsInTheLogAndLeadsToTheAttendance() {
        WorkshopSession session = workshops.todaySession("mediatheque-centre", 8);
        Registration awa = workshops.seat(session, "Awa", 2);
        logIn();
        String attendance = "/bureau/ateliers/seances/" + session.id() + "/presences";
        visit(attendance);
        find("label[for=f-present-" + awa.id() + "]").click();
        typeInto(find("#f-walkIns"), "5");
        find("main form button.button:not(.button--quiet)").click();
        waitForPath(attendance + "?enregistre=1");

        find("header").findElement(By.linkText("Accompagnements")).click();
        assertEquals("Mes accompagnements", h1());
        WebElement line = find("main table").findElement(By.xpath(".//tr[.//span[@class='collective']]"));
        assertTrue(line.getText().contains("Atelier collectif — 7 participants"), line.getText());
        assertTrue(line.findElements(By.cssSelector("a[href$='/modifier']")).isEmpty());
        line.findElement(By.partialLinkText("Voir l’accompagnement de")).click();
        assertEquals("Atelier collectif — 7 participants", summary("Participants"));
        assertEquals("En atelier collectif", summary("Canal"));
        String record = path();
        find("main").findElement(By.linkText("Corriger les présences de la séance")).click();
        waitForPath(attendance);

        visit(record + "/modifier");
        assertEquals("Accompagnement collectif", h1());
        find("main").findElement(By.linkText("Corriger les présences de la séance")).click();
        waitForPath(attendance);
    }
}
