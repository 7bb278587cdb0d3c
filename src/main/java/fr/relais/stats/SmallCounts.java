package fr.relais.stats;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.linear.UnboundedSolutionException;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * Protects small counts before a table is published (ADR 0019). A count from 1 to {@code threshold − 1} is
 * hidden (primary suppression); where totals are published, other figures are hidden too (secondary
 * suppression) until, in every row, column and total line, no hidden figure can be recomputed — even by
 * someone who knows that a PRIMARY figure lies between 1 and threshold − 1 and a SECONDARY one is at least
 * the threshold. Zeros are shown: an empty cell points at nobody. The result is deterministic.
 */
public final class SmallCounts {

    /** The network's default: "fewer than 5" is never published. */
    public static final int DEFAULT_THRESHOLD = 5;

    private static final long UNBOUNDED = Long.MAX_VALUE / 4;
    private static final int SHOWN = 0;
    private static final int PRIMARY = 1;
    private static final int SECONDARY = 2;

    private final int threshold;

    /** @throws IllegalArgumentException if the threshold is below 1 */
    public SmallCounts(int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("the threshold is at least 1");
        }
        this.threshold = threshold;
    }

    public SmallCounts() {
        this(DEFAULT_THRESHOLD);
    }

    public int threshold() {
        return threshold;
    }

    /** The table as it may be published. */
    public ProtectedTable protect(CountTable table) {
        Layout layout = new Layout(table);
        int[] state = new int[layout.size()];
        for (int p = 0; p < layout.size(); p++) {
            if (layout.published(p) && layout.value(p) >= 1 && layout.value(p) < threshold) {
                state[p] = PRIMARY;
            }
        }
        // One complement at a time, then look again from the first line: each choice can change what the
        // next line needs, and always starting over keeps the result independent of anything but the table.
        int complement = nextComplement(layout, state);
        while (complement >= 0) {
            state[complement] = SECONDARY;
            complement = nextComplement(layout, state);
        }
        return layout.publish(threshold, state);
    }

    /**
     * The next figure to hide, or −1 when the table is safe (or nothing is left to hide). First the lines
     * one by one; then the whole table, because lines that are each safe can still pin a figure together
     * (a chain of rows and columns whose totals, added and subtracted, isolate one hidden cell).
     */
    private int nextComplement(Layout layout, int[] state) {
        for (Relation relation : layout.relations()) {
            if (exposes(relation, layout, state)) {
                int complement = complement(relation, layout, state);
                if (complement >= 0) {
                    return complement;
                }
            }
        }
        List<Integer> pinned = determined(layout, state);
        if (pinned.isEmpty()) {
            pinned = pinnedByBounds(layout, state);
        }
        for (int figure : pinned) {
            // Nearest line first: the pinned figure's own lines, then the lines of the hidden figures they
            // hold, and so on — a line with nothing left to hide is loosened through its neighbours.
            java.util.ArrayDeque<Relation> queue = new java.util.ArrayDeque<>(layout.relationsOf(figure));
            java.util.Set<Relation> seen = new java.util.HashSet<>(queue);
            while (!queue.isEmpty()) {
                Relation relation = queue.poll();
                int complement = complement(relation, layout, state);
                if (complement >= 0) {
                    return complement;
                }
                for (int member : relation.members()) {
                    if (state[member] != SHOWN) {
                        for (Relation next : layout.relationsOf(member)) {
                            if (seen.add(next)) {
                                queue.add(next);
                            }
                        }
                    }
                }
            }
        }
        return -1;
    }

    /**
     * Hidden figures pinned once the attacker also uses what the markers say (PRIMARY in [1, threshold − 1],
     * SECONDARY at least the threshold): several lines, each loose on its own, can squeeze a figure to one
     * value. Linear programming gives exact bounds here, the lines being totally unimodular (see above).
     */
    private List<Integer> pinnedByBounds(Layout layout, int[] state) {
        List<Integer> hidden = new ArrayList<>();
        for (int p = 0; p < state.length; p++) {
            if (state[p] != SHOWN) {
                hidden.add(p);
            }
        }
        int n = hidden.size();
        List<LinearConstraint> constraints = new ArrayList<>();
        for (Relation relation : layout.relations()) {
            double[] coefficients = new double[n];
            double constant = 0;
            for (int member : relation.members()) {
                int sign = relation.isTotal(member) ? -1 : 1;
                int index = hidden.indexOf(member);
                if (index >= 0) {
                    coefficients[index] += sign;
                } else {
                    constant -= sign * layout.value(member);
                }
            }
            constraints.add(new LinearConstraint(coefficients, Relationship.EQ, constant));
        }
        for (int v = 0; v < n; v++) {
            double[] unit = new double[n];
            unit[v] = 1;
            int figure = state[hidden.get(v)];
            constraints.add(new LinearConstraint(unit, Relationship.GEQ, low(figure)));
            if (figure == PRIMARY) {
                constraints.add(new LinearConstraint(unit, Relationship.LEQ, high(figure)));
            }
        }
        List<Integer> pinned = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            double[] objective = new double[n];
            objective[v] = 1;
            double low = optimum(objective, constraints, GoalType.MINIMIZE);
            double high = optimum(objective, constraints, GoalType.MAXIMIZE);
            if (high - low < 0.5) {
                pinned.add(hidden.get(v));
            }
        }
        return pinned;
    }

    private static double optimum(double[] objective, List<LinearConstraint> constraints, GoalType goal) {
        try {
            return new SimplexSolver().optimize(new MaxIter(100_000), new LinearObjectiveFunction(objective, 0),
                    new LinearConstraintSet(constraints), goal).getValue();
        } catch (UnboundedSolutionException unbounded) {
            return goal == GoalType.MAXIMIZE ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }
    }

    /**
     * Hidden figures whose value follows from the published lines alone: those that no change of the hidden
     * figures keeping every line's sum (a null vector of the lines restricted to hidden figures) can move.
     * The lines form a flow network (grand total → row totals → cells → column totals), a totally unimodular
     * matrix, so elimination pivots on ±1 and stays in integers.
     */
    private static List<Integer> determined(Layout layout, int[] state) {
        List<Integer> hidden = new ArrayList<>();
        for (int p = 0; p < state.length; p++) {
            if (state[p] != SHOWN) {
                hidden.add(p);
            }
        }
        int n = hidden.size();
        List<int[]> matrix = new ArrayList<>();
        for (Relation relation : layout.relations()) {
            int[] row = new int[n];
            for (int member : relation.members()) {
                int index = hidden.indexOf(member);
                if (index >= 0) {
                    row[index] += relation.isTotal(member) ? -1 : 1;
                }
            }
            matrix.add(row);
        }
        // Reduced row echelon form; a pivot column whose row has no free column is a determined figure.
        int[] pivotRow = new int[n];
        java.util.Arrays.fill(pivotRow, -1);
        int rank = 0;
        for (int column = 0; column < n && rank < matrix.size(); column++) {
            int found = -1;
            for (int r = rank; r < matrix.size(); r++) {
                if (matrix.get(r)[column] != 0) {
                    found = r;
                    break;
                }
            }
            if (found < 0) {
                continue;
            }
            java.util.Collections.swap(matrix, rank, found);
            int[] pivot = matrix.get(rank);
            if (Math.abs(pivot[column]) != 1) {
                throw new IllegalStateException("the lines of a table are totally unimodular");
            }
            for (int r = 0; r < matrix.size(); r++) {
                int[] other = matrix.get(r);
                if (r != rank && other[column] != 0) {
                    int factor = other[column] * pivot[column];
                    for (int c = 0; c < n; c++) {
                        other[c] -= factor * pivot[c];
                    }
                }
            }
            pivotRow[column] = rank;
            rank++;
        }
        List<Integer> determined = new ArrayList<>();
        for (int column = 0; column < n; column++) {
            if (pivotRow[column] < 0) {
                continue;
            }
            int[] row = matrix.get(pivotRow[column]);
            boolean free = false;
            for (int c = 0; c < n; c++) {
                if (c != column && row[c] != 0) {
                    free = true;
                }
            }
            if (!free) {
                determined.add(hidden.get(column));
            }
        }
        return determined;
    }

    /**
     * Whether some hidden member of this line could be recomputed from the line alone: it cannot move up
     * or down because the other hidden members of the line have no room to compensate.
     */
    private boolean exposes(Relation relation, Layout layout, int[] state) {
        List<Integer> hidden = new ArrayList<>();
        for (int member : relation.members()) {
            if (state[member] != SHOWN) {
                hidden.add(member);
            }
        }
        for (int x : hidden) {
            long raise = 0;
            long lower = 0;
            for (int m : hidden) {
                if (m == x) {
                    continue;
                }
                boolean sameSide = relation.isTotal(m) == relation.isTotal(x);
                long down = layout.value(m) - low(state[m]);
                long up = high(state[m]) - layout.value(m);
                raise = saturated(raise + (sameSide ? down : up));
                lower = saturated(lower + (sameSide ? up : down));
            }
            long value = layout.value(x);
            boolean cannotRise = raise == 0 || value >= high(state[x]);
            boolean cannotFall = lower == 0 || value <= low(state[x]);
            if (cannotRise && cannotFall) {
                return true;
            }
        }
        return false;
    }

    /**
     * The shown figure of the line to hide next, or −1 if none is left. Cells before totals (a hidden total
     * costs a whole line), cells whose other line already has hidden figures (they protect two lines at
     * once), counts above the threshold (they leave room to move), then the smallest, then the first.
     */
    private int complement(Relation relation, Layout layout, int[] state) {
        int best = -1;
        long[] bestKey = null;
        for (int member : relation.members()) {
            if (state[member] != SHOWN || layout.value(member) == 0) {
                continue;
            }
            boolean sharesHidden = false;
            for (Relation other : layout.relationsOf(member)) {
                if (other != relation && other.hasHidden(state)) {
                    sharesHidden = true;
                }
            }
            long[] key = {
                layout.isCell(member) ? 0 : 1,
                sharesHidden ? 0 : 1,
                layout.value(member) > threshold ? 0 : 1,
                layout.value(member),
                member
            };
            if (bestKey == null || compare(key, bestKey) < 0) {
                best = member;
                bestKey = key;
            }
        }
        return best;
    }

    private long low(int state) {
        return state == PRIMARY ? 1 : threshold;
    }

    private long high(int state) {
        return state == PRIMARY ? threshold - 1 : UNBOUNDED;
    }

    private static long saturated(long value) {
        return Math.min(value, UNBOUNDED);
    }

    private static int compare(long[] a, long[] b) {
        for (int i = 0; i < a.length; i++) {
            int c = Long.compare(a[i], b[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** A published line: its parts add up to its total. */
    record Relation(int[] parts, int total) {

        int[] members() {
            int[] members = java.util.Arrays.copyOf(parts, parts.length + 1);
            members[parts.length] = total;
            return members;
        }

        boolean isTotal(int member) {
            return member == total;
        }

        boolean hasHidden(int[] state) {
            for (int member : members()) {
                if (state[member] != SHOWN) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Numbers every figure of the table — cells row by row, then row totals, column totals and the grand
     * total — and lists the lines that the published totals make public.
     */
    static final class Layout {
        private final CountTable table;
        private final int rows;
        private final int columns;
        private final List<Relation> relations = new ArrayList<>();
        private final List<List<Relation>> byMember = new ArrayList<>();

        Layout(CountTable table) {
            this.table = table;
            this.rows = table.rows();
            this.columns = table.columns();
            boolean byRow = table.publishes(CountTable.Total.ROWS);
            boolean byColumn = table.publishes(CountTable.Total.COLUMNS);
            if (byRow) {
                for (int r = 0; r < rows; r++) {
                    int[] parts = new int[columns];
                    for (int c = 0; c < columns; c++) {
                        parts[c] = cell(r, c);
                    }
                    relations.add(new Relation(parts, rowTotal(r)));
                }
            }
            if (byColumn) {
                for (int c = 0; c < columns; c++) {
                    int[] parts = new int[rows];
                    for (int r = 0; r < rows; r++) {
                        parts[r] = cell(r, c);
                    }
                    relations.add(new Relation(parts, columnTotal(c)));
                }
            }
            if (table.publishes(CountTable.Total.GRAND)) {
                if (byRow) {
                    int[] parts = new int[rows];
                    for (int r = 0; r < rows; r++) {
                        parts[r] = rowTotal(r);
                    }
                    relations.add(new Relation(parts, grand()));
                }
                if (byColumn) {
                    int[] parts = new int[columns];
                    for (int c = 0; c < columns; c++) {
                        parts[c] = columnTotal(c);
                    }
                    relations.add(new Relation(parts, grand()));
                }
                if (!byRow && !byColumn) {
                    int[] parts = new int[rows * columns];
                    for (int p = 0; p < parts.length; p++) {
                        parts[p] = p;
                    }
                    relations.add(new Relation(parts, grand()));
                }
            }
            for (int p = 0; p < size(); p++) {
                byMember.add(new ArrayList<>());
            }
            for (Relation relation : relations) {
                for (int member : relation.members()) {
                    byMember.get(member).add(relation);
                }
            }
        }

        int size() {
            return rows * columns + rows + columns + 1;
        }

        List<Relation> relations() {
            return relations;
        }

        List<Relation> relationsOf(int member) {
            return byMember.get(member);
        }

        int cell(int row, int column) {
            return row * columns + column;
        }

        int rowTotal(int row) {
            return rows * columns + row;
        }

        int columnTotal(int column) {
            return rows * columns + rows + column;
        }

        int grand() {
            return rows * columns + rows + columns;
        }

        boolean isCell(int p) {
            return p < rows * columns;
        }

        boolean published(int p) {
            if (isCell(p)) {
                return true;
            }
            if (p < columnTotal(0)) {
                return table.publishes(CountTable.Total.ROWS);
            }
            if (p < grand()) {
                return table.publishes(CountTable.Total.COLUMNS);
            }
            return table.publishes(CountTable.Total.GRAND);
        }

        long value(int p) {
            if (isCell(p)) {
                return table.count(p / columns, p % columns);
            }
            if (p < columnTotal(0)) {
                return table.rowTotal(p - rowTotal(0));
            }
            if (p < grand()) {
                return table.columnTotal(p - columnTotal(0));
            }
            return table.grandTotal();
        }

        ProtectedTable publish(int threshold, int[] state) {
            Figure[][] cells = new Figure[rows][columns];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns; c++) {
                    cells[r][c] = figure(cell(r, c), state);
                }
            }
            Figure[] rowTotals = null;
            if (table.publishes(CountTable.Total.ROWS)) {
                rowTotals = new Figure[rows];
                for (int r = 0; r < rows; r++) {
                    rowTotals[r] = figure(rowTotal(r), state);
                }
            }
            Figure[] columnTotals = null;
            if (table.publishes(CountTable.Total.COLUMNS)) {
                columnTotals = new Figure[columns];
                for (int c = 0; c < columns; c++) {
                    columnTotals[c] = figure(columnTotal(c), state);
                }
            }
            Figure grandTotal = table.publishes(CountTable.Total.GRAND) ? figure(grand(), state) : null;
            return new ProtectedTable(threshold, cells, rowTotals, columnTotals, grandTotal);
        }

        private Figure figure(int p, int[] state) {
            return switch (state[p]) {
                case PRIMARY -> new Figure.Hidden(Figure.Reason.PRIMARY);
                case SECONDARY -> new Figure.Hidden(Figure.Reason.SECONDARY);
                default -> new Figure.Shown((int) value(p));
            };
        }
    }
}
