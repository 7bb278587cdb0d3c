package fr.relais.browser;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Logging in and out through the real form, with the keyboard, for every demo account. */
@MicronautTest(environments = "demo", transactional = false)
class LoginBrowserTest extends BrowserBase {

    @ParameterizedTest(name = "{0} lands on \"{1}\"")
    @CsvSource({
            "aidant.centre@relais.demo, Mon bureau du jour",
            "benevole.centre@relais.demo, Mon bureau du jour",
            "aidant.nord@relais.demo, Mon bureau du jour",
            "direction.centre@relais.demo, Ma bibliothèque",
            "coordination@relais.demo, Le réseau",
            "admin@relais.demo, Administration",
    })
    void eachDemoAccountLogsInWithTheKeyboardAndOut(String email, String home) {
        logInWithKeyboard(email, PASSWORD);
        waitForPath("/accueil");
        assertEquals(home, h1());
        assertEquals("fr", find("html").getAttribute("lang"));

        logOut();
        assertEquals("Connexion du personnel", h1());
        assertEquals("Vous êtes déconnecté·e.", find("main .flash").getText());
        visit("/accueil");
        assertTrue(path().startsWith("/connexion"), "signed out: /accueil sends back to the login page, got " + path());
    }

    @Test
    void skipLinkIsTheFirstTabStopAndMovesFocusToTheContent() {
        visit("/connexion");
        pressKeys(Keys.TAB);
        WebElement first = focused();
        assertEquals("skip-link", first.getAttribute("class"), "first Tab stop: " + describe(first));
        assertEquals("Aller au contenu", first.getText());
        assertTrue(first.isDisplayed() && first.getLocation().getX() >= 0, "the focused skip link is on screen");
        assertTrue(focusIsVisible(first), "the focused skip link shows a focus indicator");

        pressKeys(Keys.ENTER);
        assertEquals("contenu", focused().getAttribute("id"), "Enter on the skip link focuses main#contenu");
        assertEquals("main", focused().getTagName());
        // The next Tab continues inside the content: the e-mail field is the first field of the form.
        pressKeys(Keys.TAB);
        assertEquals("f-email", focused().getAttribute("id"), "after the skip link: " + describe(focused()));
    }

    /** The scan works under the application's Content-Security-Policy, which blocks inline scripts. */
    @Test
    void axeScanRunsDespiteTheContentSecurityPolicyAndFindsProblems() {
        visit("/connexion");
        assertTrue(browser.scannedPages().contains("/connexion"), "the page was scanned: " + browser.scannedPages());
        Object inlineRan = js("const s = document.createElement('script'); s.textContent = 'window.__inlineRan = true';"
                + " document.body.appendChild(s); return window.__inlineRan === true;");
        assertEquals(Boolean.FALSE, inlineRan, "the Content-Security-Policy blocks inline scripts on this page");

        js("const img = document.createElement('img'); img.src = '/static/css/relais.css'; img.id = 'no-alt';"
                + " document.querySelector('main').appendChild(img);");
        BrowserSupport.AccessibilityViolations found = assertThrows(BrowserSupport.AccessibilityViolations.class,
                () -> BrowserSupport.assertNoAxeViolations(driver));
        assertTrue(found.getMessage().contains("image-alt [critical]") && found.getMessage().contains("#no-alt"),
                found.getMessage());
    }

    @Test
    void wrongPasswordShowsAFrenchMessageAndKeepsTheEmail() {
        logInWithKeyboard("benevole.centre@relais.demo", "not-the-password");
        waitForPath("/connexion");
        assertEquals("Adresse e-mail ou mot de passe incorrect.", find(".error-summary").getText());
        assertEquals("benevole.centre@relais.demo", find("#f-email").getDomProperty("value"));
        assertEquals("", find("#f-password").getDomProperty("value"));

        // Correcting the password then works.
        WebElement pwd = find("#f-password");
        typeInto(pwd, PASSWORD);
        pwd.sendKeys(Keys.ENTER);
        waitForPath("/accueil");
        assertEquals("Mon bureau du jour", h1());
    }
}
