package fr.relais.contact;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An e-mail address that can be delivered (a domain with a dot: "a@b" is refused), checked by commons-validator
 * through {@link Contacts#email}. Blank is valid: the field is optional where it is used.
 */
@Documented
@Constraint(validatedBy = {})
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT})
public @interface EmailAddress {
    String message() default "error.email";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
