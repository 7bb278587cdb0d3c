package fr.relais.pdf;

import com.itextpdf.io.font.otf.GlyphLine;
import com.itextpdf.kernel.colors.Color;
import com.itextpdf.kernel.colors.ColorConstants;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.PdfPage;
import com.itextpdf.kernel.pdf.PdfUAConformanceLevel;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.canvas.CanvasArtifact;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;
import com.itextpdf.kernel.pdf.canvas.draw.DashedLine;
import com.itextpdf.kernel.pdf.canvas.draw.ILineDrawer;
import com.itextpdf.kernel.pdf.canvas.draw.SolidLine;
import com.itextpdf.kernel.pdf.tagging.PdfStructureAttributes;
import com.itextpdf.kernel.pdf.tagging.StandardRoles;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.borders.SolidBorder;
import com.itextpdf.layout.element.AreaBreak;
import com.itextpdf.layout.element.Cell;
import com.itextpdf.layout.element.Div;
import com.itextpdf.layout.element.IBlockElement;
import com.itextpdf.layout.element.LineSeparator;
import com.itextpdf.layout.element.ListItem;
import com.itextpdf.layout.element.Paragraph;
import com.itextpdf.layout.element.Table;
import com.itextpdf.layout.element.Text;
import com.itextpdf.layout.properties.BoxSizingPropertyValue;
import com.itextpdf.layout.properties.ClearPropertyValue;
import com.itextpdf.layout.properties.FloatPropertyValue;
import com.itextpdf.layout.properties.Property;
import com.itextpdf.layout.properties.UnitValue;
import com.itextpdf.layout.renderer.TextRenderer;
import com.itextpdf.layout.splitting.DefaultSplitCharacters;
import com.itextpdf.layout.splitting.ISplitCharacters;
import com.itextpdf.pdfua.PdfUAConfig;
import com.itextpdf.pdfua.PdfUADocument;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One slip being written, top to bottom: the reading order is the order of the calls. Every piece of text is
 * tagged (H1, H2, P, L/LI…); rules, borders and page numbers are artifacts. Black on white only.
 * Open one with {@link SlipLayout#open}, finish it with {@link #toBytes()}. Not for use by several threads.
 */
public final class Slip {
    private static final Color INK = ColorConstants.BLACK;
    private static final float FACT_LEADING = 1.1f;
    private static final String BULLET = "\u2022";
    /** An empty ballot box, to tick by hand. */
    private static final String CHECK_BOX = "\u2610";
    /** A code or a web address is never broken inside (no split at its hyphens). */
    private static final ISplitCharacters NEVER = (text, glyphPos) -> false;
    /** A web address may break after a slash, never at a hyphen: a hyphen at a line end reads as a word break. */
    private static final ISplitCharacters AFTER_SLASH = (GlyphLine text, int glyphPos) ->
            text.get(glyphPos).hasValidUnicode() && text.get(glyphPos).getUnicode() == '/';

    /** Lines break at spaces and hyphens, and after a slash (a web address in a sentence). */
    private static final ISplitCharacters SPACES_HYPHENS_SLASHES = new ISplitCharacters() {
        private final DefaultSplitCharacters defaults = new DefaultSplitCharacters();

        @Override
        public boolean isSplitCharacter(GlyphLine text, int glyphPos) {
            return AFTER_SLASH.isSplitCharacter(text, glyphPos) || defaults.isSplitCharacter(text, glyphPos);
        }
    };

    private final SlipStyle style;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final PdfUADocument pdf;
    private final Document document;
    /** DejaVu Sans, for the slip's own words, page numbers and headers. */
    private final PdfFont regular;
    private final PdfFont bold;
    /** Every font, made for this document when first used; and how a text is cut into pieces per font. */
    private final Fonts.DocumentFonts fonts;
    private final ScriptRuns scripts;
    /** DejaVu Sans' ascender and descender: the height of a line, whatever font a piece of it is in. */
    private final float[] lineMetrics;
    /** Open boxes: what is added goes into the innermost one, or onto the page when none is open. */
    private final Deque<Div> containers = new ArrayDeque<>();
    private boolean finished;
    private int pages;
    /** How many frames ({@link #boxed}) are open: a heading inside one is body-sized. */
    private int frames;
    /** Extra space asked by {@link #space()}, given to the next block as a top margin. */
    private float pendingSpace;
    /** The parts ({@link #part}) in page order; empty for a slip without parts. */
    private final List<Part> parts = new ArrayList<>();

    /** A part of the slip: the page it starts on (from 1) and the header of its following pages. */
    private record Part(int firstPage, String header) {
    }

    Slip(SlipStyle style, String language, String title, Fonts fonts, ScriptRuns scripts) {
        this.style = style;
        this.pdf = new PdfUADocument(new PdfWriter(out), new PdfUAConfig(PdfUAConformanceLevel.PDFUA_1, title, language));
        pdf.getDocumentInfo().setCreator("Relais");
        // Subsets embedded, each font only when used: a Latin-only slip carries DejaVu Sans alone.
        this.fonts = fonts.forDocument();
        this.scripts = scripts;
        this.regular = this.fonts.get(Typeface.DEJAVU, false);
        this.bold = this.fonts.get(Typeface.DEJAVU, true);
        this.lineMetrics = TextRenderer.calculateAscenderDescender(regular);
        // Pages stay in memory until the end, so that page numbers can be added once the count is known.
        this.document = new Document(pdf, style.pageSize(), false);
        document.setMargins(style.marginTop(), style.marginSide(), style.marginBottom(), style.marginSide());
        document.setFont(regular).setFontSize(style.body()).setFontColor(INK);
        document.setSplitCharacters(SPACES_HYPHENS_SLASHES);
    }

    /** True on paper wide enough to put blocks side by side (A4); false on a ticket. */
    public boolean isWide() {
        return style.wide();
    }

    // ------------------------------------------------------------------------------------------- text

    /** The main heading (H1), once per slip, near the top. */
    public Slip title(String text) {
        Paragraph p = paragraph(text, true, style.title()).setMarginTop(style.gap()).setMarginBottom(style.gap() * 1.5f);
        p.getAccessibilityProperties().setRole(StandardRoles.H1);
        return add(p);
    }

    /** A section heading (H2), kept on the same page as what follows it. */
    public Slip heading(String text) {
        boolean boxed = frames > 0;
        // Inside a frame the heading is body-sized: the frame already sets the part apart.
        Paragraph p = paragraph(text, true, boxed ? style.body() : style.heading())
                .setMarginTop(boxed ? style.gap() * 2 : style.headingGap()).setMarginBottom(style.gap());
        p.getAccessibilityProperties().setRole(StandardRoles.H2);
        p.setKeepWithNext(true);
        return add(p);
    }

    /** A paragraph of body text. */
    public Slip text(String text) {
        return add(paragraph(text, false, style.body()));
    }

    /** A paragraph of body text in bold. */
    public Slip boldText(String text) {
        return add(paragraph(text, true, style.body()));
    }

    /** One paragraph of several short lines, e.g. a postal address. Blank lines are left out. */
    public Slip lines(String... lines) {
        String joined = String.join("\n", java.util.Arrays.stream(lines)
                .filter(l -> l != null && !l.isBlank()).map(String::strip).toList());
        return joined.isEmpty() ? this : text(joined);
    }

    /** A key fact (a date, a time…): large and bold, 18 pt or more. */
    public Slip fact(String text) {
        Paragraph p = paragraph(text, true, style.fact()).setMultipliedLeading(FACT_LEADING);
        return add(p);
    }

    /** A piece of a paragraph: plain or bold text. */
    public record Run(String text, boolean bold) {
        public Run {
            Objects.requireNonNull(text, "text");
        }

        public static Run plain(String text) {
            return new Run(text, false);
        }

        public static Run bold(String text) {
            return new Run(text, true);
        }
    }

    /** One paragraph of body text made of plain and bold runs, e.g. "Je soussigné·e **Marie Durand** autorise…". */
    public Slip paragraph(Run... runs) {
        Paragraph p = emptyParagraph();
        for (Run run : runs) {
            append(p, run.text(), run.bold());
        }
        return add(p);
    }

    /** "Label value" in one paragraph, the label in bold (the label carries its own colon: "Durée :"). */
    public Slip labelled(String label, String value) {
        Paragraph p = emptyParagraph();
        append(p, label, true);
        append(p, " " + value, false);
        return add(p);
    }

    /** A web address on its own line(s): breaks only after a slash, never at one of its hyphens. */
    public Slip webAddress(String address) {
        Paragraph p = emptyParagraph();
        append(p, address, false).forEach(t -> t.setSplitCharacters(AFTER_SLASH));
        return add(p);
    }

    /**
     * "Label address" where the address is a web address: it breaks only after a slash, never at one of its
     * hyphens, so that nobody types a line-end hyphen or misses one.
     */
    public Slip labelledWebAddress(String label, String address) {
        Paragraph p = emptyParagraph();
        append(p, label + " ", true);
        append(p, address, false).forEach(t -> t.setSplitCharacters(AFTER_SLASH));
        return add(p);
    }

    /**
     * A label in bold, then a value as large as a fact (a booking or verification code), never broken inside;
     * the value goes to the next line when both do not fit on one.
     */
    public Slip labelledFact(String label, String value) {
        Paragraph p = emptyParagraph().setMultipliedLeading(FACT_LEADING);
        append(p, label + " ", true);
        append(p, value, true).forEach(t -> t.setFontSize(style.fact()).setSplitCharacters(NEVER));
        return add(p);
    }

    /** A bulleted list (L, LI, Lbl, LBody); an item is never cut across two pages. Nothing for an empty list. */
    public Slip bullets(List<String> items) {
        return list(items, BULLET, 0.7f, false);
    }

    /**
     * A checklist: like {@link #bullets} but each item has an empty box to tick (things to gather before going
     * somewhere), and the list is kept on one page when it fits on one. Nothing for an empty list.
     */
    public Slip checklist(List<String> items) {
        return list(items, CHECK_BOX, 0.5f, true);
    }

    /**
     * A bulleted list whose items mix plain and bold runs (a bold name, then its details); an item is never cut
     * across two pages. Nothing for an empty list.
     */
    public Slip richBullets(List<List<Run>> items) {
        if (items == null || items.isEmpty()) {
            return this;
        }
        com.itextpdf.layout.element.List list = new com.itextpdf.layout.element.List();
        list.setListSymbol(new Text(BULLET).setFont(bold));
        list.setSymbolIndent(style.body() * 0.7f);
        list.setMarginTop(0).setMarginBottom(style.gap()).setMarginLeft(style.body() * 0.2f);
        for (List<Run> item : items) {
            Paragraph p = emptyParagraph().setFontSize(style.body()).setMarginBottom(style.gap() * 0.6f);
            for (Run run : item) {
                append(p, run.text(), run.bold());
            }
            ListItem li = new ListItem();
            li.setKeepTogether(true);
            li.add(p);
            list.add(li);
        }
        return add(list);
    }

    private Slip list(List<String> items, String symbol, float indent, boolean keepTogether) {
        if (items == null || items.isEmpty()) {
            return this;
        }
        com.itextpdf.layout.element.List list = new com.itextpdf.layout.element.List();
        list.setListSymbol(new Text(symbol).setFont(bold));
        list.setSymbolIndent(style.body() * indent);
        list.setMarginTop(0).setMarginBottom(style.gap()).setMarginLeft(style.body() * 0.2f);
        list.setKeepTogether(keepTogether);
        for (String item : items) {
            ListItem li = new ListItem();
            li.setKeepTogether(true);
            li.add(paragraph(item, false, style.body()).setMarginBottom(style.gap() * 0.6f));
            list.add(li);
        }
        return add(list);
    }

    // ------------------------------------------------------------------------------------------- tables

    /**
     * A table of text (Table, THead/TH with a column scope, TBody/TD): its header row is repeated at the top of
     * every page it runs onto, and a row is never cut across two pages. An empty cell stays empty, to be filled
     * by hand (a signature); {@link #CHECK_BOX_CELL} is a box to tick. Nothing for no column.
     *
     * @param headers   the column headings
     * @param widths    the columns' relative widths, one per heading
     * @param rows      the cells of each row, one per heading
     * @param rowHeight the least height of a row (room to sign), in points; 0 for the text's height
     */
    public Slip table(List<String> headers, float[] widths, List<List<String>> rows, float rowHeight) {
        if (headers.isEmpty()) {
            return this;
        }
        if (widths.length != headers.size()) {
            throw new IllegalArgumentException("one width per column");
        }
        Table table = new Table(UnitValue.createPercentArray(widths)).useAllAvailableWidth();
        table.setMarginTop(style.gap()).setMarginBottom(style.gap() * 2);
        for (String header : headers) {
            Cell cell = cell(header, true);
            cell.getAccessibilityProperties().setRole(StandardRoles.TH);
            PdfStructureAttributes scope = new PdfStructureAttributes("Table");
            scope.addEnumAttribute("Scope", "Column");
            cell.getAccessibilityProperties().addAttributes(scope);
            table.addHeaderCell(cell);
        }
        for (List<String> row : rows) {
            if (row.size() != headers.size()) {
                throw new IllegalArgumentException("one cell per column");
            }
            for (String text : row) {
                Cell cell = cell(text, false);
                if (rowHeight > 0) {
                    cell.setMinHeight(rowHeight);
                }
                table.addCell(cell);
            }
        }
        return add(table);
    }

    /** A cell holding only a box to tick by hand. */
    public static final String CHECK_BOX_CELL = CHECK_BOX;

    private Cell cell(String text, boolean boldWeight) {
        Cell cell = new Cell().setBorder(new SolidBorder(INK, style.ruleWidth() * 0.6f))
                .setPadding(style.boxPadding() * 0.4f).setPaddingLeft(style.boxPadding() * 0.6f);
        cell.setKeepTogether(true);
        if (CHECK_BOX.equals(text)) {
            // Large enough to tick with a pen.
            cell.add(paragraph(text, boldWeight, style.fact()).setMarginBottom(0).setMultipliedLeading(1f));
        } else if (text != null && !text.isEmpty()) {
            cell.add(paragraph(text, boldWeight, style.body()).setMarginBottom(0));
        }
        return cell;
    }

    // ------------------------------------------------------------------------------------------- boxes

    /** A framed block (to draw the eye to a code, a warning…): what {@code content} adds goes inside the frame. */
    public Slip boxed(Consumer<Slip> content) {
        Div box = new Div()
                .setBorder(new SolidBorder(INK, style.ruleWidth()))
                .setPaddingTop(style.boxPadding()).setPaddingBottom(Math.max(0, style.boxPadding() - style.gap()))
                .setPaddingLeft(style.boxPadding() * 1.4f).setPaddingRight(style.boxPadding() * 1.4f)
                .setMarginTop(style.headingGap() * 0.7f).setMarginBottom(style.gap());
        box.setKeepTogether(true);
        frames++;
        try {
            return inside(box, content);
        } finally {
            frames--;
        }
    }

    /**
     * Blocks kept on one page, without a frame (a short section with its heading; the place, the date and the
     * signatures): when they do not fit at the bottom of a page, they all start the next one.
     */
    public Slip together(Consumer<Slip> content) {
        Div group = new Div();
        group.setKeepTogether(true);
        return inside(group, content);
    }

    /** A framed paragraph of body text. */
    public Slip boxedText(String text) {
        return boxed(s -> s.text(text));
    }

    /**
     * Two blocks side by side on wide paper (A4), one under the other on a ticket; read left, then right.
     * Each side gets the same width.
     */
    public Slip columns(Consumer<Slip> left, Consumer<Slip> right) {
        if (!style.wide()) {
            left.accept(this);
            right.accept(this);
            return this;
        }
        Div row = new Div();
        row.setKeepTogether(true);
        row.add(column(left, 0, style.headingGap() * 0.5f));
        row.add(column(right, style.headingGap() * 0.5f, 0));
        return add(clearFloats(row));
    }

    private Div column(Consumer<Slip> content, float paddingLeft, float paddingRight) {
        // A hair under half: two floats of exactly 50 % can round over the width and stack (seen at 12 pt).
        Div cell = new Div().setWidth(UnitValue.createPercentValue(49.99f)).setPaddingLeft(paddingLeft).setPaddingRight(paddingRight);
        cell.setProperty(Property.BOX_SIZING, BoxSizingPropertyValue.BORDER_BOX);
        cell.setProperty(Property.FLOAT, FloatPropertyValue.LEFT);
        containers.push(cell);
        try {
            content.accept(this);
        } finally {
            containers.pop();
        }
        return cell;
    }

    private static Div clearFloats(Div row) {
        Div clear = new Div();
        clear.setProperty(Property.CLEAR, ClearPropertyValue.BOTH);
        row.add(clear);
        return row;
    }

    /** An empty frame to sign in, with its label ("Signature de la personne aidée") at the top. */
    public Slip signatureBox(String label) {
        return add(signatureFrame(label));
    }

    /** Frames to sign in, side by side (e.g. mandant / mandataire), read left to right. */
    public Slip signatureBoxes(String... labels) {
        Div row = new Div().setMarginTop(style.headingGap()).setMarginBottom(style.gap());
        row.setKeepTogether(true);
        float width = 100f / labels.length;
        for (int i = 0; i < labels.length; i++) {
            Div cell = new Div().setWidth(UnitValue.createPercentValue(width))
                    .setPaddingLeft(i == 0 ? 0 : style.gap()).setPaddingRight(i == labels.length - 1 ? 0 : style.gap());
            cell.setProperty(Property.BOX_SIZING, BoxSizingPropertyValue.BORDER_BOX);
            cell.setProperty(Property.FLOAT, FloatPropertyValue.LEFT);
            cell.add(signatureFrame(labels[i]).setMarginTop(0).setMarginBottom(0));
            row.add(cell);
        }
        return add(clearFloats(row));
    }

    private Div signatureFrame(String label) {
        Div frame = new Div()
                .setBorder(new SolidBorder(INK, style.ruleWidth()))
                .setPadding(style.boxPadding())
                .setMinHeight(style.signatureHeight())
                .setMarginTop(style.headingGap()).setMarginBottom(style.gap());
        frame.setKeepTogether(true);
        frame.add(paragraph(label, true, style.body()).setMarginBottom(0));
        return frame;
    }

    // ------------------------------------------------------------------------------------------- decoration

    /** A thin horizontal rule between parts (an artifact: not read aloud). */
    public Slip separator() {
        return add(rule(new SolidLine(style.ruleWidth() * 0.7f)));
    }

    /** A dashed line to cut along, between two copies on one sheet (an artifact). */
    public Slip cutLine() {
        DashedLine dashes = new DashedLine(style.ruleWidth());
        return add(rule(dashes));
    }

    /** A little vertical space (as much as before a heading) above the next block, to set a group apart. */
    public Slip space() {
        pendingSpace += style.headingGap();
        return this;
    }

    /**
     * Starts a part printed on pages of its own, e.g. one copy of a document made in two copies: it begins on a
     * new page (unless nothing is written yet); its pages are numbered within the part ("1/2") when it takes
     * more than one, and each page after its first carries {@code header} at the top, so that a loose sheet
     * still says which part it belongs to. The header is an artifact: write the same words at the start of
     * the part, where they are read. Sheets only (A4): a ticket's margin has no room for a header.
     */
    public Slip part(String header) {
        Objects.requireNonNull(header, "header");
        if (!style.wide()) {
            throw new IllegalStateException("parts are for sheets, not tickets");
        }
        if (!containers.isEmpty()) {
            throw new IllegalStateException("no part inside a box");
        }
        checkOpen();
        pendingSpace = 0;
        if (pdf.getNumberOfPages() > 0) {
            document.add(new AreaBreak());
        }
        parts.add(new Part(Math.max(1, pdf.getNumberOfPages()), header));
        return this;
    }

    /** Continues on a new page. */
    public Slip pageBreak() {
        if (!containers.isEmpty()) {
            throw new IllegalStateException("no page break inside a box");
        }
        checkOpen();
        document.add(new AreaBreak());
        return this;
    }

    private LineSeparator rule(ILineDrawer drawer) {
        drawer.setColor(INK);
        LineSeparator line = new LineSeparator(drawer);
        line.getAccessibilityProperties().setRole(StandardRoles.ARTIFACT);
        line.setMarginTop(style.headingGap() * 0.6f).setMarginBottom(style.headingGap() * 0.6f);
        return line;
    }

    // ------------------------------------------------------------------------------------------- end

    /** Number of pages laid out so far (the final count once {@link #toBytes()} has run). */
    public int pageCount() {
        return finished ? pages : pdf.getNumberOfPages();
    }

    /**
     * Finishes the document and returns the PDF. Pages are numbered ("1/2") when there is more than one, as
     * artifacts in the bottom margin; in a slip made of {@link #part parts}, within each part.
     */
    public byte[] toBytes() {
        checkOpen();
        if (!containers.isEmpty()) {
            throw new IllegalStateException("a box is still open");
        }
        pages = pdf.getNumberOfPages();
        finished = true;
        if (!parts.isEmpty()) {
            markParts();
        } else if (pages > 1) {
            for (int i = 1; i <= pages; i++) {
                numberPage(pdf.getPage(i), i, pages);
            }
        }
        document.close();
        return out.toByteArray();
    }

    /** Numbers the pages of each part that takes several, and heads the pages after its first. */
    private void markParts() {
        for (int p = 0; p < parts.size(); p++) {
            Part part = parts.get(p);
            int last = p + 1 < parts.size() ? parts.get(p + 1).firstPage() - 1 : pages;
            int count = last - part.firstPage() + 1;
            if (count < 2) {
                continue;
            }
            for (int i = part.firstPage(); i <= last; i++) {
                numberPage(pdf.getPage(i), i - part.firstPage() + 1, count);
                if (i > part.firstPage()) {
                    headPage(pdf.getPage(i), part.header());
                }
            }
        }
    }

    private void headPage(PdfPage page, String header) {
        Rectangle box = page.getPageSize();
        PdfCanvas canvas = new PdfCanvas(page);
        canvas.openTag(new CanvasArtifact());
        canvas.beginText()
                .setFontAndSize(bold, SlipStyle.MIN_BODY)
                .setFillColor(INK)
                .moveText(box.getLeft() + style.marginSide(), box.getTop() - style.headerBaselineFromTop())
                .showText(header)
                .endText();
        canvas.closeTag();
        canvas.release();
    }

    private void numberPage(PdfPage page, int number, int count) {
        String label = number + "/" + count;
        float size = SlipStyle.MIN_BODY;
        Rectangle box = page.getPageSize();
        float width = regular.getWidth(label, size);
        float baseline = box.getBottom() + style.pageNumberBaseline();
        PdfCanvas canvas = new PdfCanvas(page);
        canvas.openTag(new CanvasArtifact());
        canvas.beginText()
                .setFontAndSize(regular, size)
                .setFillColor(INK)
                .moveText(box.getRight() - style.marginSide() - width, baseline)
                .showText(label)
                .endText();
        canvas.closeTag();
        canvas.release();
    }

    // ------------------------------------------------------------------------------------------- helpers

    /** The text with its spaces made no-break spaces: a phone number or a code is never cut across lines. */
    public static String nonBreaking(String text) {
        return text.replace(' ', '\u00A0');
    }

    /** "mardi 3 mars 2026" may break after "mardi", never inside "3 mars 2026". */
    public static String keepTogetherAfterFirstWord(String text) {
        int space = text.indexOf(' ');
        return space < 0 ? text : text.substring(0, space + 1) + nonBreaking(text.substring(space + 1));
    }

    /** A web address as people type it: "https://" and a final slash add nothing for them. */
    public static String displayUrl(String url) {
        return url.strip().replaceFirst("^(?i)https?://", "").replaceFirst("/$", "");
    }

    private Slip inside(Div box, Consumer<Slip> content) {
        containers.push(box);
        try {
            content.accept(this);
        } finally {
            containers.pop();
        }
        return add(box);
    }

    private Slip add(IBlockElement element) {
        checkOpen();
        if (pendingSpace > 0 && element instanceof com.itextpdf.layout.element.BlockElement<?> block) {
            UnitValue top = block.<UnitValue>getProperty(Property.MARGIN_TOP);
            block.setMarginTop((top == null ? 0 : top.getValue()) + pendingSpace);
            pendingSpace = 0;
        }
        Div box = containers.peek();
        if (box != null) {
            box.add(element);
        } else {
            document.add(element);
        }
        return this;
    }

    private void checkOpen() {
        if (finished) {
            throw new IllegalStateException("the slip is already finished");
        }
    }

    private Paragraph emptyParagraph() {
        return new Paragraph().setFontColor(INK).setMultipliedLeading(style.leading())
                .setMarginTop(0).setMarginBottom(style.gap());
    }

    private Paragraph paragraph(String text, boolean boldWeight, float size) {
        Objects.requireNonNull(text, "text");
        Paragraph p = emptyParagraph().setFont(boldWeight ? bold : regular).setFontSize(size);
        append(p, text, boldWeight);
        return p;
    }

    /**
     * Adds {@code text} to the paragraph as pieces each drawn by a font that has its characters (Latin, Greek,
     * Cyrillic, Arabic, Hebrew, Chinese, Japanese, Korean), right-to-left runs shaped and in reading order.
     *
     * @return the pieces added, to style them all alike
     */
    private List<Text> append(Paragraph p, String text, boolean boldWeight) {
        List<Text> added = new ArrayList<>();
        for (ScriptRuns.Piece piece : scripts.pieces(text, boldWeight)) {
            Text t = new PieceText(piece, fonts.get(piece.face(), piece.boldWeight()), lineMetrics);
            p.add(t);
            added.add(t);
        }
        return added;
    }
}
