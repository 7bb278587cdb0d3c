package fr.relais.accompaniment;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Plain JDBC for tests that read the database as a whole: its columns, what text it holds, the journal. */
@Singleton
class DatabaseProbe {
    private final DataSource dataSource;

    DatabaseProbe(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Column names (lower case) of the tables of the public schema whose name starts with this prefix, by table. */
    @Transactional(readOnly = true)
    Map<String, List<String>> columns(String tablePrefix) throws SQLException {
        Map<String, List<String>> byTable = new TreeMap<>();
        Connection c = dataSource.getConnection(); // the transaction's: closed with it
        try (ResultSet r = c.getMetaData().getColumns(null, null, tablePrefix + "%", "%")) {
            while (r.next()) {
                if (!"public".equals(String.valueOf(r.getString("TABLE_SCHEM")).toLowerCase(Locale.ROOT))) {
                    continue;
                }
                byTable.computeIfAbsent(r.getString("TABLE_NAME").toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(r.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return byTable;
    }

    /** "table.column" of every text column, in every table but those excepted, that holds this text. */
    @Transactional(readOnly = true)
    List<String> rowsMentioning(String text, List<String> exceptTables) throws SQLException {
        Connection c = dataSource.getConnection();
        List<String[]> columns = new ArrayList<>();
        try (ResultSet r = c.getMetaData().getColumns(null, null, "%", "%")) {
            while (r.next()) {
                String schema = String.valueOf(r.getString("TABLE_SCHEM")).toLowerCase(Locale.ROOT);
                String table = r.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                String type = String.valueOf(r.getString("TYPE_NAME")).toLowerCase(Locale.ROOT);
                if (schema.equals("public") && !exceptTables.contains(table) && (type.contains("char") || type.contains("text"))) {
                    columns.add(new String[]{table, r.getString("COLUMN_NAME").toLowerCase(Locale.ROOT)});
                }
            }
        }
        List<String> found = new ArrayList<>();
        for (String[] col : columns) {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM " + col[0] + " WHERE " + col[1] + " LIKE ?")) {
                s.setString(1, "%" + text + "%");
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    if (r.getLong(1) > 0) {
                        found.add(col[0] + "." + col[1]);
                    }
                }
            }
        }
        return found;
    }

    /** Journal entries whose details are exactly this text: "ACTION object actor N site N", in order. */
    @Transactional(readOnly = true)
    List<String> journal(String details) throws SQLException {
        Connection c = dataSource.getConnection();
        List<String> found = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT action, object_ref, actor_id, site_id FROM journal_entry WHERE details = ? ORDER BY seq")) {
            s.setString(1, details);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.add(r.getString(1) + " " + r.getString(2) + " actor " + r.getLong(3) + " site " + r.getLong(4));
                }
            }
        }
        return found;
    }
}
