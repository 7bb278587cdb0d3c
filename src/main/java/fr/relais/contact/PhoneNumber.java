package fr.relais.contact;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A phone number as people type it, French ("06 12 34 56 78", "0033612345678"…) or with a country prefix
 * ("+44 7700 900123"), read by {@link Contacts#phone}. Blank is valid: the field is optional where it is used.
 */
@Documented
@Constraint(validatedBy = {})
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT})
public @interface PhoneNumber {
    String message() default "error.phone";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
