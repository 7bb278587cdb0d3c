package fr.relais.appointment;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A booking's reason from the reference lists: a known theme (message next to {@code themeCode}), and a known
 * procedure scope that goes with "aide aux démarches" and with it only (next to {@code scopeCode}). A theme not
 * chosen yet is left to {@code @NotBlank}, and its scope is not judged before it is.
 */
@Documented
@Constraint(validatedBy = {})
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface KnownReason {
    String message() default "error.choice";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
