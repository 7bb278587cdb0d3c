package fr.relais.workshop;

import fr.relais.privacy.NoSensitiveData;
import fr.relais.web.Text;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why the library cancels a session, in a sentence (said to the people to inform). */
@Serdeable
record CancelSessionForm(
        @Nullable @NotBlank(message = "workshop.error.cancelReason") @Size(max = 300, message = "error.tooLong")
        @NoSensitiveData String reason) {

    String value() {
        return Text.squeeze(reason);
    }
}
