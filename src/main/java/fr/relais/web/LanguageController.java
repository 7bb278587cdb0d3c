package fr.relais.web;

import fr.relais.security.SecurityProperties;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.time.Duration;

/** The visible language switch: remembers the choice in a cookie and returns to the page. */
@Controller("/langue")
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_ANONYMOUS)
class LanguageController {
    private final String cookieName;
    private final SecurityProperties.Session session;

    LanguageController(@Value("${micronaut.server.locale-resolution.cookie-name:relais_lang}") String cookieName,
                       SecurityProperties.Session session) {
        this.cookieName = cookieName;
        this.session = session;
    }

    @Get("/{code}")
    MutableHttpResponse<?> choose(String code, @Nullable @QueryValue String retour, HttpRequest<?> request) {
        String lang = "en".equals(code) ? "en" : "fr";
        return Page.seeOther(SafeRedirect.localPath(retour, "/"))
                .cookie(Cookie.of(cookieName, lang).path("/").maxAge(Duration.ofDays(365))
                        .httpOnly(true).sameSite(SameSite.Lax).secure(session.secure(request)));
    }
}
