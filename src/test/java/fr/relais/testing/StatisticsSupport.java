package fr.relais.testing;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the tests of the statistics' aggregates ({@code stat_day}, {@code stat_month}) read: their rows as sorted
 * text lines, outside the application's transactions, and the backfill statements of a migration.
 */
public final class StatisticsSupport {
    private StatisticsSupport() {
    }

    /** The INSERT statements of a migration that fill the aggregates from the raw rows; {@code expected} of them. */
    public static List<String> backfill(String migration, int expected) throws IOException {
        String sql;
        try (InputStream in = StatisticsSupport.class.getResourceAsStream("/db/migration/" + migration)) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String withoutComments = sql.lines().filter(l -> !l.trim().startsWith("--")).collect(Collectors.joining("\n"));
        List<String> out = new ArrayList<>();
        for (String statement : withoutComments.split(";")) {
            String st = statement.trim();
            if (st.startsWith("INSERT INTO stat_day") || st.startsWith("INSERT INTO stat_month")) {
                out.add(st);
            }
        }
        assertEquals(expected, out.size(), migration + ": backfill statements");
        return out;
    }

    /** "DIMENSION value records participants minutes" of one site and period start, sorted. */
    public static List<String> rows(DataSource dataSource, String table, long siteId, LocalDate start) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement s = c.prepareStatement("SELECT dimension, dim_value, records, participants, minutes FROM "
                     + table + " WHERE site_id = ? AND " + periodColumn(table) + " = ?")) {
            s.setLong(1, siteId);
            s.setDate(2, Date.valueOf(start));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1) + " " + r.getString(2) + " " + r.getLong(3) + " " + r.getLong(4) + " " + r.getLong(5));
                }
            }
        }
        out.sort(null);
        return out;
    }

    /** "site date DIMENSION value records participants minutes" of the rows whose site and period start pass, sorted. */
    public static List<String> all(DataSource dataSource, String table, BiPredicate<Long, LocalDate> keep) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT site_id, " + periodColumn(table) + ", dimension, dim_value, records, "
                     + "participants, minutes FROM " + table)) {
            while (r.next()) {
                LocalDate d = r.getObject(2, LocalDate.class);
                if (keep.test(r.getLong(1), d)) {
                    out.add(r.getLong(1) + " " + d + " " + r.getString(3) + " " + r.getString(4) + " " + r.getLong(5) + " "
                            + r.getLong(6) + " " + r.getLong(7));
                }
            }
        }
        out.sort(null);
        return out;
    }

    private static String periodColumn(String table) {
        return table.equals("stat_month") ? "month_start" : "occurred_on";
    }
}
