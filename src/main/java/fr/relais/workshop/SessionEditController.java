package fr.relais.workshop;

import fr.relais.contact.Contacts;
import fr.relais.journal.Journal;
import fr.relais.journal.JournalAction;
import fr.relais.security.CurrentStaff;
import fr.relais.security.Role;
import fr.relais.web.Forms;
import fr.relais.web.Page;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
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

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Changing or cancelling a session that has not started, for the library's helpers and directors. A capacity below
 * the seats taken is refused with their number; a larger one promotes waiting people, shown afterwards. Date and
 * time move only while nobody is registered. A cancelled session shows the people to inform: names and contacts for
 * helpers (written to the journal as personal data opened), only how many for directors. Nothing frees silently.
 */
@Controller("/bureau/{siteId}/ateliers/{sessionId}")
@Produces(MediaType.TEXT_HTML)
@Secured({"HELPER", "DIRECTOR"})
@ExecuteOn(TaskExecutors.BLOCKING)
class SessionEditController {
    static final String EDIT_VIEW = "workshop/session-edit";
    static final String CANCEL_VIEW = "workshop/session-cancel";
    private final SessionAccess access;
    private final WorkshopSessions sessions;
    private final SessionViews views;
    private final Forms forms;
    private final Journal journal;

    SessionEditController(SessionAccess access, WorkshopSessions sessions, SessionViews views, Forms forms, Journal journal) {
        this.access = access;
        this.sessions = sessions;
        this.views = views;
        this.forms = forms;
        this.journal = journal;
    }

    /** A person to inform (helpers only): first name, contact, and the seats they held or waited for. */
    record ToInform(String firstName, String phone, String phoneShown, String email, int seats) {
    }

    @Get("/modification")
    MutableHttpResponse<?> editForm(long siteId, long sessionId, @Nullable @QueryValue String promus, CurrentStaff me, Locale locale) {
        SessionAccess.Found f = access.session(me, siteId, sessionId);
        List<Registration> promoted = access.promoted(f.session(), promus);
        return editPage(me, f, SessionForm.of(f.session(), sessions.helperIds(sessionId)), Map.of(), locale)
                .with("promotedCount", promoted.size())
                .with("promoted", me.role() == Role.HELPER ? promoted.stream().map(Registration::firstName).toList() : List.of())
                .ok();
    }

    @Post("/modification")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> edit(long siteId, long sessionId, @Body SessionForm form, CurrentStaff me, Locale locale) {
        SessionAccess.Found f = access.session(me, siteId, sessionId);
        if (!sessions.changeable(f.session())) {
            return editPage(me, f, form, Map.of(), locale).status(HttpStatus.CONFLICT);
        }
        Forms.Errors errors = forms.validate(form, locale);
        List<Long> helperIds = views.helperIds(f.site().id(), form.checkedHelpers(), sessions.helperIds(sessionId));
        if (helperIds == null) {
            errors.add("helpers", "error.choice");
        }
        if (!errors.has("capacity") && form.typedCapacity() < f.session().seatsTaken()) {
            errors.add("capacity", "workshop.error.capacityBelowSeats", f.session().seatsTaken());
        }
        if (errors.isEmpty()) {
            try {
                List<Registration> promoted = sessions.change(f.site(), sessionId, form.values(helperIds), me.id());
                String ids = promoted.stream().map(r -> String.valueOf(r.id())).collect(Collectors.joining("-"));
                return Page.seeOther(base(f) + "/modification?enregistre=1" + (ids.isEmpty() ? "" : "&promus=" + ids));
            } catch (RegistrationRefused e) {
                errors.add("capacity", "workshop.error.capacityBelowSeats", e.seatsTaken());
            } catch (SessionRefused e) {
                errors.add("sessionDate", e.reason() == SessionRefused.Reason.HAS_REGISTRATIONS
                        ? "workshop.error.moveRegistered" : e.reason() == SessionRefused.Reason.PAST
                        ? "workshop.error.pastDate" : "workshop.error.started");
            }
        }
        return editPage(me, f, form, errors.asMap(), locale).invalid();
    }

    @Get("/annulation")
    MutableHttpResponse<?> cancelForm(long siteId, long sessionId, CurrentStaff me, Locale locale) {
        SessionAccess.Found f = access.session(me, siteId, sessionId);
        return cancelPage(me, f, new CancelSessionForm(""), Map.of(), locale).ok();
    }

    @Post("/annulation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> cancel(long siteId, long sessionId, @Body CancelSessionForm form, CurrentStaff me, Locale locale) {
        SessionAccess.Found f = access.session(me, siteId, sessionId);
        if (!sessions.changeable(f.session())) {
            return cancelPage(me, f, form, Map.of(), locale).status(HttpStatus.CONFLICT);
        }
        Forms.Errors errors = forms.validate(form, locale);
        if (!errors.isEmpty()) {
            return cancelPage(me, f, form, errors.asMap(), locale).invalid();
        }
        try {
            sessions.cancel(sessionId, form.value());
        } catch (SessionRefused e) {
            return cancelPage(me, f, form, Map.of(), locale).status(HttpStatus.CONFLICT);
        }
        return Page.seeOther(base(f) + "/annulation");
    }

    private Page editPage(CurrentStaff me, SessionAccess.Found f, SessionForm form, Map<String, String> errors, Locale locale) {
        List<Registration> all = sessions.registrations(f.session().id());
        long live = all.stream().filter(r -> r.status().live()).count();
        return Page.of(EDIT_VIEW).title("workshop.edit.session.title").with("site", f.site())
                .with("s", views.view(f, (int) all.stream().filter(r -> r.status() == RegistrationStatus.WAITING).count(),
                        sessions.helperIds(f.session().id()), locale))
                .with("changeable", sessions.changeable(f.session()))
                .with("registered", live > 0)
                .with("helper", me.role() == Role.HELPER)
                .with("form", form).with("errors", errors)
                .with("helpers", views.helperChoices(f.site().id(), form.checkedHelpers()));
    }

    private Page cancelPage(CurrentStaff me, SessionAccess.Found f, CancelSessionForm form, Map<String, String> errors, Locale locale) {
        List<Registration> all = sessions.registrations(f.session().id());
        Page page = Page.of(CANCEL_VIEW).title("workshop.cancel.title").with("site", f.site())
                .with("s", views.view(f, (int) all.stream().filter(r -> r.status() == RegistrationStatus.WAITING).count(),
                        sessions.helperIds(f.session().id()), locale))
                .with("changeable", sessions.changeable(f.session()))
                .with("form", form).with("errors", errors)
                .with("live", all.stream().filter(r -> r.status().live()).count());
        if (f.session().cancelled()) {
            // Everyone whose registration the library cancelled: the session's cancellation, or a removal by hand before.
            List<Registration> informed = all.stream().filter(r -> r.status() == RegistrationStatus.CANCELLED_BY_SITE).toList();
            page.with("informCount", informed.size());
            if (me.role() == Role.HELPER) {
                page.with("toInform", informed.stream().map(r -> new ToInform(r.firstName(), r.phone(), Contacts.display(r.phone()), r.email(), r.seats())).toList());
                if (informed.stream().anyMatch(r -> r.phone() != null || r.email() != null)) {
                    // Phones and e-mails are on this page: who opened them goes to the journal.
                    journal.record(JournalAction.PERSONAL_DATA_OPENED, me.id(), f.site().id(), "seance:" + f.session().id(),
                            "personnes-a-prevenir");
                }
            }
        }
        return page;
    }

    private static String base(SessionAccess.Found f) {
        return "/bureau/" + f.site().id() + "/ateliers/" + f.session().id();
    }
}
