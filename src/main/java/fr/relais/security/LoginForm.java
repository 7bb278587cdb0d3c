package fr.relais.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Serdeable
record LoginForm(
        @Nullable @NotBlank(message = "error.required") @Size(max = 254, message = "error.tooLong") String email,
        @Nullable @NotBlank(message = "error.required") @Size(max = 128, message = "error.tooLong") String password) {
}
