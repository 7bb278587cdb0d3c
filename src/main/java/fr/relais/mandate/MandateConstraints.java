package fr.relais.mandate;

import fr.relais.site.Sites;
import fr.relais.web.TypedValues;
import io.micronaut.context.annotation.Factory;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Registers the mandate form's own constraints ({@link MandateStart}). */
@Factory
class MandateConstraints {
    /** Every library of the network is in this zone; "today" for a mandate is the day there. */
    private static final ZoneId NETWORK_ZONE = ZoneId.of(Sites.DEFAULT_ZONE);

    @Singleton
    ConstraintValidator<MandateStart, CharSequence> mandateStart(Clock clock) {
        return (value, annotation, context) -> {
            LocalDate start = value == null ? null : TypedValues.date(value.toString());
            if (start == null) {
                return true;
            }
            LocalDate today = LocalDate.now(clock.withZone(NETWORK_ZONE));
            if (!start.isAfter(today.plusDays(annotation.intValue("max").orElse(60)))) {
                return !start.isBefore(today);
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(annotation.stringValue("tooFarMessage")
                    .orElse("mandate.error.start.far")).addConstraintViolation();
            return false;
        };
    }
}
