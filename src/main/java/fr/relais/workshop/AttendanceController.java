package fr.relais.workshop;

import fr.relais.security.CurrentStaff;
import fr.relais.web.Downloads;
import fr.relais.web.Forms;
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

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Attendance of a session, for the library's helpers: each seated person present or absent ("tout le monde était
 * là" ticks them all), walk-in participants as a count; saving writes the session's collective accompaniment
 * record. Noted from the session's day on, corrected only that day. And the attendance sheet to print before.
 */
@Controller("/bureau/ateliers/seances/{id}")
@Produces(MediaType.TEXT_HTML)
@Secured("HELPER")
@ExecuteOn(TaskExecutors.BLOCKING)
class AttendanceController {
    static final String VIEW = "workshop/attendance";
    private final SessionAccess access;
    private final WorkshopSessions sessions;
    private final SessionViews views;
    private final AttendanceSheet sheet;
    private final Forms forms;

    AttendanceController(SessionAccess access, WorkshopSessions sessions, SessionViews views, AttendanceSheet sheet, Forms forms) {
        this.access = access;
        this.sessions = sessions;
        this.views = views;
        this.sheet = sheet;
        this.forms = forms;
    }

    @Get("/presences")
    MutableHttpResponse<?> form(long id, CurrentStaff me, Locale locale) {
        SessionAccess.Found f = access.session(me, id);
        List<Registration> seated = seated(f);
        List<String> present = seated.stream().filter(r -> Boolean.TRUE.equals(r.attended())).map(r -> String.valueOf(r.id())).toList();
        return page(f, seated, new AttendanceForm(present, String.valueOf(f.session().walkIns()), null), Map.of(), locale).ok();
    }

    @Post("/presences")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> save(long id, @Body AttendanceForm form, CurrentStaff me, Locale locale) {
        SessionAccess.Found f = access.session(me, id);
        List<Registration> seated = seated(f);
        if (!sessions.attendanceOpen(f.site(), f.session())) {
            return page(f, seated, form, Map.of(), locale).status(HttpStatus.CONFLICT);
        }
        Forms.Errors errors = forms.validate(form, locale);
        Set<String> seatedIds = new HashSet<>(seated.stream().map(r -> String.valueOf(r.id())).toList());
        if (!seatedIds.containsAll(form.ticked())) {
            errors.add("present", "error.choice");
        }
        if (!errors.isEmpty()) {
            return page(f, seated, form, errors.asMap(), locale).invalid();
        }
        Set<Long> present = new HashSet<>();
        (form.everyoneCame() ? seatedIds : Set.copyOf(form.ticked())).forEach(s -> present.add(Long.valueOf(s)));
        try {
            sessions.saveAttendance(f.site(), id, present, form.typedWalkIns(), me.id());
        } catch (SessionRefused e) {
            return page(f, seated, form, Map.of(), locale).status(HttpStatus.CONFLICT);
        }
        return Page.seeOther("/bureau/ateliers/seances/" + id + "/presences?enregistre=1");
    }

    /** The sheet to print before the session: the people seated to tick and sign, then the waiting list. */
    @Get("/emargement.pdf")
    @Produces(Downloads.PDF)
    MutableHttpResponse<byte[]> sheet(long id, CurrentStaff me, Locale locale) {
        SessionAccess.Found f = access.session(me, id);
        List<Registration> all = sessions.registrations(id);
        SessionViews.SessionView s = views.view(f, 0, sessions.helperIds(id), locale);
        AttendanceSheet.Data data = new AttendanceSheet.Data(f.site().name(), f.workshop().title(), f.session().sessionDate(),
                f.session().startTime(), f.session().durationMinutes(), f.session().room(), s.helpers(),
                people(all, RegistrationStatus.SEATED), people(all, RegistrationStatus.WAITING));
        return Downloads.pdf(sheet.render(data, locale), "feuille-emargement.pdf");
    }

    /** A seated person's line: whether they are ticked present. */
    record PersonRow(String id, String firstName, int seats, boolean present) {
    }

    private Page page(SessionAccess.Found f, List<Registration> seated, AttendanceForm form, Map<String, String> errors, Locale locale) {
        Set<String> ticked = Set.copyOf(form.ticked());
        int presentSeats = seated.stream().filter(r -> Boolean.TRUE.equals(r.attended())).mapToInt(Registration::seats).sum();
        return Page.of(VIEW).title("workshop.attendance.title").with("site", f.site())
                .with("s", views.view(f, 0, sessions.helperIds(f.session().id()), locale))
                .with("people", seated.stream().map(r -> new PersonRow(String.valueOf(r.id()), r.firstName(), r.seats(),
                        ticked.contains(String.valueOf(r.id())))).toList())
                .with("form", form).with("errors", errors)
                .with("open", sessions.attendanceOpen(f.site(), f.session()))
                .with("notYet", f.session().sessionDate().isAfter(sessions.today(f.site())))
                .with("taken", f.session().attendanceTaken())
                .with("participants", presentSeats + f.session().walkIns());
    }

    private List<Registration> seated(SessionAccess.Found f) {
        return sessions.registrations(f.session().id()).stream().filter(r -> r.status() == RegistrationStatus.SEATED).toList();
    }

    private static List<AttendanceSheet.Person> people(List<Registration> all, RegistrationStatus status) {
        return all.stream().filter(r -> r.status() == status).map(r -> new AttendanceSheet.Person(r.firstName(), r.seats())).toList();
    }
}
