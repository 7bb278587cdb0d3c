package fr.relais.accompaniment;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * "Orienter" names the partner the person is sent to. Whether the site may refer to that partner is checked after
 * validation, against the directory ({@link RecordRules}).
 */
@Documented
@Constraint(validatedBy = {})
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface PartnerWhenReferring {
    String REQUIRED = "accompaniment.error.partner.required";

    String message() default REQUIRED;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
