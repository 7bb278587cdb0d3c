package fr.relais.accompaniment;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The channel of a record typed in the form: not "en atelier collectif", which only a workshop session's attendance
 * writes (one collective record per session, {@link WorkshopRecords}). Blank and unknown codes are left to
 * {@link Listed}.
 */
@Documented
@Constraint(validatedBy = {})
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT})
@interface IndividualChannel {
    String message() default "accompaniment.error.channel.collective";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
