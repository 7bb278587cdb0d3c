package fr.relais.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A form's first and last day, typed as text: the last is the first or after it, and optionally not over yet and
 * not too far from the first. The message goes next to the last day's field ({@code endDate}). Dates that are
 * not dates are left to {@link TypedDate} on each field.
 */
@Documented
@Constraint(validatedBy = {})
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DateRange {
    String message() default "error.period.order";

    /** The last day may not be before today (in the network's time zone). */
    boolean endFromToday() default false;

    String pastMessage() default "error.period.past";

    /** At most this many days between the first and the last; 0 for no limit. */
    int maxDays() default 0;

    String tooLongMessage() default "error.period.tooLong";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** What a form with a {@code @DateRange} provides. */
    interface Typed {
        String startDate();

        String endDate();
    }
}
