package fr.relais.browser;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The partner directory in the browser: a helper searches it with the keyboard, reads an entry of the demo directory
 * (imported from the data·inclusion sample) and downloads the list as a CSV file; a director adds an entry of their
 * library, first with mistakes; the coordination imports a data·inclusion file (preview, confirmation, report) and
 * is told plainly when a file cannot be read. Every page shown is scanned with axe-core.
 */
@MicronautTest(environments = "demo", transactional = false)
class PartnerBrowserTest extends BrowserBase {
    private static final Pattern SAVED = Pattern.compile("^/partenaires/(\\d+)\\?enregistre=1$");
    private static final String CAF = "CAF — accueil Centre";
    private static final String WRITER = "Écrivain public — permanence de la maison de quartier";
    private static final String FRANCE_SERVICES = "France Services Est";
    private static final String HEALTH = "Assurance maladie — accueil Sud";

    // ---------------------------------------------------------------- a helper

    @Test
    void aHelperSearchesWithTheKeyboardReadsAnEntryAndDownloadsTheList() throws IOException {
        logIn("aidant.centre@relais.demo");
        find("nav").findElement(By.linkText("Partenaires")).click();
        waitForPath("/partenaires");
        assertEquals("Partenaires", h1());
        List<String> all = names();
        assertTrue(all.containsAll(List.of(CAF, FRANCE_SERVICES, WRITER, HEALTH)), "the demo directory: " + all);
        assertTrue(findAll("a[href='/partenaires/nouveau']").isEmpty(), "helpers do not add entries");
        assertTabOrderReaches("#f-q", "#f-kind", "#f-theme", "#f-scope", "#f-town");

        // A theme and a town, chosen with the keyboard (typing an option's first letters), sent with Enter.
        find("#f-q").click();
        pressKeys(Keys.TAB, Keys.TAB);
        assertEquals("#f-theme", currentStop().selector(), "name, kind, then theme");
        pressKeys("Aide aux d");
        assertEquals("Aide aux démarches en ligne", selected("#f-theme"));
        pressKeys(Keys.TAB, Keys.TAB);
        assertEquals("#f-town", currentStop().selector());
        pressKeys("Lyon");
        assertEquals("Lyon", selected("#f-town"));
        pressKeys(Keys.TAB);
        assertEquals("button[type=submit] in form /partenaires", currentStop().selector(), "helpers have no inactive box");
        pressKeys(Keys.ENTER);
        waitForPath("/partenaires?q=&kind=&theme=ADMIN_PROCEDURES&scope=&town=Lyon");
        List<String> found = names();
        assertTrue(found.containsAll(List.of(CAF, WRITER)), found.toString());
        assertFalse(found.contains(FRANCE_SERVICES), "in Vénissieux: " + found);
        assertFalse(found.contains(HEALTH), "in Lyon, but health: " + found);
        assertEquals(found.size() + " partenaires trouvés", find("#resultats").getText());
        assertEquals("Aide aux démarches en ligne", selected("#f-theme"), "the criteria stay chosen");
        assertEquals("Lyon", selected("#f-town"));
        WebElement cafRow = row(CAF);
        assertEquals(List.of("CAF (Caisse d'allocations familiales)", "Lyon", "3230", "Aide aux démarches en ligne", "Tout le réseau"),
                cafRow.findElements(By.tagName("td")).stream().map(WebElement::getText).toList());

        // The list as a CSV file for a spreadsheet: what the page lists, accents intact.
        WebElement export = find("main").findElement(By.linkText("Télécharger cette liste (fichier CSV pour tableur)"));
        Download csv = download(export.getAttribute("href"));
        assertEquals(200, csv.status());
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        assertTrue(csv.disposition().contains("attachment; filename=\"partenaires.csv\""), csv.disposition());
        String text = csv.text();
        assertEquals('\uFEFF', text.charAt(0), "a byte-order mark, for spreadsheets");
        List<CSVRecord> records;
        try (CSVParser parser = CSVFormat.RFC4180.builder().setDelimiter(';').get().parse(new StringReader(text.substring(1)))) {
            records = parser.getRecords();
        }
        List<String> header = records.get(0).toList();
        assertEquals(List.of("Numéro", "Visible par", "Nom", "Code du type", "Type de structure", "Adresse", "Code postal", "Commune",
                "Téléphone", "E-mail", "Site internet", "Horaires d’ouverture", "Thématiques", "Démarches", "Comment les joindre",
                "À apporter", "Notes pour les aidants", "Active", "Source de l’import", "Identifiant dans la source", "Mise à jour le"),
                header);
        List<String> csvNames = records.subList(1, records.size()).stream().map(r -> r.get(header.indexOf("Nom"))).toList();
        assertEquals(found.stream().sorted().toList(), csvNames.stream().sorted().toList(), "the file lists what the page lists");
        CSVRecord writer = records.stream().filter(r -> r.get(header.indexOf("Nom")).equals(WRITER)).findFirst().orElseThrow();
        assertEquals("Écrivain public", writer.get(header.indexOf("Type de structure")));
        assertEquals("Lyon", writer.get(header.indexOf("Commune")));

        // The CAF's entry, opened from the results with Enter: the hours said plainly, how to reach them.
        row(CAF).findElement(By.tagName("a")).sendKeys(Keys.ENTER);
        waitForPattern(Pattern.compile("^/partenaires/\\d+$"));
        assertEquals(CAF, h1());
        assertEquals("CAF (Caisse d'allocations familiales) — Fiche visible par : Tout le réseau", squash(find("main .lead").getText()));
        assertEquals("12 rue des Allocations\n69003 Lyon", summary("Adresse"));
        assertEquals("3230", summary("Téléphone"));
        assertEquals("tel:3230", find("main dl.summary a[href^='tel:']").getAttribute("href"));
        assertEquals("Du lundi au vendredi : 8h30 – 12h00", squash(summary("Horaires d’ouverture")));
        assertEquals(List.of("Téléphoner", "Prendre rendez-vous en ligne"), listAfter("Comment les joindre"));
        assertEquals(List.of("Aide aux démarches en ligne"), listAfter("Thématiques"));
        assertTrue(findAll("main a[href$='/modification']").isEmpty(), "helpers do not edit entries");
        find("main").findElement(By.linkText("Revenir à la liste des partenaires")).click();
        waitForPath("/partenaires");
        assertScanned("/partenaires?q=&kind=&theme=ADMIN_PROCEDURES&scope=&town=Lyon", 1);
    }

    // ---------------------------------------------------------------- a director

    @Test
    void aDirectorAddsAnEntryOfTheirLibraryWithTheKeyboardAfterAMistake() {
        String name = "Permanence numérique de l’Épicerie solidaire";
        logIn("direction.centre@relais.demo");
        find("nav").findElement(By.linkText("Partenaires")).click();
        waitForPath("/partenaires");
        find("main").findElement(By.linkText("Ajouter un partenaire")).sendKeys(Keys.ENTER);
        waitForPath("/partenaires/nouveau");
        assertEquals("Ajouter un partenaire", h1());
        assertTrue(squash(find("main form.form").getText()).contains("Fiche visible par : Médiathèque du Centre"),
                "a director's entry belongs to their library");

        assertTabOrderReaches("#f-name", "#f-kindCode", "#f-postcode", "#f-email", "#f-access-PRESENT",
                "#f-theme-ADMIN_PROCEDURES", "#f-helperNotes");

        // Typed field after field with Tab; the postcode has four digits and the e-mail no @.
        typeInto(find("#f-name"), name);
        pressKeys(Keys.TAB);
        assertEquals("#f-kindCode", currentStop().selector());
        pressKeys("Asso");
        assertEquals("Association", selected("#f-kindCode"));
        pressKeys(Keys.TAB, "5 rue de la Solidarité", Keys.TAB);
        assertEquals("#f-postcode", currentStop().selector());
        pressKeys("6900", Keys.TAB, "Lyon", Keys.TAB, "04 72 00 00 42", Keys.TAB);
        assertEquals("#f-email", currentStop().selector());
        pressKeys("epicerie.example.org");
        find("#f-theme-ADMIN_PROCEDURES").sendKeys(Keys.SPACE);
        find("#f-access-PRESENT").sendKeys(Keys.SPACE);
        find("#f-town").sendKeys(Keys.ENTER);

        waitFor("#f-postcode-error");
        assertEquals("/partenaires/nouveau", path());
        assertEquals("Ajouter un partenaire", h1());
        assertNextToItsField("postcode", "Le code postal compte 5 chiffres, par exemple 69001.");
        assertNextToItsField("email", "Adresse e-mail non reconnue. Exemple : prenom.nom@exemple.fr.");
        assertEquals(2, findAll("main .field-error").size(), "only the two mistakes: "
                + findAll("main .field-error").stream().map(WebElement::getText).toList());
        assertEquals(name, find("#f-name").getDomProperty("value"));
        assertEquals("Association", selected("#f-kindCode"));
        assertEquals("5 rue de la Solidarité", find("#f-address").getDomProperty("value"));
        assertEquals("6900", find("#f-postcode").getDomProperty("value"));
        assertEquals("Lyon", find("#f-town").getDomProperty("value"));
        assertEquals("epicerie.example.org", find("#f-email").getDomProperty("value"));
        assertTrue(find("#f-theme-ADMIN_PROCEDURES").isSelected(), "the theme stays ticked");
        assertTrue(find("#f-access-PRESENT").isSelected());

        // Corrected, sent with Enter.
        typeInto(find("#f-postcode"), "69002");
        typeInto(find("#f-email"), "contact@epicerie.example.org");
        pressKeys(Keys.ENTER);
        String saved = waitForPattern(SAVED);
        assertEquals(name, h1());
        assertEquals("Association — Fiche visible par : Médiathèque du Centre", squash(find("main .lead").getText()));
        assertEquals("5 rue de la Solidarité\n69002 Lyon", summary("Adresse"));
        assertEquals("contact@epicerie.example.org", summary("Adresse e-mail"));
        assertEquals(List.of("Se présenter sur place"), listAfter("Comment les joindre"));
        assertFalse(findAll("main a[href$='/modification']").isEmpty(), "the director may edit it");

        // Found by a part of its name, without accents, with the library as who sees it.
        visit("/partenaires");
        typeInto(find("#f-q"), "epicerie");
        pressKeys(Keys.ENTER);
        waitForPattern(Pattern.compile("^/partenaires\\?q=epicerie&.*"));
        assertEquals(List.of(name), names());
        List<WebElement> cells = row(name).findElements(By.tagName("td"));
        assertEquals("Association", cells.get(0).getText());
        assertEquals("Médiathèque du Centre", cells.get(4).getText());
        assertEquals(saved.replace("?enregistre=1", ""), path(row(name).findElement(By.tagName("a")).getAttribute("href")));
        assertScanned("/partenaires/nouveau", 2);
        assertScanned(saved, 1);
    }

    // ---------------------------------------------------------------- the coordination

    @Test
    void theCoordinationImportsAFileAfterReadingThePreview() throws IOException {
        // The two files as data·inclusion publishes them: a list of structures, a list of services.
        Path file = Files.createTempFile("structures-", ".json");
        Path servicesFile = Files.createTempFile("services-", ".json");
        Path bad = Files.createTempFile("relais-faux-", ".json");
        try {
            Files.writeString(file, """
                    [
                      {"source": "essai-navigateur", "id": "mednum-villeurbanne", "nom": "Médiation numérique — Villeurbanne",
                       "adresse": "2 place Lazare-Goujon", "code_postal": "69100", "commune": "Villeurbanne",
                       "telephone": "04 72 00 00 77", "horaires_accueil": "Tu,Th 14:00-18:00"},
                      {"source": "essai-navigateur", "id": "cp-faux", "nom": "Permanence au code postal faux", "code_postal": "691"}
                    ]
                    """, StandardCharsets.UTF_8);
            Files.writeString(servicesFile, """
                    [
                      {"source": "essai-navigateur", "structure_id": "mednum-villeurbanne", "id": "s1",
                       "thematiques": ["numerique--acceder-a-des-services-en-ligne"], "modes_mobilisation": ["se-presenter"]}
                    ]
                    """, StandardCharsets.UTF_8);
            Files.writeString(bad, "[{\"source\": \"x\", \"id\": \"1\", \"nom\": \"Coupé", StandardCharsets.UTF_8);

            logIn("coordination@relais.demo");
            find("nav").findElement(By.linkText("Partenaires")).click();
            waitForPath("/partenaires");
            int before = count();
            find("main").findElement(By.linkText("Importer un fichier data·inclusion")).click();
            waitForPath("/partenaires/import");
            assertEquals("Importer des partenaires (data·inclusion)", h1());
            assertTabOrderReaches("#f-file");

            // The file chosen, read: one structure to create, one left out with its reason; nothing saved yet.
            find("#f-file").sendKeys(file.toAbsolutePath().toString());
            find("#f-services").sendKeys(servicesFile.toAbsolutePath().toString());
            find("main form.form button[type=submit]").sendKeys(Keys.ENTER);
            waitForH1("Vérifier l’import");
            assertEquals("/partenaires/import", path());
            assertTrue(find("main").getText().contains(file.getFileName().toString()), "the files' names are shown");
            assertTrue(find("main").getText().contains(servicesFile.getFileName().toString()), "the files' names are shown");
            assertEquals("À créer (1)", find("#a-creer").getText());
            assertEquals("À mettre à jour (0)", find("#a-modifier").getText());
            assertEquals("Laissées de côté (1)", find("#rejets").getText());
            assertEquals(List.of("1", "mednum-villeurbanne", "Médiation numérique — Villeurbanne"), importLine("a-creer"));
            assertEquals(List.of("2", "cp-faux", "Permanence au code postal faux",
                    "Code postal : Le code postal compte 5 chiffres, par exemple 69001."), importLine("rejets"));
            // Confirmed: the report (created, not updated: the preview had saved nothing), the new entry listed.
            find("main").findElement(By.xpath(".//button[normalize-space()='Confirmer l’import']")).sendKeys(Keys.ENTER);
            waitForH1("Import terminé");
            assertEquals("L’import est enregistré.", find("main [role=status]").getText());
            List<String> headings = findAll("main h2").stream().map(WebElement::getText).toList();
            assertEquals(List.of("Créées (1)", "Mises à jour (0)", "Laissées de côté (1)"), headings);
            find("main").findElement(By.linkText("Voir la liste des partenaires")).click();
            waitForPath("/partenaires");
            assertEquals(before + 1, count());
            assertTrue(names().contains("Médiation numérique — Villeurbanne"), names().toString());
            row("Médiation numérique — Villeurbanne").findElement(By.tagName("a")).click();
            waitForPattern(Pattern.compile("^/partenaires/\\d+$"));
            assertEquals("Le mardi et le jeudi : 14h00 – 18h00", squash(summary("Horaires d’ouverture")));
            assertTrue(squash(find("main p.muted").getText()).contains("source « essai-navigateur », identifiant « mednum-villeurbanne »"),
                    find("main p.muted").getText());

            // A file cut in the middle: the French message next to the field, nothing changed.
            visit("/partenaires/import");
            find("#f-file").sendKeys(bad.toAbsolutePath().toString());
            find("main form.form button[type=submit]").sendKeys(Keys.ENTER);
            waitFor("#f-file-error");
            assertEquals("Importer des partenaires (data·inclusion)", h1());
            assertEquals("Ce fichier n’est pas au format JSON : il ne peut pas être lu. Vérifiez que vous avez choisi "
                    + "le bon fichier (extension .json). Rien n’a été modifié.", withoutPrefix(find("#f-file-error").getText()));
            WebElement input = find("#f-file");
            assertEquals(input.findElement(By.xpath("..")), find("#f-file-error").findElement(By.xpath("..")));
            assertEquals("true", input.getAttribute("aria-invalid"));
            assertTrue(input.getAttribute("aria-describedby").contains("f-file-error"));
            visit("/partenaires");
            assertEquals(before + 1, count(), "the unreadable file changed nothing");
            assertScanned("/partenaires/import", 3);
            assertScanned("/partenaires/import/confirmation", 1);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(servicesFile);
            Files.deleteIfExists(bad);
        }
    }

    // ---------------------------------------------------------------- helpers

    /** Tab goes through the whole page (no trap, focus always visible) and stops on these fields. */
    private void assertTabOrderReaches(String... selectors) {
        List<String> stops = tabThroughPage().stream().map(TabStop::selector).toList();
        for (String selector : selectors) {
            assertTrue(stops.contains(selector), selector + " in the Tab order: " + stops);
        }
    }

    /** The page (form, answer to a post, preview…) was scanned by axe-core at least this many times. */
    private void assertScanned(String page, int times) {
        List<String> scanned = browser.scannedPages();
        assertTrue(scanned.stream().filter(page::equals).count() >= times, page + " scanned " + times + "×: " + scanned);
    }

    private void logIn(String email) {
        logInWithKeyboard(email, PASSWORD);
        waitForPath("/accueil");
    }

    /** The names in the results table. */
    private List<String> names() {
        return findAll("main table tbody th a").stream().map(WebElement::getText).toList();
    }

    /** The number of results, as the heading above them says it. */
    private int count() {
        String heading = find("#resultats").getText();
        assertTrue(heading.matches("\\d+ partenaires? trouvés?"), heading);
        return Integer.parseInt(heading.replaceAll("\\D.*", ""));
    }

    private WebElement row(String name) {
        List<WebElement> rows = find("main table").findElements(By.xpath("./tbody/tr[th/a[normalize-space()='" + name + "']]"));
        assertEquals(1, rows.size(), "one row for " + name);
        return rows.get(0);
    }

    private String selected(String css) {
        return new Select(find(css)).getFirstSelectedOption().getText();
    }

    /** The value next to a term of the entry's summary. */
    private String summary(String term) {
        return find("main dl.summary").findElement(By.xpath("./dt[normalize-space()='" + term + "']/following-sibling::dd[1]"))
                .getText();
    }

    /** The items of the list under a heading of the entry. */
    private List<String> listAfter(String heading) {
        return find("main").findElement(By.xpath(".//h2[normalize-space()='" + heading + "']/following-sibling::ul[1]"))
                .findElements(By.tagName("li")).stream().map(WebElement::getText).toList();
    }

    /** The cells of the one line of the import table under a heading. */
    private List<String> importLine(String headingId) {
        WebElement table = find("#" + headingId).findElement(By.xpath("./following-sibling::*[1][self::div[@class='table-scroll']]/table"));
        List<WebElement> rows = table.findElements(By.cssSelector("tbody tr"));
        assertEquals(1, rows.size(), table.getText());
        return rows.get(0).findElements(By.xpath("./td|./th")).stream().map(c -> squash(c.getText())).toList();
    }

    private void assertNextToItsField(String field, String message) {
        WebElement input = find("#f-" + field);
        WebElement error = find("#f-" + field + "-error");
        assertEquals(message, withoutPrefix(error.getText()));
        assertEquals(input.findElement(By.xpath("..")), error.findElement(By.xpath("..")), "the message is next to its field");
        assertEquals("true", input.getAttribute("aria-invalid"));
        assertTrue(input.getAttribute("aria-describedby").contains("f-" + field + "-error"));
    }

    private void waitForH1(String expected) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> h1().equals(expected));
        } catch (org.openqa.selenium.TimeoutException e) {
            fail("expected the page " + expected + " on " + path() + ", showing:\n" + find("main").getText());
        }
    }

    private static String path(String href) {
        java.net.URI uri = java.net.URI.create(href);
        return uri.getRawPath();
    }

    /** A field's message without the "Erreur :" said to screen readers (hidden on screen). */
    private static String withoutPrefix(String message) {
        return squash(message).replaceAll("\\s+", " ").replaceFirst("^Erreur : ", "");
    }

    private static String squash(String s) {
        return s.replace('\u00A0', ' ').replace('\u202F', ' ').replaceAll("[ \\t]+", " ").strip();
    }
}
