package fr.relais.web;

import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.EOFException;
import java.net.URISyntaxException;

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

    /** Where {@link MalformedRequests} sends an address that cannot be read (/bibliotheques/%zz, a raw space…). */
    @Get(MalformedRequests.BAD_ADDRESS)
    MutableHttpResponse<?> badAddress(HttpRequest<?> request) {
        return show(request, HttpStatus.BAD_REQUEST, "400address");
    }

    @Get(MalformedRequests.ADDRESS_TOO_LONG)
    MutableHttpResponse<?> addressTooLong(HttpRequest<?> request) {
        return show(request, HttpStatus.REQUEST_URI_TOO_LONG, "414");
    }

    @Get(MalformedRequests.BAD_REQUEST)
    MutableHttpResponse<?> badRequest(HttpRequest<?> request) {
        return show(request, HttpStatus.BAD_REQUEST, "400");
    }

    /**
     * The server's own reading of an address failed. {@link MalformedRequests} catches such addresses first; this
     * keeps the answer a 400 (not a 500 whose log line would hold the address) should one get past it.
     */
    @Error(global = true, exception = URISyntaxException.class)
    MutableHttpResponse<?> unreadableAddress(HttpRequest<?> request, URISyntaxException e) {
        LOG.info("Refused a malformed address ({})", e.getReason());
        return badAddress(request);
    }

    @Error(global = true, exception = BadRequestException.class)
    MutableHttpResponse<?> badRequest(HttpRequest<?> request, BadRequestException e) {
        LOG.info("Refused {} {}: {}", request.getMethod(), request.getPath(), e.getMessage());
        return badRequest(request);
    }

    /** The client went away before its body arrived: nobody reads the answer, and it is not a server fault. */
    @Error(global = true, exception = EOFException.class)
    MutableHttpResponse<?> cutShort(HttpRequest<?> request, EOFException e) {
        LOG.info("Request body cut short on {} {}", request.getMethod(), request.getPath());
        return badRequest(request);
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
