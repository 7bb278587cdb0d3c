package fr.relais.site;

import fr.relais.security.CurrentStaff;
import fr.relais.web.Forms;
import fr.relais.web.Page;
import fr.relais.web.Text;
import fr.relais.web.TypedValues;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

    SiteAdminController(Sites sites, Forms forms) {
        this.sites = sites;
        this.forms = forms;
    }

    @Get
    MutableHttpResponse<?> list(Authentication authentication) {
        CurrentStaff me = CurrentStaff.of(authentication);
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
    MutableHttpResponse<?> create(@Body SiteForm form, HttpRequest<?> request) {
        Forms.Errors errors = validate(form, null, request);
        if (!errors.isEmpty()) {
            return formPage(null, form, errors.asMap()).invalid();
        }
        Site site = sites.create(new Site(null, form.slug().strip(), form.name().strip(), form.addressLine().strip(),
                form.postcode().strip(), form.town().strip(), Text.blankToNull(form.phone()), Text.blankToNull(form.email()),
                Text.blankToNull(form.directions()), Text.blankToNull(form.accessibility()), Sites.DEFAULT_ZONE, sites.now()));
        return Page.seeOther("/gestion/sites/" + site.id() + "/horaires");
    }

    @Get("/{id}")
    MutableHttpResponse<?> editForm(long id, Authentication authentication) {
        Site site = sites.manageable(CurrentStaff.of(authentication), id);
        return formPage(site, SiteForm.of(site), Map.of()).ok();
    }

    @Post("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> update(long id, @Body SiteForm form, Authentication authentication, HttpRequest<?> request) {
        Site site = sites.manageable(CurrentStaff.of(authentication), id);
        Forms.Errors errors = validate(form, site.id(), request);
        if (!errors.isEmpty()) {
            return formPage(site, form, errors.asMap()).invalid();
        }
        sites.update(new Site(site.id(), form.slug().strip(), form.name().strip(), form.addressLine().strip(),
                form.postcode().strip(), form.town().strip(), Text.blankToNull(form.phone()), Text.blankToNull(form.email()),
                Text.blankToNull(form.directions()), Text.blankToNull(form.accessibility()), site.timeZone(), site.createdAt()));
        return Page.seeOther("/gestion/sites/" + site.id() + "?enregistre=1");
    }

    @Get("/{id}/horaires")
    MutableHttpResponse<?> hoursForm(long id, Authentication authentication) {
        Site site = sites.manageable(CurrentStaff.of(authentication), id);
        return hoursPage(site, WeeklyHours.values(sites.hours(site)), Map.of()).ok();
    }

    @Post("/{id}/horaires")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> saveHours(long id, @Body Map<String, String> typed, Authentication authentication,
                                     HttpRequest<?> request) {
        Site site = sites.manageable(CurrentStaff.of(authentication), id);
        Forms.Errors errors = forms.errors(request);
        List<OpeningHours> week = WeeklyHours.parse(site.id(), typed, errors);
        if (!errors.isEmpty()) {
            return hoursPage(site, typed, errors.asMap()).invalid();
        }
        sites.replaceHours(site, week);
        return Page.seeOther("/gestion/sites/" + site.id() + "/horaires?enregistre=1");
    }

    @Get("/{id}/fermetures")
    MutableHttpResponse<?> closures(long id, Authentication authentication, HttpRequest<?> request) {
        Site site = sites.manageable(CurrentStaff.of(authentication), id);
        return closuresPage(site, ClosureForm.empty(), Map.of(), forms.locale(request)).ok();
    }

    @Post("/{id}/fermetures")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> addClosure(long id, @Body ClosureForm form, Authentication authentication, HttpRequest<?> request) {
        Site site = sites.manageable(CurrentStaff.of(authentication), id);
        Forms.Errors errors = forms.validate(form, request);
        LocalDate start = errors.has("startDate") ? null : date(form.startDate(), "startDate", errors);
        LocalDate end = errors.has("endDate") ? null : date(form.endDate(), "endDate", errors);
        if (start != null && end != null && end.isBefore(start)) {
            errors.add("endDate", "error.closure.order");
        }
        if (!errors.isEmpty()) {
            return closuresPage(site, form, errors.asMap(), forms.locale(request)).invalid();
        }
        sites.addClosure(new SiteClosure(null, site.id(), start, end, form.label().strip()));
        return Page.seeOther("/gestion/sites/" + site.id() + "/fermetures?enregistre=1");
    }

    @Post("/{id}/fermetures/{closureId}/suppression")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> removeClosure(long id, long closureId, Authentication authentication) {
        Site site = sites.manageable(CurrentStaff.of(authentication), id);
        sites.removeClosure(site, closureId);
        return Page.seeOther("/gestion/sites/" + site.id() + "/fermetures?supprime=1");
    }

    @Get("/{id}/services")
    MutableHttpResponse<?> servicesForm(long id, Authentication authentication) {
        Site site = sites.manageable(CurrentStaff.of(authentication), id);
        Map<String, String> values = new LinkedHashMap<>();
        sites.offer(site).forEach((service, o) -> {
            values.put("offer_" + service.name(), o.offered() ? "yes" : "no");
            values.put("note_" + service.name(), Text.orEmpty(o.note()));
        });
        return servicesPage(site, values, Map.of()).ok();
    }

    @Post("/{id}/services")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> saveServices(long id, @Body Map<String, String> typed, Authentication authentication,
                                        HttpRequest<?> request) {
        Site site = sites.manageable(CurrentStaff.of(authentication), id);
        Forms.Errors errors = forms.errors(request);
        List<SiteOffer> offer = new ArrayList<>();
        for (LibraryService service : LibraryService.values()) {
            String choice = typed.getOrDefault("offer_" + service.name(), "");
            String note = Text.blankToNull(typed.get("note_" + service.name()));
            if (note != null && note.length() > 300) {
                errors.add("note_" + service.name(), "error.tooLong", 300);
            }
            if (!choice.isEmpty() && !choice.equals("yes") && !choice.equals("no")) {
                errors.add("offer_" + service.name(), "error.choice");
            } else if (choice.isEmpty() && note != null) {
                errors.add("offer_" + service.name(), "error.service.choose");
            } else if (!choice.isEmpty()) {
                offer.add(new SiteOffer(null, site.id(), service, choice.equals("yes"), note));
            }
        }
        if (!errors.isEmpty()) {
            return servicesPage(site, typed, errors.asMap()).invalid();
        }
        sites.replaceOffer(site, offer);
        return Page.seeOther("/gestion/sites/" + site.id() + "/services?enregistre=1");
    }

    private Forms.Errors validate(SiteForm form, Long siteId, HttpRequest<?> request) {
        Forms.Errors errors = forms.validate(form, request);
        if (!errors.has("slug") && sites.slugTaken(form.slug().strip(), siteId)) {
            errors.add("slug", "error.slug.taken");
        }
        return errors;
    }

    /** From a date field (2026-12-24), or typed the French way as the page's hint shows it (24/12/2026). */
    private static LocalDate date(String text, String field, Forms.Errors errors) {
        LocalDate date = TypedValues.date(text);
        if (date == null) {
            errors.add(field, "error.date");
        }
        return date;
    }

    private static Page formPage(Site site, SiteForm form, Map<String, String> errors) {
        return Page.of(FORM_VIEW).title(site == null ? "sites.new.title" : "sites.edit.title")
                .with("site", site).with("form", form).with("errors", errors).with("tab", "info");
    }

    private static Page hoursPage(Site site, Map<String, String> values, Map<String, String> errors) {
        return Page.of(HOURS_VIEW).title("sites.hours.title").with("site", site).with("tab", "hours")
                .with("days", WeeklyHours.rows(values, errors)).with("hasErrors", !errors.isEmpty());
    }

    private Page closuresPage(Site site, ClosureForm form, Map<String, String> errors, Locale locale) {
        return Page.of(CLOSURES_VIEW).title("sites.closures.title").with("site", site).with("tab", "closures")
                .with("form", form).with("errors", errors)
                .with("closures", SiteViews.closures(sites.allClosures(site), locale));
    }

    private static Page servicesPage(Site site, Map<String, String> values, Map<String, String> errors) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (LibraryService service : LibraryService.values()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("code", service.name());
            row.put("labelKey", "service." + service.name());
            row.put("choice", values.getOrDefault("offer_" + service.name(), ""));
            row.put("note", values.getOrDefault("note_" + service.name(), ""));
            row.put("choiceError", errors.get("offer_" + service.name()));
            row.put("noteError", errors.get("note_" + service.name()));
            rows.add(row);
        }
        return Page.of(SERVICES_VIEW).title("sites.services.title").with("site", site).with("tab", "services")
                .with("services", rows).with("hasErrors", !errors.isEmpty());
    }
}
