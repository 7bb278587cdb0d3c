package fr.relais.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The project's own source files, for tests that read templates and Java code as text. */
final class SourceFiles {
    private SourceFiles() {
    }

    /** The project folder: Maven runs tests there (and says so in {@code basedir}). */
    static Path project() {
        Path dir = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        if (!Files.isDirectory(dir.resolve("src/main/resources/views"))) {
            throw new IllegalStateException("Not the project folder: " + dir);
        }
        return dir;
    }

    static Path views() {
        return project().resolve("src/main/resources/views");
    }

    /** Every Handlebars template: path relative to the views folder (with /) → text. */
    static Map<String, String> templates() {
        return read(views(), ".hbs");
    }

    /** Every main Java source: path relative to src/main/java → text. */
    static Map<String, String> javaSources() {
        return read(project().resolve("src/main/java"), ".java");
    }

    private static Map<String, String> read(Path root, String suffix) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.filter(p -> p.toString().endsWith(suffix)).toList()) {
                files.put(root.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("No " + suffix + " file under " + root);
        }
        return files;
    }
}
