package fr.relais.stats;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps the statistics' aggregates ({@code stat_day}, {@code stat_month}) exact: the feature that writes a record
 * calls this in the same transaction, with what the record counted before and what it counts after, so a figure
 * read from the aggregates equals a count of the records at every commit (ADR 0020).
 * <p>
 * Call {@link #lock(long)} <b>first</b> in the transaction, before anything that reads the record to be changed or
 * writes a row referencing the site: writers of one site then queue on one row, the "before" they read is the one
 * the aggregates hold, and the row that is inserted when a value appears for the first time is never inserted twice.
 * The lock is a row of {@code stat_lock}, not the site's own row: {@code SELECT … FOR UPDATE} on {@code site} would
 * also block the foreign-key checks of every insert that references the site, and deadlock with the journal.
 * The facts carry plain strings so that this package depends on no feature.
 */
@Singleton
public class Tallies {
    /** The dimension every record counts once in, with the value {@link #EVERY}. */
    public static final String ALL = "ALL";
    public static final String EVERY = "-";
    /** The value of a dimension the record leaves blank (age not given, autonomy not observed…). */
    public static final String NONE = "NONE";
    /** Between the two values of a crossed dimension ("DO_WITH|OFFICE"). */
    public static final String CROSS = "|";

    private final TallyRows rows;
    private final DataSource dataSource;

    Tallies(TallyRows rows, DataSource dataSource) {
        this.rows = rows;
        this.dataSource = dataSource;
    }

    /** One (dimension, value) a record counts in. */
    public record Pair(String dimension, String value) {
        public Pair {
            Objects.requireNonNull(dimension);
            Objects.requireNonNull(value);
        }
    }

    /**
     * What one record counts: at a site on a day, {@code records} records (1), {@code participants} people and
     * {@code minutes} minutes, in each of its (dimension, value) pairs.
     */
    public record Fact(long siteId, LocalDate day, long records, long participants, long minutes, List<Pair> pairs) {
        public Fact {
            Objects.requireNonNull(day);
            pairs = List.copyOf(pairs);
            if (pairs.size() != pairs.stream().distinct().count()) {
                throw new IllegalArgumentException("a record counts once in each value of a dimension");
            }
        }
    }

    /** Makes the transaction the only one changing the site's aggregates until it ends; take it first. */
    @Transactional
    public void lock(long siteId) {
        if (rows.lock(siteId).isPresent()) {
            return;
        }
        // A site created after V8 has no lock row yet. The first writer inserts it and holds it by that insert; a
        // writer racing it waits on the key, is refused once the first commits, and locks the row then. The refused
        // insert is undone to a savepoint, which keeps the transaction alive on PostgreSQL.
        try {
            Connection c = dataSource.getConnection(); // the transaction's own, released with it
            Savepoint beforeInsert = c.setSavepoint();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO stat_lock (site_id) VALUES (?)")) {
                insert.setLong(1, siteId);
                insert.executeUpdate();
                c.releaseSavepoint(beforeInsert);
                return;
            } catch (SQLException alreadyThere) {
                c.rollback(beforeInsert);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot take the statistics lock of a site", e);
        }
        rows.lock(siteId).orElseThrow();
    }

    @Transactional
    public void add(Fact fact) {
        change(null, fact);
    }

    @Transactional
    public void remove(Fact fact) {
        change(fact, null);
    }

    /**
     * A record that changed: what it counted before is taken off, what it counts now is added. Values present in
     * both with the same counts are left untouched, so a correction writes only the rows that move.
     */
    @Transactional
    public void change(@Nullable Fact before, @Nullable Fact after) {
        Map<Key, long[]> deltas = new LinkedHashMap<>();
        if (before != null) {
            lock(before.siteId());
            collect(deltas, before, -1);
        }
        if (after != null) {
            lock(after.siteId());
            collect(deltas, after, 1);
        }
        deltas.forEach((key, d) -> {
            if (d[0] != 0 || d[1] != 0 || d[2] != 0) {
                apply(key, d[0], d[1], d[2]);
            }
        });
    }

    private record Key(boolean month, long siteId, LocalDate start, String dimension, String value) {
    }

    private static void collect(Map<Key, long[]> deltas, Fact f, int sign) {
        LocalDate monthStart = f.day().withDayOfMonth(1);
        for (Pair p : f.pairs()) {
            for (Key key : List.of(new Key(false, f.siteId(), f.day(), p.dimension(), p.value()),
                    new Key(true, f.siteId(), monthStart, p.dimension(), p.value()))) {
                long[] d = deltas.computeIfAbsent(key, k -> new long[3]);
                d[0] += sign * f.records();
                d[1] += sign * f.participants();
                d[2] += sign * f.minutes();
            }
        }
    }

    private void apply(Key k, long records, long participants, long minutes) {
        int updated = k.month()
                ? rows.addToMonth(k.siteId(), k.start(), k.dimension(), k.value(), records, participants, minutes)
                : rows.addToDay(k.siteId(), k.start(), k.dimension(), k.value(), records, participants, minutes);
        if (updated == 0) {
            if (records < 0 || participants < 0 || minutes < 0) {
                throw new IllegalStateException("The aggregates do not hold the record being taken off: " + k);
            }
            if (k.month()) {
                rows.insertMonth(k.siteId(), k.start(), k.dimension(), k.value(), records, participants, minutes);
            } else {
                rows.insertDay(k.siteId(), k.start(), k.dimension(), k.value(), records, participants, minutes);
            }
        } else if (records < 0) {
            // A value no record holds any more leaves no row behind: the tables stay as small as the data.
            if (k.month()) {
                rows.dropEmptyMonth(k.siteId(), k.start(), k.dimension(), k.value());
            } else {
                rows.dropEmptyDay(k.siteId(), k.start(), k.dimension(), k.value());
            }
        }
    }
}
