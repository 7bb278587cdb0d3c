package fr.relais.pdf;

/**
 * The fonts shipped in the jar (src/main/resources/fonts, licences beside them) and the scripts each one draws.
 * See ADR 0013 for the choice.
 */
enum Typeface {
    /** Latin (Vietnamese too), Greek, Cyrillic, Armenian, Georgian, basic Arabic and Hebrew, symbols; U+FFFD. */
    DEJAVU("/fonts/DejaVuSans.ttf", "/fonts/DejaVuSans-Bold.ttf"),
    /** Arabic, Persian and Urdu letters with their presentation forms (what the shaping step produces). */
    NOTO_ARABIC("/fonts/NotoSansArabic-Regular.ttf", "/fonts/NotoSansArabic-Bold.ttf"),
    /** Hebrew with its points. */
    NOTO_HEBREW("/fonts/NotoSansHebrew-Regular.ttf", "/fonts/NotoSansHebrew-Bold.ttf"),
    /** Chinese (CJK unified ideographs), Japanese kana, Korean hangul; no bold: bold is simulated. */
    DROID_FALLBACK("/fonts/DroidSansFallback.ttf", null);

    final String regular;
    /** The bold face, or null when the font has none. */
    final String bold;

    Typeface(String regular, String bold) {
        this.regular = regular;
        this.bold = bold;
    }
}
