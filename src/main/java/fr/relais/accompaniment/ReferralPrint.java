package fr.relais.accompaniment;

import fr.relais.partner.Partner;
import fr.relais.partner.OpeningHoursText;
import fr.relais.partner.PartnerAccess;
import fr.relais.partner.ReferralSlip;
import fr.relais.partner.ReferralSlipData;
import fr.relais.privacy.NoSensitiveData;
import fr.relais.reference.ReferenceData;
import fr.relais.site.Site;
import fr.relais.web.Forms;
import fr.relais.web.Messages;
import fr.relais.web.Text;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The referral slip of a REFER record: the reasons to print are chosen among the record's themes and scopes, the
 * lines to bring start from the reference list and the partner's own, and the person's name may be typed. What is
 * typed goes into the PDF and nowhere else.
 */
@Singleton
class ReferralPrint {
    static final int MAX_LINES = 20;
    private final ReferenceData reference;
    private final PartnerChoices partners;
    private final ReferralSlip slip;
    private final Messages messages;
    private final OpeningHoursText hours;

    ReferralPrint(ReferenceData reference, PartnerChoices partners, ReferralSlip slip, Messages messages,
                  OpeningHoursText hours) {
        this.reference = reference;
        this.partners = partners;
        this.slip = slip;
        this.messages = messages;
        this.hours = hours;
    }

    /** The print form: never bound to a stored record, never logged. Reasons ticked arrive without blanks or repeats. */
    @Serdeable
    record Form(@Nullable @Size(max = 80, message = "error.tooLong")
                @NoSensitiveData(message = "accompaniment.error.note.sensitive") String personName,
                @Nullable @NotEmpty(message = "accompaniment.error.reason.required")
                @Size(max = 30, message = "error.choice") List<String> reasons,
                @Nullable @Size(max = 2000, message = "error.tooLong") @MaxLines(max = MAX_LINES)
                @NoSensitiveData(message = "accompaniment.error.note.sensitive") String bring) {

        Form {
            reasons = reasons == null ? List.of()
                    : reasons.stream().filter(r -> r != null && !r.isBlank()).distinct().toList();
        }

        List<String> bringLines() {
            return bring == null ? List.of()
                    : Arrays.stream(bring.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList();
        }
    }

    /** A reason offered: {@code T:THEME} or {@code S:SCOPE}, with its words. */
    record Reason(String code, String label) {
    }

    /** The partner of a referral, while the site may still refer to it; empty for any other record. */
    Optional<Partner> partner(Site site, Accompaniment a) {
        return a.mode() == AccompanimentMode.REFER && a.partnerId() != null
                ? partners.visible(site.id(), a.partnerId()) : Optional.empty();
    }

    /** The reasons of a record: each theme, and for "aide aux démarches" each procedure scope instead. */
    List<Reason> reasons(Accompaniments.Detail d, Locale locale) {
        List<Reason> reasons = new ArrayList<>();
        for (String theme : d.themes()) {
            if (theme.equals(ReferenceData.PROCEDURES_THEME) && !d.scopes().isEmpty()) {
                d.scopes().forEach(s -> reasons.add(new Reason("S:" + s, reference.reason(theme, s, locale))));
            } else {
                reasons.add(new Reason("T:" + theme, reference.themeLabel(theme, locale)));
            }
        }
        return reasons;
    }

    /** What to bring, as first offered: the reference lines for the themes and scopes, then the partner's own. */
    List<String> defaultBring(Accompaniments.Detail d, Partner partner) {
        Set<String> lines = new LinkedHashSet<>();
        for (String theme : d.themes()) {
            if (theme.equals(ReferenceData.PROCEDURES_THEME) && !d.scopes().isEmpty()) {
                d.scopes().forEach(s -> lines.addAll(reference.whatToBring(theme, s)));
            } else {
                lines.addAll(reference.whatToBring(theme, null));
            }
        }
        lines.addAll(partner.whatToBringLines());
        return new ArrayList<>(lines);
    }

    /** After the constraints: the reasons ticked are the record's own. */
    void checkReasons(Form form, Accompaniments.Detail d, Locale locale, Forms.Errors errors) {
        List<String> known = reasons(d, locale).stream().map(Reason::code).toList();
        if (!errors.has("reasons") && !known.containsAll(form.reasons())) {
            errors.add("reasons", "error.choice");
        }
    }

    byte[] render(Site site, Partner partner, Accompaniments.Detail d, Form form, LocalDate today, Locale locale) {
        List<String> reasonLines = reasons(d, locale).stream().filter(r -> form.reasons().contains(r.code()))
                .map(Reason::label).toList();
        List<String> reach = partners.access(partner).stream().map(PartnerAccess::labelKey)
                .map(k -> messages.get(locale, k)).toList();
        List<String> hourLines = hours.lines(partner.openingHours(), locale);
        ReferralSlipData data = new ReferralSlipData(partner.name(),
                reference.partnerKindLabel(partner.kindCode(), locale), partner.addressLines(),
                // Said plainly ("Du lundi au vendredi : 8h30 – 12h00"), one line per rule.
                hourLines.isEmpty() ? null : String.join("\n", hourLines),
                partner.phone(), partner.email(), partner.website(), reach, reasonLines, form.bringLines(), site.name(),
                site.phone(), Text.squeeze(Text.blankToNull(form.personName())), today);
        return slip.render(data, locale);
    }
}
