package fr.relais.pdf;

import com.itextpdf.kernel.colors.Color;
import com.itextpdf.kernel.geom.Matrix;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.PdfArray;
import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.canvas.parser.EventType;
import com.itextpdf.kernel.pdf.canvas.parser.PdfCanvasProcessor;
import com.itextpdf.kernel.pdf.canvas.parser.PdfTextExtractor;
import com.itextpdf.kernel.pdf.canvas.parser.data.IEventData;
import com.itextpdf.kernel.pdf.canvas.parser.data.TextRenderInfo;
import com.itextpdf.kernel.pdf.canvas.parser.listener.IEventListener;
import com.itextpdf.kernel.pdf.tagging.IStructureNode;
import com.itextpdf.kernel.pdf.tagging.PdfStructElem;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** What tests read back from a generated PDF, with iText's reader (public: slips of other packages use it too). */
public final class PdfInspection {
    /** A run of text as drawn: its text, effective size in points, fill colour (gray or RGB components). */
    public record Run(String text, float size, float[] color, int page) {
        @Override
        public String toString() {
            return "\"" + text + "\"@" + size;
        }
    }

    /** A font used on a page: its name and whether its program is embedded. */
    public record Font(String name, boolean embedded) {
    }

    /** The text as drawn, read by position on the page (artifacts such as page numbers included). */
    public final String text;
    /**
     * The text in reading order: the content of the structure tree (artifacts left out), an element's ActualText in
     * place of its content as screen readers read it, one space between elements.
     */
    public final String taggedText;
    public final int pages;
    public final List<Rectangle> pageSizes = new ArrayList<>();
    public final List<Run> runs = new ArrayList<>();
    public final Set<Font> fonts = new TreeSet<>((a, b) -> (a.name() + a.embedded()).compareTo(b.name() + b.embedded()));
    /** Structure element roles, depth first, in document order ("H1", "P", "L", "LI"…). */
    public final List<String> roles = new ArrayList<>();
    public final String language;
    public final String title;
    public final boolean displayDocTitle;
    public final String xmp;
    public final String infoAuthor;
    public final String infoSubject;
    public final String infoKeywords;

    public PdfInspection(byte[] pdf) {
        try (PdfDocument doc = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
            pages = doc.getNumberOfPages();
            StringBuilder all = new StringBuilder();
            for (int i = 1; i <= pages; i++) {
                pageSizes.add(doc.getPage(i).getPageSize());
                all.append(PdfTextExtractor.getTextFromPage(doc.getPage(i))).append('\n');
                int page = i;
                new PdfCanvasProcessor(new IEventListener() {
                    @Override
                    public void eventOccurred(IEventData data, EventType type) {
                        if (type == EventType.RENDER_TEXT) {
                            TextRenderInfo info = (TextRenderInfo) data;
                            if (!info.getText().isBlank()) {
                                Matrix m = info.getTextMatrix();
                                float scale = (float) Math.hypot(m.get(Matrix.I21), m.get(Matrix.I22));
                                Color c = info.getFillColor();
                                runs.add(new Run(info.getText(), info.getFontSize() * scale,
                                        c == null ? new float[0] : c.getColorValue(), page));
                            }
                        }
                    }

                    @Override
                    public Set<EventType> getSupportedEvents() {
                        return Set.of(EventType.RENDER_TEXT);
                    }
                }).processPageContent(doc.getPage(i));
                collectFonts(doc.getPage(i).getResources().getResource(PdfName.Font));
            }
            text = all.toString();
            java.io.ByteArrayOutputStream xml = new java.io.ByteArrayOutputStream();
            new ScreenReaderView(doc).convertToXml(xml, "UTF-8");
            taggedText = unescape(xml.toString(java.nio.charset.StandardCharsets.UTF_8).replaceAll("<[^>]*>", " "))
                    .replaceAll("[\\s\\u00A0\\u202F]+", " ").strip();
            if (doc.getStructTreeRoot() != null) {
                for (IStructureNode kid : doc.getStructTreeRoot().getKids()) {
                    collectRoles(kid);
                }
            }
            language = doc.getCatalog().getLang() == null ? null : doc.getCatalog().getLang().toUnicodeString();
            title = doc.getDocumentInfo().getTitle();
            infoAuthor = doc.getDocumentInfo().getAuthor();
            infoSubject = doc.getDocumentInfo().getSubject();
            infoKeywords = doc.getDocumentInfo().getKeywords();
            PdfDictionary prefs = doc.getCatalog().getPdfObject().getAsDictionary(PdfName.ViewerPreferences);
            displayDocTitle = prefs != null && prefs.getAsBoolean(PdfName.DisplayDocTitle) != null
                    && prefs.getAsBoolean(PdfName.DisplayDocTitle).getValue();
            byte[] meta = doc.getXmpMetadata();
            xmp = meta == null ? "" : new String(meta, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The structure tree as a screen reader reads it: an element's ActualText (names in a right-to-left script, drawn
     * in visual order; characters drawn as a placeholder) in place of its content.
     */
    private static final class ScreenReaderView extends com.itextpdf.kernel.utils.TaggedPdfReaderTool {
        ScreenReaderView(PdfDocument doc) {
            super(doc);
        }

        @Override
        protected void inspectKid(IStructureNode kid) {
            if (kid instanceof PdfStructElem elem && elem.getActualText() != null) {
                try {
                    out.write(elem.getActualText().toUnicodeString()
                            .replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return;
            }
            super.inspectKid(kid);
        }
    }

    private static String unescape(String xml) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("&#(x?)([0-9a-fA-F]+);").matcher(xml);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            int code = Integer.parseInt(m.group(2), m.group(1).isEmpty() ? 10 : 16);
            m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement(new String(Character.toChars(code))));
        }
        m.appendTail(sb);
        return sb.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&");
    }

    private void collectFonts(PdfDictionary fontResources) {
        if (fontResources == null) {
            return;
        }
        for (PdfName key : fontResources.keySet()) {
            PdfDictionary font = fontResources.getAsDictionary(key);
            String name = font.getAsName(PdfName.BaseFont) == null ? "?" : font.getAsName(PdfName.BaseFont).getValue();
            PdfDictionary descriptorOwner = font;
            PdfArray descendants = font.getAsArray(PdfName.DescendantFonts);
            if (descendants != null && !descendants.isEmpty()) {
                descriptorOwner = descendants.getAsDictionary(0);
            }
            PdfDictionary descriptor = descriptorOwner.getAsDictionary(PdfName.FontDescriptor);
            boolean embedded = descriptor != null && (descriptor.containsKey(PdfName.FontFile)
                    || descriptor.containsKey(PdfName.FontFile2) || descriptor.containsKey(PdfName.FontFile3));
            fonts.add(new Font(name, embedded));
        }
    }

    private void collectRoles(IStructureNode node) {
        if (node instanceof PdfStructElem elem) {
            roles.add(elem.getRole().getValue());
            List<IStructureNode> kids = elem.getKids();
            if (kids != null) {
                for (IStructureNode kid : kids) {
                    collectRoles(kid);
                }
            }
        }
    }

    /** The text with all white space (including no-break spaces) removed: line breaks cannot hide a match. */
    public String squashedText() {
        return squash(text);
    }

    /** The text in reading order with all white space removed. */
    public String squashedTaggedText() {
        return squash(taggedText);
    }

    public static String squash(String s) {
        return s.replaceAll("[\\s\\u00A0\\u202F]+", "");
    }

    /** The text with runs of white space (including no-break spaces) made one ordinary space. */
    public String flatText() {
        return text.replaceAll("[\\s\\u00A0\\u202F]+", " ");
    }

    public float smallestTextSize() {
        return (float) runs.stream().mapToDouble(Run::size).min().orElse(0);
    }

    /** The largest size at which {@code words} (or a piece of them, if drawn in pieces) is drawn; 0 when not drawn. */
    public float sizeOf(String words) {
        String target = squash(words);
        return (float) runs.stream().filter(r -> {
                    String t = squash(r.text());
                    return t.contains(target) || (t.length() >= 3 && target.contains(t));
                })
                .mapToDouble(Run::size).max().orElse(0);
    }

    public boolean allTextBlack() {
        return runs.stream().allMatch(r -> {
            for (float v : r.color()) {
                if (v != 0f) {
                    // gray 0 = black; RGB 0,0,0 = black; CMYK black has K = 1 (not used here).
                    return false;
                }
            }
            return r.color().length > 0;
        });
    }
}
