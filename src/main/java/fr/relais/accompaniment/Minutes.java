package fr.relais.accompaniment;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A duration typed in minutes: a whole number from 1 to {@value AccompanimentForm#MAX_MINUTES}; blank is valid here. */
@Documented
@Constraint(validatedBy = {})
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT})
@interface Minutes {
    String message() default "accompaniment.error.duration";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
