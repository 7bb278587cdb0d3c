package fr.relais.appointment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.Optional;

/**
 * A booking code and the first name given when booking, as typed to find or cancel an appointment without an
 * account. Read leniently (see {@link BookingCodes#normalize}); shown back as typed.
 */
@Serdeable
record CodeForm(
        @Nullable @NotBlank(message = "error.required") String code,
        @Nullable @NotBlank(message = "error.required") @Size(max = 40, message = "error.tooLong") String firstName) {

    static CodeForm empty() {
        return new CodeForm("", "");
    }

    /** The stored form of the code, or empty when what was typed cannot be a code. */
    Optional<String> normalizedCode() {
        return BookingCodes.normalize(code.strip());
    }

    /** Whether this is the first name given when booking (case aside). */
    boolean names(Appointment a) {
        return a.firstName().equalsIgnoreCase(firstName.strip());
    }
}
