package fr.relais.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Changing one's own password: the current one, the new one (12 characters at least) and its confirmation. */
@Serdeable
@PasswordChange
record PasswordForm(
        @Nullable @NotBlank(message = "error.required") @Size(max = 128, message = "error.tooLong") String currentPassword,
        @Nullable @NotBlank(message = "error.required") @Size(min = 12, message = "error.password.tooShort")
        @Size(max = 128, message = "error.tooLong") String newPassword,
        @Nullable @NotBlank(message = "error.required") @Size(max = 128, message = "error.tooLong") String confirmation) {
}
