package fr.relais.appointment;

import fr.relais.reference.ReferenceData;
import fr.relais.web.TypedValues;
import io.micronaut.context.annotation.Factory;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import io.micronaut.validation.validator.constraints.ConstraintValidatorContext;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * Registers the constraints of the appointment forms ({@link WholeNumber}, {@link SlotKey}, {@link PermanenceOrder},
 * {@link KnownReason}).
 */
@Factory
class AppointmentConstraints {
    @Singleton
    ConstraintValidator<WholeNumber, CharSequence> wholeNumber() {
        return (value, annotation, context) -> blank(value) || TypedValues.number(value.toString(),
                annotation.intValue("min").orElse(0), annotation.intValue("max").orElse(Integer.MAX_VALUE)) != null;
    }

    @Singleton
    ConstraintValidator<SlotKey, CharSequence> slotKey() {
        return (value, annotation, context) -> blank(value) || Slot.parse(value.toString()).isPresent();
    }

    @Singleton
    ConstraintValidator<PermanenceOrder, PermanenceForm> permanenceOrder() {
        return (form, annotation, context) -> {
            if (form == null) {
                return true;
            }
            boolean valid = true;
            LocalTime start = TypedValues.time(form.startsAt());
            LocalTime end = TypedValues.time(form.endsAt());
            if (start != null && end != null && !start.isBefore(end)) {
                valid = on(context, "endsAt", annotation.stringValue("message").orElse("error.permanence.order"));
            }
            LocalDate from = TypedValues.date(form.validFrom());
            LocalDate to = TypedValues.date(form.validTo());
            if (from != null && to != null && to.isBefore(from)) {
                valid = on(context, "validTo", annotation.stringValue("periodMessage").orElse("error.period.order"));
            }
            return valid;
        };
    }

    @Singleton
    ConstraintValidator<KnownReason, BookingForm> knownReason(ReferenceData reference) {
        return (form, annotation, context) -> {
            String theme = form == null ? null : form.themeCode();
            if (blank(theme) || theme.length() > BookingForm.MAX_CODE) {
                return true; // @NotBlank, @Size
            }
            if (reference.theme(theme).isEmpty()) {
                return on(context, "themeCode", "error.choice");
            }
            String scope = form.scopeCode();
            if (scope != null && scope.length() > BookingForm.MAX_CODE) {
                return true; // @Size
            }
            boolean procedures = ReferenceData.PROCEDURES_THEME.equals(theme);
            if (scope != null && reference.scope(scope).isEmpty()) {
                return on(context, "scopeCode", "error.choice");
            }
            if (procedures && scope == null) {
                return on(context, "scopeCode", "error.scope.required");
            }
            return procedures || scope == null || on(context, "scopeCode", "error.scope.notAllowed");
        };
    }

    private static boolean blank(CharSequence value) {
        return value == null || value.toString().isBlank();
    }

    /** A rule on the whole form whose message belongs next to one field. */
    private static boolean on(ConstraintValidatorContext context, String field, String messageKey) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(messageKey).addPropertyNode(field).addConstraintViolation();
        return false;
    }
}
