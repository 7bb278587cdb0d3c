package fr.relais.workshop;

import fr.relais.contact.Contacts;
import fr.relais.contact.EmailAddress;
import fr.relais.contact.PhoneNumber;
import fr.relais.privacy.NoSensitiveData;
import fr.relais.web.Text;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.Locale;

/**
 * A registration typed at the desk: a first name or initials ("M. K."), an optional phone or e-mail for messages
 * about the session, the seats (the person and relatives: at most the library's setting, checked after), and
 * whether a place on the waiting list will do when the seats do not fit. The first-name rule is the appointment
 * booking's; phone and e-mail are read and kept like every contact in Relais ({@link Contacts}), so that the same
 * number registered at the desk and on the public agenda is one number.
 */
@Serdeable
record DeskRegistrationForm(
        @Nullable @NotBlank(message = "error.required") @Size(max = 40, message = "error.tooLong")
        @NoSensitiveData String firstName,
        @Nullable @Size(max = Contacts.MAX_TYPED_PHONE, message = "error.tooLong") @PhoneNumber String phone,
        @Nullable @Size(max = Contacts.MAX_EMAIL, message = "error.tooLong") @EmailAddress String email,
        @Nullable @NotBlank(message = "error.required") @WholeNumber(min = 1, max = 10, message = "workshop.error.seats")
        String seats,
        @Nullable String waitingList) {

    DeskRegistrationForm {
        // Empty optional fields arrive as "": they mean "nothing typed".
        phone = Text.blankToNull(phone);
        email = Text.blankToNull(email);
    }

    static DeskRegistrationForm empty() {
        return new DeskRegistrationForm("", null, null, "1", null);
    }

    int typedSeats() {
        return fr.relais.web.TypedValues.number(seats, 1, 10);
    }

    /**
     * The request as typed, in the person's language, phone in E.164 and e-mail in lower case; call only on a form
     * without errors.
     */
    Registrations.Request values(Locale locale) {
        return new Registrations.Request(Text.squeeze(firstName), phone == null ? null : Contacts.phone(phone).orElse(null),
                email == null ? null : Contacts.email(email).orElse(null), typedSeats(), locale.getLanguage(),
                waitingList != null && !waitingList.isBlank());
    }
}
