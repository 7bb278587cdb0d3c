package fr.relais.site;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Dates arrive as text (yyyy-MM-dd from a date field) and are parsed by {@link Sites}, with a message if wrong. */
@Serdeable
record ClosureForm(
        @Nullable @NotBlank(message = "error.required") @Size(max = 10, message = "error.date") String startDate,
        @Nullable @NotBlank(message = "error.required") @Size(max = 10, message = "error.date") String endDate,
        @Nullable @NotBlank(message = "error.required") @Size(max = 120, message = "error.tooLong") String label) {

    static ClosureForm empty() {
        return new ClosureForm("", "", "");
    }
}
