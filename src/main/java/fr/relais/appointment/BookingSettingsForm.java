package fr.relais.appointment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;

/**
 * A site's booking settings as typed: weeks of free slots shown publicly (1–12), hours before an appointment
 * after which it can no longer be cancelled online (0–72), future bookings allowed per phone or e-mail (1–10).
 */
@Serdeable
record BookingSettingsForm(
        @Nullable @NotBlank(message = "error.required") @WholeNumber(min = 1, max = 12) String bookingWeeks,
        @Nullable @NotBlank(message = "error.required") @WholeNumber(min = 0, max = 72) String cancelCutoffHours,
        @Nullable @NotBlank(message = "error.required") @WholeNumber(min = 1, max = 10) String maxFutureBookings) {

    static BookingSettingsForm of(BookingSettings s) {
        return new BookingSettingsForm(String.valueOf(s.bookingWeeks()), String.valueOf(s.cancelCutoffHours()),
                String.valueOf(s.maxFutureBookings()));
    }

    /** The settings as typed; call only on a form without errors. */
    BookingSettings values(long siteId) {
        return new BookingSettings(siteId, Integer.parseInt(bookingWeeks.strip()), Integer.parseInt(cancelCutoffHours.strip()),
                Integer.parseInt(maxFutureBookings.strip()));
    }
}
