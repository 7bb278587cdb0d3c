package fr.relais.workshop;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import fr.relais.pdf.Slip;
import fr.relais.pdf.SlipLayout;
import fr.relais.web.Messages;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

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
     * How much of the long texts a ticket prints: everything, then each of the library's texts cut shorter, then
     * none of them (a line says where they are), then also the name, title and address cut (200-character
     * addresses exist only in tests, but the ticket must stay one page whatever the data).
     */
    enum Fit {
        WHOLE(0, 0), TEXTS_240(240, 0), TEXTS_150(150, 0), TEXTS_90(90, 0), NO_TEXTS(-1, 0), SHORT_FACTS(-1, 70);

        /** Longest text kept (0: whole, -1: left out). */
        final int texts;
        /** Longest site name, title or address line kept (0: whole). */
        final int facts;

        Fit(int texts, int facts) {
            this.texts = texts;
            this.facts = facts;
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
            return layout.render(format.paper, lang, title, 1, slip -> write(slip, data, lang, Fit.WHOLE));
        }
        byte[] pdf = null;
        for (Fit fit : Fit.values()) {
            pdf = layout.render(format.paper, lang, title, 1, slip -> write(slip, data, lang, fit));
            if (pages(pdf) == 1) {
                break;
            }
        }
        return pdf;
    }

    private void write(Slip slip, Data d, Locale lang, Fit fit) {
        slip.boldText(cut(d.siteName(), fit.facts));
        slip.title(cut(d.workshopTitle(), fit.facts));
        slip.fact(Slip.keepTogetherAfterFirstWord(words.date(d.date(), lang)));
        slip.fact(words.get(lang, "agenda.slip.time", Slip.nonBreaking(words.time(d.time(), lang)),
                Slip.nonBreaking(words.time(d.time().plusMinutes(d.durationMinutes()), lang))));
        slip.labelled(words.get(lang, "agenda.slip.length.label"), words.length(d.durationMinutes(), lang));
        slip.labelled(words.get(lang, "agenda.slip.level.label"), words.level(d.level(), lang));
        slip.labelled(words.get(lang, "agenda.slip.person.label"), d.seats() == 1
                ? words.get(lang, "agenda.slip.person.one", d.firstName())
                : words.get(lang, "agenda.slip.person.many", d.firstName(), d.seats()));
        if (present(d.room())) {
            slip.labelled(words.get(lang, "agenda.slip.room.label"), d.room().strip());
        }
        slip.labelled(words.get(lang, "agenda.slip.status.label"), status(d, lang));
        texts(slip, d, lang, fit);
        if (slip.isWide()) {
            // A4: where to come on the left, the code and how to cancel on the right.
            slip.columns(left -> place(left, d, lang, fit), right -> code(right, d, lang));
        } else {
            place(slip, d, lang, fit);
            code(slip, d, lang);
        }
    }

    private String status(Data d, Locale lang) {
        return switch (d.status()) {
            case SEATED -> words.get(lang, d.seats() == 1 ? "agenda.slip.status.seated" : "agenda.slip.status.seatedMany");
            case WAITING -> d.position() == 1 ? words.get(lang, "agenda.slip.status.waitingFirst")
                    : words.get(lang, "agenda.slip.status.waiting", Integer.toString(d.position()));
            case CANCELLED_BY_USER, CANCELLED_BY_SITE -> words.get(lang, "agenda.slip.status.cancelled");
        };
    }

    /** What to bring and what to know already: headed sections on A4, labelled paragraphs on a ticket. */
    private void texts(Slip slip, Data d, Locale lang, Fit fit) {
        List<String> toBring = AgendaPages.lines(d.whatToBring());
        String prerequisites = present(d.prerequisites()) ? d.prerequisites().strip() : null;
        if (fit.texts < 0) {
            if (!toBring.isEmpty() || prerequisites != null) {
                slip.text(words.get(lang, "agenda.slip.more"));
            }
            return;
        }
        if (slip.isWide()) {
            if (!toBring.isEmpty()) {
                slip.heading(words.get(lang, "agenda.slip.bring"));
                if (toBring.size() == 1) {
                    slip.text(toBring.get(0));
                } else {
                    slip.bullets(toBring);
                }
            }
            if (prerequisites != null) {
                slip.heading(words.get(lang, "agenda.slip.prerequisites"));
                slip.text(prerequisites);
            }
            return;
        }
        String bring = toBring.isEmpty() ? null : String.join(" ; ", toBring);
        if (bring != null) {
            slip.labelled(words.get(lang, "agenda.slip.bring.label"), cut(bring, fit.texts));
        }
        if (prerequisites != null) {
            slip.labelled(words.get(lang, "agenda.slip.prerequisites.label"), cut(prerequisites, fit.texts));
        }
        boolean shortened = java.util.stream.Stream.of(bring, prerequisites, d.directions(), d.accessibility())
                .anyMatch(t -> t != null && !t.strip().equals(cut(t.strip(), fit.texts)));
        if (shortened) {
            slip.text(words.get(lang, "agenda.slip.more"));
        }
    }

    /** The address, the directions in words and the accessibility of the place. */
    private void place(Slip slip, Data d, Locale lang, Fit fit) {
        String town = join(" ", d.sitePostcode(), cut(d.siteTown(), fit.facts));
        String accessLabel = words.get(lang, "agenda.slip.access.label");
        if (slip.isWide()) {
            slip.heading(words.get(lang, "agenda.slip.address"));
            slip.lines(d.siteName(), d.siteAddressLine(), town);
            if (present(d.directions())) {
                slip.text(d.directions().strip());
            }
            if (present(d.accessibility())) {
                slip.labelled(accessLabel, d.accessibility().strip());
            }
            return;
        }
        // On a ticket every line counts: the name is at the top, the address is one labelled line, and the
        // directions and the accessibility share a paragraph.
        slip.space().labelled(words.get(lang, "agenda.slip.address.label"), join(", ", cut(d.siteAddressLine(), fit.facts), town));
        int limit = fit.texts < 0 ? 0 : fit.texts;
        String directions = present(d.directions()) && fit.texts >= 0 ? cut(d.directions().strip(), limit) : null;
        String access = present(d.accessibility()) && fit.texts >= 0 ? cut(d.accessibility().strip(), limit) : null;
        if (directions != null && access != null) {
            slip.paragraph(Slip.Run.plain(directions + " "), Slip.Run.bold(accessLabel), Slip.Run.plain(" " + access));
        } else if (directions != null) {
            slip.text(directions);
        } else if (access != null) {
            slip.labelled(accessLabel, access);
        }
    }

    /** The code and how to cancel or see the registration, framed together: the part to keep. */
    private void code(Slip slip, Data d, Locale lang) {
        slip.boxed(box -> {
            box.labelledFact(words.get(lang, "agenda.slip.code.label"), d.code());
            box.heading(words.get(lang, "agenda.slip.manage"));
            box.webAddress(Slip.displayUrl(d.manageUrl()));
            String phone = present(d.sitePhone()) ? Slip.nonBreaking(d.sitePhone().strip()) : null;
            box.text(phone != null ? words.get(lang, "agenda.slip.manage.howOrPhone", phone)
                    : words.get(lang, "agenda.slip.manage.how"));
        });
    }

    /** The text cut after a word so that it holds in {@code limit} characters, with "…"; whole when 0. */
    static String cut(String text, int limit) {
        if (text == null || limit <= 0 || text.length() <= limit) {
            return text;
        }
        int space = text.lastIndexOf(' ', limit - 1);
        return text.substring(0, space > limit / 2 ? space : limit - 1).strip() + "\u2026";
    }

    private static int pages(byte[] pdf) {
        try (PdfDocument document = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
            return document.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static String join(String separator, String... parts) {
        return String.join(separator, Arrays.stream(parts).filter(RegistrationSlip::present).map(String::strip).toList());
    }
}
