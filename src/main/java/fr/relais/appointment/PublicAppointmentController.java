package fr.relais.appointment;

import fr.relais.security.RateLimiter;
import fr.relais.site.Site;
import fr.relais.site.Sites;
import fr.relais.web.Downloads;
import fr.relais.web.Forms;
import fr.relais.web.Messages;
import fr.relais.web.NotFoundException;
import fr.relais.web.Page;
import io.micronaut.core.annotation.Nullable;
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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A person's own appointment, without an account: the confirmation page, the slip and the calendar file by the
 * link given after booking (its key makes ids impossible to walk through); finding and cancelling with the
 * booking code and the first name, rate-limited per address.
 */
@Controller("/rendez-vous")
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class PublicAppointmentController {
    static final String CONFIRMATION_VIEW = "appointment/public-confirmation";
    static final String FIND_VIEW = "appointment/public-find";
    static final String CANCEL_VIEW = "appointment/public-cancel";
    private final Sites sites;
    private final Bookings bookings;
    private final AppointmentRepository appointments;
    private final AppointmentViews views;
    private final AppointmentLinks links;
    private final AppointmentDocuments documents;
    private final RateLimiter limiter;
    private final PublicBookingSettings settings;
    private final Forms forms;
    private final Messages messages;

    PublicAppointmentController(Sites sites, Bookings bookings, AppointmentRepository appointments, AppointmentViews views,
                                AppointmentLinks links, AppointmentDocuments documents, RateLimiter limiter,
                                PublicBookingSettings settings, Forms forms, Messages messages) {
        this.sites = sites;
        this.bookings = bookings;
        this.appointments = appointments;
        this.views = views;
        this.links = links;
        this.documents = documents;
        this.limiter = limiter;
        this.settings = settings;
        this.forms = forms;
        this.messages = messages;
    }

    /** The confirmation and "my appointment" page, reached by the link given after booking or finding. */
    @Get("/{id}")
    MutableHttpResponse<?> confirmation(long id, @Nullable @QueryValue String cle, Locale locale) {
        Appointment a = byLink(id, cle);
        return Page.of(CONFIRMATION_VIEW).title(a.status().cancelled() ? "public.confirmation.cancelledTitle" : "public.confirmation.title")
                .with("site", siteOf(a)).with("appointment", views.appointment(a, locale))
                .with("slipA4", links.slip(a, "A4")).with("slipTicket", links.slip(a, "TICKET"))
                .with("calendar", links.calendar(a)).with("cancellable", bookings.cancellableOnline(a)).ok();
    }

    @Get("/{id}/convocation.pdf")
    @Produces(Downloads.PDF)
    MutableHttpResponse<byte[]> slip(long id, @Nullable @QueryValue String cle, @Nullable @QueryValue String format,
                                     Locale locale) {
        Appointment a = byLink(id, cle);
        return Downloads.pdf(documents.slip(siteOf(a), a, AppointmentDocuments.slipFormat(format), locale),
                "convocation-" + a.slotDate() + ".pdf");
    }

    @Get("/{id}/agenda.ics")
    @Produces(Downloads.CALENDAR)
    MutableHttpResponse<byte[]> calendar(long id, @Nullable @QueryValue String cle, Locale locale) {
        Appointment a = byLink(id, cle);
        Site site = siteOf(a);
        String title = messages.get(locale, "public.calendar.title", site.name());
        return Downloads.calendar(documents.personCalendar(site, a, title), "rendez-vous.ics");
    }

    @Get("/retrouver")
    MutableHttpResponse<?> findForm() {
        return Page.of(FIND_VIEW).title("public.find.title").with("form", CodeForm.empty()).ok();
    }

    @Post("/retrouver")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> find(@Body CodeForm form, HttpRequest<?> request, Locale locale) {
        CodeCheck check = check(form, request, locale);
        if (check.answer() != null) {
            return refused(Page.of(FIND_VIEW).title("public.find.title"), form, check);
        }
        return Page.seeOther(links.confirmation(check.appointment()));
    }

    @Get("/annulation")
    MutableHttpResponse<?> cancelForm(@Nullable @QueryValue String fait) {
        return Page.of(CANCEL_VIEW).title("public.cancel.title").with("form", CodeForm.empty()).with("done", fait != null).ok();
    }

    @Post("/annulation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> cancel(@Body CodeForm form, HttpRequest<?> request, Locale locale) {
        CodeCheck check = check(form, request, locale);
        if (check.answer() != null) {
            return refused(Page.of(CANCEL_VIEW).title("public.cancel.title"), form, check);
        }
        Appointment a = check.appointment();
        if (a.status().cancelled()) {
            // Already cancelled (a second click, or by the library): nothing to do; show the appointment, marked cancelled.
            return Page.seeOther(links.confirmation(a));
        }
        if (!bookings.cancellableOnline(a)) {
            Site site = siteOf(a);
            return Page.of(CANCEL_VIEW).title("public.cancel.title").with("form", form)
                    .with("tooLate", true).with("site", site)
                    .with("cutoff", bookings.settings(site).cancelCutoffHours())
                    .status(HttpStatus.UNPROCESSABLE_ENTITY);
        }
        bookings.setStatus(a, AppointmentStatus.CANCELLED_BY_USER, null);
        return Page.seeOther("/rendez-vous/annulation?fait=1");
    }

    /** Code and first name, rate-limited per address; the same message whether the code exists or not. */
    private CodeCheck check(CodeForm form, HttpRequest<?> request, Locale locale) {
        Forms.Errors errors = forms.validate(form, locale);
        if (!errors.isEmpty()) {
            return new CodeCheck(HttpStatus.UNPROCESSABLE_ENTITY, errors.asMap(), null, null);
        }
        if (!limiter.allow("code-check", request, settings.getCodeChecksPerWindow(), settings.getCodeCheckWindow())) {
            return new CodeCheck(HttpStatus.TOO_MANY_REQUESTS, Map.of(), "public.code.tooMany", null);
        }
        Optional<Appointment> found = form.normalizedCode().flatMap(appointments::findByCode).filter(form::names);
        if (found.isEmpty()) {
            return new CodeCheck(HttpStatus.UNPROCESSABLE_ENTITY, Map.of(), "public.code.notFound", null);
        }
        return new CodeCheck(null, Map.of(), null, found.get());
    }

    /** The find or cancel page again, with what was typed and why it was refused. */
    private static MutableHttpResponse<?> refused(Page page, CodeForm form, CodeCheck check) {
        return page.with("form", form).with("errors", check.errors()).with("failure", check.failure()).status(check.answer());
    }

    /** What the code check answers: a status and messages when refused, the appointment when found. */
    private record CodeCheck(HttpStatus answer, Map<String, String> errors, String failure, Appointment appointment) {
    }

    private Appointment byLink(long id, String key) {
        return appointments.findById(id).filter(a -> links.matches(a, key)).orElseThrow(NotFoundException::new);
    }

    private Site siteOf(Appointment a) {
        return sites.byId(a.siteId()).orElseThrow(NotFoundException::new);
    }
}
