package fr.relais.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;

/**
 * Every cookie Relais sets (session, CSRF, language) has the same flags: whole site, not readable by scripts,
 * SameSite=Lax, and Secure as configured ({@code relais.session.secure-cookies}: AUTO follows the request,
 * ALWAYS behind a TLS-terminating proxy, as in production).
 */
@Singleton
public class Cookies {
    public enum Secure { AUTO, ALWAYS, NEVER }

    private final Secure secure;

    Cookies(@Value("${relais.session.secure-cookies:AUTO}") Secure secure) {
        this.secure = secure;
    }

    public Cookie of(String name, String value, HttpRequest<?> request) {
        return Cookie.of(name, value).path("/").httpOnly(true).sameSite(SameSite.Lax).secure(secure(request));
    }

    boolean secure(HttpRequest<?> request) {
        return switch (secure) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> request.isSecure();
        };
    }
}
