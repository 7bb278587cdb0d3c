package fr.relais.web;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.text.MessageFormat;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * The message bundles: French by default, English available.
 * Bundles are loaded without the JVM's default-locale fallback, so a server running in English
 * still answers French to a French browser.
 */
@Singleton
public class Messages {
    public static final Locale FRENCH = Locale.FRENCH;
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> SUPPORTED = List.of(FRENCH, ENGLISH);
    /**
     * One bundle for the shared words and one per feature, so that features keep their words apart.
     * They are merged into one; a key defined twice is a mistake and stops the start.
     */
    static final List<String> BASE_NAMES = List.of(
            "i18n.messages", "i18n.journal", "i18n.mandate", "i18n.mandatepdf", "i18n.partner", "i18n.referral",
            "i18n.accompaniment", "i18n.workshop", "i18n.agenda");
    private static final Logger LOG = LoggerFactory.getLogger(Messages.class);

    private final Map<Locale, ResourceBundle> bundles = Map.of(
            FRENCH, load(FRENCH),
            ENGLISH, load(ENGLISH));

    static ResourceBundle load(Locale locale) {
        Map<String, Object> merged = new HashMap<>();
        for (String baseName : BASE_NAMES) {
            ResourceBundle part = ResourceBundle.getBundle(baseName, locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            for (String key : part.keySet()) {
                if (merged.put(key, part.getString(key)) != null) {
                    throw new IllegalStateException("Message key " + key + " is defined twice (" + baseName + ")");
                }
            }
        }
        return new MergedBundle(locale, merged);
    }

    /** The feature bundles of one language, as one bundle. */
    private static final class MergedBundle extends ResourceBundle {
        private final Locale locale;
        private final Map<String, Object> messages;

        MergedBundle(Locale locale, Map<String, Object> messages) {
            this.locale = locale;
            this.messages = Map.copyOf(messages);
        }

        @Override
        protected Object handleGetObject(String key) {
            return messages.get(key);
        }

        @Override
        public Enumeration<String> getKeys() {
            return Collections.enumeration(messages.keySet());
        }

        @Override
        protected Set<String> handleKeySet() {
            return messages.keySet();
        }

        @Override
        public Locale getLocale() {
            return locale;
        }
    }

    /** The supported locale closest to the one asked for; French when nothing matches. */
    public Locale supported(Locale requested) {
        if (requested != null && ENGLISH.getLanguage().equals(requested.getLanguage())) {
            return ENGLISH;
        }
        return FRENCH;
    }

    public String get(Locale locale, String key, Object... args) {
        ResourceBundle bundle = bundles.get(supported(locale));
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            LOG.warn("Missing message key {}", key);
            return "??" + key + "??";
        }
        if (args == null || args.length == 0) {
            return pattern;
        }
        return new MessageFormat(pattern, bundle.getLocale()).format(args);
    }

    public boolean has(Locale locale, String key) {
        return bundles.get(supported(locale)).containsKey(key);
    }

    public Set<String> keys(Locale locale) {
        return bundles.get(supported(locale)).keySet();
    }
}
