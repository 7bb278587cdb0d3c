package fr.relais.accompaniment;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The procedure scopes of a record go with the theme "aide aux démarches", and "faire à la place" names at least
 * one: the person's mandate must cover it. The message goes next to the scopes. Unknown scopes are left to
 * {@link Listed}.
 */
@Documented
@Constraint(validatedBy = {})
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface ScopesFitThemes {
    String NOT_ALLOWED = "accompaniment.error.scope.notAllowed";
    String DO_FOR_NEEDS_ONE = "accompaniment.error.doFor.scope";

    String message() default NOT_ALLOWED;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
