package fr.relais.appointment;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The key of a slot ({@code 12-20260303-1430}, see {@link Slot#parse}). Blank is valid here. */
@Documented
@Constraint(validatedBy = {})
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT})
@interface SlotKey {
    String message() default "error.slot.choose";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
