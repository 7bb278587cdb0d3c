package fr.relais.workshop;

import fr.relais.security.CurrentStaff;
import fr.relais.security.Role;
import fr.relais.site.Site;
import fr.relais.site.Sites;
import fr.relais.web.DateWords;
import fr.relais.web.Forms;
import fr.relais.web.Page;
import fr.relais.web.TypedValues;
import io.micronaut.core.annotation.Nullable;
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

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A library's workshop sessions, for its helpers and directors: the coming ones (and those of the last weeks, whose
 * attendance may be due), and a new session or series. The series form shows the dates first — those created and
 * those skipped for a closure or because they are past — and creates them only when the same values come back with
 * {@code confirm}. Another library's id answers 404.
 */
@Controller("/bureau/{siteId}/ateliers")
@Produces(MediaType.TEXT_HTML)
@Secured({"HELPER", "DIRECTOR"})
@ExecuteOn(TaskExecutors.BLOCKING)
class SessionController {
    static final String LIST_VIEW = "workshop/sessions";
    static final String FORM_VIEW = "workshop/session-new";
    /** How far the list looks ahead, and back (attendance to note). */
    static final int WEEKS_AHEAD = 26;
    static final int DAYS_BACK = 30;
    private final WorkshopSessions sessions;
    private final Workshops workshops;
    private final SessionViews views;
    private final Sites sites;
    private final Forms forms;

    SessionController(WorkshopSessions sessions, Workshops workshops, SessionViews views, Sites sites, Forms forms) {
        this.sessions = sessions;
        this.workshops = workshops;
        this.views = views;
        this.sites = sites;
        this.forms = forms;
    }

    @Get
    MutableHttpResponse<?> list(long siteId, @Nullable @QueryValue String creees, CurrentStaff me, Locale locale) {
        Site site = sites.manageable(me, siteId);
        LocalDate today = sites.today(site);
        List<SessionViews.SessionView> past = new ArrayList<>(
                views.views(sessions.between(site, today.minusDays(DAYS_BACK), today.minusDays(1)), locale));
        Collections.reverse(past);
        Integer created = TypedValues.number(creees, 1, WorkshopSessions.MAX_OCCURRENCES);
        return Page.of(LIST_VIEW).title("workshop.sessions.title").with("site", site)
                .with("created", created)
                .with("coming", views.views(sessions.between(site, today, today.plusWeeks(WEEKS_AHEAD)), locale))
                .with("past", past)
                .with("helper", me.role() == Role.HELPER)
                .with("director", me.role() == Role.DIRECTOR)
                .ok();
    }

    @Get("/nouvelle")
    MutableHttpResponse<?> newForm(long siteId, @Nullable @QueryValue String atelier, CurrentStaff me, Locale locale) {
        Site site = sites.manageable(me, siteId);
        String chosen = atelier != null && atelier.matches("\\d{1,18}") ? atelier : "";
        return formPage(site, SeriesForm.empty(chosen, sites.today(site).plusDays(7)), Map.of(), null, locale).ok();
    }

    @Post("/nouvelle")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> create(long siteId, @Body SeriesForm form, CurrentStaff me, Locale locale) {
        Site site = sites.manageable(me, siteId);
        Forms.Errors errors = forms.validate(form, locale);
        Optional<Workshop> workshop = errors.has("workshopId") ? Optional.empty()
                : workshops.schedulable(site.id(), Long.parseLong(form.workshopId()));
        if (!errors.has("workshopId") && workshop.isEmpty()) {
            errors.add("workshopId", "error.choice");
        }
        List<Long> helperIds = views.helperIds(site.id(), form.checkedHelpers(), List.of());
        if (helperIds == null) {
            errors.add("helpers", "error.choice");
        }
        if (!errors.isEmpty()) {
            return formPage(site, form, errors.asMap(), null, locale).invalid();
        }
        WorkshopSessions.Schedule schedule = form.values(workshop.get(), helperIds);
        WorkshopSessions.Plan plan = sessions.plan(site, schedule.firstDate(), schedule.startTime(), schedule.everyWeeks(),
                schedule.occurrences());
        if (plan.dates().isEmpty()) {
            errors.add("firstDate", plan.skipped().stream().allMatch(WorkshopSessions.Skipped::past)
                    ? "workshop.error.allPast" : "workshop.error.noDate");
            return formPage(site, form, errors.asMap(), preview(schedule, plan, locale), locale).invalid();
        }
        if (!form.confirmed()) {
            return formPage(site, form, Map.of(), preview(schedule, plan, locale), locale).ok();
        }
        List<WorkshopSession> created = sessions.create(site, schedule);
        return Page.seeOther("/bureau/" + site.id() + "/ateliers?creees=" + created.size());
    }

    /** The dates a schedule creates and skips, said in words, with what each session will be. */
    record Preview(String workshop, String time, int durationMinutes, int capacity, List<String> dates, List<SkippedDate> skipped) {
        public int dateCount() {
            return dates.size();
        }
    }

    /** A date left out: the closure's label, or none when it is past. */
    record SkippedDate(String date, String closure) {
    }

    private Preview preview(WorkshopSessions.Schedule s, WorkshopSessions.Plan plan, Locale locale) {
        String title = workshops.byId(s.workshopId()).map(Workshop::title).orElse("");
        return new Preview(title, DateWords.time(s.startTime(), locale), s.durationMinutes(), s.capacity(),
                plan.dates().stream().map(d -> DateWords.longDate(d, locale)).toList(),
                plan.skipped().stream().map(k -> new SkippedDate(DateWords.longDate(k.date(), locale), k.closure())).toList());
    }

    private Page formPage(Site site, SeriesForm form, Map<String, String> errors, Preview preview, Locale locale) {
        List<SessionViews.Choice> choices = workshops.schedulableAt(site.id()).stream()
                .map(w -> new SessionViews.Choice(String.valueOf(w.id()), w.title(), false)).toList();
        return Page.of(FORM_VIEW).title("workshop.new.session.title").with("site", site)
                .with("form", form).with("errors", errors)
                .with("workshops", choices)
                .with("helpers", views.helperChoices(site.id(), form.checkedHelpers()))
                .with("repeatChoices", views.repeatChoices(form.repeat(), locale))
                .with("preview", preview)
                .with("today", TypedValues.shown(sites.today(site)));
    }
}
