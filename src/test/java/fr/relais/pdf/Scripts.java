package fr.relais.pdf;

import com.ibm.icu.text.ArabicShaping;
import com.itextpdf.io.font.FontProgram;
import com.itextpdf.io.font.FontProgramFactory;
import com.itextpdf.io.font.otf.Glyph;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.canvas.parser.EventType;
import com.itextpdf.kernel.pdf.canvas.parser.PdfCanvasProcessor;
import com.itextpdf.kernel.pdf.canvas.parser.data.IEventData;
import com.itextpdf.kernel.pdf.canvas.parser.data.TextRenderInfo;
import com.itextpdf.kernel.pdf.canvas.parser.listener.IEventListener;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Names in the scripts people who come to a library write, and what a person can check on a PDF that prints one:
 * the PDF is PDF/UA-1 (veraPDF), the name comes out of poppler's pdftotext as typed, a screen reader reads it as typed,
 * and an Arabic name is drawn in its joining forms, right to left.
 */
public final class Scripts {
    /** A character no shipped font has (NAZAR AMULET, U+1F9FF): printed as a placeholder, read as itself. */
    public static final String NO_FONT = "\uD83E\uDDFF";

    /** One name per script, and a name with a character no font has. */
    public static final List<Name> NAMES = List.of(
            new Name("Arabic", "محمد"),
            new Name("Arabic, several words", "محمد عبد الله"),
            new Name("Chinese", "李小龙"),
            new Name("Japanese", "さくら 田中"),
            new Name("Korean", "김민준"),
            new Name("Cyrillic", "Дмитрий"),
            new Name("Greek", "Γιώργος"),
            new Name("Hebrew", "דוד כהן"),
            new Name("Vietnamese", "Nguyễn Thị Minh Khai"),
            new Name("no font", "Ana" + NO_FONT + "Lou"));

    /** A name and its script, for test names. */
    public record Name(String script, String text) {
        @Override
        public String toString() {
            return script;
        }

        boolean arabic() {
            return text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.ARABIC);
        }

        /** What is drawn: the name, with U+FFFD for the character no font has. */
        String drawn() {
            return text.replace(NO_FONT, "\uFFFD");
        }
    }

    private Scripts() {
    }

    /**
     * Checks what a person can check on a PDF that prints {@code name}:
     * <ul>
     * <li>veraPDF finds no failed PDF/UA-1 rule;</li>
     * <li>poppler's pdftotext (what copying from most viewers gives too) has the name as typed, in reading order —
     * compared after NFKC, which folds Arabic joining forms into their letters should a tool give the forms; the
     * character no font has comes out as the placeholder U+FFFD that is drawn;</li>
     * <li>the structure tree, as a screen reader reads it (ActualText included), has the name exactly as typed,
     * the character no font has included;</li>
     * <li>an Arabic name is drawn right to left in its joining forms: the glyphs drawn are those of the name shaped
     * by ICU, in visual order, in Noto Sans Arabic.</li>
     * </ul>
     */
    public static void assertPrinted(byte[] pdf, Name name, String what) {
        PdfUaValidator.assertCompliant(pdf, what);
        String extracted = nfkc(pdftotext(pdf));
        assertTrue(squash(extracted).contains(squash(nfkc(name.drawn()))),
                what + ": \"" + name.drawn() + "\" not in pdftotext's text:\n" + extracted);
        PdfInspection in = new PdfInspection(pdf);
        assertTrue(in.squashedTaggedText().contains(PdfInspection.squash(name.text())),
                what + ": \"" + name.text() + "\" not read from the structure:\n" + in.taggedText);
        if (name.arabic()) {
            assertDrawnShapedRightToLeft(pdf, name.text(), what);
        }
    }

    /** Without white space and the direction marks pdftotext puts around right-to-left runs. */
    private static String squash(String text) {
        return PdfInspection.squash(text).replaceAll("[\\u202A-\\u202E\\u200E\\u200F]", "");
    }

    private static String nfkc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC);
    }

    /** The text of the PDF as poppler's pdftotext gives it (installed with poppler-utils, like pdftoppm). */
    public static String pdftotext(byte[] pdf) {
        try {
            Path file = Files.createTempFile("relais-slip", ".pdf");
            try {
                Files.write(file, pdf);
                Process process = new ProcessBuilder("pdftotext", "-enc", "UTF-8", file.toString(), "-")
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(process.waitFor(60, TimeUnit.SECONDS), "pdftotext did not finish");
                assertEquals(0, process.exitValue(), "pdftotext failed");
                return text;
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("pdftotext (poppler-utils) is needed to read PDFs as a person would", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The glyphs of the name shaped by ICU, in visual order, are drawn in a row in Noto Sans Arabic. */
    private static void assertDrawnShapedRightToLeft(byte[] pdf, String name, String what) {
        String shaped;
        try {
            shaped = new ArabicShaping(ArabicShaping.LETTERS_SHAPE | ArabicShaping.LENGTH_GROW_SHRINK
                    | ArabicShaping.TEXT_DIRECTION_LOGICAL).shape(name);
        } catch (com.ibm.icu.text.ArabicShapingException e) {
            throw new AssertionError(e);
        }
        assertTrue(shaped.codePoints().anyMatch(cp -> cp >= 0xFE70), "ICU gives joining forms for " + name);
        FontProgram noto = notoArabic();
        List<Integer> expected = new ArrayList<>();
        new StringBuilder(shaped).reverse().codePoints().forEach(cp -> {
            Glyph glyph = noto.getGlyph(cp);
            expected.add(glyph == null ? -1 : glyph.getCode());
        });
        List<Integer> drawn = glyphCodes(pdf, "NotoSansArabic");
        assertTrue(java.util.Collections.indexOfSubList(drawn, expected) >= 0,
                what + ": the joining forms of \"" + name + "\" are not drawn right to left: expected glyphs " + expected
                        + " in " + drawn);
    }

    private static FontProgram notoArabic() {
        try (InputStream in = Scripts.class.getResourceAsStream("/fonts/NotoSansArabic-Regular.ttf")) {
            return FontProgramFactory.createFont(in.readAllBytes(), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The glyph ids drawn in fonts whose name contains {@code font}, in the order drawn (a subset keeps the ids). */
    private static List<Integer> glyphCodes(byte[] pdf, String font) {
        List<Integer> codes = new ArrayList<>();
        try (PdfDocument doc = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
            for (int i = 1; i <= doc.getNumberOfPages(); i++) {
                new PdfCanvasProcessor(new IEventListener() {
                    @Override
                    public void eventOccurred(IEventData data, EventType type) {
                        TextRenderInfo info = (TextRenderInfo) data;
                        if (info.getFont().getFontProgram().getFontNames().getFontName().contains(font)) {
                            byte[] bytes = info.getPdfString().getValueBytes();
                            for (int b = 0; b + 1 < bytes.length; b += 2) {
                                codes.add(((bytes[b] & 0xFF) << 8) | (bytes[b + 1] & 0xFF));
                            }
                        }
                    }

                    @Override
                    public Set<EventType> getSupportedEvents() {
                        return Set.of(EventType.RENDER_TEXT);
                    }
                }).processPageContent(doc.getPage(i));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return codes;
    }
}
