package fr.relais.appointment;

import fr.relais.pdf.AppointmentSlip;
import fr.relais.reference.ReferenceData;
import fr.relais.security.RateLimiter;
import fr.relais.site.Site;
import fr.relais.site.Sites;
import fr.relais.web.DateWords;
import fr.relais.web.Forms;
import fr.relais.web.Messages;
import fr.relais.web.NotFoundException;
import fr.relais.web.Page;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Booking without an account: a library's free slots, a short form, a confirmation with a booking code;
 * finding and cancelling with the code and the first name. Abuse is limited without a CAPTCHA: a honeypot
 * field, per-address rate limits, and a cap on future bookings per phone or e-mail.
 */
@Controller
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class PublicBookingController {
    static final String SLOTS_VIEW = "appointment/public-slots";
    static final String FORM_VIEW = "appointment/public-form";
    static final String CONFIRMATION_VIEW = "appointment/public-confirmation";
    static final String FIND_VIEW = "appointment/public-find";
    static final String CANCEL_VIEW = "appointment/public-cancel";
    private final Sites sites;
    private final Slots slots;
    private final Bookings bookings;
    private final AppointmentRepository appointments;
    private final AppointmentViews views;
    private final AppointmentLinks links;
    private final AppointmentDocuments documents;
    private final ReferenceData reference;
    private final RateLimiter limiter;
    private final PublicBookingSettings settings;
    private final Forms forms;
    private final Messages messages;
    private final BookingRules rules;

    PublicBookingController(Sites sites, Slots slots, Bookings bookings, AppointmentRepository appointments,
                            AppointmentViews views, AppointmentLinks links, AppointmentDocuments documents,
                            ReferenceData reference, RateLimiter limiter, PublicBookingSettings settings, Forms forms,
                            Messages messages, BookingRules rules) {
        this.rules = rules;
        this.sites = sites;
        this.slots = slots;
        this.bookings = bookings;
        this.appointments = appointments;
        this.views = views;
        this.links = links;
        this.documents = documents;
        this.reference = reference;
        this.limiter = limiter;
        this.settings = settings;
        this.forms = forms;
        this.messages = messages;
    }

    @Get("/bibliotheques/{slug}/rendez-vous")
    MutableHttpResponse<?> freeSlots(String slug, HttpRequest<?> request) {
        Site site = sites.bySlug(slug).orElseThrow(NotFoundException::new);
        Locale locale = forms.locale(request);
        LocalDate today = sites.today(site);
        int weeks = bookings.settings(site).bookingWeeks();
        return Page.of(SLOTS_VIEW).title("public.booking.title").with("site", site)
                .with("days", views.freeByDay(slots.between(site, today, today.plusWeeks(weeks)), locale))
                .with("weeks", weeks).ok();
    }

    @Get("/bibliotheques/{slug}/rendez-vous/{slot}")
    MutableHttpResponse<?> form(String slug, String slot, HttpRequest<?> request) {
        Site site = sites.bySlug(slug).orElseThrow(NotFoundException::new);
        Slot found = Slot.parse(slot).flatMap(k -> offered(site, k)).orElseThrow(NotFoundException::new);
        Locale locale = forms.locale(request);
        // A link to a slot that has passed or filled up since: say so now, not after the form is typed.
        if (!found.startsAt().isAfter(sites.now())) {
            return slotTaken(site, SlotUnavailableException.Reason.PAST, locale);
        }
        if (found.free() == 0) {
            return slotTaken(site, SlotUnavailableException.Reason.FULL, locale);
        }
        return formPage(site, found, BookingForm.empty(), Map.of(), locale).ok();
    }

    @Post("/bibliotheques/{slug}/rendez-vous/{slot}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> book(String slug, String slot, @Body BookingForm form, HttpRequest<?> request) {
        Site site = sites.bySlug(slug).orElseThrow(NotFoundException::new);
        Slot.Key key = Slot.parse(slot).orElseThrow(NotFoundException::new);
        Slot found = offered(site, key).orElseThrow(NotFoundException::new);
        Locale locale = forms.locale(request);
        if (!limiter.allow("booking", request, settings.getBookingsPerHour(), Duration.ofHours(1))) {
            return formPage(site, found, form, Map.of(), locale).with("failure", "public.booking.tooMany")
                    .status(HttpStatus.TOO_MANY_REQUESTS);
        }
        // People do not see the honeypot field; a robot filling it gets the same page as a mistake would.
        Forms.Errors errors = rules.validate(form, request);
        if (form.website() != null && !form.website().isBlank()) {
            errors.add("firstName", "error.public.refused");
        }
        if (errors.isEmpty()) {
            // The message goes next to the contact that has reached the limit.
            String over = bookings.overContactLimit(site, form.normalizedPhone(), null) ? "phone"
                    : bookings.overContactLimit(site, null, form.normalizedEmail()) ? "email" : null;
            if (over != null) {
                errors.add(over, "error.public.contactLimit", bookings.settings(site).maxFutureBookings(),
                        site.phone() == null ? "" : site.phone());
            }
        }
        if (!errors.isEmpty()) {
            return formPage(site, found, form, errors.asMap(), locale).invalid();
        }
        try {
            Appointment booked = bookings.book(site, key, publicRequest(form), null);
            return Page.seeOther(links.confirmation(booked));
        } catch (SlotUnavailableException e) {
            return slotTaken(site, e.reason(), locale);
        }
    }

    /** A slot the public page offers: one of the site's, no further ahead than its booking weeks. */
    private Optional<Slot> offered(Site site, Slot.Key key) {
        if (key.date().isAfter(sites.today(site).plusWeeks(bookings.settings(site).bookingWeeks()))) {
            return Optional.empty();
        }
        return slots.find(site, key);
    }

    private MutableHttpResponse<?> slotTaken(Site site, SlotUnavailableException.Reason reason, Locale locale) {
        return rules.slotTaken(site, reason, "/bibliotheques/" + site.slug() + "/rendez-vous/", locale);
    }

    /** The confirmation and "my appointment" page, reached by the link given after booking or finding. */
    @Get("/rendez-vous/{id}")
    MutableHttpResponse<?> confirmation(long id, @Nullable @QueryValue String cle, HttpRequest<?> request) {
        Appointment a = byLink(id, cle);
        Site site = siteOf(a);
        Locale locale = forms.locale(request);
        return Page.of(CONFIRMATION_VIEW).title(a.status().cancelled() ? "public.confirmation.cancelledTitle" : "public.confirmation.title")
                .with("site", site)
                .with("appointment", views.appointment(a, views.names(java.util.Collections.singletonList(a.helperId())), locale))
                .with("slipA4", links.slip(a, "A4")).with("slipTicket", links.slip(a, "TICKET"))
                .with("calendar", links.calendar(a))
                .with("cancellable", bookings.cancellableOnline(a))
                .ok();
    }

    @Get("/rendez-vous/{id}/convocation.pdf")
    @Produces("application/pdf")
    MutableHttpResponse<byte[]> slip(long id, @Nullable @QueryValue String cle, @Nullable @QueryValue String format,
                                     HttpRequest<?> request) {
        Appointment a = byLink(id, cle);
        Site site = siteOf(a);
        return pdf(documents.slip(site, a, format(format), forms.locale(request)), "convocation-" + a.slotDate() + ".pdf");
    }

    @Get("/rendez-vous/{id}/agenda.ics")
    @Produces("text/calendar")
    MutableHttpResponse<byte[]> calendar(long id, @Nullable @QueryValue String cle, HttpRequest<?> request) {
        Appointment a = byLink(id, cle);
        Site site = siteOf(a);
        String title = messages.get(forms.locale(request), "public.calendar.title", site.name());
        return HttpResponse.ok(documents.personCalendar(site, a, title).getBytes(StandardCharsets.UTF_8))
                .contentType(new MediaType("text/calendar; charset=utf-8"))
                .header("Content-Disposition", "attachment; filename=\"rendez-vous.ics\"");
    }

    @Get("/rendez-vous/retrouver")
    MutableHttpResponse<?> findForm() {
        return Page.of(FIND_VIEW).title("public.find.title").with("form", Map.of()).ok();
    }

    @Post("/rendez-vous/retrouver")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> find(@Body Map<String, String> form, HttpRequest<?> request) {
        CodeCheck check = check(form, request);
        if (check.answer() != null) {
            return Page.of(FIND_VIEW).title("public.find.title").with("form", form).with("errors", check.errors())
                    .with("failure", check.failure()).status(check.answer());
        }
        return Page.seeOther(links.confirmation(check.appointment()));
    }

    @Get("/rendez-vous/annulation")
    MutableHttpResponse<?> cancelForm(@Nullable @QueryValue String fait) {
        return Page.of(CANCEL_VIEW).title("public.cancel.title").with("form", Map.of()).with("done", fait != null).ok();
    }

    @Post("/rendez-vous/annulation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> cancel(@Body Map<String, String> form, HttpRequest<?> request) {
        CodeCheck check = check(form, request);
        if (check.answer() != null) {
            return Page.of(CANCEL_VIEW).title("public.cancel.title").with("form", form).with("errors", check.errors())
                    .with("failure", check.failure()).status(check.answer());
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
    private CodeCheck check(Map<String, String> form, HttpRequest<?> request) {
        Forms.Errors errors = forms.errors(request);
        String typedCode = form.getOrDefault("code", "").strip();
        String firstName = form.getOrDefault("firstName", "").strip();
        if (typedCode.isEmpty()) {
            errors.add("code", "error.required");
        }
        if (firstName.isEmpty()) {
            errors.add("firstName", "error.required");
        } else if (firstName.length() > 40) {
            errors.add("firstName", "error.tooLong", 40);
        }
        if (!errors.isEmpty()) {
            return new CodeCheck(HttpStatus.UNPROCESSABLE_ENTITY, errors.asMap(), null, null);
        }
        if (!limiter.allow("code-check", request, settings.getCodeChecksPerWindow(), settings.getCodeCheckWindow())) {
            return new CodeCheck(HttpStatus.TOO_MANY_REQUESTS, Map.of(), "public.code.tooMany", null);
        }
        Optional<Appointment> found = BookingCodes.normalize(typedCode).flatMap(appointments::findByCode)
                .filter(a -> a.firstName().equalsIgnoreCase(firstName));
        if (found.isEmpty()) {
            return new CodeCheck(HttpStatus.UNPROCESSABLE_ENTITY, Map.of(), "public.code.notFound", null);
        }
        return new CodeCheck(null, Map.of(), null, found.get());
    }

    private record CodeCheck(HttpStatus answer, Map<String, String> errors, String failure, Appointment appointment) {
    }

    private Appointment byLink(long id, String key) {
        return appointments.findById(id).filter(a -> links.matches(a, key)).orElseThrow(NotFoundException::new);
    }

    private Site siteOf(Appointment a) {
        return sites.byId(a.siteId()).orElseThrow(NotFoundException::new);
    }

    private Page formPage(Site site, Slot slot, BookingForm form, Map<String, String> errors, Locale locale) {
        return Page.of(FORM_VIEW).title("public.form.title").with("site", site).with("form", form).with("errors", errors)
                .with("slotKey", slot.key()).with("date", DateWords.longDate(slot.date(), locale))
                .with("time", DateWords.time(slot.time(), locale))
                .with("themes", reference.themes(locale)).with("scopes", reference.scopes(locale));
    }

    /** The public form has no note for the helper: a crafted field is ignored. */
    private static Bookings.Request publicRequest(BookingForm form) {
        Bookings.Request typed = DeskController.request(form);
        return new Bookings.Request(typed.firstName(), typed.phone(), typed.email(), typed.themeCode(), typed.scopeCode(), null);
    }

    static AppointmentSlip.Format format(String format) {
        return "TICKET".equalsIgnoreCase(format) ? AppointmentSlip.Format.TICKET : AppointmentSlip.Format.A4;
    }

    static MutableHttpResponse<byte[]> pdf(byte[] bytes, String filename) {
        return HttpResponse.ok(bytes).contentType(new MediaType("application/pdf"))
                .header("Content-Disposition", "inline; filename=\"" + filename + "\"");
    }
}
