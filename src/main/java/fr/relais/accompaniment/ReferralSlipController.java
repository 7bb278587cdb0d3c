package fr.relais.accompaniment;

import fr.relais.partner.Partner;
import fr.relais.security.CurrentStaff;
import fr.relais.site.Site;
import fr.relais.site.Sites;
import fr.relais.web.Downloads;
import fr.relais.web.Forms;
import fr.relais.web.NotFoundException;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;

import java.util.Locale;

/**
 * The referral slip, printed by the helper who referred the person from the record's page. It is made from the form
 * as posted (the person's name, the reasons, the lines to bring) and the stored record (the partner): nothing typed
 * here is stored or logged, the PDF is the only thing made of it.
 */
@Controller("/accompagnements")
@Secured("HELPER")
@ExecuteOn(TaskExecutors.BLOCKING)
class ReferralSlipController {
    private final Sites sites;
    private final Accompaniments accompaniments;
    private final ReferralPrint referrals;
    private final RecordPages pages;
    private final RecordAccess access;
    private final LogTime time;
    private final Forms forms;

    ReferralSlipController(Sites sites, Accompaniments accompaniments, ReferralPrint referrals, RecordPages pages,
                           RecordAccess access, LogTime time, Forms forms) {
        this.sites = sites;
        this.accompaniments = accompaniments;
        this.referrals = referrals;
        this.pages = pages;
        this.access = access;
        this.time = time;
        this.forms = forms;
    }

    @Post("/{siteId}/{id}/fiche-orientation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces({Downloads.PDF, MediaType.TEXT_HTML})
    MutableHttpResponse<?> print(long siteId, long id, @Body ReferralPrint.Form form, CurrentStaff me, Locale locale) {
        Site site = sites.manageable(me, siteId);
        Accompaniment a = access.own(me, site, id);
        // Not a referral, or to a partner since withdrawn from the directory: there is nothing to print.
        Partner partner = referrals.partner(site, a).orElseThrow(NotFoundException::new);
        Accompaniments.Detail d = accompaniments.detail(a.id());
        Forms.Errors errors = forms.validate(form, locale);
        referrals.checkReasons(form, d, locale, errors);
        if (!errors.isEmpty()) {
            return pages.detail(me, site, a, access.correctable(a, site), form, errors.asMap(), locale).invalid();
        }
        byte[] pdf = referrals.render(site, partner, d, form, time.today(site), locale);
        // It may carry a name: no copy kept on the way.
        return Downloads.pdf(pdf, "fiche-orientation.pdf").header("Cache-Control", "no-store");
    }
}
