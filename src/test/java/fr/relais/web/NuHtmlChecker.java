package fr.relais.web;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The W3C Nu HTML checker (nu.validator 20.7.2), in process and offline.
 * <p>
 * The checker's classes log through log4j 1.x, which the build leaves out of the test classpath on purpose
 * (a log4j 1 jar on the classpath of the application under test is not wanted). So the checker runs in its own
 * class loader: the test classpath plus two do-nothing {@code org.apache.log4j} classes compiled here at first use.
 * Nothing of that loader leaks into the application's: only JDK types cross the boundary.
 */
public final class NuHtmlChecker {
    /** One problem the checker found. */
    public record Problem(boolean error, int line, int column, String message) {
        @Override
        public String toString() {
            return (error ? "error" : "warning") + " at " + line + ":" + column + ": " + message;
        }
    }

    private static Function<String, List<String>> pipeline;

    private NuHtmlChecker() {
    }

    /** Every error and warning of one HTML document. */
    public static List<Problem> check(String html) {
        List<Problem> problems = new ArrayList<>();
        for (String line : pipeline().apply(html)) {
            String[] parts = line.split("\\|", 4);
            problems.add(new Problem("error".equals(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]), parts[3]));
        }
        return problems;
    }

    /**
     * The errors of one HTML document, less those {@link #outdatedCheckerRule} lets through: what a page must not have.
     */
    public static List<Problem> errors(String html) {
        return check(html).stream().filter(p -> p.error() && !outdatedCheckerRule(html, p)).toList();
    }

    /**
     * An error nu.validator 20.7.2 (July 2020) still reports for markup that the HTML standard has allowed since:
     * {@code aria-required} on date and time inputs, allowed by ARIA in HTML, fixed in the checker by
     * validator/validator#1118 (2021). Only this exact message, on a tag that has exactly that markup, is let through.
     * <p>
     * ({@code <input type="email" autocomplete="username">}, allowed since whatwg/html#5881, is not let through: the
     * login form uses {@code type="text" inputmode="email"}, valid for every version of the checker.)
     */
    public static boolean outdatedCheckerRule(String html, Problem problem) {
        if (problem.message().equals("Attribute “aria-required” not allowed on element “input” at this point.")) {
            String tag = tagAt(html, problem.line(), problem.column());
            return tag.matches("(?s).*type=\"(date|time|datetime-local|month|week)\".*") && tag.contains("aria-required=\"true\"");
        }
        return false;
    }

    /** The start tag the checker points at: it reports the line and column where the tag ends. */
    public static String tagAt(String html, int line, int column) {
        String[] lines = html.split("\n", -1);
        if (line < 1 || line > lines.length) {
            return "";
        }
        String text = lines[line - 1];
        int end = Math.min(Math.max(column, 0), text.length());
        int start = text.lastIndexOf('<', Math.max(end - 1, 0));
        return start < 0 ? "" : text.substring(start, end);
    }

    @SuppressWarnings("unchecked")
    private static synchronized Function<String, List<String>> pipeline() {
        if (pipeline == null) {
            try {
                ClassLoader isolated = isolatedLoader();
                Class<?> type = Class.forName(NuHtmlChecker.class.getPackageName() + ".NuValidatorPipeline", true, isolated);
                Constructor<?> constructor = type.getDeclaredConstructor();
                constructor.setAccessible(true);
                ClassLoader previous = Thread.currentThread().getContextClassLoader();
                Thread.currentThread().setContextClassLoader(isolated);
                try {
                    pipeline = (Function<String, List<String>>) constructor.newInstance();
                } finally {
                    Thread.currentThread().setContextClassLoader(previous);
                }
            } catch (ReflectiveOperationException | IOException e) {
                throw new IllegalStateException("The Nu HTML checker could not start", e);
            }
        }
        return pipeline;
    }

    private static ClassLoader isolatedLoader() throws IOException {
        List<URL> urls = new ArrayList<>();
        urls.add(log4jStubs().toUri().toURL());
        for (String entry : testClasspath()) {
            urls.add(new File(entry).toURI().toURL());
        }
        // Parent: the platform loader, so that nothing but the JDK (java.*, org.xml.sax…) is shared.
        return new URLClassLoader("nu-html-checker", urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    /** The test classpath: Surefire puts it in java.class.path (or in the manifest of its booter jar). */
    static Set<String> testClasspath() throws IOException {
        Set<String> entries = new LinkedHashSet<>();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        for (String entry : classpath.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            entries.add(entry);
            if (entry.endsWith(".jar") && new File(entry).getName().startsWith("surefirebooter")) {
                try (JarFile jar = new JarFile(entry)) {
                    Manifest manifest = jar.getManifest();
                    String more = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
                    if (more != null) {
                        for (String url : more.split(" ")) {
                            if (!url.isBlank()) {
                                entries.add(toPath(url));
                            }
                        }
                    }
                }
            }
        }
        if (entries.stream().noneMatch(e -> e.contains("validator"))) {
            throw new IllegalStateException("nu.validator is not on the test classpath: " + entries);
        }
        return entries;
    }

    private static String toPath(String url) {
        try {
            return new File(new URL(new File(".").toURI().toURL(), url).toURI()).getPath();
        } catch (MalformedURLException | java.net.URISyntaxException e) {
            throw new IllegalStateException("Bad classpath entry " + url, e);
        }
    }

    private static final String LOGGER = """
            package org.apache.log4j;
            /** Do-nothing stand-in for log4j 1.x, for the Nu HTML checker under test only. */
            public class Logger {
                public static Logger getLogger(Class<?> type) { return new Logger(); }
                public static Logger getLogger(String name) { return new Logger(); }
                public void debug(Object message) { }
                public void debug(Object message, Throwable t) { }
                public void info(Object message) { }
                public void info(Object message, Throwable t) { }
                public void warn(Object message) { }
                public void warn(Object message, Throwable t) { }
                public void error(Object message) { }
                public void error(Object message, Throwable t) { }
                public boolean isDebugEnabled() { return false; }
                public boolean isInfoEnabled() { return false; }
            }
            """;
    private static final String CONFIGURATOR = """
            package org.apache.log4j;
            public class PropertyConfigurator {
                public static void configure(java.util.Properties properties) { }
            }
            """;

    /** Compiles the log4j stand-ins into a temporary folder. */
    private static Path log4jStubs() throws IOException {
        Path root = Files.createTempDirectory("relais-nu-log4j");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(root)));
        Path sources = Files.createDirectories(root.resolve("src/org/apache/log4j"));
        Path classes = Files.createDirectories(root.resolve("classes"));
        Path logger = Files.writeString(sources.resolve("Logger.java"), LOGGER);
        Path configurator = Files.writeString(sources.resolve("PropertyConfigurator.java"), CONFIGURATOR);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("The HTML checker needs a JDK (javax.tools) to run the tests");
        }
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        int status = compiler.run(null, messages, messages, "-d", classes.toString(), "--release", "17",
                logger.toString(), configurator.toString());
        if (status != 0) {
            throw new UncheckedIOException(new IOException("log4j stand-ins did not compile: "
                    + messages.toString(StandardCharsets.UTF_8)));
        }
        return classes;
    }

    private static void deleteQuietly(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder: the system cleans it anyway
        }
    }
}
