package fr.relais.workshop;

import fr.relais.security.CurrentStaff;
import fr.relais.site.Site;
import fr.relais.site.Sites;
import fr.relais.web.Forms;
import fr.relais.web.NotFoundException;
import fr.relais.web.Page;
import fr.relais.web.Text;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Adding, changing, deactivating and reactivating catalogue entries. Coordination and administration manage every
 * entry and add network-wide ones; directors manage their libraries' entries. An entry one may not manage answers
 * 404 here, like an unknown one. Entries are never deleted.
 */
@Controller("/gestion/ateliers")
@Produces(MediaType.TEXT_HTML)
@Secured({"DIRECTOR", "COORDINATOR", "ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
class WorkshopEditController {
    static final String FORM_VIEW = "workshop/workshop-form";
    private final Workshops workshops;
    private final CatalogueViews views;
    private final Sites sites;
    private final Forms forms;

    WorkshopEditController(Workshops workshops, CatalogueViews views, Sites sites, Forms forms) {
        this.workshops = workshops;
        this.views = views;
        this.sites = sites;
        this.forms = forms;
    }

    /** A choice of where a new entry belongs: "" for the whole network, or a library's id. */
    record Where(String code, String label) {
    }

    @Get("/nouveau")
    MutableHttpResponse<?> newForm(CurrentStaff me, Locale locale) {
        List<Site> own = creatableSites(me);
        if (!Workshops.canCreate(me)) {
            throw new NotFoundException();
        }
        String site = me.role().belongsToSites() ? String.valueOf(own.get(0).id()) : "";
        return formPage(me, null, WorkshopForm.empty(site), Map.of(), locale).ok();
    }

    @Post("/nouveau")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> create(@Body WorkshopForm form, CurrentStaff me, Locale locale) {
        if (!Workshops.canCreate(me)) {
            throw new NotFoundException();
        }
        Forms.Errors errors = forms.validate(form, locale);
        Optional<Long> siteId = chosenSite(me, form.siteId(), errors);
        if (!errors.isEmpty()) {
            return formPage(me, null, form, errors.asMap(), locale).invalid();
        }
        Workshop created = workshops.create(siteId.orElse(null), form.values());
        return Page.seeOther("/gestion/ateliers/" + created.id() + "?enregistre=1");
    }

    @Get("/{id}/modification")
    MutableHttpResponse<?> editForm(long id, CurrentStaff me, Locale locale) {
        Workshop workshop = workshops.manageableBy(me, id).orElseThrow(NotFoundException::new);
        return formPage(me, workshop, WorkshopForm.of(workshop, workshops.themes(id)), Map.of(), locale).ok();
    }

    @Post("/{id}/modification")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> update(long id, @Body WorkshopForm form, CurrentStaff me, Locale locale) {
        Workshop workshop = workshops.manageableBy(me, id).orElseThrow(NotFoundException::new);
        Forms.Errors errors = forms.validate(form, locale);
        if (!errors.isEmpty()) {
            return formPage(me, workshop, form, errors.asMap(), locale).invalid();
        }
        workshops.update(workshop, form.values());
        return Page.seeOther("/gestion/ateliers/" + id + "?enregistre=1");
    }

    @Post("/{id}/desactivation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> deactivate(long id, CurrentStaff me) {
        return setActive(id, false, me);
    }

    @Post("/{id}/reactivation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> reactivate(long id, CurrentStaff me) {
        return setActive(id, true, me);
    }

    private MutableHttpResponse<?> setActive(long id, boolean active, CurrentStaff me) {
        Workshop workshop = workshops.manageableBy(me, id).orElseThrow(NotFoundException::new);
        workshops.setActive(workshop, active);
        return Page.seeOther("/gestion/ateliers/" + id + "?enregistre=1");
    }

    /**
     * Where a new entry belongs: one of a director's libraries; for coordination and administration the whole
     * network ("") or one library. Empty for the network.
     */
    private Optional<Long> chosenSite(CurrentStaff me, String typed, Forms.Errors errors) {
        String value = Text.blankToNull(typed);
        if (value == null) {
            if (me.role().belongsToSites()) {
                errors.add("siteId", "workshop.error.site");
            }
            return Optional.empty();
        }
        Optional<Long> site = creatableSites(me).stream().map(Site::id).filter(id -> String.valueOf(id).equals(value)).findFirst();
        if (site.isEmpty()) {
            errors.add("siteId", "error.choice");
        }
        return site;
    }

    /** The libraries this person may add a library's own entry for. */
    private List<Site> creatableSites(CurrentStaff me) {
        return sites.visibleTo(me);
    }

    private Page formPage(CurrentStaff me, Workshop workshop, WorkshopForm form, Map<String, String> errors, Locale locale) {
        Page page = Page.of(FORM_VIEW).title(workshop == null ? "workshop.new.title" : "workshop.edit.title")
                .with("workshop", workshop)
                .with("form", form)
                .with("errors", errors)
                .with("levels", views.levelChoices(form.level(), locale))
                .with("themes", views.themeChoices(form.checkedThemes(), locale));
        if (workshop == null) {
            List<Where> choices = new ArrayList<>();
            creatableSites(me).forEach(s -> choices.add(new Where(String.valueOf(s.id()), s.name())));
            page.with("siteChoices", choices).with("networkChoice", !me.role().belongsToSites())
                    .with("chooseSite", !me.role().belongsToSites() || choices.size() > 1)
                    .with("onlySite", me.role().belongsToSites() && choices.size() == 1 ? choices.get(0) : null);
        } else {
            page.with("where", views.detail(workshop, locale).where());
        }
        return page;
    }
}
