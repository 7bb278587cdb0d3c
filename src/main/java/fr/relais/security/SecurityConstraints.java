package fr.relais.security;

import io.micronaut.context.annotation.Factory;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import io.micronaut.validation.validator.constraints.ConstraintValidatorContext;
import jakarta.inject.Singleton;

/** Registers the password form's own constraint ({@link PasswordChange}). */
@Factory
class SecurityConstraints {
    @Singleton
    ConstraintValidator<PasswordChange, PasswordForm> passwordChange() {
        return (form, annotation, context) -> {
            if (form == null || blank(form.newPassword())) {
                return true;
            }
            boolean valid = true;
            if (!blank(form.confirmation()) && !form.newPassword().equals(form.confirmation())) {
                valid = on(context, "confirmation", annotation.stringValue("message").orElse("error.password.mismatch"));
            }
            if (form.newPassword().equals(form.currentPassword())) {
                valid = on(context, "newPassword", annotation.stringValue("sameMessage").orElse("error.password.same"));
            }
            return valid;
        };
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static boolean on(ConstraintValidatorContext context, String field, String messageKey) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(messageKey).addPropertyNode(field).addConstraintViolation();
        return false;
    }
}
