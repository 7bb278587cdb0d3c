package fr.relais.web;

import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.Helper;
import com.github.jknack.handlebars.Options;
import com.github.jknack.handlebars.cache.ConcurrentMapTemplateCache;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

import java.util.Locale;
import java.util.Objects;

/**
 * Adds Relais' helpers to the Handlebars engine and caches compiled templates.
 * <ul>
 *   <li>{@code {{t "key" arg…}}}: a message from the bundles ({@link Messages}) in the page's language (model key
 *   {@value LayoutModel#LOCALE}; French when absent), its arguments formatted by {@code MessageFormat}. The key may
 *   be a variable ({@code {{t label}}}) or a sub-expression ({@code (t "key")}).</li>
 *   <li>{@code {{eq a b}}}: equality of the two values as text, false when either is missing. Inline it is a
 *   boolean; as a block ({@code {{#eq a b}}…{{else}}…{{/eq}}}) it renders its body or its {@code else}: a selected
 *   option, a checked radio button.</li>
 *   <li>{@code {{contains list item}}}: whether a collection holds the item (compared as text), inline or as a block
 *   like {@code eq}: a ticked check box among several.</li>
 * </ul>
 * A form field's message is not a helper: it is the {@code partials/field-error} template.
 */
@Singleton
class HandlebarsSetup implements BeanCreatedEventListener<Handlebars> {
    private final Messages messages;

    HandlebarsSetup(Messages messages) {
        this.messages = messages;
    }

    @Override
    public Handlebars onCreated(BeanCreatedEvent<Handlebars> event) {
        Handlebars handlebars = event.getBean();
        handlebars.with(new ConcurrentMapTemplateCache());
        handlebars.registerHelper("t", (Helper<String>) (key, options) -> messages.get(locale(options), key, options.params));
        handlebars.registerHelper("eq", (Helper<Object>) (left, options) -> {
            Object right = options.param(0, null);
            boolean equal = left != null && right != null && Objects.equals(String.valueOf(left), String.valueOf(right));
            return options.tagType.inline() ? equal : (equal ? options.fn() : options.inverse());
        });
        handlebars.registerHelper("contains", (Helper<Object>) (collection, options) -> {
            Object item = options.param(0, null);
            boolean found = collection instanceof java.util.Collection<?> c && item != null
                    && c.stream().anyMatch(e -> String.valueOf(e).equals(String.valueOf(item)));
            return options.tagType.inline() ? found : (found ? options.fn() : options.inverse());
        });
        return handlebars;
    }

    static Locale locale(Options options) {
        Object value = options.get(LayoutModel.LOCALE);
        return value instanceof Locale locale ? locale : Messages.FRENCH;
    }
}
