package fr.relais.pdf;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Cuts a text into pieces that one font draws, so that a name in any script prints (ADR 0013):
 * <ul>
 * <li>each character goes to the first shipped font that has it (Latin, Greek, Cyrillic: DejaVu Sans; Chinese,
 * Japanese, Korean: Droid Sans Fallback), spaces and punctuation staying with the piece around them;</li>
 * <li>a right-to-left run (Arabic, Hebrew) found by the Unicode bidirectional algorithm (ICU) is one piece, its
 * Arabic letters shaped into their joining forms (ICU), kept in logical order: it is put in reading order line by
 * line when drawn ({@link PieceText});</li>
 * <li>a character that no font has becomes U+FFFD (a visible placeholder), the original being kept as the
 * piece's ActualText for screen readers and copy.</li>
 * </ul>
 * The paragraphs of slips are left to right (their language is French or English): right-to-left runs are
 * placed inside them as the bidirectional algorithm says for a left-to-right paragraph.
 */
final class ScriptRuns {
    /** The visible placeholder for a character no shipped font has (DejaVu Sans draws it). */
    static final int PLACEHOLDER = 0xFFFD;
    private static final Typeface[] LEFT_TO_RIGHT = {
            Typeface.DEJAVU, Typeface.DROID_FALLBACK, Typeface.NOTO_ARABIC, Typeface.NOTO_HEBREW};
    private static final Typeface[] RIGHT_TO_LEFT = {Typeface.NOTO_ARABIC, Typeface.NOTO_HEBREW, Typeface.DEJAVU};

    /**
     * A piece of text drawn in one font.
     *
     * @param text          what to draw: shaped, in logical order
     * @param face          the font
     * @param boldWeight    the font's own bold weight is used
     * @param simulatedBold bold asked for a font without a bold weight: drawn thicker
     * @param rightToLeft   to be drawn in reading order, line by line
     * @param actualText    what the piece stands for when it differs from what is drawn (placeholders, shaped
     *                      letters in visual order), as typed; null otherwise
     */
    record Piece(String text, Typeface face, boolean boldWeight, boolean simulatedBold, boolean rightToLeft,
                 String actualText) {
        Piece {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(face, "face");
        }
    }

    private final Fonts fonts;

    ScriptRuns(Fonts fonts) {
        this.fonts = fonts;
    }

    /** The pieces of {@code text}, in logical order; none for an empty text. */
    List<Piece> pieces(String text, boolean bold) {
        String clean = clean(text);
        List<Piece> pieces = new ArrayList<>();
        if (clean.isEmpty()) {
            return pieces;
        }
        Bidi bidi = new Bidi(clean, Bidi.LTR);
        if (bidi.isLeftToRight()) {
            leftToRight(clean, bold, pieces);
            return pieces;
        }
        int start = 0;
        while (start < clean.length()) {
            boolean rtl = bidi.getLevelAt(start) > 0;
            int end = start + 1;
            while (end < clean.length() && (bidi.getLevelAt(end) > 0) == rtl) {
                end++;
            }
            String run = clean.substring(start, end);
            if (rtl) {
                rightToLeft(run, bold, pieces);
            } else {
                leftToRight(run, bold, pieces);
            }
            start = end;
        }
        return pieces;
    }

    /** NFC (a name typed as letters + accents prints as the accented letters the fonts have), one kind of line end. */
    static String clean(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).replace("\r\n", "\n").replace('\r', '\n')
                .replace('\t', ' ');
    }

    private void leftToRight(String run, boolean bold, List<Piece> pieces) {
        Builder current = null;
        for (int i = 0; i < run.length(); ) {
            int cp = run.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\n') {
                // A line break: iText breaks the line there, whatever the font.
                if (current == null || current.placeholders) {
                    if (current != null) {
                        pieces.add(current.build());
                    }
                    current = new Builder(Typeface.DEJAVU, bold, false, false);
                }
                current.append(cp, null);
                continue;
            }
            if (invisible(cp)) {
                continue;
            }
            if (current != null && !current.placeholders && fonts.covers(current.face, bold, cp)
                    && neutral(cp)) {
                current.append(cp, null);
                continue;
            }
            Typeface face = firstCovering(LEFT_TO_RIGHT, bold, cp);
            boolean placeholder = face == null;
            if (placeholder) {
                face = Typeface.DEJAVU;
            }
            if (current == null || current.face != face || current.placeholders != placeholder) {
                if (current != null) {
                    pieces.add(current.build());
                }
                current = new Builder(face, bold, false, placeholder);
            }
            if (placeholder) {
                current.append(PLACEHOLDER, new String(Character.toChars(cp)));
            } else {
                current.append(cp, null);
            }
        }
        if (current != null) {
            pieces.add(current.build());
        }
    }

    /** One right-to-left run: shaped, then drawn in one font (reordering happens within one piece). */
    private void rightToLeft(String run, boolean bold, List<Piece> pieces) {
        String shaped = strip(shape(run));
        String logical = strip(run);
        if (shaped.isEmpty()) {
            return;
        }
        Typeface face = null;
        for (Typeface candidate : RIGHT_TO_LEFT) {
            if (shaped.codePoints().allMatch(cp -> fonts.covers(candidate, bold, cp))) {
                face = candidate;
                break;
            }
        }
        if (face == null) {
            // A right-to-left script none of the fonts has (Syriac, Thaana…): placeholders, in the order read.
            face = Typeface.DEJAVU;
            StringBuilder drawn = new StringBuilder();
            shaped.codePoints().forEach(cp -> drawn.appendCodePoint(
                    fonts.covers(Typeface.DEJAVU, bold, cp) ? cp : PLACEHOLDER));
            shaped = drawn.toString();
        }
        Builder piece = new Builder(face, bold, true, false);
        shaped.codePoints().forEach(cp -> piece.append(cp, null));
        piece.actualText = logical;
        pieces.add(piece.build());
    }

    private Typeface firstCovering(Typeface[] faces, boolean bold, int cp) {
        for (Typeface face : faces) {
            if (fonts.covers(face, bold, cp)) {
                return face;
            }
        }
        return null;
    }

    /** Arabic letters in their joining forms (presentation forms), still in logical order. */
    static String shape(String logical) {
        try {
            return new ArabicShaping(ArabicShaping.LETTERS_SHAPE | ArabicShaping.LENGTH_GROW_SHRINK
                    | ArabicShaping.TEXT_DIRECTION_LOGICAL).shape(logical);
        } catch (ArabicShapingException e) {
            // Only raised for fixed-length options, not used here.
            throw new IllegalStateException(e);
        }
    }

    /** Format characters (joiners, direction marks, variation selectors, soft hyphens) and controls draw nothing. */
    private static boolean invisible(int cp) {
        return UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT)
                || (Character.getType(cp) == Character.CONTROL && cp != '\n');
    }

    private static String strip(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(cp -> !invisible(cp)).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    /** Spaces, punctuation, digits and accents: they stay in the font of the piece around them. */
    private static boolean neutral(int cp) {
        int script = UScript.getScript(cp);
        return script == UScript.COMMON || script == UScript.INHERITED;
    }

    private final class Builder {
        final Typeface face;
        final boolean bold;
        final boolean rightToLeft;
        final boolean placeholders;
        final StringBuilder text = new StringBuilder();
        /** For placeholders, the characters they stand for. */
        final StringBuilder originals = new StringBuilder();
        String actualText;

        Builder(Typeface face, boolean bold, boolean rightToLeft, boolean placeholders) {
            this.face = face;
            this.bold = bold;
            this.rightToLeft = rightToLeft;
            this.placeholders = placeholders;
        }

        void append(int cp, String original) {
            text.appendCodePoint(cp);
            if (original != null) {
                originals.append(original);
            }
        }

        Piece build() {
            boolean own = bold && fonts.hasBold(face);
            String actual = placeholders ? originals.toString() : actualText;
            return new Piece(text.toString(), face, own, bold && !own, rightToLeft, actual);
        }
    }
}
