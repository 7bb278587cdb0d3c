package fr.relais.stats;

/**
 * One published figure of a {@link ProtectedTable}: either the count itself or a marker that holds no value
 * at all, so nothing downstream (page, chart, export, log) can print a hidden count by mistake.
 */
public sealed interface Figure permits Figure.Shown, Figure.Hidden {

    /** Why a figure is hidden. */
    enum Reason {
        /** The count is from 1 to threshold − 1: it could point at a person. Pages render it "&lt; 5". */
        PRIMARY,
        /** The count is not small; it is hidden so that a small one cannot be recomputed from the totals. */
        SECONDARY
    }

    /** A count that may be published. */
    record Shown(int value) implements Figure {
    }

    /** A count that is not published; it carries only the reason. */
    record Hidden(Reason reason) implements Figure {
    }
}
