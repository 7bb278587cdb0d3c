package fr.relais.security;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The rules of a password change that compare its fields: the confirmation repeats the new password (message next to
 * the confirmation), and the new password is not the current one (next to the new password). Empty fields are left to
 * {@code @NotBlank}. Whether the current password is right needs the stored hash: the controller checks it.
 */
@Documented
@Constraint(validatedBy = {})
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface PasswordChange {
    String message() default "error.password.mismatch";

    String sameMessage() default "error.password.same";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
