package fr.relais.mandate;

import fr.relais.privacy.NoSensitiveData;
import fr.relais.web.Forms;
import fr.relais.web.Text;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A revocation: who asks for it (the person or the library) and why, in a few words. */
@Serdeable
record RevocationForm(
        @Nullable @NotBlank(message = "error.required") @Size(max = 4, message = "error.choice") String by,
        @Nullable @NotBlank(message = "error.required") @Size(max = 300, message = "error.tooLong") @NoSensitiveData
        String reason) {

    static RevocationForm empty() {
        return new RevocationForm("", "");
    }

    RevocationKind kind(Forms.Errors errors) {
        if (errors.has("by")) {
            return null;
        }
        if ("USER".equals(by)) {
            return RevocationKind.USER;
        }
        if ("SITE".equals(by)) {
            return RevocationKind.SITE;
        }
        errors.add("by", "error.choice");
        return null;
    }

    String cleanReason() {
        return Text.squeeze(reason);
    }
}
