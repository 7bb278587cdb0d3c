package fr.relais.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Headers on every response. The policy allows no inline script or style: pages use only
 * /static files, so an injected script cannot run.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class SecurityHeaders implements Ordered {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    /** Outside the security filters, so that their own answers (login redirect, 403) get the headers too. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    @ResponseFilter
    void addHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.header("Content-Security-Policy", CSP);
        response.header("X-Content-Type-Options", "nosniff");
        response.header("Referrer-Policy", "same-origin");
        response.header("X-Frame-Options", "DENY");
        response.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        if (!request.getPath().startsWith("/static/")) {
            // Pages may show personal data: never keep them in a shared cache or the back-forward cache of a public computer.
            response.header("Cache-Control", "no-store");
        }
    }
}
