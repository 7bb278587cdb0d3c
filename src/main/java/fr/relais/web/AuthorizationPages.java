package fr.relais.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import jakarta.inject.Singleton;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Refusals: a visitor who is not signed in and asks for a page goes to the login page (and comes back
 * after); a signed-in person without the right, or a form without a valid CSRF token, gets the 403 page.
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
class AuthorizationPages implements ExceptionHandler<AuthorizationException, MutableHttpResponse<?>> {
    private final PageRenderer renderer;

    AuthorizationPages(PageRenderer renderer) {
        this.renderer = renderer;
    }

    @Override
    @SuppressWarnings("rawtypes") // the framework's interface takes a raw HttpRequest
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        boolean safeMethod = request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD;
        if (!exception.isForbidden() && safeMethod) {
            // The whole address, query included (e.g. a slip's ?format=TICKET), to come back to it after login.
            String query = request.getUri().getRawQuery();
            String back = URLEncoder.encode(request.getPath() + (query == null ? "" : "?" + query), StandardCharsets.UTF_8);
            return Page.seeOther("/connexion?retour=" + back);
        }
        return renderer.render(ErrorPages.page(safeMethod ? "403" : "403form").with("status", HttpStatus.FORBIDDEN.getCode()),
                HttpStatus.FORBIDDEN, request);
    }
}
