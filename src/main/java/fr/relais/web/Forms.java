package fr.relais.web;

import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Validation of form records: constraint messages are bundle keys ({@code error.required}…), turned here
 * into one French (or English) message per field, ready to show next to it.
 */
@Singleton
public class Forms {
    private final Validator validator;
    private final Messages messages;

    Forms(Validator validator, Messages messages) {
        this.validator = validator;
        this.messages = messages;
    }

    /**
     * The one validation of a posted form: its Jakarta constraints, field and class-level, each violation
     * turned into the message of its field in the page's language.
     */
    public Errors validate(Object form, Locale locale) {
        Errors errors = new Errors(messages, locale);
        for (ConstraintViolation<Object> v : validator.validate(form)) {
            String field = v.getPropertyPath().toString();
            // A message may name the constraint's limits: {0} its max ("40 caractères au plus"), {1} its min.
            Map<String, Object> limits = v.getConstraintDescriptor().getAttributes();
            errors.add(field, v.getMessage(), limits.get("max"), limits.get("min"));
        }
        return errors;
    }

    /** No error yet: for a rule that needs the database or the signed-in person, added after {@link #validate}. */
    public Errors errors(Locale locale) {
        return new Errors(messages, locale);
    }

    /** Errors of one form; {@link #asMap()} goes to the model as {@code errors}. */
    public static final class Errors {
        private final Map<String, String> byField = new LinkedHashMap<>();
        private final Messages messages;
        private final Locale locale;

        Errors(Messages messages, Locale locale) {
            this.messages = messages;
            this.locale = locale;
        }

        /** Adds the first message of a field; later ones for the same field are dropped. */
        public Errors add(String field, String key, Object... args) {
            byField.putIfAbsent(field, messages.get(locale, key, args));
            return this;
        }

        public boolean isEmpty() {
            return byField.isEmpty();
        }

        public boolean has(String field) {
            return byField.containsKey(field);
        }

        public Map<String, String> asMap() {
            return byField;
        }
    }
}
