package fr.relais.staff;

import io.micronaut.context.annotation.Factory;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import jakarta.inject.Singleton;

import java.util.Collection;

/** Registers the account form's own constraints ({@link SiteIds}). */
@Factory
class StaffConstraints {
    @Singleton
    ConstraintValidator<SiteIds, Collection<?>> siteIds() {
        return (ids, annotation, context) -> ids == null
                || ids.stream().allMatch(id -> id instanceof String s && s.strip().matches(AccountForm.ID));
    }
}
