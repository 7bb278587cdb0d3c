package fr.relais.stats;

import static fr.relais.stats.CountTable.Total.COLUMNS;
import static fr.relais.stats.CountTable.Total.GRAND;
import static fr.relais.stats.CountTable.Total.ROWS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

class SmallCountsTest {

    private static final Figure P = new Figure.Hidden(Figure.Reason.PRIMARY);
    private static final Figure S = new Figure.Hidden(Figure.Reason.SECONDARY);

    private final SmallCounts smallCounts = new SmallCounts();

    @Test
    void aTableWithoutSmallCountsHidesNothing() {
        ProtectedTable table = smallCounts.protect(CountTable.of(new int[][] {{12, 0, 7}, {5, 30, 9}}, ROWS, COLUMNS, GRAND));

        assertEquals(List.of(List.of(12, 0, 7), List.of(5, 30, 9)), shownCells(table));
        assertEquals(Optional.of(new Figure.Shown(19)), table.rowTotal(0));
        assertEquals(Optional.of(new Figure.Shown(30)), table.columnTotal(1));
        assertEquals(Optional.of(new Figure.Shown(63)), table.grandTotal());
    }

    @Test
    void withoutTotalsOnlyTheSmallCountsAreHidden() {
        ProtectedTable table = smallCounts.protect(CountTable.of(new int[][] {{1, 20, 4}, {0, 5, 9}}));

        assertEquals(P, table.cell(0, 0));
        assertEquals(P, table.cell(0, 2));
        assertEquals(new Figure.Shown(20), table.cell(0, 1));
        assertEquals(new Figure.Shown(0), table.cell(1, 0));
        assertEquals(new Figure.Shown(5), table.cell(1, 1));
        assertEquals(Optional.empty(), table.rowTotal(0));
        assertEquals(Optional.empty(), table.grandTotal());
        assertProtected(table);
    }

    @Test
    void aRowWithOneSmallCellHidesTheSmallestCountThatCanMove() {
        // Row total published: 2 hidden alone would be 31 − 12 − 7 − 10. The 5 cannot absorb a change
        // (a complement is at least 5), so the next smallest is hidden.
        ProtectedTable table = smallCounts.protect(CountTable.row(true, 12, 2, 5, 10, 7));

        assertEquals(List.of(new Figure.Shown(12), P, new Figure.Shown(5), new Figure.Shown(10), S), row(table, 0));
        assertEquals(Optional.of(new Figure.Shown(36)), table.rowTotal(0));
        assertProtected(table);
    }

    @Test
    void aColumnWithTwoSmallCellsIsProtectedEvenWhenTheyAreKnownToBeSmall() {
        // 1 + 1 = 2 with both in [1, 4] would give 1 and 1: a third figure of the column must hide.
        ProtectedTable table = smallCounts.protect(CountTable.of(new int[][] {{1}, {1}, {9}, {14}}, COLUMNS));

        assertEquals(P, table.cell(0, 0));
        assertEquals(P, table.cell(1, 0));
        assertEquals(S, table.cell(2, 0));
        assertEquals(new Figure.Shown(14), table.cell(3, 0));
        assertProtected(table);
    }

    @Test
    void whenTheOnlyComplementIsAnotherSmallCellTheTotalIsHiddenToo() {
        // Row 0 is 3 + 1 = 4: its total is itself a small count, hidden, and the column totals then need
        // the other row to hide figures as well.
        ProtectedTable table = smallCounts.protect(CountTable.of(new int[][] {{3, 1, 0}, {10, 8, 6}}, ROWS, COLUMNS, GRAND));

        assertEquals(P, table.cell(0, 0));
        assertEquals(P, table.cell(0, 1));
        assertEquals(Optional.of(P), table.rowTotal(0));
        assertEquals(new Figure.Shown(0), table.cell(0, 2));
        assertProtected(table);
    }

    @Test
    void aRowWithASingleNonZeroCellDoesNotGiveItAwayThroughItsTotal() {
        ProtectedTable table = smallCounts.protect(CountTable.of(new int[][] {{0, 3, 0}, {11, 9, 6}, {7, 0, 8}}, ROWS, COLUMNS, GRAND));

        assertEquals(P, table.cell(0, 1));
        assertEquals(Optional.of(P), table.rowTotal(0));
        assertProtected(table);
    }

    @Test
    void aTableOfZerosAndOneSmallCount() {
        ProtectedTable table = smallCounts.protect(CountTable.of(new int[][] {{0, 0}, {0, 2}}, ROWS, COLUMNS, GRAND));

        // Everything but the zeros is 2: every non-zero figure, totals included, is hidden.
        assertEquals(new Figure.Shown(0), table.cell(0, 0));
        assertEquals(P, table.cell(1, 1));
        assertEquals(Optional.of(P), table.rowTotal(1));
        assertEquals(Optional.of(P), table.columnTotal(1));
        assertEquals(Optional.of(P), table.grandTotal());
        assertEquals(Optional.of(new Figure.Shown(0)), table.rowTotal(0));
        assertProtected(table);
    }

    @Test
    void theGrandTotalAloneStillForcesAComplement() {
        ProtectedTable table = smallCounts.protect(CountTable.of(new int[][] {{2, 40}, {9, 25}}, GRAND));

        assertEquals(P, table.cell(0, 0));
        assertEquals(S, table.cell(1, 0));
        assertEquals(Optional.of(new Figure.Shown(76)), table.grandTotal());
        assertProtected(table);
    }

    @Test
    void theThresholdIsAParameter() {
        CountTable counts = CountTable.row(false, 3, 7, 11);

        assertEquals(List.of(P, new Figure.Shown(7), new Figure.Shown(11)), row(new SmallCounts().protect(counts), 0));
        assertEquals(List.of(P, P, new Figure.Shown(11)), row(new SmallCounts(10).protect(counts), 0));
        assertEquals(10, new SmallCounts(10).protect(counts).threshold());
        assertThrows(IllegalArgumentException.class, () -> new SmallCounts(0));
    }

    @Test
    void aTableRefusesNegativeAndRaggedCounts() {
        assertThrows(IllegalArgumentException.class, () -> CountTable.of(new int[][] {{1, -1}}));
        assertThrows(IllegalArgumentException.class, () -> CountTable.of(new int[][] {{1, 2}, {3}}));
        assertThrows(IllegalArgumentException.class, () -> CountTable.of(new int[][] {}));
    }

    @Test
    void noHiddenCountAppearsInWhatIsPublished() {
        CountTable counts = CountTable.of(new int[][] {{3, 47, 21}, {19, 1, 38}}, ROWS, COLUMNS, GRAND);
        ProtectedTable table = smallCounts.protect(counts);

        String text = table.toString();
        for (Map.Entry<Audit.Position, Figure.Reason> hidden : new Audit(table, true).hidden().entrySet()) {
            int value = raw(counts, hidden.getKey());
            assertFalse(text.matches(".*\\b" + value + "\\b.*"), value + " printed in " + text);
        }
        assertFalse(counts.toString().matches(".*\\b(47|21|19|38)\\b.*"), counts.toString());
        // The published view offers nothing but figures, and a hidden figure has no value to give.
        for (Method method : ProtectedTable.class.getDeclaredMethods()) {
            if (Modifier.isPublic(method.getModifiers())) {
                assertTrue(List.of(int.class, Figure.class, Optional.class, String.class).contains(method.getReturnType()),
                        method.toString());
            }
        }
        assertEquals(1, Figure.Hidden.class.getRecordComponents().length);
        assertEquals(Figure.Reason.class, Figure.Hidden.class.getRecordComponents()[0].getType());
    }

    @Test
    void randomTablesNeverLetAHiddenFigureBeRecomputed() {
        Random random = new Random(20261211L);
        int hiddenFigures = 0;
        int primaries = 0;
        int primariesKeepingTheirWholeRange = 0;
        int primariesThatMayBeLarge = 0;
        for (int iteration = 0; iteration < 3000; iteration++) {
            CountTable counts = randomTable(random, 1 + random.nextInt(5), 1 + random.nextInt(5), 30);
            // From 4 up: at 3 a marker says "1 or 2", and a hidden small total made of small cells can be
            // pinned by the markers alone (1 + 1 = a total below 3); ADR 0019 states this limit.
            int threshold = random.nextInt(4) == 0 ? 4 + random.nextInt(7) : SmallCounts.DEFAULT_THRESHOLD;
            ProtectedTable table = new SmallCounts(threshold).protect(counts);

            assertPublishedFiguresAreTrue(counts, table);
            Map<Audit.Position, Audit.Interval> known = assertProtected(table);
            Map<Audit.Position, Audit.Interval> blind = new Audit(table, false).intervals();
            for (Map.Entry<Audit.Position, Audit.Interval> entry : known.entrySet()) {
                long value = raw(counts, entry.getKey());
                Audit.Interval interval = entry.getValue();
                assertTrue(interval.low() <= value && value <= interval.high(), "the audit misses the true value");
                hiddenFigures++;
                if (value < threshold) {
                    primaries++;
                    if (interval.low() == 1 && interval.high() == threshold - 1) {
                        primariesKeepingTheirWholeRange++;
                    }
                    if (blind.get(entry.getKey()).high() >= threshold) {
                        primariesThatMayBeLarge++;
                    }
                }
            }
        }
        System.out.printf("small counts: %d hidden figures, %d small; %d keep [1, threshold − 1] for an attacker"
                + " who knows the reasons, %d may reach the threshold for one who does not%n",
                hiddenFigures, primaries, primariesKeepingTheirWholeRange, primariesThatMayBeLarge);
        assertTrue(primaries > 1000, "the random tables hold small counts");
    }

    @Test
    void theLinearProgramAgreesWithBruteForceOnTinyTables() {
        Random random = new Random(7L);
        int compared = 0;
        for (int iteration = 0; iteration < 400; iteration++) {
            CountTable counts = randomTable(random, 1 + random.nextInt(3), 1 + random.nextInt(3), 9);
            ProtectedTable table = smallCounts.protect(counts);
            for (boolean knowsReasons : new boolean[] {true, false}) {
                Audit audit = new Audit(table, knowsReasons);
                if (audit.hidden().size() > 5) {
                    continue;
                }
                Map<Audit.Position, Audit.Interval> lp = audit.intervals();
                if (lp.values().stream().anyMatch(interval -> interval.high() == Long.MAX_VALUE)) {
                    continue; // brute force cannot see an unbounded interval
                }
                long cap = counts.grandTotal() + SmallCounts.DEFAULT_THRESHOLD;
                Map<Audit.Position, Audit.Interval> all = audit.enumerate(cap);
                for (Audit.Position position : lp.keySet()) {
                    assertEquals(all.get(position).low(), lp.get(position).low(), position + " in " + table);
                    assertEquals(all.get(position).high(), lp.get(position).high(), position + " in " + table);
                    compared++;
                }
            }
        }
        assertTrue(compared > 300, "enough hidden figures compared: " + compared);
    }

    /** Every hidden figure keeps at least two values for the attacker who knows the method. */
    private static Map<Audit.Position, Audit.Interval> assertProtected(ProtectedTable table) {
        Map<Audit.Position, Audit.Interval> intervals = new Audit(table, true).intervals();
        intervals.forEach((position, interval) ->
                assertFalse(interval.exact(), position + " is recomputed as " + interval.low() + " from " + table));
        return intervals;
    }

    private static void assertPublishedFiguresAreTrue(CountTable counts, ProtectedTable table) {
        int threshold = table.threshold();
        for (int r = 0; r < counts.rows(); r++) {
            for (int c = 0; c < counts.columns(); c++) {
                assertTrue(agrees(counts.count(r, c), table.cell(r, c), threshold), "cell " + r + "," + c);
            }
            int row = r;
            table.rowTotal(r).ifPresent(f -> assertTrue(agrees(counts.rowTotal(row), f, threshold)));
        }
        for (int c = 0; c < counts.columns(); c++) {
            int column = c;
            table.columnTotal(c).ifPresent(f -> assertTrue(agrees(counts.columnTotal(column), f, threshold)));
        }
        table.grandTotal().ifPresent(f -> assertTrue(agrees(counts.grandTotal(), f, threshold)));
        assertEquals(counts.publishes(ROWS), table.rowTotal(0).isPresent());
        assertEquals(counts.publishes(COLUMNS), table.columnTotal(0).isPresent());
        assertEquals(counts.publishes(GRAND), table.grandTotal().isPresent());
    }

    /** Shown figures are the true count; small counts are always hidden as PRIMARY; complements are never small. */
    private static boolean agrees(int value, Figure figure, int threshold) {
        if (value >= 1 && value < threshold) {
            return figure.equals(P);
        }
        return figure.equals(new Figure.Shown(value)) || (value > 0 && figure.equals(S));
    }

    private static CountTable randomTable(Random random, int rows, int columns, int largest) {
        int[][] cells = new int[rows][columns];
        for (int[] row : cells) {
            for (int c = 0; c < columns; c++) {
                int kind = random.nextInt(10);
                row[c] = kind < 3 ? 0 : kind < 6 ? 1 + random.nextInt(4) : 5 + random.nextInt(largest - 4);
            }
        }
        List<CountTable.Total> totals = new ArrayList<>();
        for (CountTable.Total total : CountTable.Total.values()) {
            if (random.nextInt(4) > 0) {
                totals.add(total);
            }
        }
        return CountTable.of(cells, totals.toArray(CountTable.Total[]::new));
    }

    private static int raw(CountTable counts, Audit.Position position) {
        if (position.row() >= 0 && position.column() >= 0) {
            return counts.count(position.row(), position.column());
        }
        if (position.row() >= 0) {
            return counts.rowTotal(position.row());
        }
        return position.column() >= 0 ? counts.columnTotal(position.column()) : counts.grandTotal();
    }

    private static List<Figure> row(ProtectedTable table, int r) {
        List<Figure> figures = new ArrayList<>();
        for (int c = 0; c < table.columns(); c++) {
            figures.add(table.cell(r, c));
        }
        return figures;
    }

    private static List<List<Integer>> shownCells(ProtectedTable table) {
        List<List<Integer>> rows = new ArrayList<>();
        for (int r = 0; r < table.rows(); r++) {
            rows.add(row(table, r).stream().map(f -> ((Figure.Shown) f).value()).toList());
        }
        return rows;
    }
}
