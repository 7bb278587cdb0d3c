package fr.relais.pdf;

import com.ibm.icu.text.Bidi;
import com.itextpdf.io.font.otf.Glyph;
import com.itextpdf.io.font.otf.GlyphLine;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.layout.element.Text;
import com.itextpdf.layout.layout.LayoutContext;
import com.itextpdf.layout.layout.LayoutResult;
import com.itextpdf.layout.properties.Property;
import com.itextpdf.layout.renderer.DrawContext;
import com.itextpdf.layout.renderer.IRenderer;
import com.itextpdf.layout.renderer.TextRenderer;

import java.text.Normalizer;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * A piece of text ({@link ScriptRuns.Piece}) as an iText element. Lines are broken on the text in logical order;
 * then, when drawn, each line's part of a right-to-left piece is put in reading order by the Unicode bidirectional
 * algorithm (ICU: mirrored brackets, numbers kept left to right, accents kept after their letter), so that a
 * right-to-left text running over two lines reads from its first line. Where what is drawn is not the text it stands
 * for (shaped letters in visual order, placeholders), the piece's structure element carries the text as typed as
 * its ActualText: that is what a screen reader reads.
 */
final class PieceText extends Text {
    private final ScriptRuns.Piece piece;
    /** The ascender and descender (thousandths of the size) a line of DejaVu Sans has: no piece makes it taller. */
    private final float[] lineMetrics;

    /**
     * @param lineMetrics ascender and descender of the slip's main font, in thousandths of the font size
     *                    ({@link TextRenderer#calculateAscenderDescender}): Noto Sans Arabic declares room for
     *                    stacked marks (2.1 em against 1.2): a line holding an Arabic name keeps the height of its
     *                    neighbours, its letters fit in it
     */
    PieceText(ScriptRuns.Piece piece, PdfFont font, float[] lineMetrics) {
        super(piece.text());
        this.piece = piece;
        this.lineMetrics = lineMetrics.clone();
        setFont(font);
        if (piece.simulatedBold()) {
            setBold();
        }
        if (piece.actualText() != null) {
            getAccessibilityProperties().setActualText(piece.actualText());
        }
    }

    ScriptRuns.Piece piece() {
        return piece;
    }

    @Override
    protected IRenderer makeNewRenderer() {
        return new Renderer(this);
    }

    /** Draws a line's part of a piece in reading order (see the class comment). */
    static final class Renderer extends TextRenderer {
        Renderer(PieceText text) {
            super(text);
        }

        private Renderer(TextRenderer other) {
            super(other);
        }

        @Override
        public IRenderer getNextRenderer() {
            return new Renderer((PieceText) modelElement);
        }

        @Override
        protected TextRenderer createCopy(GlyphLine glyphLine, PdfFont font) {
            Renderer copy = new Renderer(this);
            copy.setProcessedGlyphLineAndFont(glyphLine, font);
            return copy;
        }

        /**
         * Lays the piece out, then trims the room above and below its baseline to the line metrics (see the
         * constructor): the line it is in keeps the height of its neighbours.
         */
        @Override
        public LayoutResult layout(LayoutContext layoutContext) {
            LayoutResult result = super.layout(layoutContext);
            if (result.getStatus() == LayoutResult.NOTHING || occupiedArea == null) {
                return result;
            }
            float[] metrics = ((PieceText) modelElement).lineMetrics;
            float size = getPropertyAsUnitValue(Property.FONT_SIZE).getValue();
            Rectangle box = occupiedArea.getBBox();
            float rise = getPropertyAsFloat(Property.TEXT_RISE, 0f);
            float cutTop = Math.max(0f, yLineOffset - metrics[0] * size / 1000f);
            float cutBottom = Math.max(0f, (box.getHeight() - yLineOffset - rise) + metrics[1] * size / 1000f);
            if (cutTop <= 0f && cutBottom <= 0f) {
                return result;
            }
            Set<Rectangle> boxes = Collections.newSetFromMap(new IdentityHashMap<>());
            boxes.add(box);
            if (result.getOccupiedArea() != null) {
                boxes.add(result.getOccupiedArea().getBBox());
            }
            if (result.getSplitRenderer() instanceof Renderer split && split != this) {
                boxes.add(split.occupiedArea.getBBox());
                split.yLineOffset -= cutTop;
            }
            for (Rectangle b : boxes) {
                b.setY(b.getY() + cutBottom).setHeight(b.getHeight() - cutTop - cutBottom);
            }
            yLineOffset -= cutTop;
            return result;
        }

        @Override
        public void draw(DrawContext drawContext) {
            ScriptRuns.Piece piece = ((PieceText) modelElement).piece();
            if (line == null || line.end <= line.start || !piece.rightToLeft()) {
                super.draw(drawContext);
                return;
            }
            GlyphLine logical = line;
            try {
                line = drawn(logical, piece);
                super.draw(drawContext);
            } finally {
                line = logical;
            }
        }

        /** This line's part as drawn: in reading order, with the text it stands for as ActualText. */
        private GlyphLine drawn(GlyphLine logical, ScriptRuns.Piece piece) {
            String text = logical.toUnicodeString(logical.start, logical.end);
            String shown = new Bidi(text, Bidi.RTL).writeReordered(Bidi.DO_MIRRORING | Bidi.KEEP_BASE_COMBINING);
            GlyphLine glyphs = getPropertyAsFont(Property.FONT).createGlyphLine(shown);
            for (int i = glyphs.start; i < glyphs.end; i++) {
                glyphs.set(i, readAsLetters(glyphs.get(i)));
            }
            return glyphs;
        }

        /**
         * A joining form (presentation form) glyph copied or read from the PDF gives the letter(s) it is a form of
         * (NFKC): "محمد" is found by searching for it, and text tools that put right-to-left words back in
         * reading order (poppler's pdftotext, viewers) give it as typed.
         */
        private static Glyph readAsLetters(Glyph glyph) {
            if (!glyph.hasValidUnicode()) {
                return glyph;
            }
            Character.UnicodeBlock block = Character.UnicodeBlock.of(glyph.getUnicode());
            if (block != Character.UnicodeBlock.ARABIC_PRESENTATION_FORMS_A
                    && block != Character.UnicodeBlock.ARABIC_PRESENTATION_FORMS_B) {
                return glyph;
            }
            String letters = Normalizer.normalize(new String(Character.toChars(glyph.getUnicode())), Normalizer.Form.NFKC);
            return new Glyph(glyph.getCode(), glyph.getWidth(), letters.codePointAt(0), letters.toCharArray(),
                    glyph.isMark());
        }
    }
}
