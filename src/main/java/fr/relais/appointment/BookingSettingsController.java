package fr.relais.appointment;

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
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;

import java.util.Locale;

/**
 * A site's booking settings, on its permanences page: how many weeks of free slots the public page shows, until
 * when a person may cancel online, how many future bookings one phone or e-mail may hold. Same access as
 * {@link PermanenceController}.
 */
@Controller("/gestion/sites")
@Produces(MediaType.TEXT_HTML)
@Secured({"ADMIN", "COORDINATOR", "DIRECTOR"})
@ExecuteOn(TaskExecutors.BLOCKING)
class BookingSettingsController {
    private final Sites sites;
    private final BookingSettingsRepository settings;
    private final PermanencePages pages;
    private final Forms forms;

    BookingSettingsController(Sites sites, BookingSettingsRepository settings, PermanencePages pages, Forms forms) {
        this.sites = sites;
        this.settings = settings;
        this.pages = pages;
        this.forms = forms;
    }

    @Post("/{id}/reglages-rendez-vous")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> save(long id, @Body BookingSettingsForm form, CurrentStaff me, Locale locale) {
        Site site = sites.manageable(me, id);
        Forms.Errors errors = forms.validate(form, locale);
        if (!errors.isEmpty()) {
            return pages.list(site, locale).with("settings", form).with("settingsErrors", errors.asMap())
                    .with("hasErrors", true).invalid();
        }
        settings.update(form.values(site.id()));
        return Page.seeOther(PermanencePages.listPath(site) + "?enregistre=1");
    }
}
