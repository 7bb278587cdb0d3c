package fr.relais.reference;

import fr.relais.testing.OnBothDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reference lists shipped in src/main/resources/reference/*.csv are in the database after the migrations,
 * row for row: same codes, same labels, same number of rows (on H2 and on PostgreSQL).
 */
@MicronautTest
class ReferenceDataSeedTest extends OnBothDatabases {
    private static final String FOLDER = "reference";

    /** CSV file → its table and the columns compared, in CSV column order. */
    private static final Map<String, Table> TABLES = Map.of(
            "themes.csv", new Table("theme", List.of("code", "label_fr", "label_en", "charter_axis"),
                    List.of("code", "label_fr", "label_en", "charter_axis")),
            "procedure-scopes.csv", new Table("procedure_scope", List.of("code", "label_fr", "examples_fr", "label_en"),
                    List.of("code", "label_fr", "examples_fr", "label_en")),
            "partner-kinds.csv", new Table("partner_kind", List.of("code", "label_fr", "label_en"),
                    List.of("code", "label_fr", "label_en")),
            "age-brackets.csv", new Table("age_bracket", List.of("code", "label_fr"), List.of("code", "label_fr")),
            "equipment.csv", new Table("equipment", List.of("code", "label_fr"), List.of("code", "label_fr")),
            "channels.csv", new Table("channel", List.of("code", "label_fr"), List.of("code", "label_fr")),
            "what-to-bring.csv", new Table("what_to_bring", List.of("scope_or_theme", "line_fr"),
                    List.of("scope_or_theme", "line_fr")),
            "charter-axes.csv", new Table("charter_commitment", List.of("axis", "commitment_fr"),
                    List.of("axis_code", "label_fr")));

    @Inject
    DataSource dataSource;

    /** A table fed by one CSV: the CSV columns compared and the table columns they go to. */
    record Table(String name, List<String> csvColumns, List<String> tableColumns) {
    }

    @Test
    void everyCsvHasItsTable() throws IOException {
        Set<String> files = csvFiles();
        assertEquals(new TreeSet<>(TABLES.keySet()), files,
                "a new reference CSV needs a table, a migration and a line in this test");
    }

    @Test
    void themes() throws Exception {
        assertSeeded("themes.csv");
    }

    @Test
    void procedureScopes() throws Exception {
        assertSeeded("procedure-scopes.csv");
    }

    @Test
    void partnerKinds() throws Exception {
        assertSeeded("partner-kinds.csv");
    }

    @Test
    void ageBrackets() throws Exception {
        assertSeeded("age-brackets.csv");
    }

    @Test
    void equipment() throws Exception {
        assertSeeded("equipment.csv");
    }

    @Test
    void channels() throws Exception {
        assertSeeded("channels.csv");
    }

    @Test
    void whatToBring() throws Exception {
        assertSeeded("what-to-bring.csv");
    }

    @Test
    void charterCommitments() throws Exception {
        assertSeeded("charter-axes.csv");
    }

    /** charter-axes.csv repeats each axis on its commitments' lines: the axes table holds each once. */
    @Test
    void charterAxes() throws Exception {
        List<CSVRecord> records = read("charter-axes.csv");
        Set<List<String>> axes = new LinkedHashSet<>();
        for (CSVRecord r : records) {
            axes.add(List.of(r.get("axis"), r.get("label_fr")));
        }
        List<List<String>> rows = rows("charter_axis", List.of("code", "label_fr"));
        assertEquals(axes.size(), rows.size(), "number of axes");
        assertEquals(new TreeSet<>(axes.stream().map(Object::toString).toList()),
                new TreeSet<>(rows.stream().map(Object::toString).toList()));
        assertEquals(Set.of("ACCEDER", "UTILISER", "FEDERER"), rows.stream().map(r -> r.get(0)).collect(Collectors.toSet()));
    }

    /** Themes point to existing axes (the report groups activity by axis). */
    @Test
    void everyThemeFeedsAKnownAxis() throws Exception {
        Set<String> axes = rows("charter_axis", List.of("code")).stream().map(r -> r.get(0)).collect(Collectors.toSet());
        for (CSVRecord r : read("themes.csv")) {
            assertTrue(axes.contains(r.get("charter_axis")), r.get("code") + " → " + r.get("charter_axis"));
        }
    }

    private void assertSeeded(String file) throws Exception {
        Table table = TABLES.get(file);
        List<CSVRecord> records = read(file);
        assertFalse(records.isEmpty(), file + " is empty");
        List<List<String>> expected = new ArrayList<>();
        for (CSVRecord r : records) {
            assertTrue(r.isConsistent(), file + " line " + r.getRecordNumber() + " has a wrong number of columns");
            List<String> row = new ArrayList<>();
            for (String column : table.csvColumns()) {
                assertTrue(r.isMapped(column), file + " has no column " + column);
                row.add(normalise(r.get(column)));
            }
            expected.add(row);
        }
        List<List<String>> actual = rows(table.name(), table.tableColumns());
        List<String> missing = new ArrayList<>();
        List<List<String>> remaining = new ArrayList<>(actual);
        for (List<String> row : expected) {
            if (!remaining.remove(row)) {
                missing.add(row.toString());
            }
        }
        assertEquals(List.of(), missing, file + ": rows not in table " + table.name());
        assertEquals(expected.size(), actual.size(), table.name() + " has rows that are not in " + file + ": " + remaining);
    }

    private List<List<String>> rows(String table, List<String> columns) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + String.join(", ", columns) + " FROM " + table)) {
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns.size(); i++) {
                    row.add(normalise(rs.getString(i)));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** An empty CSV cell is a NULL column. */
    private static String normalise(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static List<CSVRecord> read(String file) throws IOException {
        InputStream in = ReferenceDataSeedTest.class.getClassLoader().getResourceAsStream(FOLDER + "/" + file);
        assertTrue(in != null, FOLDER + "/" + file + " is not on the classpath");
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8); CSVParser parser = format.parse(reader)) {
            return parser.getRecords();
        }
    }

    private static Set<String> csvFiles() throws IOException {
        URL folder = ReferenceDataSeedTest.class.getClassLoader().getResource(FOLDER);
        assertTrue(folder != null && "file".equals(folder.getProtocol()), "reference folder not found: " + folder);
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".csv"))
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }
}
