package fr.relais.accompaniment;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A choice of the record's form, or each box ticked, is one of its list: a reference list (themes, procedure
 * scopes), a short list (channels, equipment, age brackets) or the form's own (postures, autonomy, first visit).
 * Blank is valid here ("not said"); {@code @NotBlank} or {@code @NotEmpty} says where a choice is required.
 */
@Documented
@Constraint(validatedBy = {})
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT})
@interface Listed {
    /** The list the value belongs to. */
    Of value();

    String message() default "error.choice";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    enum Of { MODES, THEMES, SCOPES, CHANNELS, AUTONOMY, EQUIPMENT, AGE_BRACKETS, FIRST_VISIT }
}
