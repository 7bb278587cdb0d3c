package fr.relais.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

/**
 * The address a request comes from, for login throttling. By default the TCP peer: a client cannot forge it
 * with a header. Behind a proxy, set {@code micronaut.server.client-address-header} to a header the proxy
 * overwrites (e.g. X-Real-IP); its first value is then used.
 */
@Singleton
class ClientAddress {
    private final String header;

    ClientAddress(@Nullable @Value("${micronaut.server.client-address-header:}") String header) {
        this.header = header == null || header.isBlank() ? null : header;
    }

    String of(HttpRequest<?> request) {
        if (header != null) {
            String value = request.getHeaders().get(header);
            if (value != null && !value.isBlank()) {
                return value.split(",")[0].strip();
            }
        }
        return request.getRemoteAddress().getAddress() == null
                ? request.getRemoteAddress().getHostString()
                : request.getRemoteAddress().getAddress().getHostAddress();
    }
}
