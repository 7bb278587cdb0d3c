package fr.relais.mandate;

import fr.relais.security.CurrentStaff;
import fr.relais.site.Site;
import fr.relais.site.Sites;
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
 * A habilitated helper of the site drafts a mandate with the person, prints it in two copies and records that the
 * paper was signed. Anyone else of the site is refused (403); another site's mandate answers like an unknown one.
 */
@Controller("/mandats")
@Produces(MediaType.TEXT_HTML)
@Secured({"HELPER", "DIRECTOR"})
@ExecuteOn(TaskExecutors.BLOCKING)
class MandateDraftController {
    private final Mandates mandates;
    private final MandateAccess access;
    private final MandatePages pages;
    private final MandateDocuments documents;
    private final Sites sites;
    private final Forms forms;

    MandateDraftController(Mandates mandates, MandateAccess access, MandatePages pages, MandateDocuments documents,
                           Sites sites, Forms forms) {
        this.mandates = mandates;
        this.access = access;
        this.pages = pages;
        this.documents = documents;
        this.sites = sites;
        this.forms = forms;
    }

    @Get("/{siteId}/nouveau")
    MutableHttpResponse<?> blank(long siteId, CurrentStaff me, Locale locale) {
        Site site = access.drafting(me, siteId);
        return pages.form(site, MandateForm.empty(sites.today(site)), Map.of(), locale).ok();
    }

    @Post("/{siteId}/nouveau")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> draft(long siteId, @Body MandateForm form, CurrentStaff me, Locale locale) {
        Site site = access.drafting(me, siteId);
        Forms.Errors errors = forms.validate(form, locale);
        if (!errors.isEmpty()) {
            return pages.form(site, form, errors.asMap(), locale).invalid();
        }
        Mandate saved = mandates.draft(site.id(), me.id(), form.values());
        return Page.seeOther(MandatePages.path(saved) + "?enregistre=1");
    }

    @Get(value = "/{siteId}/{mandateId}/mandat.pdf", produces = Downloads.PDF)
    MutableHttpResponse<byte[]> print(long siteId, long mandateId, CurrentStaff me, Locale locale) {
        Site site = access.drafting(me, siteId);
        Mandate m = mandates.find(site.id(), mandateId).orElseThrow(NotFoundException::new);
        mandates.printed(m, me.id());
        return Downloads.pdf(documents.mandate(pages.print(site, m, locale), locale), "mandat-" + m.id() + ".pdf");
    }

    @Post("/{siteId}/{mandateId}/signature")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> signed(long siteId, long mandateId, CurrentStaff me, Locale locale) {
        Site site = access.drafting(me, siteId);
        Mandate m = mandates.find(site.id(), mandateId).orElseThrow(NotFoundException::new);
        if (mandates.activate(m, me.id()).isEmpty()) {
            return pages.detail(me, site, m, locale).with("actionError", "mandate.error.notDraft")
                    .status(HttpStatus.CONFLICT);
        }
        return Page.seeOther(MandatePages.path(m) + "?enregistre=1");
    }
}
