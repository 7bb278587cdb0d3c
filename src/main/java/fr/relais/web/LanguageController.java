package fr.relais.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.time.Duration;

/** The visible language switch: remembers the choice in a cookie and returns to the page. */
@Controller("/langue")
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_ANONYMOUS)
class LanguageController {
    private final String cookieName;
    private final Cookies cookies;

    LanguageController(@Value("${micronaut.server.locale-resolution.cookie-name:relais_lang}") String cookieName,
                       Cookies cookies) {
        this.cookieName = cookieName;
        this.cookies = cookies;
    }

    @Get("/{code}")
    MutableHttpResponse<?> choose(String code, @Nullable @QueryValue String retour, HttpRequest<?> request) {
        String lang = "en".equals(code) ? "en" : "fr";
        return Page.seeOther(SafeRedirect.localPath(retour, "/"))
                .cookie(cookies.of(cookieName, lang, request).maxAge(Duration.ofDays(365)));
    }
}
