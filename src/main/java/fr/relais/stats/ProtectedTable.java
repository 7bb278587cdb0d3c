package fr.relais.stats;

import java.util.Arrays;
import java.util.Optional;

/**
 * A table as it may be published: every cell and every published total is a {@link Figure}. It keeps no raw
 * count of a hidden figure, so whatever renders it (page, chart, CSV, XLSX) can only show what is safe.
 */
public final class ProtectedTable {

    private final int threshold;
    private final Figure[][] cells;
    private final Figure[] rowTotals;
    private final Figure[] columnTotals;
    private final Figure grandTotal;

    ProtectedTable(int threshold, Figure[][] cells, Figure[] rowTotals, Figure[] columnTotals, Figure grandTotal) {
        this.threshold = threshold;
        this.cells = cells;
        this.rowTotals = rowTotals;
        this.columnTotals = columnTotals;
        this.grandTotal = grandTotal;
    }

    /** The threshold the table was protected with: a hidden PRIMARY count is below it. */
    public int threshold() {
        return threshold;
    }

    public int rows() {
        return cells.length;
    }

    public int columns() {
        return cells[0].length;
    }

    public Figure cell(int row, int column) {
        return cells[row][column];
    }

    /** The row's total, empty when the table does not publish row totals. */
    public Optional<Figure> rowTotal(int row) {
        return rowTotals == null ? Optional.empty() : Optional.of(rowTotals[row]);
    }

    /** The column's total, empty when the table does not publish column totals. */
    public Optional<Figure> columnTotal(int column) {
        return columnTotals == null ? Optional.empty() : Optional.of(columnTotals[column]);
    }

    /** The grand total, empty when the table does not publish it. */
    public Optional<Figure> grandTotal() {
        return Optional.ofNullable(grandTotal);
    }

    /** Published figures only; a hidden one prints as its reason. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("ProtectedTable[threshold ").append(threshold);
        for (int r = 0; r < rows(); r++) {
            text.append(", ").append(Arrays.stream(cells[r]).map(ProtectedTable::text).toList());
            rowTotal(r).ifPresent(total -> text.append(" = ").append(text(total)));
        }
        if (columnTotals != null) {
            text.append(", totals ").append(Arrays.stream(columnTotals).map(ProtectedTable::text).toList());
        }
        grandTotal().ifPresent(total -> text.append(", grand total ").append(text(total)));
        return text.append(']').toString();
    }

    private static String text(Figure figure) {
        return figure instanceof Figure.Shown shown
                ? Integer.toString(shown.value())
                : ((Figure.Hidden) figure).reason().name();
    }
}
