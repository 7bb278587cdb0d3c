package fr.relais.staff;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Ticked libraries: each value a library's number (an edited page may send anything). Which libraries this person
 * may give is checked with the signed-in person, after validation.
 */
@Documented
@Constraint(validatedBy = {})
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT})
@interface SiteIds {
    String message() default "error.choice";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
