package fr.relais.web;

import fr.relais.security.CurrentStaff;
import fr.relais.security.Role;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Completes every page's model with what the layout needs: language, signed-in person, navigation. */
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
        request.getUserPrincipal(Authentication.class).map(CurrentStaff::of).ifPresent(me -> {
            model.put("me", me);
            model.put("meRoleKey", "role." + me.role().name());
            model.put("nav", navigation(me, request.getPath()));
        });
        modelAndView.setModel(model);
    }

    static List<Map<String, Object>> navigation(CurrentStaff me, String path) {
        List<Map<String, Object>> nav = new ArrayList<>();
        nav.add(link("/accueil", "nav.home", path));
        if (me.role() != Role.HELPER) {
            nav.add(link("/gestion/sites", "nav.sites", path));
            nav.add(link("/gestion/comptes", "nav.accounts", path));
        }
        if (me.role() == Role.HELPER || me.role() == Role.DIRECTOR) {
            nav.add(link("/accompagnements", "nav.accompaniments", path));
            nav.add(link("/mandats", "nav.mandates", path));
        }
        nav.add(link("/partenaires", "nav.partners", path));
        if (me.role() == Role.DIRECTOR || me.role() == Role.ADMIN) {
            nav.add(link("/gestion/journal", "nav.journal", path));
        }
        if (me.role() == Role.HELPER) {
            nav.add(link("/compte/agenda", "nav.calendar", path));
            nav.add(link("/compte/absences", "nav.absences", path));
        }
        nav.add(link("/compte/mot-de-passe", "nav.password", path));
        return nav;
    }

    private static Map<String, Object> link(String href, String key, String path) {
        return Map.of("href", href, "key", key, "current", path.equals(href) || path.startsWith(href + "/"));
    }
}
