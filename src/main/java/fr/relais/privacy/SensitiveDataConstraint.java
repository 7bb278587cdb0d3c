package fr.relais.privacy;

import io.micronaut.context.annotation.Factory;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import jakarta.inject.Singleton;

/** Registers {@link NoSensitiveData} with Micronaut validation. */
@Factory
class SensitiveDataConstraint {
    @Singleton
    ConstraintValidator<NoSensitiveData, CharSequence> noSensitiveData() {
        return (value, annotation, context) -> value == null || SensitiveDataGuard.isClean(value.toString());
    }
}
