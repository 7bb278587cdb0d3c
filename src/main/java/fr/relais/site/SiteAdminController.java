package fr.relais.site;

import fr.relais.security.CurrentStaff;
import fr.relais.web.Forms;
import fr.relais.web.Page;
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

import java.time.Clock;
import java.util.Locale;
import java.util.Map;

/**
 * Managing libraries. Administrators and coordinators create sites and edit any; directors edit their own
 * (another site's id answers 404). Helpers have no access.
 */
@Controller("/gestion/sites")
@Produces(MediaType.TEXT_HTML)
@Secured({"ADMIN", "COORDINATOR", "DIRECTOR"})
@ExecuteOn(TaskExecutors.BLOCKING)
class SiteAdminController {
    static final String LIST_VIEW = "site/admin-list";
    static final String FORM_VIEW = "site/admin-form";
    static final String HOURS_VIEW = "site/admin-hours";
    static final String CLOSURES_VIEW = "site/admin-closures";
    static final String SERVICES_VIEW = "site/admin-services";
    private final Sites sites;
    private final Forms forms;
    private final Clock clock;

    SiteAdminController(Sites sites, Forms forms, Clock clock) {
        this.sites = sites;
        this.forms = forms;
        this.clock = clock;
    }

    @Get
    MutableHttpResponse<?> list(CurrentStaff me) {
        return Page.of(LIST_VIEW).title("sites.list.title")
                .with("sites", sites.visibleTo(me))
                .with("canCreate", !me.role().belongsToSites())
                .ok();
    }

    @Get("/nouveau")
    @Secured({"ADMIN", "COORDINATOR"})
    MutableHttpResponse<?> newForm() {
        return formPage(null, SiteForm.empty(), Map.of()).ok();
    }

    @Post
    @Secured({"ADMIN", "COORDINATOR"})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> create(@Body SiteForm form, Locale locale) {
        Forms.Errors errors = validate(form, null, locale);
        if (!errors.isEmpty()) {
            return formPage(null, form, errors.asMap()).invalid();
        }
        Site site = sites.create(form.site(null, Sites.DEFAULT_ZONE, clock.instant()));
        return Page.seeOther("/gestion/sites/" + site.id() + "/horaires");
    }

    @Get("/{id}")
    MutableHttpResponse<?> editForm(long id, CurrentStaff me) {
        Site site = sites.manageable(me, id);
        return formPage(site, SiteForm.of(site), Map.of()).ok();
    }

    @Post("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> update(long id, @Body SiteForm form, CurrentStaff me, Locale locale) {
        Site site = sites.manageable(me, id);
        Forms.Errors errors = validate(form, site.id(), locale);
        if (!errors.isEmpty()) {
            return formPage(site, form, errors.asMap()).invalid();
        }
        sites.update(form.site(site.id(), site.timeZone(), site.createdAt()));
        return Page.seeOther("/gestion/sites/" + site.id() + "?enregistre=1");
    }

    @Get("/{id}/horaires")
    MutableHttpResponse<?> hoursForm(long id, CurrentStaff me) {
        Site site = sites.manageable(me, id);
        return hoursPage(site, HoursForm.of(sites.hours(site)), Map.of()).ok();
    }

    @Post("/{id}/horaires")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> saveHours(long id, @Body HoursForm form, CurrentStaff me, Locale locale) {
        Site site = sites.manageable(me, id);
        Forms.Errors errors = forms.validate(form, locale);
        if (!errors.isEmpty()) {
            return hoursPage(site, form, errors.asMap()).invalid();
        }
        sites.replaceHours(site, form.hours(site.id()));
        return Page.seeOther("/gestion/sites/" + site.id() + "/horaires?enregistre=1");
    }

    @Get("/{id}/fermetures")
    MutableHttpResponse<?> closures(long id, CurrentStaff me, Locale locale) {
        Site site = sites.manageable(me, id);
        return closuresPage(site, ClosureForm.empty(), Map.of(), locale).ok();
    }

    @Post("/{id}/fermetures")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> addClosure(long id, @Body ClosureForm form, CurrentStaff me, Locale locale) {
        Site site = sites.manageable(me, id);
        Forms.Errors errors = forms.validate(form, locale);
        if (!errors.isEmpty()) {
            return closuresPage(site, form, errors.asMap(), locale).invalid();
        }
        sites.addClosure(form.closure(site.id()));
        return Page.seeOther("/gestion/sites/" + site.id() + "/fermetures?enregistre=1");
    }

    @Post("/{id}/fermetures/{closureId}/suppression")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> removeClosure(long id, long closureId, CurrentStaff me) {
        Site site = sites.manageable(me, id);
        sites.removeClosure(site, closureId);
        return Page.seeOther("/gestion/sites/" + site.id() + "/fermetures?supprime=1");
    }

    @Get("/{id}/services")
    MutableHttpResponse<?> servicesForm(long id, CurrentStaff me) {
        Site site = sites.manageable(me, id);
        return servicesPage(site, ServicesForm.of(sites.offer(site)), Map.of()).ok();
    }

    @Post("/{id}/services")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> saveServices(long id, @Body ServicesForm form, CurrentStaff me, Locale locale) {
        Site site = sites.manageable(me, id);
        Forms.Errors errors = forms.validate(form, locale);
        if (!errors.isEmpty()) {
            return servicesPage(site, form, errors.asMap()).invalid();
        }
        sites.replaceOffer(site, form.offer(site.id()));
        return Page.seeOther("/gestion/sites/" + site.id() + "/services?enregistre=1");
    }

    /** The form's constraints, then the one rule that needs the database: the address is not another library's. */
    private Forms.Errors validate(SiteForm form, Long siteId, Locale locale) {
        Forms.Errors errors = forms.validate(form, locale);
        if (!errors.has("slug") && sites.slugTaken(form.slug().strip(), siteId)) {
            errors.add("slug", "error.slug.taken");
        }
        return errors;
    }

    private static Page formPage(Site site, SiteForm form, Map<String, String> errors) {
        return Page.of(FORM_VIEW).title(site == null ? "sites.new.title" : "sites.edit.title")
                .with("site", site).with("form", form).with("errors", errors).with("tab", "info");
    }

    private static Page hoursPage(Site site, HoursForm form, Map<String, String> errors) {
        return Page.of(HOURS_VIEW).title("sites.hours.title").with("site", site).with("tab", "hours")
                .with("days", form.days(errors)).with("hasErrors", !errors.isEmpty());
    }

    private Page closuresPage(Site site, ClosureForm form, Map<String, String> errors, Locale locale) {
        return Page.of(CLOSURES_VIEW).title("sites.closures.title").with("site", site).with("tab", "closures")
                .with("form", form).with("errors", errors)
                .with("closures", SiteViews.closures(sites.allClosures(site), locale));
    }

    private static Page servicesPage(Site site, ServicesForm form, Map<String, String> errors) {
        return Page.of(SERVICES_VIEW).title("sites.services.title").with("site", site).with("tab", "services")
                .with("services", form.rows(errors)).with("hasErrors", !errors.isEmpty());
    }
}
