package fr.relais.appointment;

import fr.relais.privacy.NoSensitiveData;
import fr.relais.web.Text;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Locale;

/**
 * A booking as typed at the desk or on the public page. Only a first name (or initials) is required;
 * phone and e-mail are optional, to send a reminder. {@code website} is a honeypot: hidden from people,
 * filled by robots.
 */
@Serdeable
@KnownReason
record BookingForm(
        @Nullable @NotBlank(message = "error.required") @Size(max = 40, message = "error.tooLong")
        @NoSensitiveData String firstName,
        @Nullable @Size(max = 20, message = "error.tooLong")
        @Pattern(regexp = "\\s*((\\+33\\s?|0)[1-9]([\\s.-]?\\d{2}){4})?\\s*", message = "error.phone") String phone,
        @Nullable @Size(max = 254, message = "error.tooLong") @Email(message = "error.email") String email,
        @Nullable @NotBlank(message = "error.theme.required") @Size(max = BookingForm.MAX_CODE, message = "error.choice") String themeCode,
        @Nullable @Size(max = BookingForm.MAX_CODE, message = "error.choice") String scopeCode,
        @Nullable @Size(max = 300, message = "error.tooLong") @NoSensitiveData String helperNote,
        @Nullable String website) {
    /** The longest code of the reference lists that a form may name. */
    static final int MAX_CODE = 40;

    BookingForm {
        // Empty optional fields arrive as "": they mean "nothing typed".
        phone = Text.blankToNull(phone);
        email = Text.blankToNull(email);
        scopeCode = Text.blankToNull(scopeCode);
        helperNote = Text.blankToNull(helperNote);
    }

    static BookingForm empty() {
        return new BookingForm("", null, null, "", null, null, null);
    }

    /** What is booked at the desk: the form trimmed and normalized. Call only on a form without errors. */
    Bookings.Request toRequest() {
        return new Bookings.Request(firstName.strip(), normalizedPhone(), normalizedEmail(), themeCode, scopeCode, helperNote);
    }

    /** What is booked on the public page: the same without a note for the helper (a crafted field is ignored). */
    Bookings.Request toPublicRequest() {
        return new Bookings.Request(firstName.strip(), normalizedPhone(), normalizedEmail(), themeCode, scopeCode, null);
    }

    /** A phone kept in one form (digits and a leading +), so that the per-contact limit counts the same number once. */
    String normalizedPhone() {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[^+0-9]", "");
        // +33 6 12 34 56 78 and 06 12 34 56 78 are the same number.
        return digits.startsWith("+33") ? "0" + digits.substring(3) : digits;
    }

    String normalizedEmail() {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }
}
