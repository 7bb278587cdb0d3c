package fr.relais.workshop;

import fr.relais.web.TypedValues;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;

/** A library's workshop settings as typed: seats one person may take (1–5), hours before the start registration closes (0–72). */
@Serdeable
record WorkshopSettingsForm(
        @Nullable @NotBlank(message = "error.required") @WholeNumber(min = 1, max = 5, message = "workshop.error.maxSeats")
        String maxSeats,
        @Nullable @NotBlank(message = "error.required") @WholeNumber(min = 0, max = 72, message = "workshop.error.closingHours")
        String closingHours) {

    static WorkshopSettingsForm of(WorkshopSettings s) {
        return new WorkshopSettingsForm(String.valueOf(s.maxSeats()), String.valueOf(s.closingHours()));
    }

    /** The settings as typed; call only on a form without errors. */
    WorkshopSettings values(long siteId) {
        return new WorkshopSettings(siteId, TypedValues.number(maxSeats, 1, 5), TypedValues.number(closingHours, 0, 72));
    }
}
