package fr.relais.workshop;

import fr.relais.security.CurrentStaff;
import fr.relais.security.Role;
import fr.relais.site.Site;
import fr.relais.site.Sites;
import fr.relais.web.NotFoundException;
import fr.relais.web.Page;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;

import java.util.List;
import java.util.Locale;

/**
 * The workshop catalogue, read: every signed-in person reads the network's workshops and their libraries' (all of
 * them for coordination and administration); another library's entry answers 404 like an unknown one. Deactivated
 * entries are listed apart, for those who manage them. Helpers and directors find here the link to schedule a
 * session at their library.
 */
@Controller("/gestion/ateliers")
@Produces(MediaType.TEXT_HTML)
@Secured({"HELPER", "DIRECTOR", "COORDINATOR", "ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
class WorkshopCatalogueController {
    static final String LIST_VIEW = "workshop/catalogue";
    static final String DETAIL_VIEW = "workshop/workshop";
    private final Workshops workshops;
    private final CatalogueViews views;
    private final Sites sites;

    WorkshopCatalogueController(Workshops workshops, CatalogueViews views, Sites sites) {
        this.workshops = workshops;
        this.views = views;
        this.sites = sites;
    }

    @Get
    MutableHttpResponse<?> list(CurrentStaff me, Locale locale) {
        List<Workshop> all = workshops.catalogue(me);
        List<CatalogueViews.Row> active = views.rows(all.stream().filter(Workshop::active).toList(), locale);
        List<CatalogueViews.Row> inactive = views.rows(all.stream().filter(w -> !w.active()).toList(), locale);
        return Page.of(LIST_VIEW).title("workshop.catalogue.title")
                .with("workshops", active).with("inactive", inactive)
                .with("canCreate", Workshops.canCreate(me))
                .with("sessionSites", sessionSites(me))
                .ok();
    }

    @Get("/{id}")
    MutableHttpResponse<?> detail(long id, CurrentStaff me, Locale locale) {
        Workshop workshop = workshops.visibleTo(me, id).orElseThrow(NotFoundException::new);
        List<Site> scheduleAt = workshop.active()
                ? sessionSites(me).stream().filter(s -> workshop.schedulableAt(s.id())).toList() : List.of();
        return Page.of(DETAIL_VIEW).title("workshop.detail.title").with("pageTitle", workshop.title())
                .with("w", views.detail(workshop, locale))
                .with("canManage", Workshops.canManage(me, workshop.siteId()))
                .with("scheduleAt", scheduleAt)
                .ok();
    }

    /** The libraries whose sessions this person plans: helpers and directors, their own. */
    private List<Site> sessionSites(CurrentStaff me) {
        return me.role() == Role.HELPER || me.role() == Role.DIRECTOR ? sites.visibleTo(me) : List.of();
    }
}
