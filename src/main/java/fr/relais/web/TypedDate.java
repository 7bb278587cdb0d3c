package fr.relais.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A date as people type it (24/12/2026, or 2026-12-24 from a date field), read by {@link TypedValues#date}.
 * Blank is valid here: {@code @NotBlank} says "required" where the date is.
 */
@Documented
@Constraint(validatedBy = {})
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT})
public @interface TypedDate {
    String message() default "error.date";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
