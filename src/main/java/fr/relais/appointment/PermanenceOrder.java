package fr.relais.appointment;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A permanence's hours and days in order: the end time after the start time (message next to {@code endsAt}),
 * the last day, when there is one, on or after the first (next to {@code validTo}). Values that are not times
 * or dates are left to {@code @TypedTime} and {@code @TypedDate} on each field.
 */
@Documented
@Constraint(validatedBy = {})
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface PermanenceOrder {
    String message() default "error.permanence.order";

    String periodMessage() default "error.period.order";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
