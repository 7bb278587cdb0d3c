package fr.relais.pdf;

import com.itextpdf.kernel.geom.PageSize;

/**
 * Sizes for one paper size, in points. Body text is never under 12 pt on a sheet, nor under 9 pt on a ticket (which
 * always fits one page, see {@link SlipLayout#renderOnOnePage}); key facts are never under 18 pt.
 */
record SlipStyle(
        PageSize pageSize,
        float marginTop, float marginSide, float marginBottom,
        float body, float fact, float title, float heading,
        float leading, float gap, float headingGap, float ruleWidth, float boxPadding, float signatureHeight,
        boolean wide) {

    static final float MIN_BODY = 12f;
    /** A ticket (A6) that would run onto a second page in 12 pt text may go down to 9 pt. */
    static final float MIN_TICKET_BODY = 9f;
    static final float MIN_FACT = 18f;

    SlipStyle {
        if (body < (wide ? MIN_BODY : MIN_TICKET_BODY) - 0.001f || fact < MIN_FACT - 0.001f) {
            throw new IllegalArgumentException("slips use body text of 12 pt or more (9 pt on a ticket) and facts "
                    + "of 18 pt or more");
        }
    }

    /** The smallest body text on this paper: 12 pt on a sheet, 9 pt on a ticket. */
    float minBody() {
        return wide ? MIN_BODY : MIN_TICKET_BODY;
    }

    static SlipStyle of(SlipLayout.PaperSize paper) {
        return switch (paper) {
            // 2 cm side margins; 14 pt body is comfortable for poor eyesight.
            case A4 -> new SlipStyle(PageSize.A4, 50f, 56f, 44f, 14f, 26f, 24f, 17f,
                    1.25f, 5f, 16f, 1.5f, 12f, 90f, true);
            // A6 ticket: narrow margins (4–5 mm, still inside what printers reach) and tight spacing, so that
            // 12 pt text fits one page.
            case A6 -> new SlipStyle(PageSize.A6, 12f, 14f, 12f, 12f, 18f, 14f, 13f,
                    1.12f, 0.8f, 5f, 1.2f, 4f, 60f, false);
        };
    }

    /** The same style with key facts at their smallest size, 18 pt. */
    SlipStyle withSmallestFacts() {
        return new SlipStyle(pageSize, marginTop, marginSide, marginBottom, body, MIN_FACT, title, heading,
                leading, gap, headingGap, ruleWidth, boxPadding, signatureHeight, wide);
    }

    /** Bottom margin that leaves room for a page number ("1/2") under the text. */
    static final float PAGE_NUMBER_ROOM = 32f;

    /** The same style with a bottom margin tall enough for page numbers. */
    SlipStyle withPageNumberRoom() {
        if (marginBottom >= PAGE_NUMBER_ROOM) {
            return this;
        }
        return new SlipStyle(pageSize, marginTop, marginSide, PAGE_NUMBER_ROOM, body, fact, title, heading,
                leading, gap, headingGap, ruleWidth, boxPadding, signatureHeight, wide);
    }

    /** Where the baseline of a page number goes, from the bottom edge: 4 mm or more, inside what printers reach. */
    float pageNumberBaseline() {
        return Math.max(marginBottom - MIN_BODY - 8f, 6f);
    }

    /** Where the baseline of a page header goes, from the top edge: as far above the text as a page number is below. */
    float headerBaselineFromTop() {
        return Math.max(marginTop - MIN_BODY - 8f, MIN_BODY);
    }

    /**
     * The same style with text and spacing made smaller so that more fits on a page — never under {@link #minBody()}
     * for body text nor 18 pt for facts. Margins, rules and signature boxes keep their size.
     */
    SlipStyle shrunkTo(float bodySize) {
        float f = Math.max(minBody(), bodySize) / body;
        if (f >= 1f) {
            return this;
        }
        return new SlipStyle(pageSize, marginTop, marginSide, marginBottom,
                body * f, Math.max(MIN_FACT, fact * f), Math.max(body * f, title * f), Math.max(body * f, heading * f),
                leading, gap * f, headingGap * f, ruleWidth, boxPadding * f, signatureHeight, wide);
    }
}
