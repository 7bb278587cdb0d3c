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
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The signed-in part of every page's layout: who is signed in and the menu of what their role may open. It lives
 * here, above the features it links to, so that {@code web} stays infrastructure.
 */
@Singleton
class Navigation implements ViewModelProcessor<Map<String, Object>> {
    /** A desk page of one library: /bureau/{siteId}/… */
    private static final Pattern SITE_PAGE = Pattern.compile("/bureau/(\\d{1,18})(?:/|$)");
    /** The desk's workshop pages: a library's sessions and settings, a session, a registration. */
    private static final Pattern DESK_WORKSHOPS = Pattern.compile("/bureau/(?:\\d{1,18}/)?ateliers(?:/|$)");

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
        workshops(me, path).ifPresent(nav::add);
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

    /**
     * Helpers and directors: the sessions of their library (the one being shown when the page is one of theirs,
     * otherwise the first of theirs), current on every workshop page of the desk. The coordinator: the catalogue.
     */
    static Optional<Link> workshops(CurrentStaff me, String path) {
        if (me.role() == Role.COORDINATOR) {
            return Optional.of(link("/gestion/ateliers", "nav.workshops", path));
        }
        if (me.role() == Role.ADMIN || me.siteIds().isEmpty()) {
            return Optional.empty();
        }
        Matcher shown = SITE_PAGE.matcher(path);
        long siteId = shown.lookingAt() && me.siteIds().contains(Long.parseLong(shown.group(1)))
                ? Long.parseLong(shown.group(1)) : me.siteIds().stream().min(Long::compare).orElseThrow();
        boolean current = DESK_WORKSHOPS.matcher(path).lookingAt() || path.equals("/gestion/ateliers")
                || path.startsWith("/gestion/ateliers/");
        return Optional.of(new Link("/bureau/" + siteId + "/ateliers", "nav.workshops", current));
    }

    private static Link link(String href, String key, String path) {
        return new Link(href, key, path.equals(href) || path.startsWith(href + "/"));
    }
}
