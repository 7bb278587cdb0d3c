package fr.relais.appointment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The button pressed after an appointment: honoured ({@code DONE}) or absent ({@code NO_SHOW}). */
@Serdeable
record StatusForm(@Nullable @NotNull(message = "error.choice") @Pattern(regexp = "DONE|NO_SHOW", message = "error.choice") String status) {
    /** The status chosen; call only on a form without errors. */
    AppointmentStatus value() {
        return AppointmentStatus.valueOf(status);
    }
}
