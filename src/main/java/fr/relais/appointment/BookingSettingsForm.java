package fr.relais.appointment;

import fr.relais.web.TypedValues;

import fr.relais.web.Forms;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;

/**
 * A site's booking settings as typed: weeks of free slots shown publicly (1–12), hours before an appointment
 * after which it can no longer be cancelled online (0–72), future bookings allowed per phone or e-mail (1–10).
 */
@Serdeable
record BookingSettingsForm(
        @Nullable @NotBlank(message = "error.required") String bookingWeeks,
        @Nullable @NotBlank(message = "error.required") String cancelCutoffHours,
        @Nullable @NotBlank(message = "error.required") String maxFutureBookings) {

    static BookingSettingsForm of(BookingSettings s) {
        return new BookingSettingsForm(String.valueOf(s.bookingWeeks()), String.valueOf(s.cancelCutoffHours()),
                String.valueOf(s.maxFutureBookings()));
    }

    /** The settings, or null with a message next to each wrong field. */
    BookingSettings parse(long siteId, Forms.Errors errors) {
        Integer weeks = number("bookingWeeks", bookingWeeks, 1, 12, errors);
        Integer cutoff = number("cancelCutoffHours", cancelCutoffHours, 0, 72, errors);
        Integer max = number("maxFutureBookings", maxFutureBookings, 1, 10, errors);
        return errors.isEmpty() ? new BookingSettings(siteId, weeks, cutoff, max) : null;
    }

    private static Integer number(String field, String text, int min, int max, Forms.Errors errors) {
        if (errors.has(field)) {
            return null;
        }
        Integer n = TypedValues.number(text, min, max);
        if (n == null) {
            errors.add(field, "error.range", String.valueOf(min), String.valueOf(max));
        }
        return n;
    }
}
