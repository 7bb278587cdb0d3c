package fr.relais.contact;

import fr.relais.testing.OnBothDatabases;
import fr.relais.testing.Violations;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link PhoneNumber} and {@link EmailAddress} on a form record, as Micronaut validation runs them. */
@MicronautTest
class ContactConstraintsTest extends OnBothDatabases {
    @Inject
    Validator validator;

    @Introspected
    record ContactForm(@Nullable @PhoneNumber String phone, @Nullable @EmailAddress String email) {
    }

    @Test
    void blankFieldsAreOptional() {
        assertEquals(Map.of(), Violations.of(validator, new ContactForm(null, null)));
        assertEquals(Map.of(), Violations.of(validator, new ContactForm("", "  ")));
    }

    @Test
    void numbersAndAddressesPeopleTypeAreAccepted() {
        for (String phone : new String[]{"06 12 34 56 78", "06.12.34.56.78", "+33 6 12 34 56 78", "0033612345678",
                "+44 7700 900123", "+213 555 12 34 56"}) {
            assertEquals(Map.of(), Violations.of(validator, new ContactForm(phone, "marie@exemple.fr")), phone);
        }
    }

    @Test
    void aWrongNumberOrAddressGetsItsMessage() {
        assertEquals(Map.of("phone", Set.of("error.phone")), Violations.of(validator, new ContactForm("06 12", null)));
        assertEquals(Map.of("email", Set.of("error.email")), Violations.of(validator, new ContactForm(null, "a@b")));
    }
}
