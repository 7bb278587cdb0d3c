package fr.relais.mandate;

import fr.relais.security.CurrentStaff;
import fr.relais.site.Site;
import fr.relais.web.Downloads;
import fr.relais.web.Forms;
import fr.relais.web.NotFoundException;
import fr.relais.web.Page;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;

import java.util.Locale;
import java.util.Map;

/**
 * Ending a mandate before its end date, at the person's request or the library's, and printing the revocation sheet.
 * Habilitated helpers and directors of the site; anyone else of the site is refused (403).
 */
@Controller("/mandats")
@Produces(MediaType.TEXT_HTML)
@Secured({"HELPER", "DIRECTOR"})
@ExecuteOn(TaskExecutors.BLOCKING)
class MandateRevocationController {
    private final Mandates mandates;
    private final MandateAccess access;
    private final MandatePages pages;
    private final MandateDocuments documents;
    private final Forms forms;

    MandateRevocationController(Mandates mandates, MandateAccess access, MandatePages pages, MandateDocuments documents,
                                Forms forms) {
        this.mandates = mandates;
        this.access = access;
        this.pages = pages;
        this.documents = documents;
        this.forms = forms;
    }

    @Get("/{siteId}/{mandateId}/revocation")
    MutableHttpResponse<?> revocationForm(long siteId, long mandateId, CurrentStaff me, Locale locale) {
        Site site = access.revoking(me, siteId);
        Mandate m = mandates.find(site.id(), mandateId).orElseThrow(NotFoundException::new);
        return pages.revoke(site, m, RevocationForm.empty(), Map.of(), locale).ok();
    }

    @Post("/{siteId}/{mandateId}/revocation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> revoke(long siteId, long mandateId, @Body RevocationForm form, CurrentStaff me,
                                  Locale locale) {
        Site site = access.revoking(me, siteId);
        Mandate m = mandates.find(site.id(), mandateId).orElseThrow(NotFoundException::new);
        Forms.Errors errors = forms.validate(form, locale);
        if (!errors.isEmpty()) {
            return pages.revoke(site, m, form, errors.asMap(), locale).invalid();
        }
        if (mandates.revoke(m, me.id(), form.kind(), form.cleanReason()).isEmpty()) {
            return pages.detail(me, site, m, locale).with("actionError", "mandate.error.ended")
                    .status(HttpStatus.CONFLICT);
        }
        return Page.seeOther(MandatePages.path(m) + "?enregistre=1");
    }

    @Get(value = "/{siteId}/{mandateId}/revocation.pdf", produces = Downloads.PDF)
    MutableHttpResponse<byte[]> printRevocation(long siteId, long mandateId, CurrentStaff me, Locale locale) {
        Site site = access.revoking(me, siteId);
        Mandate m = mandates.find(site.id(), mandateId).filter(Mandate::hasRevocationSheet)
                .orElseThrow(NotFoundException::new);
        return Downloads.pdf(documents.revocation(pages.revocation(site, m, locale), locale),
                "revocation-mandat-" + m.id() + ".pdf");
    }
}
