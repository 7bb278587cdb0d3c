package fr.relais.reference;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Ticked procedure scopes: every code is one of the reference list (a code from an edited page is refused).
 * None ticked is valid here: {@code @NotEmpty} says where at least one is required.
 */
@Documented
@Constraint(validatedBy = {})
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT})
public @interface ProcedureScopeCodes {
    String message() default "error.choice";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
