package fr.relais.security;

import fr.relais.web.Page;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.SecurityFilter;

import java.util.Set;

/** An account holding a one-time password can do nothing but choose its own password (or leave). */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class PasswordChangeRequired implements Ordered {
    static final String CHANGE_PATH = "/compte/mot-de-passe";
    private static final Set<String> ALLOWED = Set.of(CHANGE_PATH, "/deconnexion", "/health");

    @RequestFilter
    @Nullable
    MutableHttpResponse<?> redirect(HttpRequest<?> request) {
        String path = request.getPath();
        if (ALLOWED.contains(path) || path.startsWith("/static/") || path.startsWith("/langue/")) {
            return null;
        }
        return request.getAttribute(SecurityFilter.AUTHENTICATION, Authentication.class)
                .map(CurrentStaff::of)
                .filter(CurrentStaff::mustChangePassword)
                .<MutableHttpResponse<?>>map(me -> Page.seeOther(CHANGE_PATH))
                .orElse(null);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
