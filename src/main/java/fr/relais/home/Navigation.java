package fr.relais.home;

import fr.relais.security.CurrentStaff;
import fr.relais.security.Role;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The signed-in part of every page's layout: who is signed in and the menu of what their role may open. It lives
 * here, above the features it links to, so that {@code web} stays infrastructure.
 */
@Singleton
class Navigation implements ViewModelProcessor<Map<String, Object>> {

    /** One menu entry; {@code current} marks the page being shown (aria-current). */
    record Link(String href, String key, boolean current) {
    }

    @Override
    public void process(HttpRequest<?> request, ModelAndView<Map<String, Object>> modelAndView) {
        request.getUserPrincipal(Authentication.class).map(CurrentStaff::of).ifPresent(me -> {
            Map<String, Object> model = modelAndView.getModel().map(m -> (Map<String, Object>) new HashMap<>(m)).orElseGet(HashMap::new);
            model.put("me", me);
            model.put("meRoleKey", "role." + me.role().name());
            model.put("nav", links(me, request.getPath()));
            modelAndView.setModel(model);
        });
    }

    static List<Link> links(CurrentStaff me, String path) {
        List<Link> nav = new ArrayList<>();
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

    private static Link link(String href, String key, String path) {
        return new Link(href, key, path.equals(href) || path.startsWith(href + "/"));
    }
}
