package fr.relais.contact;

import io.micronaut.context.annotation.Factory;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import jakarta.inject.Singleton;

/** Registers {@link PhoneNumber} and {@link EmailAddress} with Micronaut validation. */
@Factory
class ContactConstraints {
    @Singleton
    ConstraintValidator<PhoneNumber, CharSequence> phoneNumber() {
        return (value, annotation, context) -> blank(value) || Contacts.isPhone(value.toString());
    }

    @Singleton
    ConstraintValidator<EmailAddress, CharSequence> emailAddress() {
        return (value, annotation, context) -> blank(value) || Contacts.isEmail(value.toString());
    }

    private static boolean blank(CharSequence value) {
        return value == null || value.toString().isBlank();
    }
}
