package fr.relais.appointment;

import fr.relais.contact.Contacts;
import fr.relais.contact.EmailAddress;
import fr.relais.contact.PhoneNumber;
import fr.relais.privacy.NoSensitiveData;
import fr.relais.web.Text;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A booking as typed at the desk or on the public page. Only a first name (or initials) is required;
 * phone and e-mail are optional, to send a reminder; they are read and kept the way of every contact in Relais
 * ({@link Contacts}: E.164, lower case). {@code website} is a honeypot: hidden from people,
 * filled by robots.
 */
@Serdeable
@KnownReason
record BookingForm(
        @Nullable @NotBlank(message = "error.required") @Size(max = 40, message = "error.tooLong")
        @NoSensitiveData String firstName,
        @Nullable @Size(max = Contacts.MAX_TYPED_PHONE, message = "error.tooLong") @PhoneNumber String phone,
        @Nullable @Size(max = Contacts.MAX_EMAIL, message = "error.tooLong") @EmailAddress String email,
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

    /** The phone in E.164, so that the per-contact limit counts the same number once however it was typed. */
    String normalizedPhone() {
        return phone == null ? null : Contacts.phone(phone).orElse(null);
    }

    String normalizedEmail() {
        return email == null ? null : Contacts.email(email).orElse(null);
    }
}
