package fr.relais.workshop;

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
 * A registration typed at the desk: a first name or initials ("M. K."), an optional phone or e-mail for messages
 * about the session, the seats (the person and relatives: at most the library's setting, checked after), and
 * whether a place on the waiting list will do when the seats do not fit. The first-name, phone and e-mail rules
 * and messages are the appointment booking's.
 */
@Serdeable
record DeskRegistrationForm(
        @Nullable @NotBlank(message = "error.required") @Size(max = 40, message = "error.tooLong")
        @NoSensitiveData String firstName,
        @Nullable @Size(max = 20, message = "error.tooLong")
        @Pattern(regexp = "\\s*((\\+33\\s?|0)[1-9]([\\s.-]?\\d{2}){4})?\\s*", message = "error.phone") String phone,
        @Nullable @Size(max = 254, message = "error.tooLong") @Email(message = "error.email") String email,
        @Nullable @NotBlank(message = "error.required") @WholeNumber(min = 1, max = 10, message = "workshop.error.seats")
        String seats,
        @Nullable String waitingList) {

    DeskRegistrationForm {
        // Empty optional fields arrive as "": they mean "nothing typed" (the e-mail check refuses "").
        phone = Text.blankToNull(phone);
        email = Text.blankToNull(email);
    }

    static DeskRegistrationForm empty() {
        return new DeskRegistrationForm("", null, null, "1", null);
    }

    int typedSeats() {
        return fr.relais.web.TypedValues.number(seats, 1, 10);
    }

    /** The request as typed, in the person's language; call only on a form without errors. */
    Registrations.Request values(Locale locale) {
        return new Registrations.Request(Text.squeeze(firstName), normalizedPhone(), normalizedEmail(), typedSeats(),
                locale.getLanguage(), waitingList != null && !waitingList.isBlank());
    }

    /** One form per number (+33 and a leading 0 are the same), so the same phone is found once per session. */
    String normalizedPhone() {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[^+0-9]", "");
        return digits.startsWith("+33") ? "0" + digits.substring(3) : digits;
    }

    String normalizedEmail() {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }
}
