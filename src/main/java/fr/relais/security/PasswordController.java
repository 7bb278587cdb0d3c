package fr.relais.security;

import fr.relais.web.Forms;
import fr.relais.web.NotFoundException;
import fr.relais.web.Page;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
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

/** Anyone signed in changes their own password; a one-time password must be changed here first. */
@Controller("/compte/mot-de-passe")
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class PasswordController {
    static final String VIEW = "security/password";
    private final Accounts accounts;
    private final PasswordHasher hasher;
    private final StaffSessions sessions;
    private final Forms forms;

    PasswordController(Accounts accounts, PasswordHasher hasher, StaffSessions sessions, Forms forms) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.sessions = sessions;
        this.forms = forms;
    }

    @Get
    MutableHttpResponse<?> form(CurrentStaff me, @Nullable @QueryValue String fait) {
        return page(me).with("done", fait != null).ok();
    }

    /** The request is only for the new session's cookie, whose flags depend on it. */
    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> change(@Body PasswordForm form, CurrentStaff me, Locale locale, HttpRequest<?> request) {
        Accounts.Account account = accounts.activeById(me.id()).orElseThrow(NotFoundException::new);
        Forms.Errors errors = forms.validate(form, locale);
        // What needs the account: its stored hash and its e-mail.
        if (!errors.has("currentPassword") && !hasher.matches(form.currentPassword(), account.passwordHash())) {
            errors.add("currentPassword", "error.password.current");
        }
        if (!errors.has("newPassword") && form.newPassword().equalsIgnoreCase(account.email())) {
            errors.add("newPassword", "error.password.email");
        }
        if (!errors.isEmpty()) {
            // Passwords are never sent back into the page.
            return page(me).with("errors", errors.asMap()).invalid();
        }
        accounts.changePassword(account.id(), hasher.hash(form.newPassword()));
        // Other browsers signed in with the old password are signed out; this one gets a fresh session.
        sessions.closeAllFor(account.id());
        String token = sessions.open(account.id());
        return Page.seeOther("/compte/mot-de-passe?fait=1").cookie(sessions.cookie(token, request));
    }

    private static Page page(CurrentStaff me) {
        return Page.of(VIEW).title("password.title").with("mustChange", me.mustChangePassword());
    }
}
