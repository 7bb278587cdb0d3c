package fr.relais.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.linear.UnboundedSolutionException;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * What an attacker can learn from a published table, computed exactly. It reads only the
 * {@link ProtectedTable} — shown figures, published totals, where the hidden figures are and why — and for
 * every hidden figure finds the smallest and largest value consistent with all of it.
 *
 * <p>The attacker is the strongest we can think of: besides every published figure and every sum the totals
 * imply, they know the method (ADR 0019), so a PRIMARY figure lies in [1, threshold − 1] and a SECONDARY one is
 * at least the threshold. The equations are written here from the table's shape, independently of the code
 * under test.
 *
 * <p>Bounds come from linear programming (commons-math simplex). They are exact integer bounds: the equations
 * are flow conservation (grand total → row totals → cells → column totals → grand total), a network matrix,
 * so every vertex of the polytope is integral. {@link #enumerate} checks this by brute force on tiny tables.
 */
final class Audit {

    /** A hidden figure's position: a cell, a row total (column −1), a column total (row −1) or the grand total. */
    record Position(int row, int column) {
    }

    /** The feasible values of one hidden figure; {@code high} is {@link Long#MAX_VALUE} when unbounded. */
    record Interval(long low, long high) {
        boolean exact() {
            return low == high;
        }
    }

    private final ProtectedTable table;
    private final boolean knowsReasons;
    private final Map<Position, Figure.Reason> hidden = new LinkedHashMap<>();
    private final List<Position> variables = new ArrayList<>();
    private final List<double[]> equations = new ArrayList<>();
    private final List<Double> constants = new ArrayList<>();

    /**
     * @param knowsReasons true for the attacker described above; false for one who only knows that a hidden
     *                     figure is a non-negative integer (as if every hidden figure wore the same marker)
     */
    Audit(ProtectedTable table, boolean knowsReasons) {
        this.table = table;
        this.knowsReasons = knowsReasons;
        int rows = table.rows();
        int columns = table.columns();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                note(new Position(r, c), Optional.of(table.cell(r, c)));
            }
            note(new Position(r, -1), table.rowTotal(r));
        }
        for (int c = 0; c < columns; c++) {
            note(new Position(-1, c), table.columnTotal(c));
        }
        note(new Position(-1, -1), table.grandTotal());
        variables.addAll(hidden.keySet());

        List<Position> allCells = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                allCells.add(new Position(r, c));
            }
        }
        if (table.rowTotal(0).isPresent()) {
            for (int r = 0; r < rows; r++) {
                List<Position> parts = new ArrayList<>();
                for (int c = 0; c < columns; c++) {
                    parts.add(new Position(r, c));
                }
                equation(parts, new Position(r, -1));
            }
        }
        if (table.columnTotal(0).isPresent()) {
            for (int c = 0; c < columns; c++) {
                List<Position> parts = new ArrayList<>();
                for (int r = 0; r < rows; r++) {
                    parts.add(new Position(r, c));
                }
                equation(parts, new Position(-1, c));
            }
        }
        if (table.grandTotal().isPresent()) {
            Position grand = new Position(-1, -1);
            equation(allCells, grand);
            if (table.rowTotal(0).isPresent()) {
                List<Position> parts = new ArrayList<>();
                for (int r = 0; r < rows; r++) {
                    parts.add(new Position(r, -1));
                }
                equation(parts, grand);
            }
            if (table.columnTotal(0).isPresent()) {
                List<Position> parts = new ArrayList<>();
                for (int c = 0; c < columns; c++) {
                    parts.add(new Position(-1, c));
                }
                equation(parts, grand);
            }
        }
    }

    Map<Position, Figure.Reason> hidden() {
        return hidden;
    }

    private void note(Position position, Optional<Figure> figure) {
        figure.filter(Figure.Hidden.class::isInstance)
                .ifPresent(f -> hidden.put(position, ((Figure.Hidden) f).reason()));
    }

    /** parts − total = 0, with the shown figures moved to the right-hand side. */
    private void equation(List<Position> parts, Position total) {
        double[] coefficients = new double[variables.size()];
        double constant = 0;
        for (Position part : parts) {
            constant -= add(coefficients, part, 1);
        }
        constant += add(coefficients, total, -1);
        equations.add(coefficients);
        constants.add(constant);
    }

    /** Adds the variable's coefficient, or returns the shown value for the caller to move across. */
    private double add(double[] coefficients, Position position, int sign) {
        int index = variables.indexOf(position);
        if (index >= 0) {
            coefficients[index] += sign;
            return 0;
        }
        return shown(position);
    }

    private int shown(Position position) {
        Figure figure;
        if (position.row() >= 0 && position.column() >= 0) {
            figure = table.cell(position.row(), position.column());
        } else if (position.row() >= 0) {
            figure = table.rowTotal(position.row()).orElseThrow();
        } else if (position.column() >= 0) {
            figure = table.columnTotal(position.column()).orElseThrow();
        } else {
            figure = table.grandTotal().orElseThrow();
        }
        return ((Figure.Shown) figure).value();
    }

    long low(Position position) {
        return knowsReasons ? (hidden.get(position) == Figure.Reason.PRIMARY ? 1 : table.threshold()) : 0;
    }

    long high(Position position) {
        return knowsReasons && hidden.get(position) == Figure.Reason.PRIMARY ? table.threshold() - 1 : Long.MAX_VALUE;
    }

    /** The exact feasible interval of every hidden figure, by linear programming. */
    Map<Position, Interval> intervals() {
        List<LinearConstraint> constraints = new ArrayList<>();
        for (int e = 0; e < equations.size(); e++) {
            constraints.add(new LinearConstraint(equations.get(e), Relationship.EQ, constants.get(e)));
        }
        for (int v = 0; v < variables.size(); v++) {
            double[] unit = new double[variables.size()];
            unit[v] = 1;
            constraints.add(new LinearConstraint(unit, Relationship.GEQ, low(variables.get(v))));
            long high = high(variables.get(v));
            if (high != Long.MAX_VALUE) {
                constraints.add(new LinearConstraint(unit, Relationship.LEQ, high));
            }
        }
        Map<Position, Interval> intervals = new LinkedHashMap<>();
        for (int v = 0; v < variables.size(); v++) {
            double[] objective = new double[variables.size()];
            objective[v] = 1;
            long low = integral(optimum(objective, constraints, GoalType.MINIMIZE));
            double max = optimum(objective, constraints, GoalType.MAXIMIZE);
            intervals.put(variables.get(v), new Interval(low, Double.isInfinite(max) ? Long.MAX_VALUE : integral(max)));
        }
        return intervals;
    }

    private static double optimum(double[] objective, List<LinearConstraint> constraints, GoalType goal) {
        try {
            PointValuePair solution = new SimplexSolver().optimize(new MaxIter(10_000),
                    new LinearObjectiveFunction(objective, 0), new LinearConstraintSet(constraints), goal);
            return solution.getValue();
        } catch (UnboundedSolutionException unbounded) {
            return Double.POSITIVE_INFINITY;
        }
    }

    /** Vertices are integral (see the class comment); anything else is a solver fault, not a result. */
    private static long integral(double value) {
        long rounded = Math.round(value);
        if (Math.abs(value - rounded) > 1e-6) {
            throw new AssertionError("non-integral LP bound " + value);
        }
        return rounded;
    }

    /**
     * The same intervals by trying every integer assignment of the hidden figures between their lower bound
     * and {@code cap}, keeping those that satisfy every equation. Obviously correct, only for tiny tables;
     * a bound equal to {@code cap} means "at least cap".
     */
    Map<Position, Interval> enumerate(long cap) {
        int n = variables.size();
        long[] low = new long[n];
        long[] high = new long[n];
        for (int v = 0; v < n; v++) {
            low[v] = Long.MAX_VALUE;
            high[v] = Long.MIN_VALUE;
        }
        long[] values = new long[n];
        search(0, values, cap, low, high);
        Map<Position, Interval> intervals = new LinkedHashMap<>();
        for (int v = 0; v < n; v++) {
            intervals.put(variables.get(v), new Interval(low[v], high[v]));
        }
        return intervals;
    }

    private void search(int v, long[] values, long cap, long[] low, long[] high) {
        if (v == values.length) {
            for (int e = 0; e < equations.size(); e++) {
                double sum = 0;
                for (int i = 0; i < values.length; i++) {
                    sum += equations.get(e)[i] * values[i];
                }
                if (sum != constants.get(e)) {
                    return;
                }
            }
            for (int i = 0; i < values.length; i++) {
                low[i] = Math.min(low[i], values[i]);
                high[i] = Math.max(high[i], values[i]);
            }
            return;
        }
        long top = Math.min(high(variables.get(v)), cap);
        for (long x = low(variables.get(v)); x <= top; x++) {
            values[v] = x;
            search(v + 1, values, cap, low, high);
        }
    }

    @Override
    public String toString() {
        return "Audit" + Arrays.toString(variables.toArray());
    }
}
