package fr.relais.pdf;

import com.itextpdf.io.font.FontProgram;
import com.itextpdf.io.font.FontProgramFactory;
import com.itextpdf.io.font.PdfEncodings;
import com.itextpdf.io.font.otf.Glyph;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.font.PdfFontFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The shipped font programs, read once and shared by every slip: a font program may serve several documents, a
 * {@link PdfFont} only one ({@link #forDocument()}).
 */
final class Fonts {
    private final Map<Typeface, FontProgram> regular = new EnumMap<>(Typeface.class);
    private final Map<Typeface, FontProgram> bold = new EnumMap<>(Typeface.class);

    Fonts() {
        for (Typeface face : Typeface.values()) {
            regular.put(face, load(face.regular));
            if (face.bold != null) {
                bold.put(face, load(face.bold));
            }
        }
    }

    /** True when the face has a bold weight of its own (otherwise bold is simulated on the regular one). */
    boolean hasBold(Typeface face) {
        return bold.containsKey(face);
    }

    /** True when the face (in that weight, or regular when it has no bold) has a glyph for the character. */
    boolean covers(Typeface face, boolean boldWeight, int codePoint) {
        Glyph glyph = program(face, boldWeight).getGlyph(codePoint);
        return glyph != null && glyph.getCode() > 0;
    }

    private FontProgram program(Typeface face, boolean boldWeight) {
        return boldWeight && hasBold(face) ? bold.get(face) : regular.get(face);
    }

    /** The fonts of one document: each made (and so embedded, as a subset) only when something is written in it. */
    DocumentFonts forDocument() {
        return new DocumentFonts();
    }

    final class DocumentFonts {
        private final Map<String, PdfFont> made = new HashMap<>();

        private DocumentFonts() {
        }

        Fonts shared() {
            return Fonts.this;
        }

        PdfFont get(Typeface face, boolean boldWeight) {
            boolean ownBold = boldWeight && hasBold(face);
            // Identity-H keeps every character; PDF/UA requires embedding.
            return made.computeIfAbsent(face + (ownBold ? "-bold" : ""), key -> PdfFontFactory.createFont(
                    program(face, ownBold), PdfEncodings.IDENTITY_H, PdfFontFactory.EmbeddingStrategy.FORCE_EMBEDDED));
        }
    }

    private static FontProgram load(String resource) {
        try (InputStream in = Fonts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Font missing from the classpath: " + resource);
            }
            return FontProgramFactory.createFont(in.readAllBytes(), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
