package fr.relais.web;

import io.micronaut.context.annotation.Factory;
import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import io.micronaut.validation.validator.constraints.ConstraintValidatorContext;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Registers the constraints on typed values ({@link TypedDate}, {@link TypedTime}, {@link DateRange}). */
@Factory
class FormConstraints {
    /** Where "today" is for rules that are not tied to one library (a helper's absence, for instance). */
    static final ZoneId NETWORK_ZONE = ZoneId.of("Europe/Paris");

    @Singleton
    ConstraintValidator<TypedDate, CharSequence> typedDate() {
        return (value, annotation, context) -> blank(value) || TypedValues.date(value.toString()) != null;
    }

    @Singleton
    ConstraintValidator<TypedTime, CharSequence> typedTime() {
        return (value, annotation, context) -> blank(value) || TypedValues.time(value.toString()) != null;
    }

    @Singleton
    ConstraintValidator<DateRange, DateRange.Typed> dateRange(Clock clock) {
        return (form, annotation, context) -> {
            LocalDate start = form == null ? null : TypedValues.date(form.startDate());
            LocalDate end = form == null ? null : TypedValues.date(form.endDate());
            if (start == null || end == null) {
                return true;
            }
            if (end.isBefore(start)) {
                return onEndDate(context, annotation.stringValue("message").orElse("error.period.order"));
            }
            if (annotation.booleanValue("endFromToday").orElse(false) && end.isBefore(LocalDate.now(clock.withZone(NETWORK_ZONE)))) {
                return onEndDate(context, annotation.stringValue("pastMessage").orElse("error.period.past"));
            }
            int maxDays = annotation.intValue("maxDays").orElse(0);
            if (maxDays > 0 && start.plusDays(maxDays).isBefore(end)) {
                return onEndDate(context, annotation.stringValue("tooLongMessage").orElse("error.period.tooLong"));
            }
            return true;
        };
    }

    private static boolean blank(CharSequence value) {
        return value == null || value.toString().isBlank();
    }

    /** A rule on the whole form whose message belongs next to the last day. */
    private static boolean onEndDate(ConstraintValidatorContext context, String messageKey) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(messageKey).addPropertyNode("endDate").addConstraintViolation();
        return false;
    }
}
