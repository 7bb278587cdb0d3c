package fr.relais.stats;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * An immutable table of counts before protection: rows × columns of non-negative integers, and which totals
 * the page will publish. The totals are computed here from the cells, so a table cannot disagree with itself.
 * A one-dimensional table is a single row published with its row total (or a single column with its column
 * total). This object holds raw counts and is never rendered: pages and exports read {@link ProtectedTable}.
 */
public final class CountTable {

    /** A total a page may publish next to the cells. */
    public enum Total {
        /** One total per row, at the end of each row. */
        ROWS,
        /** One total per column, at the foot of each column. */
        COLUMNS,
        /** The sum of every cell. */
        GRAND
    }

    private final int[][] counts;
    private final Set<Total> totals;

    private CountTable(int[][] counts, Set<Total> totals) {
        this.counts = counts;
        this.totals = totals;
    }

    /**
     * A table of {@code counts[row][column]} publishing the given totals.
     *
     * @throws IllegalArgumentException if the table is empty, ragged or holds a negative count
     */
    public static CountTable of(int[][] counts, Total... totals) {
        if (counts.length == 0 || counts[0].length == 0) {
            throw new IllegalArgumentException("a table has at least one row and one column");
        }
        int[][] copy = new int[counts.length][];
        for (int r = 0; r < counts.length; r++) {
            if (counts[r].length != counts[0].length) {
                throw new IllegalArgumentException("row " + r + " does not have " + counts[0].length + " columns");
            }
            for (int value : counts[r]) {
                if (value < 0) {
                    throw new IllegalArgumentException("a count is never negative");
                }
            }
            copy[r] = counts[r].clone();
        }
        EnumSet<Total> published = EnumSet.noneOf(Total.class);
        published.addAll(Arrays.asList(totals));
        return new CountTable(copy, published);
    }

    /** A one-dimensional table: a single row and, if {@code withTotal}, its total. */
    public static CountTable row(boolean withTotal, int... counts) {
        return withTotal ? of(new int[][] {counts}, Total.ROWS) : of(new int[][] {counts});
    }

    public int rows() {
        return counts.length;
    }

    public int columns() {
        return counts[0].length;
    }

    int count(int row, int column) {
        return counts[row][column];
    }

    boolean publishes(Total total) {
        return totals.contains(total);
    }

    int rowTotal(int row) {
        int sum = 0;
        for (int value : counts[row]) {
            sum = Math.addExact(sum, value);
        }
        return sum;
    }

    int columnTotal(int column) {
        int sum = 0;
        for (int[] row : counts) {
            sum = Math.addExact(sum, row[column]);
        }
        return sum;
    }

    int grandTotal() {
        int sum = 0;
        for (int r = 0; r < counts.length; r++) {
            sum = Math.addExact(sum, rowTotal(r));
        }
        return sum;
    }

    /** Shape only: the raw counts stay out of logs and error pages. */
    @Override
    public String toString() {
        return "CountTable[" + rows() + "×" + columns() + ", totals " + totals + "]";
    }
}
