package fr.relais.site;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The rules of the opening-hours form that span several fields, each message next to the field to correct: a range
 * needs both times (on the empty one), closes after it opens (on the closing time) and does not overlap an earlier
 * range of the same day (on its opening time). Times that are not times are left to {@code @TypedTime}.
 */
@Documented
@Constraint(validatedBy = {})
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface OpeningRanges {
    String message() default "error.hours.order";

    String pairMessage() default "error.hours.pair";

    String overlapMessage() default "error.hours.overlap";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
