package fr.relais.appointment;

import fr.relais.privacy.NoSensitiveData;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why the library cancels an appointment, kept with it: short, and no identifier, password or NIR. */
@Serdeable
record CancelForm(
        @Nullable @NotBlank(message = "error.cancel.reason") @Size(max = 300, message = "error.tooLong") @NoSensitiveData String reason) {
    CancelForm {
        reason = reason == null ? null : reason.strip();
    }

    static CancelForm empty() {
        return new CancelForm("");
    }
}
