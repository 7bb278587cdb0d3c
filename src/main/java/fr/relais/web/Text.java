package fr.relais.web;

/** Small helpers for what people type. */
public final class Text {
    private Text() {
    }

    /** Trimmed text, or null when nothing was typed: optional fields store NULL, not "". */
    public static String blankToNull(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    public static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    /** Trimmed, with runs of spaces (and line breaks) made one space: how names and one-line texts are kept. */
    public static String squeeze(String value) {
        return value == null ? null : value.strip().replaceAll("\\s+", " ");
    }
}
