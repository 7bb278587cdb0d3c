package fr.relais.appointment;

import fr.relais.security.CurrentStaff;
import fr.relais.site.Site;
import fr.relais.site.Sites;
import fr.relais.staff.Staff;
import fr.relais.web.DateWords;
import fr.relais.web.Forms;
import fr.relais.web.Messages;
import fr.relais.web.NotFoundException;
import fr.relais.web.Page;
import io.micronaut.http.HttpRequest;
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
import io.micronaut.security.authentication.Authentication;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A site's permanences (weekly windows of individual appointments), its booking settings and its helpers'
 * absences, on the site's management pages. Administrators and coordinators manage every site, directors their
 * own (another site's id, or a permanence or absence of another site, answers 404); helpers have no access.
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
    static final String LIST_VIEW = "appointment/permanences";
    static final String FORM_VIEW = "appointment/permanence-form";
    private final Sites sites;
    private final Permanences permanences;
    private final PermanenceChanges changes;
    private final Bookings bookings;
    private final BookingSettingsRepository settings;
    private final SiteTeam team;
    private final Absences absences;
    private final AppointmentViews views;
    private final Forms forms;
    private final Messages messages;

    PermanenceController(Sites sites, Permanences permanences, PermanenceChanges changes, Bookings bookings,
                         BookingSettingsRepository settings, SiteTeam team, Absences absences, AppointmentViews views,
                         Forms forms, Messages messages) {
        this.sites = sites;
        this.permanences = permanences;
        this.changes = changes;
        this.bookings = bookings;
        this.settings = settings;
        this.team = team;
        this.absences = absences;
        this.views = views;
        this.forms = forms;
        this.messages = messages;
    }

    // ---- list, booking settings ----------------------------------------------------------------------------

    @Get("/{id}/permanences")
    MutableHttpResponse<?> list(long id, Authentication authentication, HttpRequest<?> request) {
        Site site = sites.manageable(CurrentStaff.of(authentication), id);
        return listPage(site, forms.locale(request)).ok();
    }

    @Post("/{id}/reglages-rendez-vous")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> saveSettings(long id, @Body BookingSettingsForm form, Authentication authentication,
                                       HttpRequest<?> request) {
        Site site = sites.manageable(CurrentStaff.of(authentication), id);
        Forms.Errors errors = forms.validate(form, request);
        BookingSettings changed = form.parse(site.id(), errors);
        if (changed == null) {
            return listPage(site, forms.locale(request)).with("settings", form).with("settingsErrors", errors.asMap())
                    .with("hasErrors", true).invalid();
        }
        settings.update(changed);
        return Page.seeOther(listPath(site) + "?enregistre=1");
    }

    // ---- one permanence --------------------------------------------------------------------------------------

    @Get("/{id}/permanences/nouvelle")
    MutableHttpResponse<?> newForm(long id, Authentication authentication) {
        Site site = sites.manageable(CurrentStaff.of(authentication), id);
        return formPage(site, null, PermanenceForm.empty(sites.today(site)), Map.of()).ok();
    }

    @Post("/{id}/permanences")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> create(long id, @Body PermanenceForm form, Authentication authentication, HttpRequest<?> request) {
        Site site = sites.manageable(CurrentStaff.of(authentication), id);
        Forms.Errors errors = forms.validate(form, request);
        PermanenceForm.Values v = check(site, null, form, errors, forms.locale(request));
        if (v == null) {
            return formPage(site, null, form, errors.asMap()).invalid();
        }
        permanences.create(site, v.dayOfWeek(), v.startsAt(), v.endsAt(), v.slotMinutes(), v.validFrom(), v.validTo(),
                v.helperIds());
        return Page.seeOther(listPath(site) + "?enregistre=1");
    }

    @Get("/{id}/permanences/{permanenceId}")
    MutableHttpResponse<?> editForm(long id, long permanenceId, Authentication authentication) {
        Site site = sites.manageable(CurrentStaff.of(authentication), id);
        Permanence p = permanences.find(site, permanenceId).orElseThrow(NotFoundException::new);
        List<Long> onDuty = permanences.helpersOf(List.of(p.id())).getOrDefault(p.id(), List.of());
        return formPage(site, p, PermanenceForm.of(p, onDuty), Map.of()).ok();
    }

    @Post("/{id}/permanences/{permanenceId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> update(long id, long permanenceId, @Body PermanenceForm form, Authentication authentication,
                                  HttpRequest<?> request) {
        Site site = sites.manageable(CurrentStaff.of(authentication), id);
        Permanence p = permanences.find(site, permanenceId).orElseThrow(NotFoundException::new);
        Forms.Errors errors = forms.validate(form, request);
        PermanenceForm.Values v = check(site, p, form, errors, forms.locale(request));
        if (v == null) {
            return formPage(site, p, form, errors.asMap()).invalid();
        }
        permanences.update(changed(p, v), v.helperIds());
        return Page.seeOther(listPath(site) + "?enregistre=1");
    }

    /** Ends the permanence tonight (its last day is today); see the class comment. */
    @Post("/{id}/permanences/{permanenceId}/fin")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> end(long id, long permanenceId, Authentication authentication, HttpRequest<?> request) {
        Site site = sites.manageable(CurrentStaff.of(authentication), id);
        Permanence p = permanences.find(site, permanenceId).orElseThrow(NotFoundException::new);
        PermanenceChanges.Ending ending = changes.end(site, p);
        if (ending instanceof PermanenceChanges.StillBooked still) {
            Locale locale = forms.locale(request);
            Appointment first = still.appointments().get(0);
            String message = messages.get(locale, "error.permanence.end.booked", String.valueOf(still.appointments().size()),
                    DateWords.longDate(first.slotDate(), locale));
            return listPage(site, locale).with("endError", message).status(HttpStatus.CONFLICT);
        }
        return Page.seeOther(listPath(site) + "?enregistre=1");
    }

    // ---- absences of the site's helpers ---------------------------------------------------------------------

    /** A director declares an absence for a helper of the site (who may be unable to do it themselves). */
    @Post("/{id}/absences")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> declareAbsence(long id, @Body AbsenceForm form, Authentication authentication,
                                          HttpRequest<?> request) {
        Site site = sites.manageable(CurrentStaff.of(authentication), id);
        Forms.Errors errors = forms.validate(form, request);
        Set<Long> helpers = team.helperIds(site);
        String typedStaff = form.staffId() == null ? "" : form.staffId().strip();
        Long staffId = typedStaff.matches("\\d{1,18}") ? Long.valueOf(typedStaff) : null;
        if (typedStaff.isEmpty()) {
            errors.add("staffId", "error.absence.who");
        } else if (staffId == null || !helpers.contains(staffId)) {
            errors.add("staffId", "error.choice");
        }
        if (!errors.isEmpty()) {
            return listPage(site, forms.locale(request)).with("absence", form).with("absenceErrors", errors.asMap())
                    .with("hasErrors", true).invalid();
        }
        absences.declare(staffId, form.values());
        return Page.seeOther(listPath(site) + "?enregistre=1");
    }

    @Post("/{id}/absences/{absenceId}/suppression")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> removeAbsence(long id, long absenceId, Authentication authentication) {
        Site site = sites.manageable(CurrentStaff.of(authentication), id);
        StaffAbsence absence = absences.find(absenceId, team.members(site)).orElseThrow(NotFoundException::new);
        absences.delete(absence);
        return Page.seeOther(listPath(site) + "?supprime=1");
    }

    // ---- checks and pages ------------------------------------------------------------------------------------

    /** The form's values, or null with messages: field rules, a helper on duty elsewhere, stranded appointments. */
    private PermanenceForm.Values check(Site site, Permanence existing, PermanenceForm form, Forms.Errors errors, Locale locale) {
        PermanenceForm.Values v = form.parse(errors, team.helperIds(site));
        if (v == null) {
            return null;
        }
        changes.busyHelper(existing == null ? null : existing.id(), v).ifPresent(busy -> {
            Permanence other = busy.permanence();
            errors.add("helpers", "error.permanence.helperBusy",
                    views.names(List.of(busy.staffId())).getOrDefault(busy.staffId(), ""),
                    DayOfWeek.of(other.dayOfWeek()).getDisplayName(TextStyle.FULL, locale),
                    DateWords.time(other.startsAt(), locale), DateWords.time(other.endsAt(), locale),
                    sites.byId(other.siteId()).map(Site::name).orElse(""));
        });
        if (existing != null && errors.isEmpty()) {
            List<Appointment> stranded = changes.stranded(site, changed(existing, v), v.helperIds());
            if (!stranded.isEmpty()) {
                Appointment first = stranded.get(0);
                errors.add("appointments", "error.permanence.appointments", String.valueOf(stranded.size()),
                        DateWords.longDate(first.slotDate(), locale), DateWords.time(first.slotTime(), locale));
            }
        }
        return errors.isEmpty() ? v : null;
    }

    private static Permanence changed(Permanence p, PermanenceForm.Values v) {
        return new Permanence(p.id(), p.siteId(), (short) v.dayOfWeek(), v.startsAt(), v.endsAt(), v.slotMinutes(),
                v.validFrom(), v.validTo(), p.createdAt());
    }

    private static String listPath(Site site) {
        return "/gestion/sites/" + site.id() + "/permanences";
    }

    /** The list page with the saved settings and an empty absence form; callers replace what was typed. */
    private Page listPage(Site site, Locale locale) {
        LocalDate today = sites.today(site);
        List<Permanence> all = permanences.of(site);
        Map<Long, List<Long>> onDuty = permanences.helpersOf(all.stream().map(Permanence::id).toList());
        List<Staff> helpers = team.helpers(site);
        List<StaffAbsence> away = absences.upcomingOf(team.members(site));
        List<Long> named = new ArrayList<>();
        onDuty.values().forEach(named::addAll);
        away.forEach(a -> named.add(a.staffId()));
        Map<Long, String> names = views.names(named);

        List<Map<String, Object>> rows = new ArrayList<>();
        for (Permanence p : all) {
            List<Long> ids = onDuty.getOrDefault(p.id(), List.of());
            String hours = DateWords.time(p.startsAt(), locale) + " – " + DateWords.time(p.endsAt(), locale);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", p.id());
            row.put("dayKey", "day." + DayOfWeek.of(p.dayOfWeek()).name());
            row.put("hours", hours);
            row.put("label", DayOfWeek.of(p.dayOfWeek()).getDisplayName(TextStyle.FULL, locale) + " " + hours);
            row.put("slotMinutes", String.valueOf(p.slotMinutes()));
            row.put("helpers", ids.stream().map(h -> names.getOrDefault(h, "")).sorted(String.CASE_INSENSITIVE_ORDER)
                    .collect(Collectors.joining(", ")));
            row.put("capacity", ids.size());
            row.put("from", DateWords.longDate(p.validFrom(), locale));
            row.put("to", p.validTo() == null ? null : DateWords.longDate(p.validTo(), locale));
            boolean ended = p.validTo() != null && p.validTo().isBefore(today);
            boolean ending = p.validTo() != null && !p.validTo().isAfter(today);
            row.put("ended", ending);
            row.put("stateKey", ended ? "permanences.state.ended"
                    : p.validFrom().isAfter(today) ? "permanences.state.upcoming" : "permanences.state.current");
            rows.add(row);
        }
        List<Map<String, Object>> absenceRows = away.stream().map(a -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", a.id());
            m.put("name", names.getOrDefault(a.staffId(), ""));
            m.put("from", DateWords.longDate(a.startDate(), locale));
            m.put("to", DateWords.longDate(a.endDate(), locale));
            m.put("oneDay", a.startDate().equals(a.endDate()));
            m.put("label", a.label());
            return m;
        }).toList();
        return Page.of(LIST_VIEW).title("permanences.title").with("site", site).with("tab", "permanences")
                .with("permanences", rows)
                .with("settings", BookingSettingsForm.of(bookings.settings(site))).with("settingsErrors", Map.of())
                .with("absences", absenceRows).with("absence", AbsenceForm.empty()).with("absenceErrors", Map.of())
                .with("team", helpers.stream().map(s -> Map.of("id", String.valueOf(s.id()), "name", s.displayName())).toList())
                .with("hasErrors", false);
    }

    private Page formPage(Site site, Permanence p, PermanenceForm form, Map<String, String> errors) {
        List<Map<String, Object>> days = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            days.add(Map.of("value", String.valueOf(d.getValue()), "labelKey", "day." + d.name()));
        }
        List<Map<String, Object>> lengths = PermanenceForm.SLOT_LENGTHS.stream()
                .map(m -> Map.<String, Object>of("value", String.valueOf(m))).toList();
        List<String> checked = form.checkedHelpers();
        List<Map<String, Object>> helpers = team.helpers(site).stream().map(s -> Map.<String, Object>of(
                "id", String.valueOf(s.id()), "name", s.displayName(), "checked", checked.contains(String.valueOf(s.id()))))
                .toList();
        return Page.of(FORM_VIEW).title(p == null ? "permanences.new.title" : "permanences.edit.title")
                .with("site", site).with("tab", "permanences").with("permanence", p)
                .with("form", form).with("errors", errors)
                .with("days", days).with("lengths", lengths).with("helpers", helpers);
    }
}
