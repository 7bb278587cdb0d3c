package fr.relais.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.ModelAndViewRenderer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Refusals: a visitor who is not signed in and asks for a page goes to the login page (and comes back
 * after); a signed-in person without the right, or a form without a valid CSRF token, gets the 403 page.
 * The page is rendered here because security filters answer before the views filter would.
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
class AuthorizationPages implements ExceptionHandler<AuthorizationException, MutableHttpResponse<?>> {
    private final ModelAndViewRenderer<Map<String, Object>, HttpRequest<?>> renderer;

    AuthorizationPages(ModelAndViewRenderer<Map<String, Object>, HttpRequest<?>> renderer) {
        this.renderer = renderer;
    }

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        boolean safeMethod = request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD;
        if (!exception.isForbidden() && safeMethod) {
            String back = URLEncoder.encode(request.getPath(), StandardCharsets.UTF_8);
            return Page.seeOther("/connexion?retour=" + back);
        }
        ModelAndView<Map<String, Object>> page = ErrorPages.page(HttpStatus.FORBIDDEN, safeMethod ? "403" : "403form")
                .status(HttpStatus.FORBIDDEN).body();
        String html = renderer.render(page, (HttpRequest<?>) request, MediaType.TEXT_HTML)
                .map(AuthorizationPages::toText).orElse("");
        return HttpResponse.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_HTML_TYPE).body(html);
    }

    private static String toText(Writable writable) {
        StringWriter out = new StringWriter();
        try {
            writable.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
