package fr.relais.partner;

import fr.relais.pdf.Slip;
import fr.relais.pdf.SlipLayout;
import fr.relais.web.Messages;
import jakarta.inject.Singleton;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The referral slip ("fiche d’orientation"): where the person is sent, how to reach them, why, what to bring,
 * and who to call at the library — on one A4 page in large black type, in the language asked for.
 */
@Singleton
public class ReferralSlip {
    /** At most this many items of at most this many characters per list for the lists to go side by side. */
    private static final int SIDE_BY_SIDE_ITEMS = 3;
    private static final int SIDE_BY_SIDE_LENGTH = 60;
    private static final Pattern SPACE_BEFORE_PUNCTUATION = Pattern.compile(" ([;:!?])");

    private final SlipLayout layout;
    private final Messages messages;

    public ReferralSlip(SlipLayout layout, Messages messages) {
        this.layout = layout;
        this.messages = messages;
    }

    /**
     * The slip as a PDF/UA-1 document.
     *
     * @param locale the language of the slip (French when null or not supported)
     */
    public byte[] render(ReferralSlipData data, Locale locale) {
        Objects.requireNonNull(data, "data");
        Locale lang = messages.supported(locale);
        // The title outlives the paper (file name, reader window): the partner, never the person.
        String title = messages.get(lang, "referral.docTitle", data.partnerName());
        ReferralSlipData printed = withAttachedPunctuation(data);
        return layout.render(SlipLayout.PaperSize.A4, lang, title, 1, slip -> write(slip, printed, lang));
    }

    private void write(Slip slip, ReferralSlipData data, Locale lang) {
        slip.title(messages.get(lang, "referral.title"));
        if (present(data.personName())) {
            slip.labelled(messages.get(lang, "referral.person.label"), data.personName().strip());
        }

        // Where to go: the name large, then what it is, its address, hours and contact details.
        slip.space().text(messages.get(lang, "referral.to"));
        slip.fact(data.partnerName().strip());
        if (present(data.partnerKindLabel())) {
            slip.text(data.partnerKindLabel().strip());
        }
        slip.lines(data.addressLines().toArray(String[]::new));
        if (present(data.openingHours())) {
            slip.labelled(messages.get(lang, "referral.hours.label"), data.openingHours().strip());
        }
        if (present(data.phone())) {
            slip.labelledFact(messages.get(lang, "referral.phone.label"), Slip.nonBreaking(data.phone().strip()));
        }
        if (present(data.email())) {
            slip.labelledWebAddress(messages.get(lang, "referral.email.label"), data.email().strip());
        }
        if (present(data.website())) {
            slip.labelledWebAddress(messages.get(lang, "referral.website.label"), Slip.displayUrl(data.website()));
        }

        if (sideBySide(data)) {
            slip.columns(left -> howToReach(left, data, lang), right -> reasons(right, data, lang));
        } else {
            howToReach(slip, data, lang);
            reasons(slip, data, lang);
        }
        if (!data.whatToBring().isEmpty()) {
            slip.heading(messages.get(lang, "referral.bring"));
            slip.checklist(data.whatToBring());
        }

        // The library's part, set apart by a rule: who decides, and whom to call back.
        slip.separator();
        slip.boldText(messages.get(lang, "referral.decision"));
        String library = present(data.libraryPhone())
                ? messages.get(lang, "referral.library.withPhone", data.libraryName().strip(),
                        Slip.nonBreaking(data.libraryPhone().strip()))
                : data.libraryName().strip();
        slip.labelled(messages.get(lang, "referral.library.label"), library);
        slip.text(messages.get(lang, "referral.date", date(data, lang)));
    }

    /**
     * Two short lists read well side by side, and the page keeps its large type; longer ones go one under the
     * other, where they have the whole width.
     */
    private static boolean sideBySide(ReferralSlipData data) {
        return !data.howToReach().isEmpty() && !data.reasons().isEmpty()
                && data.howToReach().size() <= SIDE_BY_SIDE_ITEMS && data.reasons().size() <= SIDE_BY_SIDE_ITEMS
                && Stream.concat(data.howToReach().stream(), data.reasons().stream())
                        .allMatch(item -> item.length() <= SIDE_BY_SIDE_LENGTH);
    }

    private void howToReach(Slip slip, ReferralSlipData data, Locale lang) {
        if (!data.howToReach().isEmpty()) {
            slip.heading(messages.get(lang, "referral.howToReach"));
            slip.bullets(data.howToReach());
        }
    }

    private void reasons(Slip slip, ReferralSlipData data, Locale lang) {
        if (data.reasons().isEmpty()) {
            return;
        }
        slip.heading(messages.get(lang, "referral.reasons"));
        if (data.reasons().size() == 1) {
            slip.text(data.reasons().get(0));
        } else {
            slip.bullets(data.reasons());
        }
    }

    /** "mardi 3 mars 2026" / "Tuesday 3 March 2026", the day never cut from its month and year. */
    private String date(ReferralSlipData data, Locale lang) {
        return Slip.keepTogetherAfterFirstWord(
                DateTimeFormatter.ofPattern(messages.get(lang, "slip.date.pattern"), lang).format(data.date()));
    }

    /**
     * The free texts with a no-break space before ; : ! ? where they had a space ("Famille : …" comes typed the
     * French way), so that no line of the slip starts with one of them.
     */
    private static ReferralSlipData withAttachedPunctuation(ReferralSlipData d) {
        return new ReferralSlipData(attach(d.partnerName()), attach(d.partnerKindLabel()), attach(d.addressLines()),
                attach(d.openingHours()), d.phone(), d.email(), d.website(), attach(d.howToReach()),
                attach(d.reasons()), attach(d.whatToBring()), attach(d.libraryName()), d.libraryPhone(),
                d.personName(), d.date());
    }

    private static List<String> attach(List<String> lines) {
        return lines.stream().map(ReferralSlip::attach).toList();
    }

    private static String attach(String text) {
        return text == null ? null : SPACE_BEFORE_PUNCTUATION.matcher(text).replaceAll("\u00A0$1");
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
