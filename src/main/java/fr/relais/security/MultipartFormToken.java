package fr.relais.security;

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
import io.micronaut.security.csrf.CsrfConfiguration;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.multipart.Attribute;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.HttpPostMultipartRequestDecoder;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The CSRF token of a file upload form ({@code multipart/form-data}), for the CSRF filter.
 *
 * <p>micronaut-security-csrf checks multipart posts (its default content types) but reads the token field through
 * the server's {@code FilterBodyParser}, which decodes url-encoded and JSON bodies only: every upload form would be
 * refused. The token stays a hidden form field, like on every other form (never in the address, which ends up in
 * logs and history): this filter reads the whole multipart body (bounded by {@code micronaut.server.max-request-size})
 * once, takes the token field out of it with Netty's multipart decoder, and leaves it where {@link WholeBodyFirst}
 * leaves the fields of ordinary forms, so the module's check runs unchanged. The controller still reads the body.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class MultipartFormToken implements Ordered {
    private final String fieldName;

    MultipartFormToken(CsrfConfiguration csrf) {
        this.fieldName = csrf.getFieldName();
    }

    @RequestFilter
    Publisher<HttpResponse<?>> readToken(HttpRequest<?> request, FilterContinuation<Publisher<HttpResponse<?>>> chain) {
        var contentType = request.getContentType();
        boolean multipart = contentType.map(t -> t.matches(MediaType.MULTIPART_FORM_DATA_TYPE)).orElse(false);
        if (!multipart || !(request instanceof ServerHttpRequest<?> server) || !request.getMethod().permitsRequestBody()) {
            return chain.proceed();
        }
        String header = request.getHeaders().get(io.micronaut.http.HttpHeaders.CONTENT_TYPE);
        CompletableFuture<? extends CloseableAvailableByteBody> whole =
                server.byteBody().split(ByteBody.SplitBackpressureMode.FASTEST).buffer();
        return Mono.fromFuture(whole)
                .doOnNext(body -> {
                    try (body) {
                        String token = token(header, body.toByteArray());
                        if (token != null) {
                            request.setAttribute(WholeBodyFirst.FORM, Map.of(fieldName, token));
                        }
                    }
                })
                .then(Mono.defer(() -> Mono.from(chain.proceed())));
    }

    /** The token field of a multipart body, or null (no such field, or a body that cannot be decoded). */
    String token(String contentType, byte[] body) {
        DefaultFullHttpRequest copy = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/",
                Unpooled.wrappedBuffer(body));
        copy.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        HttpPostMultipartRequestDecoder decoder = null;
        try {
            decoder = new HttpPostMultipartRequestDecoder(new DefaultHttpDataFactory(false), copy, StandardCharsets.UTF_8);
            InterfaceHttpData field = decoder.getBodyHttpData(fieldName);
            return field instanceof Attribute attribute ? attribute.getValue() : null;
        } catch (Exception e) {
            // Not a well-formed multipart body: no token, so the CSRF filter refuses it.
            return null;
        } finally {
            if (decoder != null) {
                decoder.destroy();
            }
            copy.release();
        }
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.after();
    }
}
