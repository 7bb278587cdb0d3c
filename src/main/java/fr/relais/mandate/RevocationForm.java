package fr.relais.mandate;

import fr.relais.privacy.NoSensitiveData;
import fr.relais.web.Text;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A revocation: who asks for it (the person or the library) and why, in a few words. */
@Serdeable
record RevocationForm(
        @Nullable @NotBlank(message = "error.required") @Pattern(regexp = "USER|SITE", message = "error.choice") String by,
        @Nullable @NotBlank(message = "error.required") @Size(max = 300, message = "error.tooLong") @NoSensitiveData
        String reason) {

    static RevocationForm empty() {
        return new RevocationForm("", "");
    }

    /** Who revokes; call only on a form without errors. */
    RevocationKind kind() {
        return RevocationKind.valueOf(by);
    }

    String cleanReason() {
        return Text.squeeze(reason);
    }
}
