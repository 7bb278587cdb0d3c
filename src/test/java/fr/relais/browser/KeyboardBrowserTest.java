package fr.relais.browser;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keyboard only: every field and the submit button of a form are reached with Tab, in order, each shows a
 * visible focus, and the focus goes on past the form to the end of the page (no keyboard trap).
 */
@MicronautTest(environments = "demo", transactional = false)
class KeyboardBrowserTest extends BrowserBase {

    @Test
    void loginFormWithTheKeyboardAlone() {
        visit("/connexion");
        List<TabStop> stops = tabThroughPage();
        assertEquals("a", stops.get(0).selector().substring(0, 1), "the skip link comes first: " + stops);
        assertFormReachedInOrder("/connexion", stops);

        // Filling it in and sending it without the mouse: Tab to each field, Enter on the button.
        visit("/connexion");
        pressKeys(Keys.TAB, Keys.ENTER); // the skip link: focus on the content
        pressKeys(Keys.TAB);
        assertEquals("#f-email", currentStop().selector());
        pressKeys("coordination@relais.demo", Keys.TAB);
        assertEquals("#f-password", currentStop().selector());
        pressKeys(PASSWORD, Keys.TAB);
        assertEquals("button[type=submit] in form /connexion", currentStop().selector());
        new Actions(driver).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
        assertEquals("#f-password", currentStop().selector(), "Shift+Tab goes back");
        pressKeys(Keys.TAB, Keys.ENTER);
        waitForPath("/accueil");
        assertEquals("Le réseau", h1());
    }

    @Test
    void siteDetailsFormWithTheKeyboardAlone() {
        logInWithKeyboard("direction.centre@relais.demo", PASSWORD);
        waitForPath("/accueil");
        String href = find("main a[href^='/gestion/sites/']").getAttribute("href");
        long id = Long.parseLong(href.replaceAll("^.*/gestion/sites/(\\d+).*$", "$1"));
        visit("/gestion/sites/" + id);
        List<TabStop> stops = tabThroughPage();
        int submit = assertFormReachedInOrder("/gestion/sites/" + id, stops);
        assertTrue(submit < stops.size() - 1, "after the Save button the focus goes on (no trap): " + stops);
    }

    @Test
    void openingHoursFormWithTheKeyboardAlone() {
        logInWithKeyboard("direction.centre@relais.demo", PASSWORD);
        waitForPath("/accueil");
        find("main a[href$='/horaires']").click();
        String action = path();
        List<TabStop> stops = tabThroughPage();
        assertFormReachedInOrder(action, stops);
    }

    /**
     * The form's fields (one stop per radio group) then its submit button appear in the Tab order, in this order
     * and with nothing from elsewhere in between. Returns the index of the submit button in the stops.
     */
    private int assertFormReachedInOrder(String action, List<TabStop> stops) {
        @SuppressWarnings("unchecked")
        List<String> expected = (List<String>) js("const form = document.querySelector(\"main form[action='\" + arguments[0] + \"']\");"
                + " const seen = new Set(); const out = [];"
                + " for (const e of form.elements) {"
                + "   if (e.type === 'hidden' || e.disabled || e.tagName === 'FIELDSET' || e.tagName === 'OUTPUT') continue;"
                + "   if (e.type === 'radio') { if (seen.has(e.name)) continue; seen.add(e.name);"
                + "     const group = form.querySelectorAll(\"input[type=radio][name='\" + e.name + \"']\");"
                + "     const checked = Array.from(group).find(r => r.checked) || group[0]; out.push('#' + checked.id); continue; }"
                + "   out.push(e.id ? '#' + e.id : e.tagName.toLowerCase() + '[type=' + e.type + '] in form ' + arguments[0]);"
                + " }"
                + " return out;", action);
        assertTrue(expected.size() >= 2, "form " + action + " has fields: " + expected);
        List<String> selectors = stops.stream().map(TabStop::selector).toList();
        int first = selectors.indexOf(expected.get(0));
        assertTrue(first >= 0, expected.get(0) + " is reached with Tab; stops: " + selectors);
        int last = first + expected.size();
        assertTrue(last <= selectors.size(), "all the form is reached with Tab; stops: " + selectors);
        assertEquals(expected, selectors.subList(first, last), "Tab order through the form " + action);
        assertTrue(expected.get(expected.size() - 1).startsWith("button[type=submit]"), "the last stop is the submit button");
        return last - 1;
    }
}
