package fr.relais.workshop;

import fr.relais.security.CurrentStaff;
import fr.relais.site.Site;
import fr.relais.site.Sites;
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

import java.util.Locale;
import java.util.Map;

/**
 * A library's workshop settings, for its directors: how many seats one person may take (themself and relatives)
 * and how many hours before the start registration closes (promotion from the waiting list stops then too).
 */
@Controller("/bureau/{siteId}/ateliers/reglages")
@Produces(MediaType.TEXT_HTML)
@Secured("DIRECTOR")
@ExecuteOn(TaskExecutors.BLOCKING)
class WorkshopSettingsController {
    static final String VIEW = "workshop/settings";
    private final Registrations registrations;
    private final WorkshopSessions sessions;
    private final Sites sites;
    private final Forms forms;

    WorkshopSettingsController(Registrations registrations, WorkshopSessions sessions, Sites sites, Forms forms) {
        this.registrations = registrations;
        this.sessions = sessions;
        this.sites = sites;
        this.forms = forms;
    }

    @Get
    MutableHttpResponse<?> form(long siteId, CurrentStaff me) {
        Site site = sites.manageable(me, siteId);
        return page(site, WorkshopSettingsForm.of(registrations.settings(site.id())), Map.of()).ok();
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> save(long siteId, @Body WorkshopSettingsForm form, CurrentStaff me, Locale locale) {
        Site site = sites.manageable(me, siteId);
        Forms.Errors errors = forms.validate(form, locale);
        if (!errors.isEmpty()) {
            return page(site, form, errors.asMap()).invalid();
        }
        sessions.saveSettings(form.values(site.id()));
        return Page.seeOther("/bureau/" + site.id() + "/ateliers/reglages?enregistre=1");
    }

    private static Page page(Site site, WorkshopSettingsForm form, Map<String, String> errors) {
        return Page.of(VIEW).title("workshop.settings.title").with("site", site).with("form", form).with("errors", errors);
    }
}
