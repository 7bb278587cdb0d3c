package fr.relais.web;

import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.security.annotation.Secured;
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

    static Page page(HttpStatus status, String key) {
        return Page.of(VIEW).title("error." + key + ".title")
                .with("status", status.getCode())
                .with("messageKey", "error." + key + ".message");
    }

    @Error(global = true, status = HttpStatus.NOT_FOUND)
    Object notFound() {
        return page(HttpStatus.NOT_FOUND, "404").status(HttpStatus.NOT_FOUND);
    }

    @Error(global = true, exception = NotFoundException.class)
    Object notFound(NotFoundException e) {
        return notFound();
    }

    /** A URL edited by hand (/gestion/sites/abc) is a page that does not exist, not a server error. */
    @Error(global = true, exception = ConversionErrorException.class)
    Object badConversion(HttpRequest<?> request, ConversionErrorException e) {
        return notFound();
    }

    @Error(global = true, exception = UnsatisfiedRouteException.class)
    Object unsatisfied(HttpRequest<?> request, UnsatisfiedRouteException e) {
        return page(HttpStatus.BAD_REQUEST, "400").status(HttpStatus.BAD_REQUEST);
    }

    @Error(global = true, status = HttpStatus.METHOD_NOT_ALLOWED)
    Object methodNotAllowed() {
        return notFound();
    }

    @Error(global = true, exception = ContentLengthExceededException.class)
    Object tooLarge(ContentLengthExceededException e) {
        return page(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "413").status(HttpStatus.REQUEST_ENTITY_TOO_LARGE);
    }

    @Error(global = true, status = HttpStatus.UNSUPPORTED_MEDIA_TYPE)
    Object unsupportedMediaType() {
        return page(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "400").status(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }

    @Error(global = true, exception = Throwable.class)
    Object serverError(HttpRequest<?> request, Throwable e) {
        // The path only: query strings and bodies may hold personal data.
        LOG.error("Unexpected error on {} {}", request.getMethod(), request.getPath(), e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, "500").status(HttpStatus.INTERNAL_SERVER_ERROR);
    }
}
