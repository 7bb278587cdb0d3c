package fr.relais.web;

import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** French (or English) error pages, each with a way back. */
@Controller
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_ANONYMOUS)
class ErrorPages {
    static final String VIEW = "error";
    private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);
    private final PageRenderer renderer;
    private final AuthorizationPages authorizationPages;

    ErrorPages(PageRenderer renderer, AuthorizationPages authorizationPages) {
        this.renderer = renderer;
        this.authorizationPages = authorizationPages;
    }

    static Page page(String key) {
        return Page.of(VIEW).title("error." + key + ".title").with("messageKey", "error." + key + ".message");
    }

    private MutableHttpResponse<?> show(HttpRequest<?> request, HttpStatus status, String key) {
        return renderer.render(page(key).with("status", status.getCode()), status, request);
    }

    @Error(global = true, status = HttpStatus.NOT_FOUND)
    MutableHttpResponse<?> notFound(HttpRequest<?> request) {
        return show(request, HttpStatus.NOT_FOUND, "404");
    }

    @Error(global = true, exception = NotFoundException.class)
    MutableHttpResponse<?> notFound(HttpRequest<?> request, NotFoundException e) {
        return notFound(request);
    }

    /** A URL edited by hand (/gestion/sites/abc) is a page that does not exist, not a server error. */
    @Error(global = true, exception = ConversionErrorException.class)
    MutableHttpResponse<?> badConversion(HttpRequest<?> request, ConversionErrorException e) {
        return notFound(request);
    }

    @Error(global = true, exception = UnsatisfiedRouteException.class)
    MutableHttpResponse<?> unsatisfied(HttpRequest<?> request, UnsatisfiedRouteException e) {
        return show(request, HttpStatus.BAD_REQUEST, "400");
    }

    @Error(global = true, status = HttpStatus.METHOD_NOT_ALLOWED)
    MutableHttpResponse<?> methodNotAllowed(HttpRequest<?> request) {
        return notFound(request);
    }

    @Error(global = true, exception = ContentLengthExceededException.class)
    MutableHttpResponse<?> tooLarge(HttpRequest<?> request, ContentLengthExceededException e) {
        return show(request, HttpStatus.REQUEST_ENTITY_TOO_LARGE, "413");
    }

    @Error(global = true, status = HttpStatus.UNSUPPORTED_MEDIA_TYPE)
    MutableHttpResponse<?> unsupportedMediaType(HttpRequest<?> request) {
        return show(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "400");
    }

    @Error(global = true, exception = AuthorizationException.class)
    MutableHttpResponse<?> refused(HttpRequest<?> request, AuthorizationException e) {
        return authorizationPages.handle(request, e);
    }

    @Error(global = true, exception = Throwable.class)
    MutableHttpResponse<?> serverError(HttpRequest<?> request, Throwable e) {
        // The path only: query strings and bodies may hold personal data.
        LOG.error("Unexpected error on {} {}", request.getMethod(), request.getPath(), e);
        return show(request, HttpStatus.INTERNAL_SERVER_ERROR, "500");
    }
}
