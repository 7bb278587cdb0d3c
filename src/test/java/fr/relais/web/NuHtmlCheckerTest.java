package fr.relais.web;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The in-process HTML checker really checks: known mistakes are reported, a clean page passes. */
class NuHtmlCheckerTest {
    private static final String HEAD = "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Essai</title></head><body>";

    @Test
    void aCleanPageHasNoError() {
        List<NuHtmlChecker.Problem> problems = NuHtmlChecker.check(HEAD
                + "<main><h1>Titre</h1><label for=\"a\">Nom</label><input id=\"a\" name=\"a\"></main></body></html>");
        assertEquals(List.of(), problems.stream().filter(NuHtmlChecker.Problem::error).toList());
    }

    @Test
    void knownMistakesAreErrors() {
        List<NuHtmlChecker.Problem> problems = NuHtmlChecker.check(HEAD
                + "<main><h1>Titre</h1>"
                + "<label for=\"nowhere\">Nom</label>"            // assertion checker: label for an unknown id
                + "<a href=\"/\" role=\"nonsense\">lien</a>"        // schema: bad ARIA role
                + "<p id=\"x\">un</p><p id=\"x\">deux</p>"         // duplicate id
                + "<ul><div>pas dans une liste</div></ul>"         // schema: content model
                + "</main></body></html>");
        List<String> errors = problems.stream().filter(NuHtmlChecker.Problem::error).map(NuHtmlChecker.Problem::message).toList();
        assertTrue(errors.stream().anyMatch(m -> m.contains("“for” attribute")), errors.toString());
        assertTrue(errors.stream().anyMatch(m -> m.contains("role")), errors.toString());
        assertTrue(errors.stream().anyMatch(m -> m.contains("Duplicate ID")), errors.toString());
        assertTrue(errors.stream().anyMatch(m -> m.contains("“div” not allowed as child of element “ul”")), errors.toString());
    }

    @Test
    void aMissingTitleIsReported() {
        // (The checker's language detector is not run: HtmlValidityTest checks lang itself.)
        List<NuHtmlChecker.Problem> problems = NuHtmlChecker.check("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"></head><body><p>x</p></body></html>");
        assertTrue(problems.stream().anyMatch(p -> p.error() && p.message().contains("“title”")), problems.toString());
    }

    @Test
    void onlyTheKnownOutdatedCheckerErrorIsLetThrough() {
        String page = "<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\"><title>T</title></head><body><main><h1>T</h1>\n"
                + "<label for=\"e\">E</label><input type=\"email\" id=\"e\" name=\"e\" autocomplete=\"username\">\n"
                + "<label for=\"t\">T</label><input type=\"text\" id=\"t\" name=\"t\" autocomplete=\"street-address\">\n"
                + "<label for=\"d\">D</label><input type=\"date\" id=\"d\" name=\"d\" aria-required=\"true\">\n"
                + "<a href=\"tel:04 72 00 00 00\">04 72 00 00 00</a></main></body></html>";
        List<NuHtmlChecker.Problem> all = NuHtmlChecker.check(page).stream().filter(NuHtmlChecker.Problem::error).toList();
        List<String> kept = NuHtmlChecker.errors(page).stream().map(NuHtmlChecker.Problem::message).toList();
        assertEquals(4, all.size(), all.toString());
        assertEquals(3, kept.size(), kept.toString());
        assertTrue(kept.get(0).contains("“username”"), kept.toString());
        assertTrue(kept.get(1).contains("street-address"), kept.toString());
        assertTrue(kept.get(2).contains("tel:"), kept.toString());
    }

    /** The login form's markup for an e-mail used as the account name: valid, and still a username for the browser. */
    @Test
    void anEmailAsUsernameFieldIsValid() {
        String page = HEAD + "<main><h1>T</h1><label for=\"e\">E</label><input type=\"text\" inputmode=\"email\" id=\"e\" name=\"e\""
                + " autocomplete=\"username\" autocapitalize=\"none\" spellcheck=\"false\"></main></body></html>";
        assertEquals(List.of(), NuHtmlChecker.errors(page));
    }
}
