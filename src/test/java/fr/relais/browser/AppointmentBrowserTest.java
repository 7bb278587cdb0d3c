package fr.relais.browser;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Appointments in the browser: a helper books at the desk and gets the slip, then marks the appointment honoured;
 * an anonymous visitor books on the public page, finds the appointment with the code and first name, prints the
 * slip and cancels; the public form works with the keyboard alone. Every page visited is scanned with axe-core.
 */
@MicronautTest(environments = "demo", transactional = false)
class AppointmentBrowserTest extends BrowserBase {
    private static final String HELPER = "aidant.centre@relais.demo";
    private static final String DIRECTOR = "direction.centre@relais.demo";
    private static final String CENTRE_PAGE = "/bibliotheques/mediatheque-centre";
    private static final String CENTRE_SLOTS = CENTRE_PAGE + "/rendez-vous";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** As shown: K7M-4QX (Crockford's base 32, no I, L, O, U). */
    private static final Pattern CODE = Pattern.compile("[0-9A-HJKMNP-TV-Z]{3}-[0-9A-HJKMNP-TV-Z]{3}");
    private static final Pattern DESK_DETAIL = Pattern.compile("^/bureau/rendez-vous/(\\d+)\\?nouveau=1$");
    private static final Pattern CONFIRMATION = Pattern.compile("^/rendez-vous/\\d+\\?cle=[A-Za-z0-9_-]+$");

    /** Stories 1 and 3: the desk booking for "Mme D.", its slip, then "Honoré (Mme D.)" on the day view. */
    @Test
    void helperBooksAtTheDeskGetsTheSlipAndMarksTheAppointmentDone() {
        logInWithKeyboard(HELPER, PASSWORD);
        waitForPath("/accueil");
        assertEquals("Mon bureau du jour", h1());
        assertTrue(find("main .lead").getText().startsWith("Médiathèque du Centre"), find("main .lead").getText());

        // "Jour suivant" until a day with a free slot.
        List<WebElement> bookLinks = List.of();
        for (int days = 0; days < 14 && bookLinks.isEmpty(); days++) {
            find("nav.day-nav").findElement(By.linkText("Jour suivant")).click();
            assertTrue(path().matches("^/bureau/\\d+/jour/\\d{4}-\\d{2}-\\d{2}$"), "a desk day: " + path());
            assertEquals("Le bureau du jour", h1());
            bookLinks = driver.findElements(By.partialLinkText("Réserver le créneau de "));
        }
        assertFalse(bookLinks.isEmpty(), "a day with a free slot within two weeks, from the day view");
        String dayPath = path();
        String slotTime = bookLinks.get(0).getText().substring("Réserver le créneau de ".length());
        assertTrue(slotTime.matches("\\d{1,2} h \\d{2}"), "a time like 14 h 00: " + slotTime);
        bookLinks.get(0).click();
        String bookForm = path();
        assertTrue(bookForm.matches("^/bureau/\\d+/reserver/.+$"), "the desk booking form: " + bookForm);
        assertEquals("Réserver un rendez-vous", h1());
        assertTrue(find("main .lead").getText().endsWith(slotTime), find("main .lead").getText());

        typeInto(find("#f-firstName"), "Mme D.");
        new Select(find("#f-themeCode")).selectByVisibleText("Courriel (e-mail)");
        find("main form.form button[type=submit]").click();
        waitForPattern(DESK_DETAIL);
        String detail = path();
        assertEquals("Rendez-vous", h1());
        String flash = find("main .flash").getText();
        assertTrue(flash.startsWith("Le rendez-vous de Mme D. est réservé"), flash);
        String code = find("main dl.summary dd.code").getText();
        assertTrue(CODE.matcher(code).matches(), "a booking code like K7M-4QX: " + code);
        assertEquals("Mme D.", summary("Prénom ou initiales"));
        assertEquals("Courriel (e-mail)", summary("Motif du rendez-vous"));
        assertTrue(summary("Date et heure").endsWith(slotTime), summary("Date et heure"));
        List<String> bring = find("main").findElements(By.xpath(".//h2[normalize-space()='À apporter']/following-sibling::ul[1]/li"))
                .stream().map(WebElement::getText).toList();
        assertFalse(bring.isEmpty(), "the what-to-bring list");
        assertTrue(bring.stream().anyMatch(line -> line.contains("adresse e-mail")), "what to bring for e-mail: " + bring);

        // The slip, both formats, printed at once from the page.
        for (String link : List.of("Convocation, format A4 (PDF)", "Ticket, petit format A6 (PDF)")) {
            String text = pdfText(find("main").findElement(By.linkText(link)).getAttribute("href"));
            assertTrue(text.contains("Mme D."), link + " names the person: " + text);
            assertTrue(text.contains(code), link + " gives the code " + code + ": " + text);
        }

        // Back to the day: one click marks the appointment honoured.
        find("main").findElement(By.linkText("Revenir au bureau du jour")).click();
        assertEquals(dayPath, path());
        WebElement seat = seatOf("Mme D.");
        assertEquals("à venir", seat.findElement(By.cssSelector(".status")).getText());
        seat.findElement(By.xpath(".//button[normalize-space()='Honoré (Mme D.)']")).click();
        // Honoured: the accompaniment log opens, prefilled from the appointment; back to the day without logging.
        waitForPattern(Pattern.compile("^/accompagnements/\\d+/rendez-vous/\\d+$"));
        assertEquals("Noter un accompagnement", h1());
        String log = path();
        find("main").findElement(By.linkText("Revenir au bureau du jour")).click();
        assertEquals(dayPath, path());
        seat = seatOf("Mme D.");
        assertEquals("honoré", seat.findElement(By.cssSelector(".status")).getText());
        assertTrue(seat.findElements(By.tagName("button")).isEmpty(), "no more buttons once honoured");

        // The week view lists it too.
        find("nav.day-nav").findElement(By.linkText("Ma semaine")).click();
        assertEquals("Ma semaine", h1());
        assertTrue(find("main").getText().contains("Mme D."), find("main").getText());
        String week = path();
        logOut();
        List<String> scanned = browser.scannedPages();
        for (String page : List.of("/connexion", "/accueil", dayPath, bookForm, detail, log, week)) {
            assertTrue(scanned.contains(page), page + " was scanned; scanned: " + scanned);
        }
    }

    /** Story 2: public booking, finding with code + first name, the slip, cancelling; the slot is free again. */
    @Test
    void visitorBooksFindsPrintsAndCancelsWithoutAnAccount() {
        visit(CENTRE_PAGE);
        assertEquals("Médiathèque du Centre", h1());
        find("main").findElement(By.linkText("Prendre rendez-vous avec un·e aidant·e numérique")).click();
        assertEquals(CENTRE_SLOTS, path());
        assertEquals("Prendre rendez-vous", h1());

        WebElement slot = laterSlot();
        String slotHref = slot.getAttribute("href");
        String slotPath = java.net.URI.create(slotHref).getRawPath();
        slot.click();
        assertEquals(slotPath, path());
        assertEquals("Votre rendez-vous", h1());

        typeInto(find("#f-firstName"), "Marie");
        new Select(find("#f-themeCode")).selectByVisibleText("Courriel (e-mail)");
        find("main form.form button[type=submit]").click();
        waitForPattern(CONFIRMATION);
        String confirmation = path();
        assertEquals("Votre rendez-vous est réservé", h1());
        String code = find("main .code-box .code").getText();
        assertTrue(CODE.matcher(code).matches(), "a booking code like K7M-4QX: " + code);
        assertEquals("Marie", summary("Prénom ou initiales"));
        assertFalse(slotLinks().contains(slotHref), "not offered while booked");

        // A new visit, without the link: the code as printed and the first name in lower case.
        browser.clearCookies();
        visit(CENTRE_SLOTS);
        assertFalse(slotLinks().contains(slotHref), "the booked slot is no longer offered");
        find("main").findElement(By.linkText("Retrouver mon rendez-vous")).click();
        assertEquals("/rendez-vous/retrouver", path());
        assertEquals("Retrouver mon rendez-vous", h1());
        typeInto(find("#f-code"), code);
        typeInto(find("#f-firstName"), "marie");
        find("main form.form button[type=submit]").click();
        waitForPath(confirmation);
        assertEquals("Votre rendez-vous est réservé", h1());
        assertEquals(code, find("main .code-box .code").getText());

        // "Imprimer la convocation": a PDF naming Marie, with the code.
        String slip = pdfText(find("main").findElement(By.linkText("Imprimer la convocation")).getAttribute("href"));
        assertTrue(slip.contains("Marie"), slip);
        assertTrue(slip.contains(code), slip);
        String ticket = pdfText(find("main").findElement(By.linkText("Petit ticket à imprimer")).getAttribute("href"));
        assertTrue(ticket.contains("Marie") && ticket.contains(code), ticket);

        // Cancelling, from the confirmation page's link.
        find("main").findElement(By.linkText("Annuler mon rendez-vous")).click();
        assertEquals("/rendez-vous/annulation", path());
        assertEquals("Annuler mon rendez-vous", h1());
        typeInto(find("#f-code"), code);
        typeInto(find("#f-firstName"), "Marie");
        find("main form.form button[type=submit]").click();
        waitForPath("/rendez-vous/annulation?fait=1");
        assertTrue(find("main .flash").getText().startsWith("Votre rendez-vous est annulé"), find("main .flash").getText());

        // The slot is offered again; the old link shows the appointment as cancelled.
        visit(CENTRE_SLOTS);
        assertTrue(slotLinks().contains(slotHref), "the slot is free again: " + slotHref);
        visit(confirmation);
        assertEquals("Rendez-vous annulé", h1());
        assertEquals("Ce rendez-vous est annulé.", find("main .notice").getText());
        List<String> scanned = browser.scannedPages();
        for (String page : List.of(CENTRE_PAGE, CENTRE_SLOTS, slotPath, confirmation, "/rendez-vous/retrouver",
                "/rendez-vous/annulation", "/rendez-vous/annulation?fait=1")) {
            assertTrue(scanned.contains(page), page + " was scanned; scanned: " + scanned);
        }
    }

    /** Story 4: the public booking form with the keyboard alone; the honeypot field is not in the Tab order. */
    @Test
    void publicBookingFormWithTheKeyboardAlone() {
        visit(CENTRE_SLOTS);
        laterSlot().click();
        String formPath = path();
        assertEquals("Votre rendez-vous", h1());
        assertFalse(find("#f-website").isDisplayed(), "the honeypot field is hidden");

        List<TabStop> stops = tabThroughPage();
        List<String> selectors = stops.stream().map(TabStop::selector).toList();
        assertFalse(selectors.contains("#f-website"), "the honeypot field is not reachable with Tab: " + selectors);
        String submit = "button[type=submit] in form " + formPath;
        int first = selectors.indexOf("#f-firstName");
        assertTrue(first > 0, "the first name field is in the Tab order: " + selectors);
        assertEquals(List.of("#f-firstName", "#f-phone", "#f-email", "#f-themeCode", "#f-scopeCode", submit),
                selectors.subList(first, Math.min(first + 6, selectors.size())), "Tab order of the form");

        // Filled in and sent without the mouse.
        visit(formPath);
        pressKeys(Keys.TAB, Keys.ENTER); // the skip link: focus on the content
        pressKeys(Keys.TAB);
        assertEquals("#f-firstName", currentStop().selector());
        pressKeys("Karim", Keys.TAB);
        assertEquals("#f-phone", currentStop().selector());
        pressKeys(Keys.TAB);
        assertEquals("#f-email", currentStop().selector());
        pressKeys(Keys.TAB);
        assertEquals("#f-themeCode", currentStop().selector());
        pressKeys("Cour"); // type-ahead in the closed list
        assertEquals("EMAIL", find("#f-themeCode").getDomProperty("value"), "the reason chosen by typing");
        pressKeys(Keys.TAB);
        assertEquals("#f-scopeCode", currentStop().selector());
        pressKeys(Keys.TAB);
        assertEquals(submit, currentStop().selector());
        pressKeys(Keys.ENTER);
        waitForPattern(CONFIRMATION);
        assertEquals("Votre rendez-vous est réservé", h1());
        assertEquals("Karim", summary("Prénom ou initiales"));
        assertEquals("Courriel (e-mail)", summary("Motif du rendez-vous"));
    }

    /**
     * The other appointment pages, scanned too: the day's printable list, the week, the booking form with its
     * errors, moving and cancelling at the desk; the public pages' error answers; a public page in English.
     */
    @Test
    void otherAppointmentPagesPassTheAccessibilityScan() {
        logInWithKeyboard(HELPER, PASSWORD);
        waitForPath("/accueil");
        find("nav.day-nav").findElement(By.linkText("Imprimer la liste du jour")).click();
        assertTrue(path().matches("^/bureau/\\d+/jour/[0-9-]+/impression$"), path());
        assertEquals("Liste des rendez-vous du jour", h1());
        find("main").findElement(By.linkText("Revenir au bureau du jour")).click();
        find("nav.day-nav").findElement(By.linkText("Ma semaine")).click();
        assertEquals("Ma semaine", h1());
        find("nav.day-nav").findElement(By.linkText("Semaine suivante")).click();
        assertEquals("Ma semaine", h1());

        // The desk booking form: nothing typed, then the procedures theme without its scope.
        find("main h2 a").click();
        List<WebElement> bookLinks = driver.findElements(By.partialLinkText("Réserver le créneau de "));
        for (int days = 0; days < 14 && bookLinks.isEmpty(); days++) {
            find("nav.day-nav").findElement(By.linkText("Jour suivant")).click();
            bookLinks = driver.findElements(By.partialLinkText("Réserver le créneau de "));
        }
        assertFalse(bookLinks.isEmpty(), "a day with a free slot");
        bookLinks.get(0).click();
        String form = path();
        find("main form.form button[type=submit]").click();
        waitForPath(form);
        assertEquals("Le formulaire contient des erreurs", find("main .error-summary h2").getText());
        assertEquals("true", find("#f-firstName").getAttribute("aria-invalid"));
        assertTrue(find("#f-firstName-error").getText().contains("Ce champ est obligatoire."), find("#f-firstName-error").getText());
        typeInto(find("#f-firstName"), "Léo");
        new Select(find("#f-themeCode")).selectByVisibleText("Aide aux démarches en ligne");
        find("main form.form button[type=submit]").click();
        waitForPath(form);
        assertTrue(find("#f-scopeCode-error").getText().contains("Choisissez la démarche concernée."), find("#f-scopeCode-error").getText());
        assertEquals("Léo", find("#f-firstName").getDomProperty("value"), "what was typed is kept");
        new Select(find("#f-themeCode")).selectByVisibleText("Courriel (e-mail)");
        find("main form.form button[type=submit]").click();
        waitForPattern(DESK_DETAIL);
        String detail = path().replace("?nouveau=1", "");

        // Moving: the page of free slots; then cancelling, with and without a reason.
        find("main").findElement(By.linkText("Déplacer ce rendez-vous")).click();
        assertEquals(detail + "/deplacement", path());
        assertEquals("Déplacer le rendez-vous", h1());
        find("main").findElement(By.linkText("Revenir au rendez-vous")).click();
        find("main").findElement(By.linkText("Annuler ce rendez-vous")).click();
        assertEquals(detail + "/annulation", path());
        assertEquals("Annuler le rendez-vous", h1());
        find("main form.form button[type=submit]").click();
        waitForPath(detail + "/annulation");
        assertTrue(find("#f-reason-error").getText().contains("Indiquez le motif de l’annulation."), find("#f-reason-error").getText());
        typeInto(find("#f-reason"), "Aidant malade");
        find("main form.form button[type=submit]").click();
        waitForPattern(Pattern.compile("^/bureau/\\d+/jour/[0-9-]+\\?enregistre=1$"));
        String cancelled = find("main").findElement(By.xpath(".//h2[normalize-space()='Rendez-vous annulés']/following-sibling::ul[1]")).getText();
        assertTrue(cancelled.contains("Léo") && cancelled.contains("annulé par la bibliothèque") && cancelled.contains("Aidant malade"),
                cancelled);
        logOut();

        // Public pages answering a mistake.
        visit("/rendez-vous/retrouver");
        typeInto(find("#f-code"), "K7M-4QX");
        typeInto(find("#f-firstName"), "Personne");
        find("main form.form button[type=submit]").click();
        waitForPath("/rendez-vous/retrouver");
        assertTrue(find("main .error-summary").getText().startsWith("Aucun rendez-vous ne correspond"), find("main .error-summary").getText());
        visit("/rendez-vous/annulation");
        find("main form.form button[type=submit]").click();
        waitForPath("/rendez-vous/annulation");
        assertTrue(find("#f-code-error").getText().contains("Ce champ est obligatoire."), find("#f-code-error").getText());
        visit(CENTRE_SLOTS);
        laterSlot().click();
        String publicForm = path();
        find("main form.form button[type=submit]").click();
        waitForPath(publicForm);
        assertEquals("true", find("#f-firstName").getAttribute("aria-invalid"));
        assertEquals("true", find("#f-themeCode").getAttribute("aria-invalid"));

        // The public slots page in English.
        visit(CENTRE_SLOTS);
        find("header").findElement(By.linkText("English")).click();
        waitForPath(CENTRE_SLOTS);
        assertEquals("en", find("html").getAttribute("lang"));
        visit(publicForm);
        visit("/rendez-vous/retrouver");
        find("header").findElement(By.linkText("Français")).click();
        waitForPath("/rendez-vous/retrouver");

        List<String> scanned = browser.scannedPages();
        for (String page : List.of(detail + "/deplacement", detail + "/annulation", "/rendez-vous/retrouver",
                "/rendez-vous/annulation", publicForm, CENTRE_SLOTS)) {
            assertTrue(scanned.contains(page), page + " was scanned; scanned: " + scanned);
        }
    }

    /**
     * A director's permanence pages, scanned too: the list with the booking settings and the team's absences; a new
     * permanence refused with its messages next to the day and the hours, the slot length and the helper chosen kept;
     * the team's absence form refused without a person. Nothing is saved.
     */
    @Test
    void permanencePagesAndTheirErrorsPassTheAccessibilityScan() {
        logInWithKeyboard(DIRECTOR, PASSWORD);
        waitForPath("/accueil");
        find("main").findElement(By.xpath(".//section[h2[normalize-space()='Médiathèque du Centre']]"))
                .findElement(By.linkText("Horaires")).click();
        find("nav.tabs").findElement(By.linkText("Permanences")).click();
        String list = path();
        assertTrue(list.matches("^/gestion/sites/\\d+/permanences$"), list);
        assertTrue(h1().startsWith("Permanences"), h1());

        find("main").findElement(By.linkText("Ajouter une permanence")).click();
        String form = path();
        assertEquals(list + "/nouvelle", form);
        new Select(find("#f-slotMinutes")).selectByVisibleText("45 minutes");
        WebElement helper = findAll("main input[type=checkbox][name=helpers]").get(0);
        String helperId = helper.getAttribute("id");
        helper.click();
        typeInto(find("#f-startsAt"), "16:00");
        typeInto(find("#f-endsAt"), "14:00");
        find("main form.form button[type=submit]").click();
        waitForPath(list);
        assertEquals("Le formulaire contient des erreurs", find("main .error-summary h2").getText());
        assertEquals("true", find("#f-dayOfWeek").getAttribute("aria-invalid"));
        assertTrue(find("#f-dayOfWeek-error").getText().endsWith("Ce champ est obligatoire."), find("#f-dayOfWeek-error").getText());
        assertTrue(find("#f-endsAt-error").getText().endsWith("L’heure de fin doit être après l’heure de début."),
                find("#f-endsAt-error").getText());
        assertEquals("45", find("#f-slotMinutes").getDomProperty("value"), "the slot length chosen is kept");
        assertTrue(find("#" + helperId).isSelected(), "the helper ticked is kept");

        visit(list);
        find("main form[action$='/absences'] button[type=submit]").click();
        waitForPath(list.replace("/permanences", "/absences"));
        assertEquals("true", find("#f-staffId").getAttribute("aria-invalid"));
        assertTrue(find("#f-staffId-error").getText().endsWith("Choisissez la personne absente."), find("#f-staffId-error").getText());
        List<String> scanned = browser.scannedPages();
        for (String page : List.of(list, form, list.replace("/permanences", "/absences"))) {
            assertTrue(scanned.contains(page), page + " was scanned; scanned: " + scanned);
        }
    }

    /** A free slot on a later day than today (so that it can still be cancelled online: cut-off 2 hours before). */
    private WebElement laterSlot() {
        LocalDate today = LocalDate.now(PARIS);
        for (WebElement day : findAll("main section.slot-day")) {
            String id = day.findElement(By.tagName("h2")).getAttribute("id");
            LocalDate date = LocalDate.parse(id.substring("day-".length()));
            if (date.isAfter(today)) {
                return day.findElement(By.cssSelector("a.slot-link"));
            }
        }
        return fail("no free slot after today on " + path() + ":\n" + find("main").getText());
    }

    private List<String> slotLinks() {
        return findAll("main a.slot-link").stream().map(a -> a.getAttribute("href")).toList();
    }

    /** The seat of the day view that shows this person. */
    private WebElement seatOf(String firstName) {
        List<WebElement> seats = find("main table.desk").findElements(By.xpath(".//li[contains(@class,'seat')][.//strong[normalize-space()='"
                + firstName + "']]"));
        assertEquals(1, seats.size(), "one seat for " + firstName + " on " + path());
        return seats.get(0);
    }

    /** The value next to a term of the appointment summary. */
    private String summary(String term) {
        return find("main dl.summary").findElement(By.xpath("./dt[normalize-space()='" + term + "']/following-sibling::dd[1]"))
                .getText();
    }

    /** The text of the PDF a link answers, fetched with the browser's own session. */
    private String pdfText(String href) {
        return pdfText(fetchPdf(href));
    }
}
