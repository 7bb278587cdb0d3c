package fr.relais.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.server.util.locale.CookieLocaleResolver;
import io.micronaut.http.server.util.locale.HttpLocaleResolutionConfiguration;
import jakarta.inject.Singleton;

import java.util.Locale;
import java.util.Optional;

/**
 * The language chosen with the switch, read from its cookie. Micronaut's resolver converts the cookie with a
 * strict parser that throws on a value it does not expect ({@code relais_lang=%zz}), and the error page itself
 * then fails: a blank 500 for every page. A cookie is whatever the browser sends; an unreadable one is no choice.
 */
@Singleton
@Replaces(CookieLocaleResolver.class)
@Requires(property = "micronaut.server.locale-resolution.cookie-name")
class LanguageCookie extends CookieLocaleResolver {
    private final String cookieName;

    LanguageCookie(HttpLocaleResolutionConfiguration configuration) {
        super(configuration);
        this.cookieName = configuration.getCookieName().orElseThrow();
    }

    @Override
    public Optional<Locale> resolve(HttpRequest<?> request) {
        return request.getCookies().findCookie(cookieName).map(Cookie::getValue)
                .map(value -> Locale.forLanguageTag(value.strip().replace('_', '-')))
                .filter(locale -> !locale.getLanguage().isEmpty());
    }
}
