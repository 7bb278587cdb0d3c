package fr.relais.browser;

import fr.relais.pdf.PdfInspection;
import fr.relais.pdf.PdfUaValidator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mandates in the browser: a habilitated helper drafts a mandate for two procedures (first with a confirmation
 * missing), prints it, records the signature, finds it by name, checks its code, revokes it at the person's request
 * and prints the revocation sheet; a helper who is not habilitated cannot draft one. Every page is scanned with
 * axe-core.
 */
@MicronautTest(environments = "demo", transactional = false)
class MandateBrowserTest extends BrowserBase {
    private static final String HABILITATED = "aidant.centre@relais.demo";
    private static final String NOT_HABILITATED = "benevole.centre@relais.demo";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Pattern LIST = Pattern.compile("^/mandats/(\\d+)$");
    private static final Pattern SAVED = Pattern.compile("^/mandats/(\\d+)/(\\d+)\\?enregistre=1$");
    /** As printed: MK7Q-4XZ2 (Crockford's base 32). */
    private static final Pattern CODE = Pattern.compile("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
    private static final String FIRST = "Odette";
    private static final String LAST = "Bérard";
    private static final String PURPOSE = "Déclarer les ressources trimestrielles à la CAF";
    private static final String REASON = "Elle fera ses démarches avec sa fille";

    @Test
    void habilitatedHelperDraftsPrintsSignsFindsChecksAndRevokesAMandate() {
        logInWithKeyboard(HABILITATED, PASSWORD);
        waitForPath("/accueil");
        find("nav").findElement(By.linkText("Mandats")).click();
        String list = waitForPattern(LIST);
        String siteId = LIST.matcher(list).replaceAll("$1");
        assertEquals("Mandats : Médiathèque du Centre", h1());
        assertEquals("Expirent dans moins de 30 jours",
                find("main").findElement(By.xpath(".//h2[starts-with(normalize-space(), 'Expirent')]")).getText());

        find("main").findElement(By.linkText("Préparer un nouveau mandat")).click();
        String form = list + "/nouveau";
        waitForPath(form);
        assertEquals("Nouveau mandat", h1());
        String today = find("#f-startDate").getDomProperty("value");
        LocalDate start = LocalDate.now(PARIS);
        assertEquals(start.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")), today, "the start date is today by default");

        // Filled in with the keyboard: type in the fields, Space on the checkboxes, arrows in the radio group.
        typeInto(find("#f-firstName"), FIRST);
        pressKeys(Keys.TAB);
        assertEquals("#f-lastName", currentStop().selector());
        pressKeys(LAST);
        scopeCheckbox("Famille - Scolarité").sendKeys(Keys.SPACE);
        scopeCheckbox("Logement").sendKeys(Keys.SPACE);
        typeInto(find("#f-purpose"), PURPOSE);
        pressKeys(Keys.TAB);
        assertEquals("#f-duration-1", currentStop().selector(), "the duration group comes after the purpose");
        pressKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
        assertTrue(find("#f-duration-182").isSelected(), "six months chosen with the arrow keys");
        pressKeys(Keys.TAB);
        assertEquals("#f-startDate", currentStop().selector());
        // Four of the five confirmations: the last one is forgotten.
        for (String confirmation : List.of("toldPurpose", "toldData", "toldRights", "toldRevocation")) {
            pressKeys(Keys.TAB);
            assertEquals("#f-" + confirmation, currentStop().selector());
            pressKeys(Keys.SPACE);
        }
        pressKeys(Keys.TAB);
        assertEquals("#f-noLegalProtection", currentStop().selector());
        pressKeys(Keys.TAB);
        assertEquals("button[type=submit] in form " + form, currentStop().selector());
        pressKeys(Keys.ENTER);

        // Sent back with a French message next to the unticked box; what was typed is kept.
        waitFor("#f-noLegalProtection-error");
        assertEquals(form, path());
        assertEquals("Nouveau mandat", h1());
        WebElement error = find("#f-noLegalProtection-error");
        assertTrue(error.getText().contains("Cochez cette case après l’avoir dit à la personne."), error.getText());
        WebElement box = find("#f-noLegalProtection");
        assertEquals(box.findElement(By.xpath("..")), error.findElement(By.xpath("..")), "the message is next to its box");
        assertEquals("true", box.getAttribute("aria-invalid"));
        assertTrue(box.getAttribute("aria-describedby").contains("f-noLegalProtection-error"));
        assertFalse(box.isSelected());
        assertEquals(1, findAll("main .field-error").size(), "only the forgotten box is in error: "
                + findAll("main .field-error").stream().map(WebElement::getText).toList());
        assertEquals(FIRST, find("#f-firstName").getDomProperty("value"));
        assertEquals(LAST, find("#f-lastName").getDomProperty("value"));
        assertEquals(PURPOSE, find("#f-purpose").getDomProperty("value"));
        assertTrue(find("#f-duration-182").isSelected(), "the duration is kept");
        assertEquals(today, find("#f-startDate").getDomProperty("value"));
        assertEquals(List.of("Famille - Scolarité", "Logement"), checkedScopeLabels(), "the scopes are kept");
        for (String confirmation : List.of("toldPurpose", "toldData", "toldRights", "toldRevocation")) {
            assertTrue(find("#f-" + confirmation).isSelected(), confirmation + " stays ticked");
        }

        // Ticked with Space, sent with Enter.
        find("#f-noLegalProtection").sendKeys(Keys.SPACE);
        assertTrue(find("#f-noLegalProtection").isSelected());
        pressKeys(Keys.TAB);
        assertEquals("button[type=submit] in form " + form, currentStop().selector());
        pressKeys(Keys.ENTER);
        String saved = waitForPattern(SAVED);
        String detail = saved.replace("?enregistre=1", "");
        assertEquals("Mandat", h1());
        assertEquals(FIRST + " " + LAST, summary("Personne"));
        assertEquals("À signer", summary("État"));
        assertTrue(summary("Démarches").contains("Famille - Scolarité") && summary("Démarches").contains("Logement"),
                summary("Démarches"));
        assertEquals(PURPOSE, summary("Objet du mandat"));
        LocalDate end = start.plusDays(181);
        // Dates in words, as every page says them: « mardi 24 novembre 2026 ».
        String endShown = end.format(DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRENCH));
        assertTrue(summary("Durée").replace('\u00A0', ' ').endsWith("au " + endShown + " inclus"), summary("Durée"));
        String code = summary("Code de vérification");
        assertTrue(CODE.matcher(code).matches(), "a code like MK7Q-4XZ2: " + code);

        // Printed: a PDF with the person's name, the two procedures and the code, PDF/UA-1.
        byte[] mandatePdf = fetchPdf(find("main").findElement(By.linkText("Imprimer le mandat (PDF)")).getAttribute("href"));
        PdfInspection printed = new PdfInspection(mandatePdf);
        String squashed = printed.squashedText();
        for (String expected : List.of(FIRST, LAST, "Famille-Scolarité", "Logement", code, "MédiathèqueduCentre")) {
            assertTrue(squashed.contains(PdfInspection.squash(expected)), expected + " printed in:\n" + printed.text);
        }
        PdfUaValidator.assertCompliant(mandatePdf, "the printed mandate");
        keep(mandatePdf, "mandate-app.pdf");

        // The signature recorded.
        find("main").findElement(By.xpath(".//button[normalize-space()='Le mandat est signé']")).click();
        waitForPath(saved);
        assertEquals("Actif", summary("État"));
        assertTrue(driver.findElements(By.xpath("//main//button[normalize-space()='Le mandat est signé']")).isEmpty(),
                "no second signature");

        // Found by name (lower case, no accent): both procedures and the end date.
        find("main").findElement(By.linkText("Retour aux mandats")).click();
        waitForPath(list);
        typeInto(find("#f-nom"), "berard odette");
        pressKeys(Keys.ENTER);
        waitForPath(list + "?nom=berard+odette");
        WebElement row = resultRow(FIRST + " " + LAST);
        List<WebElement> cells = row.findElements(By.tagName("td"));
        assertEquals("Actif", cells.get(1).getText());
        assertEquals(List.of("Famille - Scolarité", "Logement"),
                cells.get(2).findElements(By.tagName("li")).stream().map(WebElement::getText).toList());
        assertEquals(endShown, cells.get(3).getText().replace('\u00A0', ' '));

        // The code checked on the form of the list page.
        typeInto(find("#f-code"), code);
        pressKeys(Keys.ENTER);
        waitForPath("/mandats/" + siteId + "/verification?code=" + code);
        assertEquals("Vérifier un code de mandat : Médiathèque du Centre", h1());
        assertEquals("Ce mandat est Actif", find("main [role=status] .lead").getText());
        assertEquals(FIRST + " " + LAST, summary("Personne"));

        // A code typed wrong: the message next to the field.
        visit("/mandats/" + siteId + "/verification?code=abc");
        assertTrue(find("#f-code-error").getText().contains("Ce code n’a pas la bonne forme"), find("#f-code-error").getText());
        visit("/mandats/" + siteId + "/verification?code=" + code);

        // Revoked at the person's request, with a reason.
        find("main").findElement(By.linkText("Ouvrir le mandat")).click();
        waitForPath(detail);
        find("main").findElement(By.linkText("Révoquer ce mandat")).click();
        waitForPath(detail + "/revocation");
        assertEquals("Révoquer le mandat", h1());
        find("main form.form button[type=submit]").click();
        waitFor("#f-by-error");
        assertTrue(find("#f-by-error").getText().contains("Ce champ est obligatoire."), find("#f-by-error").getText());
        assertTrue(find("#f-reason-error").getText().contains("Ce champ est obligatoire."), find("#f-reason-error").getText());
        find("#f-by-user").sendKeys(Keys.SPACE);
        assertTrue(find("#f-by-user").isSelected());
        typeInto(find("#f-reason"), REASON);
        find("main form.form button[type=submit]").click();
        waitForPath(saved);
        String state = summary("État");
        assertTrue(state.startsWith("Révoqué") && state.contains("à la demande de la personne") && state.contains(REASON),
                state);
        assertTrue(driver.findElements(By.linkText("Révoquer ce mandat")).isEmpty(), "not revoked twice");
        byte[] sheetPdf = fetchPdf(find("main").findElement(By.linkText("Imprimer la feuille de révocation (PDF)"))
                .getAttribute("href"));
        PdfInspection sheet = new PdfInspection(sheetPdf);
        assertTrue(sheet.squashedText().contains(FIRST) && sheet.squashedText().contains(PdfInspection.squash(LAST)),
                sheet.text);
        PdfUaValidator.assertCompliant(sheetPdf, "the revocation sheet");
        keep(sheetPdf, "revocation-app.pdf");

        // The search now shows it revoked, with no procedure covered.
        visit(list + "?nom=Bérard");
        cells = resultRow(FIRST + " " + LAST).findElements(By.tagName("td"));
        assertEquals("Révoqué", cells.get(1).getText());
        assertEquals("Aucune", cells.get(2).getText());

        List<String> scanned = browser.scannedPages();
        for (String page : List.of(list, form, saved, list + "?nom=berard+odette",
                "/mandats/" + siteId + "/verification?code=" + code, detail, detail + "/revocation")) {
            assertTrue(scanned.contains(page), page + " was scanned; scanned: " + scanned);
        }
    }

    @Test
    void helperWhoIsNotHabilitatedCannotDraftAMandate() {
        logInWithKeyboard(NOT_HABILITATED, PASSWORD);
        waitForPath("/accueil");
        find("nav").findElement(By.linkText("Mandats")).click();
        String list = waitForPattern(LIST);
        assertEquals("Mandats : Médiathèque du Centre", h1());
        assertTrue(driver.findElements(By.linkText("Préparer un nouveau mandat")).isEmpty(),
                "no link to draft a mandate: " + find("main").getText());
        assertTrue(findAll("main a[href$='/nouveau']").isEmpty(), "no link to the form");

        visit(list + "/nouveau");
        assertEquals("Accès refusé", h1());
        assertTrue(findAll("#f-firstName").isEmpty(), "no form shown");
        assertEquals(403, status(list + "/nouveau"));
        assertTrue(browser.scannedPages().contains(list + "/nouveau"), "the 403 page was scanned");
    }

    // ---------------------------------------------------------------- helpers

    private WebElement scopeCheckbox(String label) {
        WebElement l = find("main").findElement(By.xpath(".//label[normalize-space()='" + label + "']"));
        return find("#" + l.getAttribute("for"));
    }

    private List<String> checkedScopeLabels() {
        return findAll("main input[name=scopes]").stream().filter(WebElement::isSelected)
                .map(b -> find("label[for='" + b.getAttribute("id") + "']").getText()).toList();
    }

    /** The value next to a term of the mandate summary. */
    private String summary(String term) {
        return find("main dl.summary").findElement(By.xpath("./dt[normalize-space()='" + term + "']/following-sibling::dd[1]"))
                .getText().replace('\u00A0', ' ').replace('\u202F', ' ');
    }

    /** The one row of the search results naming this person. */
    private WebElement resultRow(String name) {
        WebElement results = find("main").findElement(By.xpath(".//h3[normalize-space()='Résultats']/following-sibling::div[@class='table-scroll'][1]/table"));
        List<WebElement> rows = results.findElements(By.xpath("./tbody/tr[td[1]/a[normalize-space()='" + name + "']]"));
        assertEquals(1, rows.size(), "one result for " + name + ":\n" + results.getText());
        return rows.get(0);
    }

    /** The status a GET of this path answers, with the browser's session. */
    private int status(String path) {
        Object answer = ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + " fetch(arguments[0], {credentials: 'same-origin', redirect: 'manual'})"
                        + ".then(r => done(r.status)).catch(e => done(0));", path);
        return ((Number) answer).intValue();
    }



    /** Keeps a PDF for a person to look at when RELAIS_PDF_DIR names a folder (never by default). */
    private static void keep(byte[] pdf, String name) {
        String dir = System.getenv("RELAIS_PDF_DIR");
        if (dir == null || dir.isBlank()) {
            return;
        }
        try {
            Files.createDirectories(Path.of(dir));
            Files.write(Path.of(dir, name), pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
