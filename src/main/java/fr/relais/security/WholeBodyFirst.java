package fr.relais.security;

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
                        request.setAttribute(FORM, decoder.decode(body.toString(charset), charset));
                    }
                })
                .then(Mono.defer(() -> Mono.from(chain.proceed())));
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.after();
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
