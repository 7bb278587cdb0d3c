package fr.relais.site;

import fr.relais.web.TypedValues;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import io.micronaut.validation.validator.constraints.ConstraintValidatorContext;
import jakarta.inject.Singleton;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/** Registers the library forms' own constraints ({@link OpeningRanges}, {@link ServiceChoices}). */
@Factory
class SiteConstraints {

    @Singleton
    ConstraintValidator<OpeningRanges, HoursForm> openingRanges() {
        return (form, annotation, context) -> {
            boolean valid = true;
            for (int day = 1; form != null && day <= HoursForm.DAYS; day++) {
                valid &= day(form, day, annotation, context);
            }
            return valid;
        };
    }

    /** The ranges of one day, in the order of the form: each is checked against those before it. */
    private static boolean day(HoursForm form, int day, AnnotationValue<?> annotation,
                               ConstraintValidatorContext context) {
        boolean valid = true;
        List<LocalTime[]> earlier = new ArrayList<>();
        for (int r = 1; r <= HoursForm.RANGES_PER_DAY; r++) {
            String open = form.open(day, r);
            String close = form.close(day, r);
            LocalTime opens = TypedValues.time(open);
            LocalTime closes = TypedValues.time(close);
            if (HoursForm.blank(open) != HoursForm.blank(close)) {
                String missing = HoursForm.blank(open) ? HoursForm.openField(day, r) : HoursForm.closeField(day, r);
                valid = on(context, missing, message(annotation, "pairMessage", "error.hours.pair"));
            } else if (opens == null || closes == null) {
                continue; // an empty range, or a time that is not one (@TypedTime says so)
            } else if (!opens.isBefore(closes)) {
                valid = on(context, HoursForm.closeField(day, r), message(annotation, "message", "error.hours.order"));
            } else if (earlier.stream().anyMatch(o -> opens.isBefore(o[1]) && o[0].isBefore(closes))) {
                valid = on(context, HoursForm.openField(day, r),
                        message(annotation, "overlapMessage", "error.hours.overlap"));
            } else {
                earlier.add(new LocalTime[]{opens, closes});
            }
        }
        return valid;
    }

    @Singleton
    ConstraintValidator<ServiceChoices, ServicesForm> serviceChoices() {
        return (form, annotation, context) -> {
            boolean valid = true;
            for (LibraryService service : form == null ? new LibraryService[0] : LibraryService.values()) {
                if (form.choice(service).isEmpty() && !form.note(service).isBlank()) {
                    valid = on(context, ServicesForm.offerField(service),
                            message(annotation, "message", "error.service.choose"));
                }
            }
            return valid;
        };
    }

    private static String message(AnnotationValue<?> annotation, String member, String fallback) {
        return annotation.stringValue(member).orElse(fallback);
    }

    /** A rule on the whole form whose message belongs next to one field; false, for "the form is not valid". */
    private static boolean on(ConstraintValidatorContext context, String field, String messageKey) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(messageKey).addPropertyNode(field).addConstraintViolation();
        return false;
    }
}
