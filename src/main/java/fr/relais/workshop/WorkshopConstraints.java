package fr.relais.workshop;

import fr.relais.reference.ReferenceData;
import fr.relais.web.TypedValues;
import io.micronaut.context.annotation.Factory;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import jakarta.inject.Singleton;

import java.util.List;

/** Registers the workshop forms' own constraints ({@link WholeNumber}, {@link KnownThemes}, {@link RepeatCount}). */
@Factory
class WorkshopConstraints {

    @Singleton
    ConstraintValidator<WholeNumber, CharSequence> wholeNumber() {
        return (value, annotation, context) -> value == null || value.toString().isBlank()
                || TypedValues.number(value.toString(), annotation.intValue("min").orElse(0),
                annotation.intValue("max").orElse(Integer.MAX_VALUE)) != null;
    }

    @Singleton
    ConstraintValidator<KnownThemes, List<String>> knownThemes(ReferenceData reference) {
        return (value, annotation, context) -> value == null || value.stream().allMatch(code -> reference.theme(code).isPresent());
    }

    @Singleton
    ConstraintValidator<RepeatCount, RepeatCount.Typed> repeatCount() {
        return (form, annotation, context) -> {
            boolean repeats = form != null && ("WEEKLY".equals(form.repeat()) || "FORTNIGHTLY".equals(form.repeat()));
            if (!repeats || (form.occurrences() != null && !form.occurrences().isBlank())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(annotation.stringValue("message").orElse("workshop.error.occurrences"))
                    .addPropertyNode("occurrences").addConstraintViolation();
            return false;
        };
    }
}
