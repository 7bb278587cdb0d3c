package fr.relais.mandate;

import fr.relais.privacy.NoSensitiveData;
import fr.relais.reference.ReferenceData;
import fr.relais.web.Forms;
import fr.relais.web.Text;
import fr.relais.web.TypedValues;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A mandate as typed by a habilitated helper: the person's first and last name and nothing else about them,
 * the procedure scopes (checkboxes), the purpose in one sentence, the duration, the start date, and the five
 * confirmations ticked with the person.
 */
@Serdeable
record MandateForm(
        @Nullable @NotBlank(message = "error.required") @Size(max = 60, message = "error.tooLong")
        @Pattern(regexp = NAME, message = "mandate.error.name") String firstName,
        @Nullable @NotBlank(message = "error.required") @Size(max = 60, message = "error.tooLong")
        @Pattern(regexp = NAME, message = "mandate.error.name") String lastName,
        @Nullable List<String> scopes,
        @Nullable @NotBlank(message = "error.required") @Size(max = 300, message = "error.tooLong") @NoSensitiveData
        String purpose,
        @Nullable @NotBlank(message = "error.required") @Size(max = 3, message = "error.choice") String durationDays,
        @Nullable @NotBlank(message = "error.required") @Size(max = 10, message = "error.date") String startDate,
        @Nullable String toldPurpose,
        @Nullable String toldData,
        @Nullable String toldRights,
        @Nullable String toldRevocation,
        @Nullable String noLegalProtection) {

    /** Letters (any alphabet), spaces, hyphens, apostrophes and dots: a name, never a number. */
    static final String NAME = "^[\\p{L}\\p{M}][\\p{L}\\p{M} .'’-]*$";
    /** The confirmations, in the order the form shows them. */
    static final List<String> CONFIRMATIONS = List.of("toldPurpose", "toldData", "toldRights", "toldRevocation",
            "noLegalProtection");
    /** How far ahead a mandate may start: it is signed at the desk, for procedures coming soon. */
    static final int MAX_DAYS_AHEAD = 60;

    static MandateForm empty(LocalDate today) {
        return new MandateForm("", "", List.of(), "", "", TypedValues.shown(today), null, null, null, null, null);
    }

    List<String> checkedScopes() {
        return scopes == null ? List.of() : scopes;
    }

    boolean confirmed(String name) {
        String value = switch (name) {
            case "toldPurpose" -> toldPurpose;
            case "toldData" -> toldData;
            case "toldRights" -> toldRights;
            case "toldRevocation" -> toldRevocation;
            case "noLegalProtection" -> noLegalProtection;
            default -> throw new IllegalArgumentException(name);
        };
        return "on".equals(value) || "true".equals(value);
    }

    /** The draft, or null with a message next to each wrong field. */
    Mandates.Draft parse(LocalDate today, ReferenceData reference, Forms.Errors errors) {
        List<String> scopeCodes = new ArrayList<>(new LinkedHashSet<>(checkedScopes()));
        if (scopeCodes.isEmpty()) {
            errors.add("scopes", "mandate.error.scopes");
        } else if (!scopeCodes.stream().allMatch(c -> reference.scope(c).isPresent())) {
            errors.add("scopes", "error.choice");
        }
        Integer days = errors.has("durationDays") ? null : TypedValues.number(durationDays, 1, 365);
        if (!errors.has("durationDays") && (days == null || !Mandates.DURATIONS.contains(days))) {
            errors.add("durationDays", "error.choice");
        }
        LocalDate start = errors.has("startDate") ? null : TypedValues.date(startDate);
        if (!errors.has("startDate")) {
            if (start == null) {
                errors.add("startDate", "error.date");
            } else if (start.isBefore(today)) {
                errors.add("startDate", "mandate.error.start.past");
            } else if (start.isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
                errors.add("startDate", "mandate.error.start.far", MAX_DAYS_AHEAD);
            }
        }
        for (String confirmation : CONFIRMATIONS) {
            if (!confirmed(confirmation)) {
                errors.add(confirmation, "mandate.error.confirm");
            }
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new Mandates.Draft(Text.squeeze(firstName), Text.squeeze(lastName), scopeCodes, Text.squeeze(purpose),
                days, start);
    }
}
