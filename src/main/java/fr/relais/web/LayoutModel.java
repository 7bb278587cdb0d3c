package fr.relais.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Completes every page's model with what the layout needs: language, title, the message after a saved form. */
@Singleton
class LayoutModel implements ViewModelProcessor<Map<String, Object>> {
    static final String LOCALE = "_locale";
    static final String TITLE_KEY = "title";
    private final Messages messages;
    private final HttpLocaleResolver localeResolver;

    LayoutModel(Messages messages, HttpLocaleResolver localeResolver) {
        this.messages = messages;
        this.localeResolver = localeResolver;
    }

    @Override
    public void process(HttpRequest<?> request, ModelAndView<Map<String, Object>> modelAndView) {
        Map<String, Object> model = modelAndView.getModel().map(m -> (Map<String, Object>) new HashMap<>(m)).orElseGet(HashMap::new);
        Locale locale = messages.supported(localeResolver.resolveOrDefault(request));
        model.put(LOCALE, locale);
        model.put("lang", locale.getLanguage());
        model.put("otherLang", Messages.ENGLISH.equals(locale) ? "fr" : "en");
        model.put("currentPath", request.getPath());
        model.putIfAbsent(TITLE_KEY, "app.name");
        // After a 303 the next page says what was done (?enregistre=1, ?supprime=1): no server-side flash state.
        if (request.getParameters().contains("enregistre")) {
            model.put("flash", "flash.saved");
        } else if (request.getParameters().contains("supprime")) {
            model.put("flash", "flash.deleted");
        }
        modelAndView.setModel(model);
    }

}
