package fr.relais.browser;

import fr.relais.testing.TestClient;
import fr.relais.testing.TestDatabase;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.canvas.parser.PdfTextExtractor;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Base of browser tests: the application on a fresh H2 database (browser tests run once, not again on
 * PostgreSQL: no "db" tag), one headless Chromium per test class, no cookies at the start of each test.
 * Every page the driver shows is checked with axe-core, with the Nu HTML checker (the HTML as served) and at 320 CSS px
 * wide for reflow (see {@link BrowserSupport}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(BrowserSupport.RequireChromium.class)
public abstract class BrowserBase implements TestPropertyProvider {
    protected static final String PASSWORD = TestClient.DEMO_PASSWORD;

    @Inject
    protected EmbeddedServer server;
    protected BrowserSupport.Browser browser;
    protected WebDriver driver;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>();
        TestDatabase.fresh(getClass().getSimpleName()).forEach((k, v) -> props.put(k, String.valueOf(v)));
        return props;
    }

    @BeforeAll
    void startBrowser() {
        browser = BrowserSupport.start();
        driver = browser.driver();
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void newVisitor() {
        browser.clearCookies();
    }

    @AfterEach
    void scanLastPage() {
        browser.scanCurrentPage();
    }

    /** Opens a page of the application (it is scanned). */
    protected void visit(String path) {
        driver.get(url(path));
    }

    protected String url(String path) {
        return server.getURL().toString() + path;
    }

    /** The current path with its query, e.g. /connexion?fin=deconnexion. */
    protected String path() {
        URI uri = URI.create(driver.getCurrentUrl());
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    protected void waitForPath(String expected) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> path().equals(expected));
        } catch (org.openqa.selenium.TimeoutException e) {
            String shown = findAll("main").isEmpty() ? driver.getPageSource() : find("main").getText();
            assertEquals(expected, path(), "page after waiting 10 s, showing:\n" + shown + "\n");
        }
    }

    /** Waits for an element to appear; on timeout, fails with what the page shows. */
    protected void waitFor(String css) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector(css)).isEmpty());
        } catch (org.openqa.selenium.TimeoutException e) {
            fail("expected " + css + " on " + path() + ", showing:\n" + find("main").getText());
        }
    }

    /** Whether {@code condition} becomes true within 10 s: for what the browser does after the events it was sent. */
    protected boolean eventually(java.util.function.BooleanSupplier condition) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> condition.getAsBoolean());
            return true;
        } catch (org.openqa.selenium.TimeoutException e) {
            return false;
        }
    }

    /** Waits for an address matching {@code expected} and returns it (path and query). */
    protected String waitForPattern(Pattern expected) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> expected.matcher(path()).matches());
        } catch (org.openqa.selenium.TimeoutException e) {
            fail("expected a page like " + expected + ", got " + path() + " showing:\n" + find("main").getText());
        }
        return path();
    }

    protected WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    protected List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** The page's heading, with no-break spaces (French punctuation) as plain spaces. */
    protected String h1() {
        return find("h1").getText().replace('\u00A0', ' ').replace('\u202F', ' ');
    }

    /** Clicks into a field, empties it and types, like a person would. */
    protected void typeInto(WebElement field, String text) {
        field.click();
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        field.sendKeys(text);
    }

    /** Types a time ("09:30") into an hours field: plain text fields, as a helper would type them. */
    protected void typeTime(WebElement field, String time) {
        typeInto(field, time);
    }

    /** Logs in through the real form, submitting with the Enter key. */
    protected void logInWithKeyboard(String email, String password) {
        visit("/connexion");
        typeInto(find("#f-email"), email);
        WebElement pwd = find("#f-password");
        typeInto(pwd, password);
        pwd.sendKeys(Keys.ENTER);
    }

    protected void logOut() {
        find("form[action='/deconnexion'] button[type=submit]").click();
        waitForPath("/connexion?fin=deconnexion");
    }

    protected void pressKeys(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    /** The element that has the keyboard focus. */
    protected WebElement focused() {
        return driver.switchTo().activeElement();
    }

    protected Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** A short description of an element for messages: tag, id, name, text. */
    protected String describe(WebElement e) {
        return (String) js("const e = arguments[0]; return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')"
                + " + (e.name ? '[name=' + e.name + ']' : '') + ' \"' + (e.innerText || e.value || '').trim().slice(0, 40) + '\"'", e);
    }

    /** One stop of the Tab order: what has the focus, and whether it shows it. */
    protected record TabStop(String key, String selector, String description, boolean focusVisible, boolean body) {
    }

    /** The focused element, described; {@code key} is stable for the life of the page. */
    protected TabStop currentStop() {
        @SuppressWarnings("unchecked")
        Map<String, Object> stop = (Map<String, Object>) js("const a = document.activeElement;"
                + " if (!a || a === document.body || a === document.documentElement) return {key: 'body', body: true};"
                + " if (!a.dataset.tabStop) { window.__tabStops = (window.__tabStops || 0) + 1; a.dataset.tabStop = String(window.__tabStops); }"
                + " const s = getComputedStyle(a);"
                + " const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;"
                + " const shadow = !!s.boxShadow && s.boxShadow !== 'none';"
                + " const form = a.form ? ' in form ' + a.form.getAttribute('action') : '';"
                + " const selector = a.id ? '#' + a.id : a.tagName.toLowerCase() + (a.type ? '[type=' + a.type + ']' : '') + form;"
                + " const text = (a.innerText || a.value || '').trim().slice(0, 40);"
                + " return {key: a.dataset.tabStop, selector: selector, description: selector + ' \"' + text + '\"',"
                + " focusVisible: outline || shadow, body: false};");
        return new TabStop(String.valueOf(stop.get("key")), (String) stop.get("selector"), (String) stop.get("description"),
                Boolean.TRUE.equals(stop.get("focusVisible")), Boolean.TRUE.equals(stop.get("body")));
    }

    /**
     * Presses Tab from the top of the current page until the focus leaves the page or comes back to the first stop,
     * and returns the stops in order. Fails when an element keeps the focus for more Tabs than it has parts (a time
     * field takes one Tab per part: hours, minutes, AM/PM, picker button), when the end is not reached (keyboard trap), or when
     * a focused element shows no focus indicator.
     */
    protected List<TabStop> tabThroughPage() {
        js("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)");
        List<TabStop> stops = new java.util.ArrayList<>();
        int sameInARow = 0;
        for (int presses = 0; presses < 400; presses++) {
            pressKeys(Keys.TAB);
            TabStop stop = currentStop();
            if (stop.body() || (!stops.isEmpty() && stop.key().equals(stops.get(0).key()))) {
                return stops;
            }
            if (!stops.isEmpty() && stop.key().equals(stops.get(stops.size() - 1).key())) {
                sameInARow++;
                org.junit.jupiter.api.Assertions.assertTrue(sameInARow < 4,
                        "keyboard trap: Tab keeps the focus on " + stop.description());
                continue;
            }
            sameInARow = 0;
            org.junit.jupiter.api.Assertions.assertTrue(stop.focusVisible(),
                    "no visible focus (outline and box-shadow are none) on " + stop.description());
            org.junit.jupiter.api.Assertions.assertTrue(stops.stream().noneMatch(s -> s.key().equals(stop.key())),
                    "the Tab order comes back to " + stop.description() + " before reaching the end: " + stops);
            stops.add(stop);
        }
        throw new AssertionError("after 400 Tabs the focus has not left the page: keyboard trap? " + stops);
    }

    /** The focused element shows a focus indicator: an outline or a box shadow. */
    protected boolean focusIsVisible(WebElement e) {
        Object visible = js("const s = getComputedStyle(arguments[0]);"
                + " const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;"
                + " const shadow = s.boxShadow && s.boxShadow !== 'none';"
                + " return outline || shadow;", e);
        return Boolean.TRUE.equals(visible);
    }

    // ---------------------------------------------------------------- files the pages link to (PDFs, CSV)

    /** Reads the answer's bytes in the page and hands [status, content type, base64, disposition] back to the test. */
    private static final String READ_ANSWER = " .then(r => r.arrayBuffer().then(b => {"
            + "   const bytes = new Uint8Array(b); let s = '';"
            + "   for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));"
            + "   done([r.status, r.headers.get('content-type') || '', btoa(s), r.headers.get('content-disposition') || '']);"
            + " })).catch(e => done([0, String(e), '']));";

    /**
     * Fetches a link with the browser's own session from inside the page, checks it answers a PDF, and returns it.
     * A script run by WebDriver is not subject to the page's Content-Security-Policy.
     */
    protected byte[] fetchPdf(String href) {
        return pdf(((JavascriptExecutor) driver).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " fetch(arguments[0], {credentials: 'same-origin'})" + READ_ANSWER, href), href);
    }

    /** A file a link downloads, as fetched by the page: status, headers, bytes. */
    protected record Download(int status, String contentType, String disposition, byte[] bytes) {
        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** Fetches a link with the browser's own session from inside the page, whatever it answers (a CSV file…). */
    protected Download download(String href) {
        List<?> r = (List<?>) ((JavascriptExecutor) driver).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " fetch(arguments[0], {credentials: 'same-origin'})" + READ_ANSWER, href);
        return new Download(((Number) r.get(0)).intValue(), String.valueOf(r.get(1)), r.size() > 3 ? String.valueOf(r.get(3)) : "",
                Base64.getDecoder().decode(String.valueOf(r.get(2))));
    }

    /** Posts a form exactly as filled in (its fields and token) with the browser's session; the PDF it answers. */
    protected byte[] postForPdf(WebElement form) {
        return pdf(((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; const form = arguments[0];"
                        + " fetch(form.action, {method: 'POST', credentials: 'same-origin',"
                        + "   body: new URLSearchParams(new FormData(form))})" + READ_ANSWER, form), form.getAttribute("action"));
    }

    private static byte[] pdf(Object answer, String what) {
        List<?> result = (List<?>) answer;
        int status = ((Number) result.get(0)).intValue();
        String contentType = String.valueOf(result.get(1));
        assertEquals(200, status, what + " answers " + status + " " + contentType);
        assertTrue(contentType.startsWith("application/pdf"), what + " is a PDF: " + contentType);
        byte[] pdf = Base64.getDecoder().decode(String.valueOf(result.get(2)));
        assertTrue(pdf.length > 4 && new String(pdf, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-"),
                what + " starts with %PDF-");
        return pdf;
    }

    /** The text of every page of a PDF, page after page. */
    protected static String pdfText(byte[] pdf) {
        StringBuilder text = new StringBuilder();
        try (PdfDocument doc = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
            for (int i = 1; i <= doc.getNumberOfPages(); i++) {
                text.append(PdfTextExtractor.getTextFromPage(doc.getPage(i))).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
