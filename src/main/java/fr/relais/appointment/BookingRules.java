package fr.relais.appointment;

import fr.relais.site.Site;
import fr.relais.site.Sites;
import fr.relais.web.Page;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * What the desk and the public page share about a slot a link names: whether it can still be booked, and the
 * "slot taken" page with the next free slots.
 */
@Singleton
class BookingRules {
    static final String TAKEN_VIEW = "appointment/slot-taken";
    private final Sites sites;
    private final Slots slots;
    private final Bookings bookings;
    private final AppointmentViews views;
    private final Clock clock;

    BookingRules(Sites sites, Slots slots, Bookings bookings, AppointmentViews views, Clock clock) {
        this.sites = sites;
        this.slots = slots;
        this.bookings = bookings;
        this.views = views;
        this.clock = clock;
    }

    /**
     * Why a slot an old link names (back button, another tab) can no longer be booked, or null when it still can:
     * said on opening the form, not after the whole form is typed.
     */
    @Nullable
    SlotUnavailableException.Reason unavailable(Slot slot) {
        if (!slot.startsAt().isAfter(clock.instant())) {
            return SlotUnavailableException.Reason.PAST;
        }
        return slot.free() == 0 ? SlotUnavailableException.Reason.FULL : null;
    }

    /**
     * The slot cannot be booked (past, or its last seat taken): the next free slots to choose from, within two
     * weeks and never beyond what the site offers. {@code bookBase} is the booking address a slot key completes.
     */
    MutableHttpResponse<?> slotTaken(Site site, SlotUnavailableException.Reason reason, String bookBase, Locale locale) {
        LocalDate today = sites.today(site);
        int days = Math.min(13, 7 * bookings.settings(site).bookingWeeks());
        List<AppointmentViews.FreeDay> free = views.freeByDay(slots.between(site, today, today.plusDays(days)), locale);
        return Page.of(TAKEN_VIEW).title("booking.taken.title").with("site", site)
                .with("past", reason == SlotUnavailableException.Reason.PAST)
                .with("days", free.size() > 3 ? free.subList(0, 3) : free)
                .with("bookBase", bookBase)
                .status(HttpStatus.CONFLICT);
    }
}
