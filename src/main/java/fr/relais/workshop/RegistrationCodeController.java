package fr.relais.workshop;

import fr.relais.security.RateLimiter;
import fr.relais.security.ShortCodes;
import fr.relais.web.Forms;
import fr.relais.web.Page;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finding and cancelling a registration with its code and the first name given, like appointments: no account.
 * Code checks are limited per address; a wrong code and a wrong first name get the same answer. Cancelling is
 * possible until registration closes (the seat then goes to the first waiting people); later, the page gives the
 * library's phone.
 */
@Controller("/ateliers/inscription")
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class RegistrationCodeController {
    static final String FIND_VIEW = "workshop/public-find";
    static final String CANCEL_VIEW = "workshop/public-cancel";
    private final Agenda agenda;
    private final Registrations registrations;
    private final RegistrationLinks links;
    private final AgendaWords words;
    private final RateLimiter limiter;
    private final PublicRegistrationSettings settings;
    private final Forms forms;

    RegistrationCodeController(Agenda agenda, Registrations registrations, RegistrationLinks links, AgendaWords words,
                               RateLimiter limiter, PublicRegistrationSettings settings, Forms forms) {
        this.agenda = agenda;
        this.registrations = registrations;
        this.links = links;
        this.words = words;
        this.limiter = limiter;
        this.settings = settings;
        this.forms = forms;
    }

    @Get("/retrouver")
    MutableHttpResponse<?> findForm() {
        return Page.of(FIND_VIEW).title("agenda.find.title").with("form", CodeForm.empty()).with("errors", Map.of()).ok();
    }

    @Post("/retrouver")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> find(@Body CodeForm form, HttpRequest<?> request, Locale locale) {
        Check check = check(form, request, locale);
        if (check.refused()) {
            return check.page(FIND_VIEW, "agenda.find.title", form);
        }
        return Page.seeOther(links.page(check.registration()));
    }

    @Get("/annulation")
    MutableHttpResponse<?> cancelForm(@Nullable @QueryValue String fait) {
        return Page.of(CANCEL_VIEW).title("agenda.cancel.title").with("form", CodeForm.empty()).with("errors", Map.of())
                .with("done", fait != null).ok();
    }

    @Post("/annulation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> cancel(@Body CodeForm form, HttpRequest<?> request, Locale locale) {
        Check check = check(form, request, locale);
        if (check.refused()) {
            return check.page(CANCEL_VIEW, "agenda.cancel.title", form);
        }
        Registration r = check.registration();
        if (!r.status().live()) {
            // Already cancelled (a second click, or by the library): its page says so.
            return Page.seeOther(links.page(r));
        }
        Agenda.Listed listed = agenda.sessionOf(r);
        if (listed.closed(agenda.now())) {
            String phone = listed.site().phone() == null ? "" : " " + words.get(locale, "agenda.call", listed.site().phone());
            return Page.of(CANCEL_VIEW).title("agenda.cancel.title").with("form", form).with("errors", Map.of())
                    .with("failure", words.get(locale, "agenda.cancel.tooLate", listed.settings().closingHours()) + phone)
                    .status(HttpStatus.UNPROCESSABLE_ENTITY);
        }
        registrations.cancel(r, RegistrationStatus.CANCELLED_BY_USER, null);
        return Page.seeOther("/ateliers/inscription/annulation?fait=1");
    }

    /** The registration found, or why not: the messages and the status of the page that says so. */
    private record Check(Registration registration, Map<String, String> errors, String failure, HttpStatus status) {
        boolean refused() {
            return registration == null;
        }

        /** The form page again, with what was typed and the messages. */
        MutableHttpResponse<?> page(String view, String title, CodeForm form) {
            return Page.of(view).title(title).with("form", form).with("errors", errors).with("failure", failure).status(status);
        }
    }

    /** Code and first name, rate-limited per address; the same message whether the code exists or not. */
    private Check check(CodeForm form, HttpRequest<?> request, Locale locale) {
        Forms.Errors errors = forms.validate(form, locale);
        if (!errors.isEmpty()) {
            return new Check(null, errors.asMap(), null, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        if (!limiter.allow("workshop-code-check", request, settings.getCodeChecksPerWindow(), settings.getCodeCheckWindow())) {
            return new Check(null, Map.of(), words.get(locale, "agenda.code.tooMany"), HttpStatus.TOO_MANY_REQUESTS);
        }
        Optional<Registration> found = ShortCodes.normalize(form.code(), Registrations.CODE_LENGTH)
                .flatMap(agenda::registrationByCode).filter(r -> form.sameFirstName(r.firstName()));
        return found.map(r -> new Check(r, Map.of(), null, HttpStatus.SEE_OTHER)).orElseGet(() ->
                new Check(null, Map.of(), words.get(locale, "agenda.code.notFound"), HttpStatus.UNPROCESSABLE_ENTITY));
    }
}
