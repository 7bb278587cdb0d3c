package fr.relais.web;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.text.MessageFormat;
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
    static final String BASE_NAME = "i18n.messages";
    private static final Logger LOG = LoggerFactory.getLogger(Messages.class);

    private final Map<Locale, ResourceBundle> bundles = Map.of(
            FRENCH, load(FRENCH),
            ENGLISH, load(ENGLISH));

    static ResourceBundle load(Locale locale) {
        return ResourceBundle.getBundle(BASE_NAME, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
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
