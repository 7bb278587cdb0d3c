package fr.relais.pdf;

import jakarta.inject.Singleton;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The shared layout of every printed slip (appointment slips, mandates, referral slips…): an accessible
 * PDF/UA-1 document — tagged, language and title set, fonts embedded — in large black type on white. Names
 * and other typed text print in any of the scripts of {@link Typeface} (ADR 0013).
 *
 * <pre>{@code
 * byte[] pdf = slipLayout.render(SlipLayout.PaperSize.A6, locale, documentTitle, 1, slip -> slip
 *         .boldText(siteName)
 *         .title(messages.get(locale, "slip.appointment.title"))
 *         .fact(dateInWords)
 *         .bullets(thingsToBring));
 * }</pre>
 *
 * A {@link Slip} is used by one thread for one document; this factory is shared.
 */
@Singleton
public class SlipLayout {
    /** Paper sizes of the slips. */
    public enum PaperSize {
        /** A full sheet, 210 × 297 mm. */
        A4,
        /** A ticket, a quarter of a sheet: 105 × 148 mm, portrait. */
        A6
    }

    /** The smallest body text of a sheet, in points: what a ticket keeps when it shortens its texts instead. */
    public static final float SHEET_BODY = SlipStyle.MIN_BODY;

    private final Fonts fonts;
    private final ScriptRuns scripts;

    public SlipLayout() {
        this.fonts = new Fonts();
        this.scripts = new ScriptRuns(fonts);
    }

    /**
     * Starts a new slip.
     *
     * @param paper  the page size
     * @param locale the language of the text (only the language is used: "fr" or "en")
     * @param title  the document title, shown by PDF readers in place of the file name; no personal data
     */
    public Slip open(PaperSize paper, Locale locale, String title) {
        Objects.requireNonNull(paper, "paper");
        // The slip may run over several pages: keep room for their numbers.
        return open(SlipStyle.of(paper).withPageNumberRoom(), locale, title);
    }

    /**
     * Writes a slip that should fit on {@code maxPages} pages: {@code content} is laid out in the paper's
     * normal type size and, when that runs over, again one point smaller, down to 12 pt body text (facts stay
     * 18 pt or more), then once more with the key facts (a long partner's name) at 18 pt. When even that runs over,
     * the slip simply takes more pages, numbered ("1/2") in a bottom margin made taller for them.
     *
     * @param content writes the slip; it may run several times, so it must only write to the slip it is given
     */
    public byte[] render(PaperSize paper, Locale locale, String title, int maxPages, Consumer<Slip> content) {
        Objects.requireNonNull(content, "content");
        SlipStyle normal = SlipStyle.of(paper);
        for (float body = normal.body(); ; body -= 1f) {
            SlipStyle style = normal.shrunkTo(body);
            Slip slip = open(style, locale, title);
            content.accept(slip);
            byte[] pdf = slip.toBytes();
            if (slip.pageCount() <= maxPages) {
                return pdf;
            }
            if (body - 1f < SlipStyle.MIN_BODY) {
                SlipStyle smallFacts = style.withSmallestFacts();
                if (smallFacts.fact() < style.fact()) {
                    byte[] fitted = fitting(smallFacts, locale, title, maxPages, content);
                    if (fitted != null) {
                        return fitted;
                    }
                }
                Slip numbered = open(style.withPageNumberRoom(), locale, title);
                content.accept(numbered);
                return numbered.toBytes();
            }
        }
    }

    /**
     * Writes a slip that always fits one page (a ticket someone carries): the versions of its content, from the
     * fullest to the most shortened, are tried in turn. The first is laid out in the paper's normal type size and,
     * when that runs over, one point smaller at a time down to the paper's smallest body text (9 pt on a ticket,
     * facts staying 18 pt); each next version is laid out in that smallest size. The first that fits one page is
     * returned; when none does, the last one, on as many pages as it takes.
     *
     * @param versions writes the slip, from the fullest version to the shortest; each may run several times, so it
     *                 must only write to the slip it is given
     */
    public byte[] renderOnOnePage(PaperSize paper, Locale locale, String title, List<Consumer<Slip>> versions) {
        return renderOnOnePage(paper, locale, title, 0f, versions);
    }

    /**
     * Like {@link #renderOnOnePage(PaperSize, Locale, String, List)}, with body text never under
     * {@code smallestBody} points: a slip that would rather shorten its texts than print them small (a workshop
     * ticket keeps 12 pt, {@link #SHEET_BODY}) gives that size. The paper's own bounds win: its smallest body text
     * when {@code smallestBody} is lower, its normal one when higher. The one place where the versions of a
     * one-page slip are tried.
     */
    public byte[] renderOnOnePage(PaperSize paper, Locale locale, String title, float smallestBody,
                                  List<Consumer<Slip>> versions) {
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("no version of the slip");
        }
        SlipStyle normal = SlipStyle.of(paper);
        float floor = Math.min(normal.body(), Math.max(normal.minBody(), smallestBody));
        SlipStyle smallest = normal.shrunkTo(floor);
        for (float body = normal.body(); ; body = Math.max(floor, body - 1f)) {
            byte[] pdf = fitting(normal.shrunkTo(body), locale, title, 1, versions.get(0));
            if (pdf != null) {
                return pdf;
            }
            if (body <= floor + 0.001f) {
                break;
            }
        }
        for (Consumer<Slip> version : versions.subList(1, versions.size())) {
            byte[] pdf = fitting(smallest, locale, title, 1, version);
            if (pdf != null) {
                return pdf;
            }
        }
        Slip numbered = open(smallest.withPageNumberRoom(), locale, title);
        versions.get(versions.size() - 1).accept(numbered);
        return numbered.toBytes();
    }

    /** The slip when it fits {@code maxPages} pages in that style, else null. */
    private byte[] fitting(SlipStyle style, Locale locale, String title, int maxPages, Consumer<Slip> content) {
        Slip slip = open(style, locale, title);
        content.accept(slip);
        byte[] pdf = slip.toBytes();
        return slip.pageCount() <= maxPages ? pdf : null;
    }

    private Slip open(SlipStyle style, Locale locale, String title) {
        Objects.requireNonNull(title, "title");
        String language = locale == null || locale.getLanguage().isEmpty() ? "fr" : locale.getLanguage();
        return new Slip(style, language, title, fonts, scripts);
    }
}
