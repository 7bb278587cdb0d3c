package fr.relais.partner;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A code of a directory entry is one of its list: the kinds of partner, the themes and procedure scopes (reference
 * lists), the ways to reach it. On a group of boxes, every box ticked. A blank choice is valid here
 * ({@code @NotBlank} says where one is required); a blank box is not a code.
 */
@Documented
@Constraint(validatedBy = {})
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT})
@interface DirectoryCode {
    /** The list the value belongs to. */
    Of value();

    String message() default "error.choice";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    enum Of { KINDS, THEMES, SCOPES, ACCESS }
}
