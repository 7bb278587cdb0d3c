package fr.relais.accompaniment;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A list typed one thing per line, of at most {@code max} lines (blank lines are not counted). */
@Documented
@Constraint(validatedBy = {})
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT})
@interface MaxLines {
    /** Named like {@code @Size(max)}: the message shows it. */
    int max();

    String message() default "accompaniment.error.bring.lines";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
