package fr.relais.mandate;

import fr.relais.privacy.NoSensitiveData;
import fr.relais.reference.ProcedureScopeCodes;
import fr.relais.web.Text;
import fr.relais.web.TypedDate;
import fr.relais.web.TypedValues;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
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
        @Nullable @NotEmpty(message = "mandate.error.scopes") @ProcedureScopeCodes List<String> scopes,
        @Nullable @NotBlank(message = "error.required") @Size(max = 300, message = "error.tooLong") @NoSensitiveData
        String purpose,
        @Nullable @NotBlank(message = "error.required") @Pattern(regexp = DURATIONS, message = "error.choice")
        String durationDays,
        @Nullable @NotBlank(message = "error.required") @TypedDate @MandateStart(max = MandateForm.MAX_DAYS_AHEAD)
        String startDate,
        @Nullable @NotNull(message = CONFIRM) @Pattern(regexp = TICKED, message = CONFIRM) String toldPurpose,
        @Nullable @NotNull(message = CONFIRM) @Pattern(regexp = TICKED, message = CONFIRM) String toldData,
        @Nullable @NotNull(message = CONFIRM) @Pattern(regexp = TICKED, message = CONFIRM) String toldRights,
        @Nullable @NotNull(message = CONFIRM) @Pattern(regexp = TICKED, message = CONFIRM) String toldRevocation,
        @Nullable @NotNull(message = CONFIRM) @Pattern(regexp = TICKED, message = CONFIRM) String noLegalProtection) {

    /** Letters (any alphabet), spaces, hyphens, apostrophes and dots: a name, never a number. */
    static final String NAME = "^[\\p{L}\\p{M}][\\p{L}\\p{M} .'’-]*$";
    /** The choices of {@link Mandates#DURATIONS}, in days. */
    static final String DURATIONS = "\\s*(1|31|182|365)\\s*";
    /** What a ticked checkbox sends. */
    static final String TICKED = "on|true";
    static final String CONFIRM = "mandate.error.confirm";
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
        return value != null && value.matches(TICKED);
    }

    /** The draft as typed; call only on a form without errors. */
    Mandates.Draft values() {
        return new Mandates.Draft(Text.squeeze(firstName), Text.squeeze(lastName),
                List.copyOf(new LinkedHashSet<>(checkedScopes())), Text.squeeze(purpose),
                Integer.parseInt(durationDays.strip()), TypedValues.date(startDate));
    }
}
