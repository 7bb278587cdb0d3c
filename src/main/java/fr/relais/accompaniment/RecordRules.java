package fr.relais.accompaniment;

import fr.relais.mandate.MandateAuthority;
import fr.relais.security.CurrentStaff;
import fr.relais.site.Site;
import fr.relais.web.Forms;
import jakarta.inject.Singleton;

/**
 * The rules of a record that its constraints cannot check, added after them to the same errors: the moment at the
 * site's time, acting for someone under a mandate of the site ({@link MandateAuthority}), and a partner the site may
 * refer to.
 */
@Singleton
class RecordRules {
    private final LogTime time;
    private final MandateAuthority mandates;
    private final PartnerChoices partners;

    RecordRules(LogTime time, MandateAuthority mandates, PartnerChoices partners) {
        this.time = time;
        this.mandates = mandates;
        this.partners = partners;
    }

    void check(CurrentStaff me, Site site, AccompanimentForm form, Forms.Errors errors) {
        if (!errors.has("date") && !errors.has("time")) {
            LogTime.checkMoment(form, time.now(site), errors);
        }
        if (form.is(AccompanimentMode.DO_FOR) && !errors.has("mode")) {
            Long mandate = errors.has("mandateId") ? null : form.mandate();
            mandates.check(me, site.id(), mandate, form.scopes()).ifPresent(r -> {
                // A scope refused already says why the mandate cannot cover it.
                if (r != MandateAuthority.Refusal.SCOPE_NOT_COVERED || !errors.has("scopes")) {
                    refused(r, errors);
                }
            });
        }
        if (form.is(AccompanimentMode.REFER) && !errors.has("partnerId")
                && partners.visible(site.id(), form.partner()).isEmpty()) {
            errors.add("partnerId", "error.choice");
        }
    }

    /** Why acting for the person is refused, next to the choice it is about. */
    static void refused(MandateAuthority.Refusal refusal, Forms.Errors errors) {
        errors.add(refusal == MandateAuthority.Refusal.NOT_HABILITATED ? "mode" : "mandateId", refusal.messageKey());
    }
}
