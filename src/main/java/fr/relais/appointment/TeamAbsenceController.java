package fr.relais.appointment;

import fr.relais.security.CurrentStaff;
import fr.relais.site.Site;
import fr.relais.site.Sites;
import fr.relais.web.Forms;
import fr.relais.web.NotFoundException;
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
import java.util.Set;

/**
 * The absences of a site's helpers, declared by its management on the permanences page (for a helper who cannot
 * do it on their own page, {@link AbsenceController}). Same access as {@link PermanenceController}; an absence
 * of someone outside the site answers 404.
 */
@Controller("/gestion/sites")
@Produces(MediaType.TEXT_HTML)
@Secured({"ADMIN", "COORDINATOR", "DIRECTOR"})
@ExecuteOn(TaskExecutors.BLOCKING)
class TeamAbsenceController {
    private final Sites sites;
    private final SiteTeam team;
    private final Absences absences;
    private final PermanencePages pages;
    private final Forms forms;

    TeamAbsenceController(Sites sites, SiteTeam team, Absences absences, PermanencePages pages, Forms forms) {
        this.sites = sites;
        this.team = team;
        this.absences = absences;
        this.pages = pages;
        this.forms = forms;
    }

    /** A director declares an absence for a helper of the site (who may be unable to do it themselves). */
    @Post("/{id}/absences")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> declare(long id, @Body AbsenceForm form, CurrentStaff me, Locale locale) {
        Site site = sites.manageable(me, id);
        Forms.Errors errors = forms.validate(form, locale);
        // Who is absent: a helper of this site, chosen in the list.
        Set<Long> helpers = team.helperIds(site);
        String typedStaff = form.staffId() == null ? "" : form.staffId().strip();
        Long staffId = typedStaff.matches("\\d{1,18}") ? Long.valueOf(typedStaff) : null;
        if (typedStaff.isEmpty()) {
            errors.add("staffId", "error.absence.who");
        } else if (staffId == null || !helpers.contains(staffId)) {
            errors.add("staffId", "error.choice");
        }
        if (!errors.isEmpty()) {
            return pages.list(site, locale).with("absence", form).with("absenceErrors", errors.asMap())
                    .with("hasErrors", true).invalid();
        }
        absences.declare(staffId, form.values());
        return Page.seeOther(PermanencePages.listPath(site) + "?enregistre=1");
    }

    @Post("/{id}/absences/{absenceId}/suppression")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> remove(long id, long absenceId, CurrentStaff me) {
        Site site = sites.manageable(me, id);
        StaffAbsence absence = absences.find(absenceId, team.members(site)).orElseThrow(NotFoundException::new);
        absences.delete(absence);
        return Page.seeOther(PermanencePages.listPath(site) + "?supprime=1");
    }
}
