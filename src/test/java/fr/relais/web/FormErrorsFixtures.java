package fr.relais.web;

import java.util.Locale;

/** Form errors outside an HTTP request, for unit tests of parsers that report into {@link Forms.Errors}. */
public final class FormErrorsFixtures {
    private static final Messages MESSAGES = new Messages();

    private FormErrorsFixtures() {
    }

    public static Forms.Errors french() {
        return new Forms.Errors(MESSAGES, Messages.FRENCH);
    }

    /** The French text of a message, to compare with what a form shows. */
    public static String french(String key, Object... args) {
        return MESSAGES.get(Locale.FRENCH, key, args);
    }
}
