package fr.relais.browser;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
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
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Headless Chromium for browser tests, and the axe-core accessibility scan.
 * <p>
 * The driver returned by {@link #start()} scans every page it shows: after each navigation, click, key press or
 * form submission, and before the test reads the page, a page not scanned yet is checked with axe-core
 * (WCAG 2.0/2.1 A and AA) and the test fails on any violation. A test cannot forget to scan a page it visits.
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
     * {@link BrowserTest}, so it acts before the application context starts.
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

        /** Shows the accessibility report itself rather than the listener exception that carries it. */
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
                if (t instanceof AccessibilityViolations) {
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

        /** Forgets all cookies (session, CSRF, language) without loading a page. */
        public void clearCookies() {
            raw.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        }

        @Override
        public void close() {
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

    /** The report of an axe-core scan that found problems. */
    public static final class AccessibilityViolations extends AssertionError {
        AccessibilityViolations(String message) {
            super(message);
        }
    }

    /** Scans each new document once, whatever action brought it. */
    public static final class PageScanner implements WebDriverListener {
        private final ChromeDriver raw;
        private final List<String> scanned = new ArrayList<>();

        PageScanner(ChromeDriver raw) {
            this.raw = raw;
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
            scanned.add(String.valueOf(page.get(3)));
            assertNoAxeViolations(raw);
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
