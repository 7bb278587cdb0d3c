package fr.relais.workshop;

import fr.relais.contact.Contacts;
import fr.relais.contact.EmailAddress;
import fr.relais.contact.PhoneNumber;
import fr.relais.privacy.NoSensitiveData;
import fr.relais.web.Text;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A registration as typed on the public agenda: a first name or initials, an optional phone or e-mail (used
 * only for messages about this registration), the seats (the person and relatives, up to the library's maximum,
 * checked against the library by the page). {@code waitingList} is "1" when the person accepts a place on the
 * waiting list (a box ticked by default, or a hidden field when the session is full); any other value was typed
 * into the page by hand. {@code website} is a honeypot: hidden from people, filled by robots.
 */
@Serdeable
record RegistrationForm(
        @Nullable @NotBlank(message = "error.required") @Size(max = 40, message = "error.tooLong")
        @NoSensitiveData String firstName,
        @Nullable @Size(max = Contacts.MAX_TYPED_PHONE, message = "error.tooLong") @PhoneNumber String phone,
        @Nullable @Size(max = Contacts.MAX_EMAIL, message = "error.tooLong") @EmailAddress String email,
        @Nullable @NotBlank(message = "agenda.error.seats") @Pattern(regexp = "[1-9]|10", message = "agenda.error.seats") String seats,
        @Nullable @Pattern(regexp = "1?", message = "agenda.error.edited") String waitingList,
        @Nullable String website) {

    static RegistrationForm empty() {
        return new RegistrationForm("", "", "", "1", "1", "");
    }

    boolean waitingListAccepted() {
        return "1".equals(waitingList);
    }

    boolean honeypotFilled() {
        return website != null && !website.isBlank();
    }

    /** The seats asked; call only on a form without errors. */
    int seatCount() {
        return Integer.parseInt(seats);
    }

    /** The registration as kept: one-line first name, phone in E.164, e-mail in lower case; only on a valid form. */
    Registrations.Request request(String language) {
        return new Registrations.Request(Text.squeeze(firstName), Contacts.phone(phone).orElse(null),
                Contacts.email(email).orElse(null), seatCount(), language, waitingListAccepted());
    }
}
