package fr.relais.browser;

import fr.relais.journal.JournalAction;
import fr.relais.journal.JournalEntry;
import fr.relais.journal.JournalFixtures;
import fr.relais.journal.JournalFixtures.Written;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The journal in the browser: the administrator reads every entry, filters by action with the keyboard and runs the
 * check; a director reads their library's entries only, among them a mandate a helper has just drafted at the desk.
 * Every page shown is scanned with axe-core.
 */
@MicronautTest(environments = "demo", transactional = false)
class JournalBrowserTest extends BrowserBase {
    private static final String CENTRE = "Médiathèque du Centre";
    private static final Pattern MANDATE = Pattern.compile("^/mandats/\\d+/(\\d+)\\?enregistre=1$");

    @Inject
    JournalFixtures journal;

    private Written writeForBothSitesAndTheNetwork() {
        return journal.writeForBothSitesAndTheNetwork(JournalAction.MANDATE_PRINTED, null);
    }

    @Test
    void theAdministratorFiltersByActionAndChecksTheChain() {
        Written w = writeForBothSitesAndTheNetwork();
        logIn("admin@relais.demo");
        find("nav").findElement(By.linkText("Journal")).click();
        waitForPath("/gestion/journal");
        assertEquals("Journal des actions sensibles", h1());
        assertEquals("page", find("nav a[href='/gestion/journal']").getAttribute("aria-current"));
        assertTrue(shows(w.centre()) && shows(w.nord()) && shows(w.network()), table());
        List<String> purge = row(w.network());
        assertEquals(List.of(String.valueOf(w.network().seq()), "Relais (automatique)", "Tout le réseau",
                "Effacement des données anciennes", w.network().objectRef(), "12 rendez-vous effacés"),
                List.of(purge.get(0), purge.get(2), purge.get(3), purge.get(4), purge.get(5), purge.get(6)));
        assertEquals(List.of("Nour", "Bibliothèque Nord", "Mandat révoqué"), row(w.nord()).subList(2, 5));
        assertEquals(String.valueOf(w.network().seq()), rows().get(0).get(0), "newest first");
        List<String> stops = tabThroughPage().stream().map(TabStop::selector).toList();
        assertTrue(stops.containsAll(List.of("#f-site", "#f-action")), "the filters in the Tab order: " + stops);

        // The action chosen with the keyboard (typing its first letters), sent with Enter on the button.
        WebElement action = find("#f-action");
        action.sendKeys("Effacement");
        assertEquals("Effacement des données anciennes", new Select(find("#f-action")).getFirstSelectedOption().getText());
        pressKeys(Keys.TAB);
        assertEquals("button[type=submit] in form /gestion/journal", currentStop().selector());
        pressKeys(Keys.ENTER);
        waitForPath("/gestion/journal?site=&action=PURGE");
        assertTrue(shows(w.network()), table());
        assertFalse(shows(w.centre()) || shows(w.nord()), "only purges: " + table());
        assertTrue(rows().stream().allMatch(r -> r.get(4).equals("Effacement des données anciennes")), table());
        assertEquals("Effacement des données anciennes", new Select(find("#f-action")).getFirstSelectedOption().getText(),
                "the choice stays shown");

        // The check, from its link: the chain is intact, every entry counted.
        find("main").findElement(By.linkText("Vérifier que le journal est intact")).sendKeys(Keys.ENTER);
        waitForPath("/gestion/journal/verification");
        assertEquals("Vérification du journal", h1());
        String result = squash(find("#journal-check-result").getText());
        Matcher intact = Pattern.compile("^Chaîne intacte : (\\d+) entrées vérifiées\\.$").matcher(result);
        assertTrue(intact.matches(), result);
        assertTrue(Long.parseLong(intact.group(1)) >= w.network().seq(), result);
        assertTrue(find("main code").getText().matches("[0-9a-f]{64}"), "the last entry's hash: " + find("main code").getText());
        find("main").findElement(By.linkText("Vérifier à nouveau")).click();
        waitForPath("/gestion/journal/verification");
        find("main").findElement(By.linkText("Retour au journal")).click();
        waitForPath("/gestion/journal");
        assertTrue(browser.scannedPages().containsAll(List.of("/gestion/journal", "/gestion/journal?site=&action=PURGE",
                "/gestion/journal/verification")), browser.scannedPages().toString());
    }

    @Test
    void aDirectorSeesTheirLibrarysEntriesOnly() {
        Written w = writeForBothSitesAndTheNetwork();

        // A helper of the library drafts a mandate at the desk: drafted, then its page opened.
        logIn("aidant.centre@relais.demo");
        find("nav").findElement(By.linkText("Mandats")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> path().matches("^/mandats/\\d+$"));
        find("main").findElement(By.linkText("Préparer un nouveau mandat")).click();
        typeInto(find("#f-firstName"), "Odile");
        typeInto(find("#f-lastName"), "Journalisée");
        find("label[for=f-scope-HOUSING]").click();
        typeInto(find("#f-purpose"), "Demande d’aide au logement en ligne");
        find("label[for=f-duration-31]").click();
        for (WebElement box : findAll("input[type=checkbox][name^=told], input[type=checkbox][name=noLegalProtection]")) {
            if (!box.isSelected()) {
                find("label[for=" + box.getAttribute("id") + "]").click();
            }
        }
        find("main form.form button[type=submit]").click();
        try {
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> MANDATE.matcher(path()).matches());
        } catch (org.openqa.selenium.TimeoutException e) {
            fail("expected the saved mandate, got " + path() + ":\n" + find("main").getText());
        }
        Matcher saved = MANDATE.matcher(path());
        assertTrue(saved.matches());
        String mandate = "mandat:" + saved.group(1);
        logOut();

        logIn("direction.centre@relais.demo");
        find("nav").findElement(By.linkText("Journal")).click();
        waitForPath("/gestion/journal");
        assertEquals("Journal des actions sensibles", h1());
        assertTrue(findAll("#f-site").isEmpty(), "one library: nothing to choose");
        assertTrue(findAll("a[href='/gestion/journal/verification']").isEmpty(), "the check is for administrators");
        List<List<String>> rows = rows();
        assertFalse(rows.isEmpty());
        assertTrue(rows.stream().allMatch(r -> r.get(3).equals(CENTRE)), "their library's entries only: " + table());
        assertTrue(shows(w.centre()), table());
        assertFalse(shows(w.nord()), "another library's entry: " + table());
        assertFalse(shows(w.network()), "a network-wide entry: " + table());
        List<String> actions = rows.stream().filter(r -> r.get(5).equals(mandate)).map(r -> r.get(4)).toList();
        assertTrue(actions.contains("Mandat préparé") && actions.contains("Données personnelles consultées"),
                mandate + ": " + actions);
        assertTrue(rows.stream().filter(r -> r.get(5).equals(mandate)).allMatch(r -> r.get(2).equals("Sami")), table());
        assertFalse(find("main").getText().contains("Journalisée"), "no name of the person in the journal");

        // Filtered on the drafts: the mandate, and nothing of the other library.
        new Select(find("#f-action")).selectByVisibleText("Mandat préparé");
        find("main form.form button[type=submit]").sendKeys(Keys.ENTER);
        waitForPath("/gestion/journal?action=MANDATE_DRAFTED");
        assertEquals(List.of(mandate), rows().stream().map(r -> r.get(5)).toList());
        assertTrue(browser.scannedPages().contains("/gestion/journal?action=MANDATE_DRAFTED"), browser.scannedPages().toString());
    }

    // ---------------------------------------------------------------- helpers

    private void logIn(String email) {
        logInWithKeyboard(email, PASSWORD);
        waitForPath("/accueil");
    }

    /** The table's rows, each as its cells' texts; none when the journal shows no entry. */
    private List<List<String>> rows() {
        return findAll("main table.journal tbody tr").stream()
                .map(tr -> tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList()).toList();
    }

    private boolean shows(JournalEntry entry) {
        return rows().stream().anyMatch(r -> r.get(5).equals(entry.objectRef()));
    }

    private List<String> row(JournalEntry entry) {
        return rows().stream().filter(r -> r.get(5).equals(entry.objectRef())).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + entry.objectRef() + ": " + table()));
    }

    private String table() {
        return findAll("main table").isEmpty() ? find("main").getText() : find("main table").getText();
    }

    private static String squash(String s) {
        return s.replace('\u00A0', ' ').replace('\u202F', ' ').replaceAll("\\s+", " ").strip();
    }
}
