package fr.relais.appointment;

import fr.relais.journal.Journal;
import fr.relais.journal.JournalAction;
import fr.relais.security.CurrentStaff;
import fr.relais.site.Site;
import fr.relais.site.Sites;
import fr.relais.web.Downloads;
import fr.relais.web.Forms;
import fr.relais.web.NotFoundException;
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

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

/**
 * One appointment at the desk: its page and slip, then what happens to it (honoured, absent, cancelled by the
 * library, moved). Helpers of its site only; any other id answers 404, like one that does not exist.
 */
@Controller("/bureau/rendez-vous")
@Produces(MediaType.TEXT_HTML)
@Secured("HELPER")
@ExecuteOn(TaskExecutors.BLOCKING)
class DeskAppointmentController {
    static final String DETAIL_VIEW = "appointment/detail";
    static final String CANCEL_VIEW = "appointment/cancel";
    static final String MOVE_VIEW = "appointment/move";
    private final Sites sites;
    private final Slots slots;
    private final Bookings bookings;
    private final AppointmentRepository appointments;
    private final AppointmentViews views;
    private final AppointmentDocuments documents;
    private final Forms forms;
    private final Journal journal;

    DeskAppointmentController(Sites sites, Slots slots, Bookings bookings, AppointmentRepository appointments,
                              AppointmentViews views, AppointmentDocuments documents, Forms forms, Journal journal) {
        this.sites = sites;
        this.slots = slots;
        this.bookings = bookings;
        this.appointments = appointments;
        this.views = views;
        this.documents = documents;
        this.forms = forms;
        this.journal = journal;
    }

    @Get("/{id}")
    MutableHttpResponse<?> detail(long id, @Nullable @QueryValue String nouveau, CurrentStaff me, Locale locale) {
        Appointment a = mine(id, me);
        Site site = sites.manageable(me, a.siteId());
        if (a.phone() != null || a.email() != null) {
            // The person's phone or e-mail is on this page: who opened it goes to the journal.
            journal.record(JournalAction.PERSONAL_DATA_OPENED, me.id(), site.id(), "rendez-vous:" + a.id(), null);
        }
        return Page.of(DETAIL_VIEW).title("desk.detail.title").with("site", site)
                .with("appointment", views.appointment(a, locale)).with("justBooked", nouveau != null).ok();
    }

    /** The slip, A4 or ticket, printed at once at the desk. */
    @Get("/{id}/convocation.pdf")
    @Produces(Downloads.PDF)
    MutableHttpResponse<byte[]> slip(long id, @Nullable @QueryValue String format, CurrentStaff me, Locale locale) {
        Appointment a = mine(id, me);
        Site site = sites.manageable(me, a.siteId());
        return Downloads.pdf(documents.slip(site, a, AppointmentDocuments.slipFormat(format), locale),
                "convocation-" + a.slotDate() + ".pdf");
    }

    @Post("/{id}/statut")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> mark(long id, @Body StatusForm form, CurrentStaff me, Locale locale) {
        Appointment a = mine(id, me);
        // Only the page's two buttons send a status: anything else, or a cancelled appointment, is an edited request.
        if (!forms.validate(form, locale).isEmpty() || a.status().cancelled()) {
            throw new NotFoundException();
        }
        AppointmentStatus status = form.value();
        bookings.setStatus(a, status, null);
        if (status == AppointmentStatus.DONE) {
            // Honoured: the accompaniment log opens, prefilled from the appointment and linked to it.
            return Page.seeOther("/accompagnements/" + a.siteId() + "/rendez-vous/" + a.id());
        }
        return Page.seeOther(dayPath(a));
    }

    @Get("/{id}/annulation")
    MutableHttpResponse<?> cancelForm(long id, CurrentStaff me, Locale locale) {
        return cancelPage(cancellable(id, me), CancelForm.empty(), Map.of(), locale).ok();
    }

    @Post("/{id}/annulation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> cancel(long id, @Body CancelForm form, CurrentStaff me, Locale locale) {
        Appointment a = cancellable(id, me);
        Forms.Errors errors = forms.validate(form, locale);
        if (!errors.isEmpty()) {
            return cancelPage(a, form, errors.asMap(), locale).invalid();
        }
        bookings.setStatus(a, AppointmentStatus.CANCELLED_BY_SITE, form.reason());
        return Page.seeOther(dayPath(a));
    }

    @Get("/{id}/deplacement")
    MutableHttpResponse<?> moveForm(long id, CurrentStaff me, Locale locale) {
        Appointment a = cancellable(id, me);
        return movePage(sites.manageable(me, a.siteId()), a, Map.of(), locale).ok();
    }

    @Post("/{id}/deplacement")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> move(long id, @Body MoveForm form, CurrentStaff me, Locale locale) {
        Appointment a = cancellable(id, me);
        Site site = sites.manageable(me, a.siteId());
        Forms.Errors errors = forms.validate(form, locale);
        if (!errors.isEmpty()) {
            return movePage(site, a, errors.asMap(), locale).invalid();
        }
        try {
            bookings.move(site, a, form.key());
            return Page.seeOther("/bureau/rendez-vous/" + a.id() + "?nouveau=1");
        } catch (SlotUnavailableException e) {
            if (e.reason() == SlotUnavailableException.Reason.UNKNOWN) {
                throw new NotFoundException(); // a key edited by hand, as when booking
            }
            String message = e.reason() == SlotUnavailableException.Reason.PAST ? "error.slot.past" : "error.slot.taken";
            return movePage(site, a, forms.errors(locale).add("slot", message).asMap(), locale).status(HttpStatus.CONFLICT);
        }
    }

    private Appointment mine(long id, CurrentStaff me) {
        return appointments.findById(id).filter(a -> me.canSeeSite(a.siteId())).orElseThrow(NotFoundException::new);
    }

    /** Still booked: cancelling or moving it again answers like an unknown appointment. */
    private Appointment cancellable(long id, CurrentStaff me) {
        Appointment a = mine(id, me);
        if (a.status() != AppointmentStatus.BOOKED) {
            throw new NotFoundException();
        }
        return a;
    }

    private static String dayPath(Appointment a) {
        return "/bureau/" + a.siteId() + "/jour/" + a.slotDate() + "?enregistre=1";
    }

    private Page cancelPage(Appointment a, CancelForm form, Map<String, String> errors, Locale locale) {
        return Page.of(CANCEL_VIEW).title("desk.cancel.title")
                .with("appointment", views.appointment(a, Map.of(), locale)).with("form", form).with("errors", errors);
    }

    private Page movePage(Site site, Appointment a, Map<String, String> errors, Locale locale) {
        LocalDate today = sites.today(site);
        int weeks = bookings.settings(site).bookingWeeks();
        return Page.of(MOVE_VIEW).title("desk.move.title").with("site", site)
                .with("appointment", views.appointment(a, Map.of(), locale))
                .with("days", views.freeByDay(slots.between(site, today, today.plusWeeks(weeks)), locale))
                .with("errors", errors);
    }
}
