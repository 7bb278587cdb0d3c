package fr.relais.staff;

import fr.relais.security.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Creating or editing an account. Role and sites are checked against what the person editing may grant. */
@Serdeable
record AccountForm(
        @Nullable @NotBlank(message = "error.required") @Size(max = 254, message = "error.tooLong")
        @Email(message = "error.email") String email,
        @Nullable @NotBlank(message = "error.required") @Size(max = 80, message = "error.tooLong") String displayName,
        @Nullable @NotBlank(message = "error.required") @Size(max = 20, message = "error.choice") String role,
        @Nullable List<String> siteIds,
        @Nullable String mandateHabilitated) {

    boolean habilitated() {
        return "true".equals(mandateHabilitated) || "on".equals(mandateHabilitated);
    }

    List<String> sites() {
        return siteIds == null ? List.of() : siteIds;
    }

    static AccountForm empty() {
        return new AccountForm("", "", Role.HELPER.name(), List.of(), null);
    }
}
