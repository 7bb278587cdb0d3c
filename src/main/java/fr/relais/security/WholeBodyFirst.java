package fr.relais.security;

import fr.relais.web.BadRequestException;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.body.ByteBody;
import io.micronaut.http.body.CloseableAvailableByteBody;
import io.micronaut.http.filter.FilterContinuation;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.form.FormUrlEncodedDecoder;
import io.micronaut.http.server.filter.FilterBodyParser;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Reads a posted form in full before any other filter runs, and hands it to the CSRF check already decoded.
 *
 * <p>Works around micronaut-security#1984 (micronaut-core#11341). The CSRF filter reads the form's token from the
 * body. When the body arrives after the headers (slow network, long text typed in a form) its check finishes
 * later, and a "go on" given later is lost by the filter chain, which then fails with a NullPointerException:
 * a 500 for a valid form. Here the wait happens in a filter whose later answer is a response, never "nothing",
 * and the CSRF filter then finds the form at once ({@link StashedForm}). Bodies are small
 * (micronaut.server.max-request-size).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class WholeBodyFirst implements Ordered {
    static final String FORM = "relais.form";
    private final FormUrlEncodedDecoder decoder;

    WholeBodyFirst(FormUrlEncodedDecoder decoder) {
        this.decoder = decoder;
    }

    @RequestFilter
    Publisher<HttpResponse<?>> readWholeForm(HttpRequest<?> request, FilterContinuation<Publisher<HttpResponse<?>>> chain) {
        boolean form = request.getContentType().map(t -> t.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE)).orElse(false);
        if (!form || !(request instanceof ServerHttpRequest<?> server) || !request.getMethod().permitsRequestBody()) {
            return chain.proceed();
        }
        CompletableFuture<? extends CloseableAvailableByteBody> whole =
                server.byteBody().split(ByteBody.SplitBackpressureMode.FASTEST).buffer();
        return Mono.fromFuture(whole)
                .doOnNext(body -> {
                    try (body) {
                        Charset charset = request.getCharacterEncoding() == null ? StandardCharsets.UTF_8 : request.getCharacterEncoding();
                        request.setAttribute(FORM, readable(decoder, body.toString(charset), charset));
                    }
                })
                .then(Mono.defer(() -> Mono.from(chain.proceed())));
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.after();
    }

    /**
     * The decoded form, or a 400 for a body no browser sends: a broken escape ({@code %zz}), bytes that are not
     * UTF-8, or a NUL in a field (which PostgreSQL refuses to store, so it would surface as a server error).
     */
    static Map<String, Object> readable(FormUrlEncodedDecoder decoder, String body, Charset charset) {
        Map<String, Object> form;
        try {
            form = decoder.decode(body, charset);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // Not logged: the exception's message quotes the body.
            throw new BadRequestException("form body that cannot be decoded");
        }
        boolean nul = form.entrySet().stream().anyMatch(field -> field.getKey().indexOf('\0') >= 0
                || String.valueOf(field.getValue()).indexOf('\0') >= 0);
        if (nul) {
            throw new BadRequestException("NUL character in a form field");
        }
        return form;
    }

    /** The form as {@link WholeBodyFirst} decoded it, at once; nothing (so no CSRF token) for anything else. */
    @Singleton
    @Replaces(FilterBodyParser.class)
    static class StashedForm implements FilterBodyParser {
        @Override
        @SuppressWarnings("unchecked")
        public CompletableFuture<Map<String, Object>> parseBody(HttpRequest<?> request) {
            Map<String, Object> form = request.getAttribute(FORM, Map.class).orElse(Map.of());
            return CompletableFuture.completedFuture(form);
        }
    }
}
