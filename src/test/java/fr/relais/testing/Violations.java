package fr.relais.testing;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a form record's constraints say, as field → message keys: for the record validation tests. */
public final class Violations {
    private Violations() {
    }

    public static Map<String, Set<String>> of(Validator validator, Object form) {
        Map<String, Set<String>> byField = new TreeMap<>();
        for (ConstraintViolation<Object> v : validator.validate(form)) {
            byField.computeIfAbsent(v.getPropertyPath().toString(), k -> new TreeSet<>()).add(v.getMessage());
        }
        return byField;
    }

    /** Exactly one field is refused, with this message key among its messages. */
    public static void assertOnly(Validator validator, Object form, String field, String key) {
        Map<String, Set<String>> found = of(validator, form);
        assertEquals(Set.of(field), found.keySet(), "violations: " + found);
        assertTrue(found.get(field).contains(key), "expected " + key + " on " + field + ", got " + found);
    }
}
