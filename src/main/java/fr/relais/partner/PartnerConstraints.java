package fr.relais.partner;

import fr.relais.reference.ReferenceData;
import io.micronaut.context.annotation.Factory;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.function.Predicate;

/** Registers the constraints of the directory's forms with Micronaut validation. */
@Factory
class PartnerConstraints {
    @Singleton
    ConstraintValidator<DirectoryCode, Object> directoryCode(ReferenceData reference) {
        return (value, annotation, context) -> {
            Predicate<String> known = switch (annotation.enumValue("value", DirectoryCode.Of.class).orElseThrow()) {
                case KINDS -> code -> reference.partnerKind(code).isPresent();
                case THEMES -> code -> reference.theme(code).isPresent();
                case SCOPES -> code -> reference.scope(code).isPresent();
                case ACCESS -> code -> PartnerAccess.parse(code).isPresent();
            };
            if (value instanceof Collection<?> codes) {
                return codes.stream().allMatch(code -> code != null && known.test(code.toString()));
            }
            return value == null || value.toString().isBlank() || known.test(value.toString());
        };
    }
}
