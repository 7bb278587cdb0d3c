package fr.relais.browser;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import fr.relais.web.NuHtmlChecker;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Sequence;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.events.EventFiringDecorator;
import org.openqa.selenium.support.events.WebDriverListener;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.stream.Stream;

/**
 * Headless Chromium for browser tests, and the checks it runs on every page: axe-core, the Nu HTML checker, reflow.
 * <p>
 * The driver returned by {@link #start()} checks every page it shows: after each navigation, click, key press or
 * form submission, and before the test reads the page, a page not checked yet gets three checks, and the test fails
 * on any problem. A test cannot forget to check a page it visits.
 * <ol>
 *   <li>axe-core, WCAG 2.0/2.1 A and AA, at the normal window size;</li>
 *   <li>the W3C Nu HTML checker on the HTML <em>as served</em> (see {@link ServedPages}), once per page kind and run;</li>
 *   <li>reflow (WCAG 1.4.10): at a 320 CSS px wide viewport the page does not scroll sideways, no text is cut off by a
 *       box too small for it, and whatever scrolls sideways inside the page (a wide table) is a named region reachable
 *       with Tab (see {@link #REFLOW}).</li>
 * </ol>
 * <p>
 * When Chromium or chromedriver is missing the tests are skipped, or fail when {@code RELAIS_REQUIRE_BROWSER=true}
 * (continuous integration): see {@link RequireChromium}.
 */
public final class BrowserSupport {
    /** Where the browser is; the system properties exist to check the skip/fail behaviour without uninstalling it. */
    static final String CHROMIUM = System.getProperty("relais.browser.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("relais.browser.chromedriver", "/usr/bin/chromedriver");
    static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    /** Set on the window of a page once scanned; a new document starts without it. */
    private static final String MARKER = "__relaisAxeScanned";
    /** The narrowest viewport WCAG 1.4.10 asks pages to work at without sideways scrolling (1280 px at 400 %). */
    static final int REFLOW_WIDTH = 320;
    static final int REFLOW_HEIGHT = 800;

    private BrowserSupport() {
    }

    /** Why the browser cannot run, or null when Chromium and chromedriver are there. */
    static String missingBrowser() {
        if (!Files.isExecutable(Path.of(CHROMIUM))) {
            return "Chromium not found at " + CHROMIUM;
        }
        if (!Files.isExecutable(Path.of(CHROMEDRIVER))) {
            return "chromedriver not found at " + CHROMEDRIVER;
        }
        return null;
    }

    static boolean browserRequired() {
        return "true".equalsIgnoreCase(System.getenv("RELAIS_REQUIRE_BROWSER"));
    }

    /**
     * Skips (or fails, with RELAIS_REQUIRE_BROWSER=true) a test class when there is no browser. Registered on
     * {@link BrowserBase}, so it acts before the application context starts.
     */
    public static final class RequireChromium implements ExecutionCondition, BeforeAllCallback, TestExecutionExceptionHandler,
            LifecycleMethodExecutionExceptionHandler {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            String missing = missingBrowser();
            if (missing == null || browserRequired()) {
                return ConditionEvaluationResult.enabled("browser present, or required");
            }
            return ConditionEvaluationResult.disabled(missing + ": browser tests skipped; install chromium and "
                    + "chromium-driver, or set RELAIS_REQUIRE_BROWSER=true to make this an error");
        }

        @Override
        public void beforeAll(ExtensionContext context) {
            String missing = missingBrowser();
            if (missing != null) {
                Assertions.fail(missing + ": browser tests cannot run and RELAIS_REQUIRE_BROWSER=true makes this an "
                        + "error; install chromium and chromium-driver (apt-get install -y chromium chromium-driver)");
            }
        }

        /** Shows the page report itself (axe-core, HTML, reflow) rather than the listener exception that carries it. */
        @Override
        public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
            throw unwrap(throwable);
        }

        @Override
        public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
            throw unwrap(throwable);
        }

        private static Throwable unwrap(Throwable throwable) {
            for (Throwable t = throwable; t != null; t = t.getCause()) {
                if (t instanceof PageProblems) {
                    return t;
                }
            }
            return throwable;
        }
    }

    /** A running browser: the scanning driver the tests use, and what it scanned. */
    public static final class Browser implements AutoCloseable {
        private final ChromeDriver raw;
        private final WebDriver driver;
        private final PageScanner scanner;
        private final Path profile;

        private Browser(ChromeDriver raw, PageScanner scanner, Path profile) {
            this.raw = raw;
            this.scanner = scanner;
            this.profile = profile;
            this.driver = new EventFiringDecorator<WebDriver>(scanner).decorate(raw);
        }

        /** The driver to use: every page it shows is scanned. */
        public WebDriver driver() {
            return driver;
        }

        /** Scans the current page now if it was not scanned yet (e.g. at the end of a test). */
        public void scanCurrentPage() {
            scanner.scanIfNew();
        }

        /** Paths (with query) of the pages scanned so far, in order. */
        public List<String> scannedPages() {
            return List.copyOf(scanner.scanned);
        }

        /**
         * Lays the current page out in a viewport this many CSS px wide, as a phone or a 400 % zoom would, until
         * {@link #normalViewport()}. Loading another page brings the normal size back (its reflow check does).
         */
        public void narrowViewport(int width) {
            scanner.narrow(width);
        }

        /** Back to the normal window size. */
        public void normalViewport() {
            scanner.widen();
        }

        /** Forgets all cookies (session, CSRF, language) without loading a page. */
        public void clearCookies() {
            raw.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        }

        @Override
        public void close() {
            System.out.println(scanner.figures());
            try {
                raw.quit();
            } finally {
                deleteQuietly(profile);
            }
        }
    }

    /** Starts headless Chromium, French, 1280×1000, with a fresh profile. */
    public static Browser start() {
        Path profile;
        try {
            profile = Files.createTempDirectory("relais-chromium-");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create a Chromium profile folder", e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--user-data-dir=" + profile, "--window-size=1280,1000", "--lang=fr");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "fr-FR,fr"));
        // The network events tell which response is the page shown, so that its HTML can be read as served.
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        options.setExperimentalOption("perfLoggingPrefs", Map.of("enableNetwork", true, "enablePage", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        ChromeDriver raw;
        try {
            raw = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            deleteQuietly(profile);
            throw e;
        }
        raw.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        raw.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return new Browser(raw, new PageScanner(raw), profile);
    }

    /** Runs axe-core on the current page and fails with a readable list of violations. */
    public static void assertNoAxeViolations(WebDriver driver) {
        Results results = new AxeBuilder().withTags(WCAG_TAGS).analyze(driver);
        if (results.isErrored()) {
            Assertions.fail("axe-core could not check " + driver.getCurrentUrl() + ": " + results.getErrorMessage());
        }
        List<Rule> violations = results.getViolations();
        if (violations != null && !violations.isEmpty()) {
            throw new AccessibilityViolations(describe(driver.getCurrentUrl(), violations));
        }
    }

    static String describe(String url, List<Rule> violations) {
        StringBuilder out = new StringBuilder();
        out.append(violations.size()).append(" accessibility violation(s) (axe-core, WCAG 2.1 A/AA) on ").append(url);
        for (Rule rule : violations) {
            out.append("\n- ").append(rule.getId()).append(" [").append(rule.getImpact()).append("]: ")
                    .append(rule.getHelp()).append(" (").append(rule.getHelpUrl()).append(')');
            for (CheckedNode node : rule.getNodes()) {
                out.append("\n    element ").append(node.getTarget());
                if (node.getFailureSummary() != null) {
                    out.append("\n       ").append(node.getFailureSummary().replace("\n", "\n       "));
                }
            }
        }
        return out.toString();
    }

    /** What one of the page checks found; the test fails with this message. */
    public abstract static class PageProblems extends AssertionError {
        PageProblems(String message) {
            super(message);
        }
    }

    /** The report of an axe-core scan that found problems. */
    public static final class AccessibilityViolations extends PageProblems {
        AccessibilityViolations(String message) {
            super(message);
        }
    }

    /** Errors of the Nu HTML checker in the HTML a page was served with. */
    public static final class InvalidHtml extends PageProblems {
        InvalidHtml(String message) {
            super(message);
        }
    }

    /** A page that does not reflow at 320 CSS px: it scrolls sideways, cuts text off, or hides a scrolling box from the keyboard. */
    public static final class NoReflow extends PageProblems {
        NoReflow(String message) {
            super(message);
        }
    }

    /** Runs the Nu HTML checker on a served page and fails with its errors, each with the line it points at. */
    public static void assertValidHtml(String what, String html) {
        List<NuHtmlChecker.Problem> errors = NuHtmlChecker.errors(html);
        if (errors.isEmpty()) {
            return;
        }
        String[] lines = html.split("\n", -1);
        StringBuilder out = new StringBuilder().append(errors.size()).append(" HTML error(s) (W3C Nu checker) in ")
                .append(what).append(" as served:");
        for (NuHtmlChecker.Problem p : errors) {
            out.append("\n- ").append(p.line()).append(':').append(p.column()).append(' ').append(p.message());
            if (p.line() >= 1 && p.line() <= lines.length) {
                String line = lines[p.line() - 1].strip();
                out.append("\n    ").append(line.length() > 200 ? line.substring(0, 200) + "…" : line);
            }
        }
        throw new InvalidHtml(out.toString());
    }

    /**
     * The reflow checks, run in the page at 320 CSS px wide; answers {@code [innerWidth, problems]}.
     * <ul>
     *   <li>the document is not wider than the viewport less its scrollbar ({@code clientWidth}: what a person at
     *       400 % zoom sees); if it is, the elements that stick out while their parent does not, and the text that runs
     *       out of its box (where the fix goes), widest first, described by tag, class and text;</li>
     *   <li>no box with {@code overflow: hidden/clip} holds more than it shows (text cut off), visually hidden text aside;</li>
     *   <li>every box that scrolls sideways at this width can be scrolled with the keyboard: it takes the focus
     *       ({@code tabindex="0"}) and is a region named by {@code aria-labelledby} or {@code aria-label}.</li>
     * </ul>
     */
    static final String REFLOW = """
            const root = document.documentElement, viewport = root.clientWidth, problems = [];
            const describe = e => {
              const cls = typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\\s+/).join('.') : '';
              const text = (e.innerText || e.value || '').replace(/\\s+/g, ' ').trim().slice(0, 60);
              return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + cls + (text ? ' "' + text + '"' : '');
            };
            const clipping = e => { const s = getComputedStyle(e); return s.overflowX !== 'visible' || s.overflowY !== 'visible'; };
            const clipped = e => { for (let a = e; a && a !== document.body; a = a.parentElement) if (clipping(a)) return true; return false; };
            const hidden = e => { const r = e.getBoundingClientRect(); return r.width <= 1 || r.height <= 1; };
            const right = e => e.getBoundingClientRect().right;
            const out = e => right(e) > viewport + 0.5;
            const all = Array.from(document.body.querySelectorAll('*'));
            if (root.scrollWidth > viewport) {
              // A box wider than the page, or text running out of its box (a long word, a big heading): where it starts.
              const found = [];
              for (const e of all) {
                if (out(e) && !hidden(e) && !(e.parentElement && clipped(e.parentElement))
                    && !(e.parentElement && e.parentElement !== document.body && out(e.parentElement))) {
                  found.push([e, right(e), Math.round(e.getBoundingClientRect().width) + ' px wide']);
                }
              }
              const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
              for (let t = texts.nextNode(); t; t = texts.nextNode()) {
                const e = t.parentElement;
                if (!t.textContent.trim() || clipped(e) || out(e) || hidden(e)) continue;
                const range = document.createRange();
                range.selectNodeContents(t);
                const r = range.getBoundingClientRect().right;
                if (r > viewport + 0.5) found.push([e, r, 'its text runs out of its box']);
              }
              found.sort((a, b) => b[1] - a[1]);
              problems.push('the page scrolls sideways: ' + root.scrollWidth + ' px wide in a ' + viewport + ' px viewport; sticking out: '
                  + found.slice(0, 5).map(([e, r, why]) => describe(e) + ' (' + why + ', right edge at ' + Math.round(r) + ' px)').join('; '));
            }
            for (const e of all) {
              if (hidden(e) || ['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON', 'OPTION'].includes(e.tagName)) continue;
              const s = getComputedStyle(e);
              if (s.position === 'absolute' && s.clip !== 'auto') continue;
              const cutX = ['hidden', 'clip'].includes(s.overflowX) && e.scrollWidth > e.clientWidth + 1;
              const cutY = ['hidden', 'clip'].includes(s.overflowY) && e.scrollHeight > e.clientHeight + 1;
              if (cutX || cutY) problems.push('content cut off by overflow: ' + s.overflowX + ' ' + s.overflowY + ' on ' + describe(e)
                  + ' (shows ' + e.clientWidth + '×' + e.clientHeight + ' of ' + e.scrollWidth + '×' + e.scrollHeight + ' px)');
              if (s.textOverflow === 'ellipsis' && e.scrollWidth > e.clientWidth) problems.push('text cut by an ellipsis: ' + describe(e));
              const scrollsSideways = ['auto', 'scroll'].includes(s.overflowX) && e.scrollWidth > e.clientWidth + 1;
              if (scrollsSideways) {
                const by = (e.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean).map(id => document.getElementById(id));
                const named = (e.getAttribute('aria-label') || '').trim() !== '' || (by.length > 0 && by.every(l => l && l.textContent.trim() !== ''));
                if (e.tabIndex < 0 || e.getAttribute('role') !== 'region' || !named) {
                  problems.push('scrolls sideways but is not a named region reachable with Tab (tabindex="0" role="region" aria-labelledby): '
                      + describe(e));
                }
              }
            }
            return [window.innerWidth, problems];
            """;

    /** Scans each new document once, whatever action brought it. */
    public static final class PageScanner implements WebDriverListener {
        private final ChromeDriver raw;
        private final ServedPages served;
        private final List<String> scanned = new ArrayList<>();
        private long axeNanos;
        private long htmlNanos;
        private long reflowNanos;
        private int htmlChecked;
        private int htmlCached;

        PageScanner(ChromeDriver raw) {
            this.raw = raw;
            this.served = new ServedPages(raw);
        }

        /** What the checks cost in this browser: printed, never asserted. */
        String figures() {
            return String.format(java.util.Locale.ROOT, "[page checks] %d pages: axe-core %.1f s; Nu HTML checker %.1f s for %d pages"
                    + " (%d already checked in this run); reflow at %d px %.1f s", scanned.size(), axeNanos / 1e9, htmlNanos / 1e9,
                    htmlChecked, htmlCached, REFLOW_WIDTH, reflowNanos / 1e9);
        }

        @Override
        public boolean throwsExceptions() {
            return true;
        }

        void scanIfNew() {
            new WebDriverWait(raw, Duration.ofSeconds(30)).ignoring(org.openqa.selenium.JavascriptException.class).until(d ->
                    "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
            Object state = raw.executeScript("return [window." + MARKER + " === true, document.contentType, "
                    + "location.protocol, location.pathname + location.search]");
            List<?> page = (List<?>) state;
            boolean done = Boolean.TRUE.equals(page.get(0));
            boolean html = "text/html".equals(page.get(1));
            boolean web = String.valueOf(page.get(2)).startsWith("http");
            if (done || !html || !web) {
                return;
            }
            // Marked first: a page with violations is reported once, not again at the end of the test.
            raw.executeScript("window." + MARKER + " = true");
            String path = String.valueOf(page.get(3));
            scanned.add(path);
            long start = System.nanoTime();
            assertNoAxeViolations(raw);
            long axeDone = System.nanoTime();
            axeNanos += axeDone - start;
            try {
                checkServedHtml();
            } finally {
                htmlNanos += System.nanoTime() - axeDone;
            }
            long reflowStart = System.nanoTime();
            try {
                checkReflow(path);
            } finally {
                reflowNanos += System.nanoTime() - reflowStart;
            }
        }

        private void checkServedHtml() {
            ServedPages.Page page = served.current();
            if (!ServedPages.CHECKED.add(page.kind())) {
                htmlCached++;
                return;
            }
            htmlChecked++;
            assertValidHtml(page.kind(), page.html());
        }

        /**
         * Back to the normal size, and waits until the browser has laid the page out again (two animation frames):
         * a click sent before that could land on whatever the narrow layout had put at that point.
         */
        void widen() {
            raw.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            raw.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + " requestAnimationFrame(() => requestAnimationFrame(() => done(window.innerWidth)));");
        }

        void narrow(int width) {
            raw.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", REFLOW_HEIGHT,
                    "deviceScaleFactor", 1, "mobile", false));
        }

        /** Narrows the viewport to 320 CSS px, runs {@link #REFLOW}, and brings the normal size back whatever happens. */
        private void checkReflow(String path) {
            List<?> scroll = (List<?>) raw.executeScript("return [window.scrollX, window.scrollY];");
            narrow(REFLOW_WIDTH);
            List<?> result;
            try {
                result = (List<?>) raw.executeScript(REFLOW);
            } finally {
                widen();
                // Where the person was on the page before the check, so that the next click lands where it aims.
                raw.executeScript("window.scrollTo(arguments[0], arguments[1]);", scroll.get(0), scroll.get(1));
            }
            long innerWidth = ((Number) result.get(0)).longValue();
            if (innerWidth != REFLOW_WIDTH) {
                throw new IllegalStateException("the reflow check needs a " + REFLOW_WIDTH + " px viewport, the browser gave "
                        + innerWidth + " px");
            }
            List<?> problems = (List<?>) result.get(1);
            if (!problems.isEmpty()) {
                StringBuilder out = new StringBuilder().append(path).append(" does not reflow at ").append(REFLOW_WIDTH)
                        .append(" CSS px (WCAG 1.4.10):");
                problems.forEach(p -> out.append("\n- ").append(p));
                throw new NoReflow(out.toString());
            }
        }

        @Override
        public void afterGet(WebDriver driver, String url) {
            scanIfNew();
        }

        @Override
        public void afterTo(WebDriver.Navigation navigation, String url) {
            scanIfNew();
        }

        @Override
        public void afterTo(WebDriver.Navigation navigation, java.net.URL url) {
            scanIfNew();
        }

        @Override
        public void afterBack(WebDriver.Navigation navigation) {
            scanIfNew();
        }

        @Override
        public void afterForward(WebDriver.Navigation navigation) {
            scanIfNew();
        }

        @Override
        public void afterRefresh(WebDriver.Navigation navigation) {
            scanIfNew();
        }

        @Override
        public void afterClick(WebElement element) {
            scanIfNew();
        }

        @Override
        public void afterSubmit(WebElement element) {
            scanIfNew();
        }

        @Override
        public void afterSendKeys(WebElement element, CharSequence... keys) {
            scanIfNew();
        }

        @Override
        public void afterPerform(WebDriver driver, Collection<Sequence> actions) {
            scanIfNew();
        }

        @Override
        public void beforeFindElement(WebDriver driver, org.openqa.selenium.By locator) {
            scanIfNew();
        }

        @Override
        public void beforeFindElements(WebDriver driver, org.openqa.selenium.By locator) {
            scanIfNew();
        }

        @Override
        public void beforeGetTitle(WebDriver driver) {
            scanIfNew();
        }

        @Override
        public void beforeGetPageSource(WebDriver driver) {
            scanIfNew();
        }
    }

    /**
     * The HTML of the page shown, as the server sent it, read from Chromium's network log.
     * <p>
     * The Nu checker must see the served bytes, not {@code driver.getPageSource()}: that is the DOM serialised again
     * after the parser repaired it (missing end tags closed, a {@code <div>} in a {@code <p>} moved out, duplicate
     * attributes dropped, {@code <tbody>} added), so it hides exactly the mistakes the checker is for. Requesting the
     * address again is no better: a GET here may write to the journal (who opened a mandate), the answer to a form
     * (a 422 with its errors, a one-time password) cannot be requested again, and a flash message is gone the second
     * time. So the browser's own answer is read: the performance log names the document's response, and
     * {@code Network.getResponseBody} gives its body.
     */
    static final class ServedPages {
        /**
         * Page kinds already checked in this run (all test classes share one JVM): method, path without the query and
         * status, e.g. {@code POST /connexion → 422}. A form with its errors is another kind than the blank form.
         */
        static final Set<String> CHECKED = ConcurrentHashMap.newKeySet();
        private static final Json JSON = new Json();
        private final ChromeDriver raw;
        /** Document responses seen, newest last, by request id; kept a while so a response logged early is not lost. */
        private final LinkedHashMap<String, Response> responses = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Response> eldest) {
                return size() > 50;
            }
        };
        private final Map<String, String> methods = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > 200;
            }
        };

        record Response(String requestId, String url, int status) {
        }

        record Page(String kind, String html) {
        }

        ServedPages(ChromeDriver raw) {
            this.raw = raw;
        }

        /** The page shown, as served; fails when the browser has no record of its response. */
        Page current() {
            readLog();
            String url = String.valueOf(raw.executeScript("return location.href")).replaceAll("#.*", "");
            Response shown = null;
            for (Response r : responses.values()) {
                if (r.url().replaceAll("#.*", "").equals(url)) {
                    shown = r; // the newest wins
                }
            }
            if (shown == null) {
                throw new IllegalStateException("no network record of the document " + url + " among " + responses.values());
            }
            Map<String, Object> body = raw.executeCdpCommand("Network.getResponseBody", Map.of("requestId", shown.requestId()));
            String html = Boolean.TRUE.equals(body.get("base64Encoded"))
                    ? new String(java.util.Base64.getDecoder().decode(String.valueOf(body.get("body"))), java.nio.charset.StandardCharsets.UTF_8)
                    : String.valueOf(body.get("body"));
            String path = java.net.URI.create(url).getRawPath();
            String kind = methods.getOrDefault(shown.requestId(), "GET") + " " + path + " → " + shown.status();
            return new Page(kind, html);
        }

        @SuppressWarnings("unchecked")
        private void readLog() {
            for (LogEntry entry : raw.manage().logs().get(LogType.PERFORMANCE)) {
                Map<String, Object> logged = JSON.toType(entry.getMessage(), Map.class);
                Map<String, Object> message = (Map<String, Object>) logged.get("message");
                String method = String.valueOf(message.get("method"));
                Map<String, Object> params = (Map<String, Object>) message.get("params");
                if (params == null || !"Document".equals(params.get("type"))) {
                    continue;
                }
                String requestId = String.valueOf(params.get("requestId"));
                if (method.equals("Network.requestWillBeSent")) {
                    // A redirect keeps the request id: the last method is the one of the page shown (GET after a 303).
                    methods.put(requestId, String.valueOf(((Map<String, Object>) params.get("request")).get("method")));
                } else if (method.equals("Network.responseReceived")) {
                    Map<String, Object> response = (Map<String, Object>) params.get("response");
                    responses.remove(requestId);
                    responses.put(requestId, new Response(requestId, String.valueOf(response.get("url")),
                            ((Number) response.get("status")).intValue()));
                }
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
