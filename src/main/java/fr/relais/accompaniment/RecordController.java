package fr.relais.accompaniment;

import fr.relais.security.CurrentStaff;
import fr.relais.site.Site;
import fr.relais.site.Sites;
import fr.relais.web.Forms;
import fr.relais.web.NotFoundException;
import fr.relais.web.Page;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Recording an accompaniment: a new record from the desk (walk-in, one link per mode) or from an honoured
 * appointment, and the correction of one's own record the day it was logged. Helpers only, at their sites. A
 * workshop's collective record is not corrected here but through its session's attendance.
 */
@Controller("/accompagnements")
@Produces(MediaType.TEXT_HTML)
@Secured("HELPER")
@ExecuteOn(TaskExecutors.BLOCKING)
class RecordController {
    private final Sites sites;
    private final Accompaniments accompaniments;
    private final RecordFormPage formPage;
    private final RecordPages pages;
    private final RecordRules rules;
    private final RecordAccess access;
    private final LogTime time;
    private final Forms forms;

    RecordController(Sites sites, Accompaniments accompaniments, RecordFormPage formPage, RecordPages pages,
                     RecordRules rules, RecordAccess access, LogTime time, Forms forms) {
        this.sites = sites;
        this.accompaniments = accompaniments;
        this.formPage = formPage;
        this.pages = pages;
        this.rules = rules;
        this.access = access;
        this.time = time;
        this.forms = forms;
    }

    // ---------------------------------------------------------------- a new record

    @Get("/{siteId}/nouveau")
    MutableHttpResponse<?> newForm(long siteId, @Nullable @QueryValue String mode, CurrentStaff me, Locale locale) {
        Site site = sites.manageable(me, siteId);
        // "Faire à la place" is not preselected for whom it is not open: the choice shows why.
        String chosen = AccompanimentMode.DO_FOR.name().equals(mode) && !me.mandateHabilitated() ? null : mode;
        AccompanimentForm form = AccompanimentForm.blank(chosen, AccompanimentForm.WALK_IN, time.now(site));
        return formPage.page(me, site, Target.walkIn(site), form, Map.of(), locale, true).ok();
    }

    @Post("/{siteId}/nouveau")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> create(long siteId, @Body AccompanimentForm form, CurrentStaff me, Locale locale) {
        Site site = sites.manageable(me, siteId);
        return submit(me, site, Target.walkIn(site), form, locale);
    }

    // ---------------------------------------------------------------- from an honoured appointment

    @Get("/{siteId}/rendez-vous/{id}")
    MutableHttpResponse<?> fromAppointment(long siteId, long id, CurrentStaff me, Locale locale) {
        Site site = sites.manageable(me, siteId);
        AppointmentFacts appointment = honoured(site, id);
        return existing(me, site, appointment).orElseGet(() -> {
            AccompanimentForm form = AccompanimentForm.fromAppointment(appointment, time.loggable(site, appointment.startsAt()));
            return formPage.page(me, site, Target.appointment(site, appointment), form, Map.of(), locale, true).ok();
        });
    }

    @Post("/{siteId}/rendez-vous/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> createFromAppointment(long siteId, long id, @Body AccompanimentForm form, CurrentStaff me,
                                                 Locale locale) {
        Site site = sites.manageable(me, siteId);
        AppointmentFacts appointment = honoured(site, id);
        Optional<MutableHttpResponse<?>> existing = existing(me, site, appointment);
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            return submit(me, site, Target.appointment(site, appointment), form, locale);
        } catch (DataAccessException e) {
            // Logged at the same moment from another tab or by a colleague: the unique appointment link held.
            return existing(me, site, appointment).orElseThrow(() -> e);
        }
    }

    /** An honoured appointment of this site; anything else answers like an unknown id. */
    private AppointmentFacts honoured(Site site, long id) {
        return accompaniments.appointment(id).filter(a -> a.siteId() == site.id() && a.done())
                .orElseThrow(NotFoundException::new);
    }

    /** The appointment already logged: one's own record opens for correction, a colleague's is only named. */
    private Optional<MutableHttpResponse<?>> existing(CurrentStaff me, Site site, AppointmentFacts appointment) {
        return accompaniments.byAppointment(appointment.id()).map(a -> a.helperId() != me.id()
                ? pages.notice(site, "accompaniment.notice.colleague.title", "accompaniment.notice.colleague.text").ok()
                : Page.seeOther(a.path() + (access.correctable(a, site) ? "/modifier" : "")));
    }

    // ---------------------------------------------------------------- correcting one's own record

    @Get("/{siteId}/{id}/modifier")
    MutableHttpResponse<?> editForm(long siteId, long id, CurrentStaff me, Locale locale) {
        Site site = sites.manageable(me, siteId);
        Accompaniment a = access.own(me, site, id);
        if (a.collective()) {
            return pages.collective(site, a);
        }
        if (!access.correctable(a, site)) {
            return pages.tooLate(site, a);
        }
        AccompanimentForm form = AccompanimentForm.of(a, accompaniments.detail(a.id()), site.zone());
        return formPage.page(me, site, Target.correction(a), form, Map.of(), locale, false).ok();
    }

    @Post("/{siteId}/{id}/modifier")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> update(long siteId, long id, @Body AccompanimentForm form, CurrentStaff me, Locale locale) {
        Site site = sites.manageable(me, siteId);
        Accompaniment a = access.own(me, site, id);
        if (a.collective()) {
            return pages.collective(site, a);
        }
        if (!access.correctable(a, site)) {
            return pages.tooLate(site, a);
        }
        return submit(me, site, Target.correction(a), form, locale);
    }

    // ---------------------------------------------------------------- saving

    /** Validates, applies the rules of the mode, saves; or answers the form again with a message per field. */
    private MutableHttpResponse<?> submit(CurrentStaff me, Site site, Target target, AccompanimentForm form, Locale locale) {
        if (form.searchesOnly()) {
            return formPage.page(me, site, target, form, Map.of(), locale, false).ok();
        }
        Forms.Errors errors = forms.validate(form, locale);
        rules.check(me, site, form, errors);
        if (errors.isEmpty()) {
            AccompanimentForm.Values values = form.values(time.now(site), target.defaultChannel());
            Accompaniments.Outcome outcome = target.correcting()
                    ? accompaniments.update(me, site, target.existing(), values)
                    : accompaniments.create(me, site, values, target.appointmentId());
            if (outcome.refusal() == null) {
                return Page.seeOther(outcome.saved().path() + (target.correcting() ? "?enregistre=1" : "?nouveau=1"));
            }
            // The mandate changed since the check (revoked, expired at midnight): nothing was saved.
            RecordRules.refused(outcome.refusal(), errors);
        }
        return formPage.page(me, site, target, form, errors.asMap(), locale, false).invalid();
    }
}
