package fr.relais.appointment;

import fr.relais.security.CurrentStaff;
import fr.relais.site.Site;
import fr.relais.site.Sites;
import fr.relais.web.DateWords;
import fr.relais.web.Forms;
import fr.relais.web.Messages;
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

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A site's permanences (weekly windows of individual appointments), on the site's management pages.
 * Administrators and coordinators manage every site, directors their own (another site's id, or a permanence of
 * another site, answers 404); helpers have no access. The same page holds the booking settings
 * ({@link BookingSettingsController}) and the team's absences ({@link TeamAbsenceController}).
 *
 * <p>A permanence is never deleted, since past appointments refer to it: it is ended. Ending sets its last day
 * to <em>today</em>: the appointments of the day still take place, and there is no slot from tomorrow on. It is
 * refused while appointments are booked after today; likewise an edit that would leave an appointment still to
 * come outside the permanence's slots, or without its helper, is refused with the number of such appointments.
 */
@Controller("/gestion/sites")
@Produces(MediaType.TEXT_HTML)
@Secured({"ADMIN", "COORDINATOR", "DIRECTOR"})
@ExecuteOn(TaskExecutors.BLOCKING)
class PermanenceController {
    private final Sites sites;
    private final Permanences permanences;
    private final PermanenceChanges changes;
    private final PermanenceRules rules;
    private final PermanencePages pages;
    private final Forms forms;
    private final Messages messages;

    PermanenceController(Sites sites, Permanences permanences, PermanenceChanges changes, PermanenceRules rules,
                         PermanencePages pages, Forms forms, Messages messages) {
        this.sites = sites;
        this.permanences = permanences;
        this.changes = changes;
        this.rules = rules;
        this.pages = pages;
        this.forms = forms;
        this.messages = messages;
    }

    @Get("/{id}/permanences")
    MutableHttpResponse<?> list(long id, CurrentStaff me, Locale locale) {
        return pages.list(sites.manageable(me, id), locale).ok();
    }

    @Get("/{id}/permanences/nouvelle")
    MutableHttpResponse<?> newForm(long id, CurrentStaff me, Locale locale) {
        Site site = sites.manageable(me, id);
        return pages.form(site, null, PermanenceForm.empty(sites.today(site)), Map.of(), locale).ok();
    }

    @Post("/{id}/permanences")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> create(long id, @Body PermanenceForm form, CurrentStaff me, Locale locale) {
        Site site = sites.manageable(me, id);
        Forms.Errors errors = forms.validate(form, locale);
        rules.check(site, null, form, errors, locale);
        if (!errors.isEmpty()) {
            return pages.form(site, null, form, errors.asMap(), locale).invalid();
        }
        PermanenceForm.Values v = form.values();
        permanences.create(site, v.dayOfWeek(), v.startsAt(), v.endsAt(), v.slotMinutes(), v.validFrom(), v.validTo(),
                v.helperIds());
        return Page.seeOther(PermanencePages.listPath(site) + "?enregistre=1");
    }

    @Get("/{id}/permanences/{permanenceId}")
    MutableHttpResponse<?> editForm(long id, long permanenceId, CurrentStaff me, Locale locale) {
        Site site = sites.manageable(me, id);
        Permanence p = permanences.find(site, permanenceId).orElseThrow(NotFoundException::new);
        List<Long> onDuty = permanences.helpersOf(List.of(p.id())).getOrDefault(p.id(), List.of());
        return pages.form(site, p, PermanenceForm.of(p, onDuty), Map.of(), locale).ok();
    }

    @Post("/{id}/permanences/{permanenceId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> update(long id, long permanenceId, @Body PermanenceForm form, CurrentStaff me, Locale locale) {
        Site site = sites.manageable(me, id);
        Permanence p = permanences.find(site, permanenceId).orElseThrow(NotFoundException::new);
        Forms.Errors errors = forms.validate(form, locale);
        rules.check(site, p, form, errors, locale);
        if (!errors.isEmpty()) {
            return pages.form(site, p, form, errors.asMap(), locale).invalid();
        }
        PermanenceForm.Values v = form.values();
        permanences.update(PermanenceChanges.changed(p, v), v.helperIds());
        return Page.seeOther(PermanencePages.listPath(site) + "?enregistre=1");
    }

    /** Ends the permanence tonight (its last day is today); see the class comment. */
    @Post("/{id}/permanences/{permanenceId}/fin")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> end(long id, long permanenceId, CurrentStaff me, Locale locale) {
        Site site = sites.manageable(me, id);
        Permanence p = permanences.find(site, permanenceId).orElseThrow(NotFoundException::new);
        PermanenceChanges.Ending ending = changes.end(site, p);
        if (ending instanceof PermanenceChanges.StillBooked still) {
            Appointment first = still.appointments().get(0);
            String message = messages.get(locale, "error.permanence.end.booked", String.valueOf(still.appointments().size()),
                    DateWords.longDate(first.slotDate(), locale));
            return pages.list(site, locale).with("endError", message).status(HttpStatus.CONFLICT);
        }
        return Page.seeOther(PermanencePages.listPath(site) + "?enregistre=1");
    }
}
