package fr.relais.site;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A note about a service needs its choice, offered or not: the message goes next to that choice. */
@Documented
@Constraint(validatedBy = {})
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface ServiceChoices {
    String message() default "error.service.choose";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
