package fr.relais.browser;

import fr.relais.web.NuHtmlChecker;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The checks every browser test runs on every page it visits really find problems: two test pages (test classpath
 * only, under /static/testing) carry known mistakes. And a wide table of a real page scrolls with the keyboard.
 */
@MicronautTest(environments = "demo", transactional = false)
class PageChecksBrowserTest extends BrowserBase {

    /** The problem the per-page checks report while the driver opens this page. */
    private Throwable problemOn(String path) {
        Throwable thrown = assertThrows(Throwable.class, () -> visit(path), path + " is reported");
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof BrowserSupport.PageProblems) {
                return t;
            }
        }
        throw new AssertionError("not a page check's report", thrown);
    }

    @Test
    void theHtmlCheckerReadsThePageAsServedNotAsRepairedByTheBrowser() {
        Throwable problem = problemOn("/static/testing/repaired-by-the-parser.html");
        assertInstanceOf(BrowserSupport.InvalidHtml.class, problem);
        String message = problem.getMessage();
        assertTrue(message.contains("GET /static/testing/repaired-by-the-parser.html → 200"), message);
        assertTrue(message.contains("No “p” element in scope but a “p” end tag seen."), message);
        assertTrue(message.contains("<div>Un bloc.</div></p>"), "the line at fault is quoted: " + message);
        // The DOM the browser rebuilt hides that mistake: that is why the served HTML is checked.
        assertFalse(NuHtmlChecker.errors(driver.getPageSource()).stream().anyMatch(p -> p.message().contains("“p” end tag")),
                "the page source as Selenium gives it, re-serialised from the DOM, is repaired");
    }

    @Test
    void theReflowCheckFindsWhatScrollsSidewaysIsCutOffOrOutOfKeyboardReach() {
        Throwable problem = problemOn("/static/testing/too-narrow.html");
        assertInstanceOf(BrowserSupport.NoReflow.class, problem);
        String message = problem.getMessage();
        assertTrue(message.contains("does not reflow at 320 CSS px"), message);
        assertTrue(message.matches("(?s).*the page scrolls sideways: \\d+ px wide in a \\d+ px viewport; sticking out: "
                + "p\\.unbreakable \"Écrire à secretariat\\..*its text runs out of its box.*"), message);
        assertTrue(message.contains("content cut off by overflow: hidden hidden on p.cut"), message);
        assertTrue(message.contains("not a named region reachable with Tab") && message.contains("div.scroller"), message);
        assertFalse(message.contains("table-scroll"), "the table in its labelled, focusable region is fine: " + message);
        assertEquals(1280L, js("return window.innerWidth"), "the normal window size is back after the check");
    }

    @Test
    void aWideTableScrollsInsideItsRegionWithTheKeyboardNotThePage() {
        logInWithKeyboard("aidant.centre@relais.demo", PASSWORD);
        waitForPath("/accueil");
        visit("/partenaires");
        browser.narrowViewport(BrowserSupport.REFLOW_WIDTH);
        try {
            WebElement region = find("main .table-scroll[role=region]");
            assertEquals("6 partenaires trouvés", find("#" + region.getAttribute("aria-labelledby")).getText(),
                    "the region is named by the heading of the results");
            assertTrue((Boolean) js("const r = arguments[0]; return r.scrollWidth > r.clientWidth;", region),
                    "at 320 px the table is wider than its region");
            for (int i = 0; i < 40 && !region.equals(focused()); i++) {
                pressKeys(Keys.TAB);
            }
            assertEquals(region, focused(), "Tab reaches the region");
            assertTrue(focusIsVisible(region), "the focused region shows it");
            pressKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
            // The browser scrolls after the key events are handled: wait for it rather than read at once.
            assertTrue(eventually(() -> ((Number) js("return arguments[0].scrollLeft", region)).doubleValue() > 0),
                    "the arrow keys scroll the table");
            assertEquals(0L, ((Number) js("return window.scrollX")).longValue(), "the page itself does not move sideways");
        } finally {
            browser.normalViewport();
        }
    }

    /** The defect found from outside: a long e-mail address on a library's public page widened the page at 320 px. */
    @Test
    void aLongEmailAddressOnTheLibraryPageWrapsAt320Px() {
        String email = "secretariat.mediathequemunicipaleducentreville@bibliothequesdureseau.example.org";
        logInWithKeyboard("direction.centre@relais.demo", PASSWORD);
        waitForPath("/accueil");
        visit("/gestion/sites");
        find("main").findElement(By.linkText("Modifier Médiathèque du Centre")).click();
        typeInto(find("#f-email"), email);
        find("main form.form button[type=submit]").click();
        waitFor("main .flash");
        logOut();

        visit("/bibliotheques/mediatheque-centre"); // the reflow check of every page runs here too
        WebElement link = find("main a[href='mailto:" + email + "']");
        browser.narrowViewport(BrowserSupport.REFLOW_WIDTH);
        try {
            assertTrue((Boolean) js("return document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
                    "the page does not scroll sideways at 320 px");
            assertTrue((Boolean) js("const r = arguments[0].getBoundingClientRect();"
                    + " return r.right <= document.documentElement.clientWidth && arguments[0].getClientRects().length > 1", link),
                    "the address wraps onto several lines inside the page");
            assertEquals(email, link.getText().replaceAll("\\s", ""), "all of it is shown");
        } finally {
            browser.normalViewport();
        }
    }
}
