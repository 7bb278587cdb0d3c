package fr.relais.workshop;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A repeated session says how many times: the count is required with "every week" or "every 2 weeks". */
@Documented
@Constraint(validatedBy = {})
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface RepeatCount {
    String message() default "workshop.error.occurrences";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** What a form with a {@code @RepeatCount} provides. */
    interface Typed {
        String repeat();

        String occurrences();
    }
}
