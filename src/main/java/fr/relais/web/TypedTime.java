package fr.relais.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A time as people type it (14:00, 14h00, 14h, 9h30), read by {@link TypedValues#time}. Blank is valid here. */
@Documented
@Constraint(validatedBy = {})
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT})
public @interface TypedTime {
    String message() default "error.time";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
