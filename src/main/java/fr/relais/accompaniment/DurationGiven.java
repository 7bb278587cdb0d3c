package fr.relais.accompaniment;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The duration of a record: minutes typed win over the list; otherwise a duration of the list, and "autre durée"
 * chosen needs the minutes typed. Nothing sent at all is the default duration. A typed number is checked by
 * {@link Minutes}.
 */
@Documented
@Constraint(validatedBy = {})
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface DurationGiven {
    /** On the list, for a duration it does not offer. */
    String NOT_OFFERED = "error.choice";
    /** On the typed minutes, for "autre durée" chosen without them. */
    String MINUTES_MISSING = "accompaniment.error.duration";

    String message() default NOT_OFFERED;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
