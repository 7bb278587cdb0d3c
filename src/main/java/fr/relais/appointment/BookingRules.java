package fr.relais.appointment;

import fr.relais.reference.ReferenceData;
import fr.relais.site.Site;
import fr.relais.site.Sites;
import fr.relais.web.Forms;
import fr.relais.web.Page;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the desk and the public page share about a booking: the rules of its form, and the "slot taken" page. */
@Singleton
class BookingRules {
    static final String TAKEN_VIEW = "appointment/slot-taken";
    private final Forms forms;
    private final ReferenceData reference;
    private final Sites sites;
    private final Slots slots;
    private final Bookings bookings;
    private final AppointmentViews views;

    BookingRules(Forms forms, ReferenceData reference, Sites sites, Slots slots, Bookings bookings, AppointmentViews views) {
        this.forms = forms;
        this.reference = reference;
        this.sites = sites;
        this.slots = slots;
        this.bookings = bookings;
        this.views = views;
    }

    /** The record's constraints, then the reason: a known theme, and a procedure scope with "aide aux démarches" only. */
    Forms.Errors validate(BookingForm form, HttpRequest<?> request) {
        Forms.Errors errors = forms.validate(form, request);
        if (!errors.has("themeCode") && reference.theme(form.themeCode()).isEmpty()) {
            errors.add("themeCode", "error.choice");
        }
        if (!errors.has("scopeCode") && form.scopeCode() != null && reference.scope(form.scopeCode()).isEmpty()) {
            errors.add("scopeCode", "error.choice");
        }
        boolean procedures = ReferenceData.PROCEDURES_THEME.equals(form.themeCode());
        if (!errors.has("scopeCode") && procedures && form.scopeCode() == null) {
            errors.add("scopeCode", "error.scope.required");
        }
        if (!errors.has("scopeCode") && !procedures && form.scopeCode() != null) {
            errors.add("scopeCode", "error.scope.notAllowed");
        }
        return errors;
    }

    /**
     * The slot cannot be booked (past, or its last seat taken): the next free slots to choose from, within two
     * weeks and never beyond what the site offers. {@code bookBase} is the booking address a slot key completes.
     */
    MutableHttpResponse<?> slotTaken(Site site, SlotUnavailableException.Reason reason, String bookBase, Locale locale) {
        LocalDate today = sites.today(site);
        int days = Math.min(13, 7 * bookings.settings(site).bookingWeeks());
        List<Map<String, Object>> free = views.freeByDay(slots.between(site, today, today.plusDays(days)), locale);
        return Page.of(TAKEN_VIEW).title("booking.taken.title").with("site", site)
                .with("past", reason == SlotUnavailableException.Reason.PAST)
                .with("days", free.size() > 3 ? free.subList(0, 3) : free)
                .with("bookBase", bookBase)
                .status(HttpStatus.CONFLICT);
    }
}
