package fr.relais.reference;

import io.micronaut.context.annotation.Factory;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import jakarta.inject.Singleton;

import java.util.Collection;

/** Registers the constraints on reference codes ({@link ProcedureScopeCodes}). */
@Factory
class ReferenceConstraints {
    @Singleton
    ConstraintValidator<ProcedureScopeCodes, Collection<?>> procedureScopeCodes(ReferenceData reference) {
        return (codes, annotation, context) -> codes == null
                || codes.stream().allMatch(code -> code instanceof String s && reference.scope(s).isPresent());
    }
}
