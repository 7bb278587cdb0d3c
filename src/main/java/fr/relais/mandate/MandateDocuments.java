package fr.relais.mandate;

import fr.relais.pdf.Slip;
import fr.relais.pdf.SlipLayout;
import fr.relais.web.Messages;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The printed mandate and the revocation sheet: A4, PDF/UA-1, in two copies in one file (the person's, then the
 * library's), each copy on pages of its own. Plain short sentences: many readers read with difficulty.
 */
@Singleton
class MandateDocuments {
    /**
     * The whole mandate in plain words does not fit one page in type of 12 pt or more: each copy takes two pages,
     * in the largest type that allows it (more only for the longest mandates).
     */
    private static final int MANDATE_PAGES = 4;
    /** The revocation sheet: one page per copy. */
    private static final int REVOCATION_PAGES = 2;

    private final SlipLayout layout;
    private final Messages messages;

    MandateDocuments(SlipLayout layout, Messages messages) {
        this.layout = layout;
        this.messages = messages;
    }

    /**
     * The mandate in two copies, to be signed by the person and for the library.
     *
     * @param locale the reader's language (French when null or not supported)
     */
    byte[] mandate(MandatePrint p, Locale locale) {
        Objects.requireNonNull(p, "p");
        Locale lang = messages.supported(locale);
        // The document title outlives the paper (file lists, print queues): no name in it.
        String title = messages.get(lang, "mandate.pdf.docTitle", p.siteName());
        return layout.render(SlipLayout.PaperSize.A4, lang, title, MANDATE_PAGES, slip -> {
            for (String copy : List.of("mandate.pdf.copy.person", "mandate.pdf.copy.library")) {
                mandateCopy(slip, p, lang, messages.get(lang, copy));
            }
        });
    }

    /** The revocation sheet, in two copies like the mandate. */
    byte[] revocation(RevocationPrint r, Locale locale) {
        Objects.requireNonNull(r, "r");
        Locale lang = messages.supported(locale);
        String title = messages.get(lang, "mandate.pdf.revocation.docTitle", r.mandate().siteName());
        return layout.render(SlipLayout.PaperSize.A4, lang, title, REVOCATION_PAGES, slip -> {
            for (String copy : List.of("mandate.pdf.copy.person", "mandate.pdf.copy.library")) {
                revocationCopy(slip, r, lang, messages.get(lang, copy));
            }
        });
    }

    // ------------------------------------------------------------------------------------------- mandate

    private void mandateCopy(Slip slip, MandatePrint p, Locale lang, String copy) {
        // A loose second page still says which mandate and which copy it belongs to.
        slip.part(messages.get(lang, "mandate.pdf.header", p.verificationCode(), copy)).boldText(copy);
        slip.title(messages.get(lang, "mandate.pdf.title"));
        slip.fact(p.personName());
        parties(slip, p, lang);

        slip.heading(messages.get(lang, "mandate.pdf.request"));
        slip.richBullets(p.scopes().stream().map(s -> scopeLine(s, lang)).toList());
        slip.labelled(messages.get(lang, "mandate.pdf.purpose.label"), p.purpose().strip());
        slip.labelled(messages.get(lang, "mandate.pdf.duration.label"), durationAndDates(p, lang));
        slip.text(present(p.sitePhone())
                ? messages.get(lang, "mandate.pdf.revoke", Slip.nonBreaking(p.sitePhone().strip()))
                : messages.get(lang, "mandate.pdf.revoke.noPhone"));
        slip.boldText(messages.get(lang, "mandate.pdf.protection"));
        code(slip, p, lang);

        slip.together(data -> data
                .heading(messages.get(lang, "mandate.pdf.data"))
                .labelled(messages.get(lang, "mandate.pdf.data.what.label"), messages.get(lang, "mandate.pdf.data.what"))
                .labelled(messages.get(lang, "mandate.pdf.data.why.label"), messages.get(lang, "mandate.pdf.data.why"))
                .labelled(messages.get(lang, "mandate.pdf.data.howLong.label"),
                        messages.get(lang, "mandate.pdf.data.howLong"))
                .labelled(messages.get(lang, "mandate.pdf.data.rights.label"),
                        messages.get(lang, "mandate.pdf.data.rights")));

        slip.columns(left -> left
                        .heading(messages.get(lang, "mandate.pdf.duties"))
                        .bullets(texts(lang, "mandate.pdf.duties.onlyListed", "mandate.pdf.duties.onlyNeeded",
                                "mandate.pdf.duties.noSecrets", "mandate.pdf.duties.delete",
                                "mandate.pdf.duties.confidential")),
                right -> right
                        .heading(messages.get(lang, "mandate.pdf.end"))
                        .text(messages.get(lang, "mandate.pdf.end.intro"))
                        .bullets(texts(lang, "mandate.pdf.end.done", "mandate.pdf.end.byPerson",
                                "mandate.pdf.end.byLibrary", "mandate.pdf.end.replaced")));

        signatures(slip, p, p.printedOn(), lang);
    }

    /** The verification code, framed: whoever holds the paper can ask the library whether it is in force. */
    private void code(Slip slip, MandatePrint p, Locale lang) {
        slip.boxed(box -> box
                .labelledFact(messages.get(lang, "mandate.pdf.code.label"), p.verificationCode())
                .text(messages.get(lang, "mandate.pdf.code.help")));
    }

    /** The person, the library (the mandataire) and who prepared the mandate for it. */
    private void parties(Slip slip, MandatePrint p, Locale lang) {
        slip.labelled(messages.get(lang, "mandate.pdf.person.label"), p.personName());
        slip.labelled(messages.get(lang, "mandate.pdf.library.label"), library(p));
        if (present(p.helperName())) {
            slip.labelled(messages.get(lang, "mandate.pdf.preparedBy.label"),
                    messages.get(lang, "mandate.pdf.preparedBy", p.helperName().strip()));
        }
    }

    private List<Slip.Run> scopeLine(MandatePrint.ScopeLine scope, Locale lang) {
        List<Slip.Run> runs = new ArrayList<>();
        if (present(scope.examples())) {
            runs.add(Slip.Run.bold(messages.get(lang, "mandate.pdf.scope", scope.label().strip())));
            runs.add(Slip.Run.plain(" " + scope.examples().strip()));
        } else {
            runs.add(Slip.Run.bold(scope.label().strip()));
        }
        return runs;
    }

    /** "6 mois (182 jours), du 2 mars 2026 au 1er septembre 2026 inclus." */
    private String durationAndDates(MandatePrint p, Locale lang) {
        String key = "mandate.pdf.duration." + p.durationDays();
        String duration = messages.has(lang, key) ? messages.get(lang, key)
                : messages.get(lang, "mandate.pdf.duration.days", Integer.toString(p.durationDays()));
        return p.startDate().equals(p.endDate())
                ? messages.get(lang, "mandate.pdf.dates.oneDay", duration, date(p.startDate(), lang))
                : messages.get(lang, "mandate.pdf.dates", duration, date(p.startDate(), lang), date(p.endDate(), lang));
    }

    // ------------------------------------------------------------------------------------------- revocation

    private void revocationCopy(Slip slip, RevocationPrint r, Locale lang, String copy) {
        MandatePrint p = r.mandate();
        slip.part(messages.get(lang, "mandate.pdf.revocation.header", p.verificationCode(), copy)).boldText(copy);
        slip.title(messages.get(lang, "mandate.pdf.revocation.title"));
        slip.fact(p.personName());
        parties(slip, p, lang);

        slip.heading(messages.get(lang, "mandate.pdf.revocation.mandate"));
        slip.labelled(messages.get(lang, "mandate.pdf.revocation.code.label"), Slip.nonBreaking(p.verificationCode()));
        slip.labelled(messages.get(lang, "mandate.pdf.revocation.dates.label"), p.startDate().equals(p.endDate())
                ? messages.get(lang, "mandate.pdf.revocation.dates.oneDay", date(p.startDate(), lang))
                : messages.get(lang, "mandate.pdf.revocation.dates", date(p.startDate(), lang), date(p.endDate(), lang)));
        slip.boldText(messages.get(lang, "mandate.pdf.revocation.scopes"));
        // The names are enough to say which mandate ends; the sheet stays on one page.
        slip.bullets(p.scopes().stream().map(s -> s.label().strip()).toList());

        slip.heading(messages.get(lang, "mandate.pdf.revocation.section"));
        slip.labelled(messages.get(lang, "mandate.pdf.revocation.by.label"), messages.get(lang,
                r.byUser() ? "mandate.pdf.revocation.by.person" : "mandate.pdf.revocation.by.library"));
        slip.labelled(messages.get(lang, "mandate.pdf.revocation.reason.label"), present(r.reason())
                ? r.reason().strip() : messages.get(lang, "mandate.pdf.revocation.reason.none"));
        slip.labelledFact(messages.get(lang, "mandate.pdf.revocation.effect.label"), date(r.revokedOn(), lang));
        slip.boldText(messages.get(lang, "mandate.pdf.revocation.consequence", p.personName()));
        slip.text(messages.get(lang, "mandate.pdf.revocation.data"));

        signatures(slip, p, r.revokedOn(), lang);
    }

    // ------------------------------------------------------------------------------------------- shared

    /** "Fait à Lyon, le 1er septembre 2026." and the two signature boxes, on the same page. */
    private void signatures(Slip slip, MandatePrint p, LocalDate on, Locale lang) {
        slip.space().together(s -> s
                .text(present(p.siteTown())
                        ? messages.get(lang, "mandate.pdf.madeAt", p.siteTown().strip(), date(on, lang))
                        : messages.get(lang, "mandate.pdf.madeOn", date(on, lang)))
                .signatureBoxes(messages.get(lang, "mandate.pdf.sign.person"),
                        messages.get(lang, "mandate.pdf.sign.library")));
    }

    private static String library(MandatePrint p) {
        List<String> parts = new ArrayList<>();
        parts.add(p.siteName().strip());
        p.siteAddressLines().stream().filter(MandateDocuments::present).map(String::strip).forEach(parts::add);
        return String.join(", ", parts);
    }

    private List<String> texts(Locale lang, String... keys) {
        return java.util.Arrays.stream(keys).map(k -> messages.get(lang, k)).toList();
    }

    /** "2 mars 2026", "1er septembre 2026" (never cut across two lines). */
    String date(LocalDate date, Locale lang) {
        String text = DateTimeFormatter.ofPattern(messages.get(lang, "mandate.pdf.date.pattern"), lang).format(date);
        if (date.getDayOfMonth() == 1 && text.startsWith("1 ")) {
            text = messages.get(lang, "mandate.pdf.date.first") + text.substring(1);
        }
        return Slip.nonBreaking(text);
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
