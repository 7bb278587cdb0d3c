package fr.relais.mandate;

import fr.relais.security.CurrentStaff;
import fr.relais.security.ShortCodes;
import fr.relais.site.Site;
import fr.relais.site.Sites;
import fr.relais.web.Forms;
import fr.relais.web.NotFoundException;
import fr.relais.web.Page;
import fr.relais.web.Text;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;

import java.util.Locale;
import java.util.Optional;

/**
 * Finding mandates at the desk of one site: the list (search by name, mandates about to end), one mandate's page,
 * and the check of a printed code. Helpers and directors of the site; network roles do not see mandates: they hold
 * names. Drafting is {@link MandateDraftController}, revoking {@link MandateRevocationController}.
 */
@Controller("/mandats")
@Produces(MediaType.TEXT_HTML)
@Secured({"HELPER", "DIRECTOR"})
@ExecuteOn(TaskExecutors.BLOCKING)
class MandateController {
    /** A name typed in the search is read up to this length. */
    static final int MAX_SEARCH = 120;

    private final Mandates mandates;
    private final MandateAccess access;
    private final MandatePages pages;
    private final Sites sites;
    private final Forms forms;

    MandateController(Mandates mandates, MandateAccess access, MandatePages pages, Sites sites, Forms forms) {
        this.mandates = mandates;
        this.access = access;
        this.pages = pages;
        this.sites = sites;
        this.forms = forms;
    }

    /** The first of one's sites. */
    @Get
    MutableHttpResponse<?> start(CurrentStaff me) {
        return sites.visibleTo(me).stream().findFirst()
                .<MutableHttpResponse<?>>map(s -> Page.seeOther("/mandats/" + s.id()))
                .orElseThrow(NotFoundException::new);
    }

    @Get("/{siteId}")
    MutableHttpResponse<?> list(long siteId, @Nullable @QueryValue String nom, CurrentStaff me, Locale locale) {
        Site site = access.reading(me, siteId);
        String typed = nom == null ? "" : nom.length() > MAX_SEARCH ? nom.substring(0, MAX_SEARCH) : nom;
        Page page = Page.of(MandatePages.LIST).title("mandate.list.title").with("site", site)
                .with("sites", sites.visibleTo(me))
                .with("canDraft", MandateAccess.canDraft(me, site))
                .with("nom", typed)
                .with("searched", !typed.isBlank())
                .with("expiring", pages.rows(mandates.expiringSoon(site), site, locale));
        if (!typed.isBlank()) {
            page.with("results", pages.rows(mandates.search(site.id(), typed), site, locale));
        }
        return page.ok();
    }

    @Get("/{siteId}/{mandateId}")
    MutableHttpResponse<?> detail(long siteId, long mandateId, CurrentStaff me, Locale locale) {
        Site site = access.reading(me, siteId);
        Mandate m = mandates.find(site.id(), mandateId).orElseThrow(NotFoundException::new);
        mandates.opened(m, me.id());
        return pages.detail(me, site, m, locale).ok();
    }

    @Get("/{siteId}/verification")
    MutableHttpResponse<?> verify(long siteId, @Nullable @QueryValue String code, CurrentStaff me, Locale locale) {
        Site site = access.reading(me, siteId);
        Page page = Page.of(MandatePages.VERIFY).title("mandate.verify.title").with("site", site)
                .with("code", Text.orEmpty(code));
        if (code == null || code.isBlank()) {
            return page.ok();
        }
        Optional<String> normalized = ShortCodes.normalize(code, Mandates.CODE_LENGTH);
        if (normalized.isEmpty()) {
            return page.with("errors", forms.errors(locale).add("code", "mandate.error.code").asMap()).invalid();
        }
        Optional<Mandate> found = mandates.byCode(site.id(), normalized.get());
        if (found.isEmpty()) {
            return page.with("notFound", true).ok();
        }
        mandates.checked(found.get(), me.id());
        return page.with("result", pages.row(found.get(), site, locale)).ok();
    }
}
