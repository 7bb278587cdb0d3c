package fr.relais.appointment;

import fr.relais.reference.ReferenceData;
import fr.relais.security.RateLimiter;
import fr.relais.site.Site;
import fr.relais.site.Sites;
import fr.relais.web.DateWords;
import fr.relais.web.Forms;
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
import io.micronaut.security.rules.SecurityRule;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Booking without an account: a library's free slots and a short form, leading to the confirmation (see
 * {@link PublicAppointmentController}). Abuse is limited without a CAPTCHA: a honeypot field, per-address rate
 * limits, and a cap on future bookings per phone or e-mail.
 */
@Controller
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class PublicBookingController {
    static final String SLOTS_VIEW = "appointment/public-slots";
    static final String FORM_VIEW = "appointment/public-form";
    private final Sites sites;
    private final Slots slots;
    private final Bookings bookings;
    private final AppointmentViews views;
    private final AppointmentLinks links;
    private final ReferenceData reference;
    private final RateLimiter limiter;
    private final PublicBookingSettings settings;
    private final BookingRules rules;
    private final Forms forms;

    PublicBookingController(Sites sites, Slots slots, Bookings bookings, AppointmentViews views, AppointmentLinks links,
                            ReferenceData reference, RateLimiter limiter, PublicBookingSettings settings, BookingRules rules,
                            Forms forms) {
        this.sites = sites;
        this.slots = slots;
        this.bookings = bookings;
        this.views = views;
        this.links = links;
        this.reference = reference;
        this.limiter = limiter;
        this.settings = settings;
        this.rules = rules;
        this.forms = forms;
    }

    @Get("/bibliotheques/{slug}/rendez-vous")
    MutableHttpResponse<?> freeSlots(String slug, Locale locale) {
        Site site = sites.bySlug(slug).orElseThrow(NotFoundException::new);
        LocalDate today = sites.today(site);
        int weeks = bookings.settings(site).bookingWeeks();
        return Page.of(SLOTS_VIEW).title("public.booking.title").with("site", site)
                .with("days", views.freeByDay(slots.between(site, today, today.plusWeeks(weeks)), locale))
                .with("weeks", weeks).ok();
    }

    @Get("/bibliotheques/{slug}/rendez-vous/{slot}")
    MutableHttpResponse<?> form(String slug, String slot, Locale locale) {
        Site site = sites.bySlug(slug).orElseThrow(NotFoundException::new);
        Slot found = Slot.parse(slot).flatMap(k -> offered(site, k)).orElseThrow(NotFoundException::new);
        SlotUnavailableException.Reason gone = rules.unavailable(found);
        if (gone != null) {
            return slotTaken(site, gone, locale);
        }
        return formPage(site, found, BookingForm.empty(), Map.of(), locale).ok();
    }

    @Post("/bibliotheques/{slug}/rendez-vous/{slot}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> book(String slug, String slot, @Body BookingForm form, HttpRequest<?> request, Locale locale) {
        Site site = sites.bySlug(slug).orElseThrow(NotFoundException::new);
        Slot.Key key = Slot.parse(slot).orElseThrow(NotFoundException::new);
        Slot found = offered(site, key).orElseThrow(NotFoundException::new);
        if (!limiter.allow("booking", request, settings.getBookingsPerHour(), Duration.ofHours(1))) {
            return formPage(site, found, form, Map.of(), locale).with("failure", "public.booking.tooMany")
                    .status(HttpStatus.TOO_MANY_REQUESTS);
        }
        // People do not see the honeypot field; a robot filling it gets the same page as a mistake would.
        Forms.Errors errors = forms.validate(form, locale);
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
            Appointment booked = bookings.book(site, key, form.toPublicRequest(), null);
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

    private Page formPage(Site site, Slot slot, BookingForm form, Map<String, String> errors, Locale locale) {
        return Page.of(FORM_VIEW).title("public.form.title").with("site", site).with("form", form).with("errors", errors)
                .with("slotKey", slot.key()).with("date", DateWords.longDate(slot.date(), locale))
                .with("time", DateWords.time(slot.time(), locale))
                .with("themes", reference.themes(locale)).with("scopes", reference.scopes(locale));
    }
}
