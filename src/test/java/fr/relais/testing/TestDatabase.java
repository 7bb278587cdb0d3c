package fr.relais.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A fresh, empty database for each application context under test: H2 in memory (PostgreSQL mode) by default,
 * or a new database on PostgreSQL when the system property {@code relais.test.db=postgres} is set (the
 * second Surefire run). The PostgreSQL server is an embedded one (io.zonky), or the one named by
 * {@code RELAIS_TEST_POSTGRES_URL} (+ _USER, _PASSWORD) with the right to create databases.
 */
public final class TestDatabase {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres embedded;
    private static String adminUrl;
    private static String adminUser;
    private static String adminPassword;

    private TestDatabase() {
    }

    public static boolean isPostgres() {
        return "postgres".equals(System.getProperty("relais.test.db"));
    }

    /** Datasource settings of a new database. */
    public static synchronized Map<String, Object> fresh(String label) {
        String name = ("t_" + label.replaceAll("[^A-Za-z0-9]", "").toLowerCase() + "_" + COUNTER.incrementAndGet());
        Map<String, Object> props = new HashMap<>();
        if (isPostgres()) {
            startPostgres();
            try (Connection c = DriverManager.getConnection(adminUrl, adminUser, adminPassword);
                 Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot create test database " + name, e);
            }
            props.put("datasources.default.url", adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name);
            props.put("datasources.default.username", adminUser);
            props.put("datasources.default.password", adminPassword);
            props.put("datasources.default.driver-class-name", "org.postgresql.Driver");
        } else {
            props.put("datasources.default.url", url(name));
            props.put("datasources.default.username", "sa");
            props.put("datasources.default.password", "");
        }
        return props;
    }

    /** An H2 in-memory URL that lives as long as the JVM, so several contexts can share it. */
    public static String url(String name) {
        return "jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    }

    private static void startPostgres() {
        if (adminUrl != null) {
            return;
        }
        String external = System.getenv("RELAIS_TEST_POSTGRES_URL");
        if (external != null && !external.isBlank()) {
            adminUrl = external;
            adminUser = System.getenv().getOrDefault("RELAIS_TEST_POSTGRES_USER", "postgres");
            adminPassword = System.getenv().getOrDefault("RELAIS_TEST_POSTGRES_PASSWORD", "");
            return;
        }
        try {
            embedded = startEmbedded();
        } catch (IOException e) {
            throw new IllegalStateException("Embedded PostgreSQL did not start", e);
        }
        adminUrl = embedded.getJdbcUrl("postgres", "postgres");
        adminUser = "postgres";
        adminPassword = "postgres";
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                embedded.close();
            } catch (IOException ignored) {
                // the JVM is ending
            }
        }));
    }

    /**
     * PostgreSQL refuses to run as root. When the tests run as root (CI containers), the extracted
     * initdb, pg_ctl and postgres are wrapped in {@code unshare -U}: inside a new user namespace the
     * process is not root, and files it creates still belong to the caller.
     */
    private static EmbeddedPostgres startEmbedded() throws IOException {
        Path work = Path.of(System.getProperty("java.io.tmpdir"), "relais-embedded-pg");
        Files.createDirectories(work);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setOverrideWorkingDirectory(work.toFile())
                .setPGStartupWait(java.time.Duration.ofSeconds(30));
        if (!"root".equals(System.getProperty("user.name"))) {
            return builder.start();
        }
        try {
            return builder.start();
        } catch (IOException | RuntimeException firstTry) {
            // The first try extracted the binaries and failed in initdb: wrap them, then start again.
            wrapBinaries(work);
            return builder.start();
        }
    }

    private static void wrapBinaries(Path work) throws IOException {
        try (Stream<Path> dirs = Files.walk(work, 3)) {
            for (Path bin : dirs.filter(p -> p.getFileName().toString().equals("bin") && Files.isDirectory(p)).toList()) {
                for (String tool : new String[]{"initdb", "pg_ctl", "postgres"}) {
                    Path exe = bin.resolve(tool);
                    Path real = bin.resolve(tool + ".real");
                    if (Files.exists(exe) && !Files.exists(real)) {
                        Files.move(exe, real);
                        Files.writeString(exe, "#!/bin/sh\nexec unshare -U \"$(dirname \"$0\")/" + tool + ".real\" \"$@\"\n");
                        Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-xr-x"));
                    }
                }
            }
        }
        // Data directories are created under the temp dir by a process that is "nobody" inside the namespace.
        try (Stream<Path> all = Files.walk(work, 1)) {
            all.forEach(p -> p.toFile().setWritable(true, false));
        }
    }
}
