package fr.relais.security;

import fr.relais.web.Forms;
import fr.relais.web.Page;
import fr.relais.web.SafeRedirect;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Staff login at /connexion and logout. */
@Controller
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class LoginController {
    static final String VIEW = "security/login";
    private final Accounts accounts;
    private final PasswordHasher hasher;
    private final StaffSessions sessions;
    private final LoginThrottle throttle;
    private final CsrfCookie csrf;
    private final Forms forms;
    private final ClientAddress clientAddress;
    private final SecurityProperties.Session settings;

    LoginController(Accounts accounts, PasswordHasher hasher, StaffSessions sessions, LoginThrottle throttle,
                    CsrfCookie csrf, Forms forms, ClientAddress clientAddress,
                    SecurityProperties.Session settings) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.sessions = sessions;
        this.throttle = throttle;
        this.csrf = csrf;
        this.forms = forms;
        this.clientAddress = clientAddress;
        this.settings = settings;
    }

    @Get("/connexion")
    @Secured(SecurityRule.IS_ANONYMOUS)
    MutableHttpResponse<?> form(@Nullable CurrentStaff me, @Nullable @QueryValue String retour,
                                @Nullable @QueryValue String fin) {
        if (me != null) {
            return Page.seeOther("/accueil");
        }
        return page(new LoginForm("", ""), Map.of(), retour)
                .with("notice", "deconnexion".equals(fin) ? "login.loggedOut" : null)
                .ok();
    }

    @Post("/connexion")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_ANONYMOUS)
    MutableHttpResponse<?> login(@Body LoginForm form, @Nullable @QueryValue String retour, Locale locale,
                                 HttpRequest<?> request) {
        Forms.Errors errors = forms.validate(form, locale);
        if (!errors.isEmpty()) {
            return page(new LoginForm(form.email(), ""), errors.asMap(), retour).invalid();
        }
        String address = clientAddress.of(request);
        String email = form.email().strip().toLowerCase(Locale.ROOT);
        if (throttle.isLocked(email, address)) {
            return page(new LoginForm(form.email(), ""), Map.of(), retour)
                    .with("failure", "login.locked").with("lockMinutes", throttle.lockMinutes())
                    .status(HttpStatus.TOO_MANY_REQUESTS);
        }
        Optional<Accounts.Account> account = accounts.activeByEmail(email);
        boolean ok;
        if (account.isPresent()) {
            ok = hasher.matches(form.password(), account.get().passwordHash());
        } else {
            hasher.matchesNothing(form.password());
            ok = false;
        }
        throttle.record(email, address, ok);
        if (!ok) {
            return page(new LoginForm(form.email(), ""), Map.of(), retour).with("failure", "login.failed").invalid();
        }
        Accounts.Account s = account.get();
        String token = sessions.open(s.id());
        csrf.renew(request);
        String target = s.mustChangePassword() ? "/compte/mot-de-passe" : SafeRedirect.localPath(retour, "/accueil");
        return Page.seeOther(target).cookie(sessions.cookie(token, request));
    }

    @Post("/deconnexion")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    MutableHttpResponse<?> logout(HttpRequest<?> request) {
        request.getCookies().findCookie(settings.getCookieName()).ifPresent(c -> sessions.close(c.getValue()));
        csrf.renew(request);
        return Page.seeOther("/connexion?fin=deconnexion")
                .cookie(sessions.cookie("", request).maxAge(0));
    }

    private static Page page(LoginForm form, Map<String, String> errors, String retour) {
        return Page.of(VIEW).title("login.title")
                .with("form", form)
                .with("errors", errors)
                .with("retour", SafeRedirect.localPath(retour, null));
    }
}
