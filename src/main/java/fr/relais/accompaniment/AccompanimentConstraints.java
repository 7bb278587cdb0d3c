package fr.relais.accompaniment;

import fr.relais.reference.ReferenceData;
import fr.relais.reference.ShortLists;
import fr.relais.web.TypedValues;
import io.micronaut.context.annotation.Factory;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import io.micronaut.validation.validator.constraints.ConstraintValidatorContext;
import jakarta.inject.Singleton;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/** Registers the constraints of the accompaniment forms with Micronaut validation. */
@Factory
class AccompanimentConstraints {
    private static final Set<String> FIRST_VISIT = Set.of("YES", "NO");

    /** A choice, or every box ticked, is in its list; blank boxes are not choices. */
    @Singleton
    ConstraintValidator<Listed, Object> listed(ReferenceData reference, ShortLists lists) {
        return (value, annotation, context) -> {
            Listed.Of list = annotation.enumValue("value", Listed.Of.class).orElseThrow();
            Predicate<String> known = switch (list) {
                case MODES -> code -> AccompanimentMode.parse(code).isPresent();
                case THEMES -> code -> reference.theme(code).isPresent();
                case SCOPES -> code -> reference.scope(code).isPresent();
                case CHANNELS -> code -> ShortLists.contains(lists.channels(), code);
                case AUTONOMY -> code -> Autonomy.parse(code).isPresent();
                case EQUIPMENT -> code -> ShortLists.contains(lists.equipment(), code);
                case AGE_BRACKETS -> code -> ShortLists.contains(lists.ageBrackets(), code);
                case FIRST_VISIT -> FIRST_VISIT::contains;
            };
            return codes(value).stream().allMatch(known);
        };
    }

    @Singleton
    ConstraintValidator<IndividualChannel, CharSequence> individualChannel() {
        return (value, annotation, context) -> !AccompanimentForm.collectiveChannel(value == null ? null : value.toString());
    }

    @Singleton
    ConstraintValidator<Minutes, CharSequence> minutes() {
        return (value, annotation, context) -> blank(value)
                || TypedValues.number(value.toString(), 1, AccompanimentForm.MAX_MINUTES) != null;
    }

    @Singleton
    ConstraintValidator<MaxLines, CharSequence> maxLines() {
        return (value, annotation, context) -> value == null
                || Arrays.stream(value.toString().split("\\R")).filter(l -> !l.isBlank()).count()
                <= annotation.intValue("max").orElse(0);
    }

    @Singleton
    ConstraintValidator<ScopesFitThemes, AccompanimentForm> scopesFitThemes(ReferenceData reference) {
        return (form, annotation, context) -> {
            if (form == null) {
                return true;
            }
            if (form.scopes().isEmpty()) {
                return !form.is(AccompanimentMode.DO_FOR)
                        || onField(context, "scopes", ScopesFitThemes.DO_FOR_NEEDS_ONE);
            }
            boolean known = form.scopes().stream().allMatch(code -> reference.scope(code).isPresent());
            return !known || form.themes().contains(ReferenceData.PROCEDURES_THEME)
                    || onField(context, "scopes", ScopesFitThemes.NOT_ALLOWED);
        };
    }

    @Singleton
    ConstraintValidator<DurationGiven, AccompanimentForm> durationGiven() {
        return (form, annotation, context) -> {
            if (form == null || !blank(form.durationOther()) || form.duration() == null) {
                return true;
            }
            if (form.duration().isBlank()) {
                return onField(context, "durationOther", DurationGiven.MINUTES_MISSING);
            }
            Integer chosen = TypedValues.number(form.duration(), 1, AccompanimentForm.MAX_MINUTES);
            return chosen != null && AccompanimentForm.DURATIONS.contains(chosen)
                    || onField(context, "duration", DurationGiven.NOT_OFFERED);
        };
    }

    @Singleton
    ConstraintValidator<PartnerWhenReferring, AccompanimentForm> partnerWhenReferring() {
        return (form, annotation, context) -> form == null || !form.is(AccompanimentMode.REFER) || !blank(form.partnerId())
                || onField(context, "partnerId", PartnerWhenReferring.REQUIRED);
    }

    /** The codes of a choice or of a group of boxes, stripped; blanks are no choice. */
    private static List<String> codes(Object value) {
        Collection<?> values = value instanceof Collection<?> c ? c : value == null ? List.of() : List.of(value);
        return values.stream().filter(Objects::nonNull).map(v -> v.toString().strip()).filter(s -> !s.isEmpty()).toList();
    }

    private static boolean blank(CharSequence value) {
        return value == null || value.toString().isBlank();
    }

    /** A rule on the whole form whose message belongs next to one field. */
    private static boolean onField(ConstraintValidatorContext context, String field, String messageKey) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(messageKey).addPropertyNode(field).addConstraintViolation();
        return false;
    }
}
