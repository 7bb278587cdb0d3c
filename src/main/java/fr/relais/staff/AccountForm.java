package fr.relais.staff;

import fr.relais.security.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Creating or editing an account. The role is one of {@link Role} and the sites are numbers; which roles and sites the
 * person editing may grant is checked afterwards, with that person.
 */
@Serdeable
record AccountForm(
        @Nullable @NotBlank(message = "error.required") @Size(max = 254, message = "error.tooLong")
        @Email(message = "error.email") String email,
        @Nullable @NotBlank(message = "error.required") @Size(max = 80, message = "error.tooLong") String displayName,
        @Nullable @NotBlank(message = "error.required") @Pattern(regexp = ROLES, message = "error.choice") String role,
        @Nullable @SiteIds List<String> siteIds,
        @Nullable String mandateHabilitated) {

    /** The names of {@link Role}. */
    static final String ROLES = "HELPER|DIRECTOR|COORDINATOR|ADMIN";
    /** A library's number. */
    static final String ID = "\\d{1,18}";

    boolean habilitated() {
        return "true".equals(mandateHabilitated) || "on".equals(mandateHabilitated);
    }

    List<String> sites() {
        return siteIds == null ? List.of() : siteIds;
    }

    /** The role chosen; call only when the role has no error. */
    Role chosenRole() {
        return Role.valueOf(role);
    }

    /** The libraries ticked; call only when the sites have no error. */
    Set<Long> chosenSites() {
        return sites().stream().map(s -> Long.parseLong(s.strip())).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    static AccountForm empty() {
        return new AccountForm("", "", Role.HELPER.name(), List.of(), null);
    }
}
