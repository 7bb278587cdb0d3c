package fr.relais.mandate;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The first day of a mandate, typed as text: not before today, and at most {@link #max()} days ahead — it is signed at
 * the desk, for procedures coming soon. A text that is not a date is left to {@code @TypedDate}.
 */
@Documented
@Constraint(validatedBy = {})
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT})
@interface MandateStart {
    String message() default "mandate.error.start.past";

    /** How many days ahead it may start; also the {0} of the message that says so. */
    int max() default 60;

    String tooFarMessage() default "mandate.error.start.far";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
