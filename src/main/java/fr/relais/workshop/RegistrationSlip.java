package fr.relais.workshop;

import fr.relais.pdf.Slip;
import fr.relais.pdf.SlipLayout;
import fr.relais.web.Messages;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The registration slip ("bulletin d'inscription"): which workshop, when, where, for whom, with what, the code
 * and how to cancel — in the person's language, large black type, through the shared slip layout (PDF/UA-1).
 * The A4 sheet says everything. The ticket (A6) is always one page: when the library's texts do not fit, the
 * longest of them are shortened step by step (the A4 sheet and the person's page keep them whole), and the
 * ticket says where to read them in full.
 */
@Singleton
class RegistrationSlip {

    /** A4 sheet, or a ticket (A6 portrait). */
    enum Format {
        A4(SlipLayout.PaperSize.A4),
        TICKET(SlipLayout.PaperSize.A6);

        private final SlipLayout.PaperSize paper;

        Format(SlipLayout.PaperSize paper) {
            this.paper = paper;
        }

        /** The format a link asks for; the A4 sheet for anything else. */
        static Format of(@Nullable String asked) {
            return "TICKET".equalsIgnoreCase(asked) ? TICKET : A4;
        }
    }

    /**
     * What the slip prints. Only the person's first name (or initials): no other personal data.
     *
     * @param position the place on the waiting list (1 = next) when waiting, 0 otherwise
     * @param manageUrl the page where the person cancels with the code and first name
     */
    record Data(String siteName, String siteAddressLine, String sitePostcode, String siteTown, @Nullable String sitePhone,
                @Nullable String directions, @Nullable String accessibility,
                LocalDate date, LocalTime time, int durationMinutes, String workshopTitle, WorkshopLevel level,
                @Nullable String room, @Nullable String whatToBring, @Nullable String prerequisites,
                String firstName, int seats, RegistrationStatus status, int position, String code, String manageUrl) {
    }

    /**
     * How much a ticket prints of the texts that can be long, tried in this order until the ticket holds on one
     * page: everything; then without the directions; the accessibility line shortened; what to bring and the
     * prerequisites shortened; the library's name, room and address shortened (and the accessibility left out);
     * what to bring and the prerequisites left out; at last the title shortened too (texts that long exist only in
     * tests, but the ticket must stay one page whatever the data). A line then says where the whole texts are:
     * the A4 sheet and the person's page online.
     */
    enum Fit {
        WHOLE(0, true, 0, 0, 0), NO_DIRECTIONS(0, false, 0, 0, 0), ACCESS_100(0, false, 100, 0, 0),
        TEXTS_150(150, false, 100, 0, 0), TEXTS_80(80, false, 100, 0, 0), PLACE_80(80, false, 100, 80, 0),
        PLACE_40(80, false, -1, 40, 0), NO_TEXTS(-1, false, -1, 40, 0), TITLE_60(-1, false, -1, 40, 60);

        /** Longest text to bring or prerequisite kept (0: whole, -1: left out). */
        final int texts;
        /** Whether the directions are printed. */
        final boolean directions;
        /** Longest accessibility line kept (0: whole, -1: left out). */
        final int access;
        /** Longest library name, room, address line or town kept (0: whole). */
        final int place;
        /** Longest title kept (0: whole). */
        final int title;

        Fit(int texts, boolean directions, int access, int place, int title) {
            this.texts = texts;
            this.directions = directions;
            this.access = access;
            this.place = place;
            this.title = title;
        }
    }

    private final SlipLayout layout;
    private final Messages messages;
    private final AgendaWords words;

    RegistrationSlip(SlipLayout layout, Messages messages, AgendaWords words) {
        this.layout = layout;
        this.messages = messages;
        this.words = words;
    }

    byte[] render(Data data, Format format, Locale locale) {
        Locale lang = messages.supported(locale);
        String title = words.get(lang, "agenda.slip.docTitle", words.date(data.date(), lang), data.siteName());
        if (format == Format.A4) {
            // One page for any ordinary data; the longest texts run onto a second, numbered.
            return layout.render(format.paper, lang, title, 1, slip -> sheet(slip, data, lang));
        }
        List<Consumer<Slip>> versions = Arrays.stream(Fit.values())
                .<Consumer<Slip>>map(fit -> slip -> ticket(slip, data, lang, fit)).toList();
        // Shortened texts rather than small type: the ticket keeps the 12 pt of a sheet.
        return layout.renderOnOnePage(format.paper, lang, title, SlipLayout.SHEET_BODY, versions);
    }

    /**
     * The A4 sheet: every fact on its own line, the place and the code side by side, then what to bring and the
     * prerequisites, whole. Should these run onto a second page (the longest texts), the code is on the first.
     */
    private void sheet(Slip slip, Data d, Locale lang) {
        slip.boldText(d.siteName());
        slip.title(d.workshopTitle());
        slip.fact(Slip.keepTogetherAfterFirstWord(words.date(d.date(), lang)));
        slip.fact(timeRange(d, lang));
        slip.labelled(words.get(lang, "agenda.slip.length.label"), words.length(d.durationMinutes(), lang));
        slip.labelled(words.get(lang, "agenda.slip.level.label"), words.level(d.level(), lang));
        slip.labelled(words.get(lang, "agenda.slip.person.label"), person(d, lang));
        if (present(d.room())) {
            slip.labelled(words.get(lang, "agenda.slip.room.label"), d.room().strip());
        }
        slip.labelled(words.get(lang, "agenda.slip.status.label"), status(d, lang, false));
        slip.columns(left -> {
            left.heading(words.get(lang, "agenda.slip.address"));
            left.lines(d.siteName(), d.siteAddressLine(), join(" ", d.sitePostcode(), d.siteTown()));
            if (present(d.directions())) {
                left.text(d.directions().strip());
            }
            if (present(d.accessibility())) {
                left.labelled(words.get(lang, "agenda.slip.access.label"), d.accessibility().strip());
            }
        }, right -> right.boxed(box -> {
            box.labelledFact(words.get(lang, "agenda.slip.code.label"), d.code());
            box.heading(words.get(lang, "agenda.slip.manage"));
            box.webAddress(Slip.displayUrl(d.manageUrl()));
            box.text(how(d, lang));
        }));
        List<String> toBring = AgendaPages.lines(d.whatToBring());
        if (!toBring.isEmpty()) {
            slip.heading(words.get(lang, "agenda.slip.bring"));
            if (toBring.size() == 1) {
                slip.text(toBring.get(0));
            } else {
                slip.bullets(toBring);
            }
        }
        if (present(d.prerequisites())) {
            slip.heading(words.get(lang, "agenda.slip.prerequisites"));
            slip.text(d.prerequisites().strip());
        }
    }

    /**
     * The ticket: the same facts, several to a line, the library's texts shortened as {@code fit} says. The code
     * and how to cancel are framed at the bottom.
     */
    private void ticket(Slip slip, Data d, Locale lang, Fit fit) {
        slip.boldText(cut(d.siteName(), fit.place));
        slip.title(cut(d.workshopTitle(), fit.title));
        slip.fact(Slip.keepTogetherAfterFirstWord(words.date(d.date(), lang)));
        slip.fact(timeRange(d, lang));
        slip.paragraph(Slip.Run.bold(words.get(lang, "agenda.slip.length.label")),
                Slip.Run.plain(" " + words.length(d.durationMinutes(), lang) + " \u00B7 "),
                Slip.Run.bold(words.get(lang, "agenda.slip.level.label")), Slip.Run.plain(" " + words.level(d.level(), lang)));
        slip.paragraph(Slip.Run.bold(words.get(lang, "agenda.slip.person.label")),
                Slip.Run.plain(" " + person(d, lang) + " \u2014 " + status(d, lang, true)));
        List<String> toBring = AgendaPages.lines(d.whatToBring());
        String bring = toBring.isEmpty() ? null : String.join(" ; ", toBring);
        String prerequisites = present(d.prerequisites()) ? d.prerequisites().strip() : null;
        if (fit.texts >= 0 && bring != null) {
            slip.labelled(words.get(lang, "agenda.slip.bring.label"), cut(bring, fit.texts));
        }
        if (fit.texts >= 0 && prerequisites != null) {
            slip.labelled(words.get(lang, "agenda.slip.prerequisites.label"), cut(prerequisites, fit.texts));
        }
        String room = present(d.room()) ? cut(d.room().strip(), fit.place) : null;
        slip.space().labelled(words.get(lang, "agenda.slip.address.label"),
                join(", ", room, cut(d.siteAddressLine(), fit.place), join(" ", d.sitePostcode(), cut(d.siteTown(), fit.place))));
        String directions = present(d.directions()) && fit.directions ? d.directions().strip() : null;
        String access = present(d.accessibility()) && fit.access >= 0 ? cut(d.accessibility().strip(), fit.access) : null;
        String accessLabel = words.get(lang, "agenda.slip.access.label");
        if (directions != null && access != null) {
            slip.paragraph(Slip.Run.plain(directions + " "), Slip.Run.bold(accessLabel), Slip.Run.plain(" " + access));
        } else if (directions != null) {
            slip.text(directions);
        } else if (access != null) {
            slip.labelled(accessLabel, access);
        }
        boolean shortened = longer(bring, fit.texts) || longer(prerequisites, fit.texts) || longer(d.accessibility(), fit.access)
                || (present(d.directions()) && !fit.directions);
        if (shortened) {
            slip.text(words.get(lang, "agenda.slip.more"));
        }
        slip.boxed(box -> {
            box.labelledFact(words.get(lang, "agenda.slip.code.label"), d.code());
            box.labelledWebAddress(words.get(lang, "agenda.slip.manage.label"), Slip.displayUrl(d.manageUrl()));
            if (present(d.sitePhone())) {
                box.text(words.get(lang, "agenda.slip.manage.phone", Slip.nonBreaking(d.sitePhone().strip())));
            }
        });
    }

    /** "de 10 h 00 à 11 h 30": each time kept whole on its line. */
    private String timeRange(Data d, Locale lang) {
        return words.get(lang, "agenda.slip.time", Slip.nonBreaking(words.time(d.time(), lang)),
                Slip.nonBreaking(words.time(d.time().plusMinutes(d.durationMinutes()), lang)));
    }

    private String person(Data d, Locale lang) {
        return d.seats() == 1 ? words.get(lang, "agenda.slip.person.one", d.firstName())
                : words.get(lang, "agenda.slip.person.many", d.firstName(), d.seats());
    }

    /** "with this code and your first name, or by phone on …". */
    private String how(Data d, Locale lang) {
        String phone = present(d.sitePhone()) ? Slip.nonBreaking(d.sitePhone().strip()) : null;
        return phone != null ? words.get(lang, "agenda.slip.manage.howOrPhone", phone) : words.get(lang, "agenda.slip.manage.how");
    }

    /** Seated, waiting (and where in line), or cancelled; on a ticket without the explanation. */
    private String status(Data d, Locale lang, boolean brief) {
        return switch (d.status()) {
            case SEATED -> words.get(lang, d.seats() == 1 ? "agenda.slip.status.seated" : "agenda.slip.status.seatedMany");
            case WAITING -> brief ? (d.position() == 1 ? words.get(lang, "agenda.slip.status.waitingShortFirst")
                    : words.get(lang, "agenda.slip.status.waitingShort", Integer.toString(d.position())))
                    : d.position() == 1 ? words.get(lang, "agenda.slip.status.waitingFirst")
                    : words.get(lang, "agenda.slip.status.waiting", Integer.toString(d.position()));
            case CANCELLED_BY_USER, CANCELLED_BY_SITE -> words.get(lang, "agenda.slip.status.cancelled");
        };
    }

    /** Whether a text is not printed whole under this limit (0: whole, -1: left out). */
    private static boolean longer(String text, int limit) {
        return present(text) && limit != 0 && (limit < 0 || text.strip().length() > limit);
    }

    /** The text cut after a word so that it holds in {@code limit} characters, with "…"; whole when 0, empty when -1. */
    static String cut(String text, int limit) {
        if (limit < 0) {
            return "";
        }
        if (text == null || limit == 0 || text.length() <= limit) {
            return text;
        }
        int space = text.lastIndexOf(' ', limit - 1);
        return text.substring(0, space > limit / 2 ? space : limit - 1).strip() + "\u2026";
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static String join(String separator, String... parts) {
        return String.join(separator, Arrays.stream(parts).filter(RegistrationSlip::present).map(String::strip).toList());
    }
}
