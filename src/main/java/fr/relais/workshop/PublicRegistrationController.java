package fr.relais.workshop;

import fr.relais.security.RateLimiter;
import fr.relais.web.Forms;
import fr.relais.web.NotFoundException;
import fr.relais.web.Page;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * A session's public page and registering without an account: first name or initials, optional phone or
 * e-mail, seats. A full session offers its waiting list. Abuse is limited like the public booking: a honeypot
 * field and a per-address limit. Cancelled, private and unknown sessions answer 404; a session that has started
 * or whose registration has closed says so instead of the form.
 */
@Controller("/ateliers/seances")
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class PublicRegistrationController {
    static final String VIEW = "workshop/public-session";
    private final Agenda agenda;
    private final AgendaPages pages;
    private final AgendaWords words;
    private final Registrations registrations;
    private final RegistrationLinks links;
    private final RateLimiter limiter;
    private final PublicRegistrationSettings settings;
    private final Forms forms;

    PublicRegistrationController(Agenda agenda, AgendaPages pages, AgendaWords words, Registrations registrations,
                                 RegistrationLinks links, RateLimiter limiter, PublicRegistrationSettings settings, Forms forms) {
        this.agenda = agenda;
        this.pages = pages;
        this.words = words;
        this.registrations = registrations;
        this.links = links;
        this.limiter = limiter;
        this.settings = settings;
        this.forms = forms;
    }

    @Get("/{id}")
    MutableHttpResponse<?> session(long id, Locale locale) {
        Agenda.Listed listed = agenda.publicSession(id).filter(l -> !l.session().cancelled()).orElseThrow(NotFoundException::new);
        return page(listed, RegistrationForm.empty(), Map.of(), locale).ok();
    }

    @Post("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> register(long id, @Body RegistrationForm form, HttpRequest<?> request, Locale locale) {
        Agenda.Listed listed = agenda.publicSession(id).orElseThrow(NotFoundException::new);
        if (!limiter.allow("workshop-registration", request, settings.getRegistrationsPerHour(), Duration.ofHours(1))) {
            return page(listed, form, Map.of(), locale).with("failure", words.get(locale, "agenda.refused.tooMany"))
                    .status(HttpStatus.TOO_MANY_REQUESTS);
        }
        String closed = closedMessage(listed, locale);
        if (closed != null) {
            return page(listed, form, Map.of(), locale).status(HttpStatus.CONFLICT);
        }
        Forms.Errors errors = forms.validate(form, locale);
        int max = listed.settings().maxSeats();
        if (!errors.has("seats") && form.seatCount() > max) {
            errors.add("seats", "agenda.error.seatsMax", max);
        }
        // People do not see the honeypot field; a robot filling it gets the same page as a mistake would.
        if (form.honeypotFilled()) {
            errors.add("firstName", "agenda.error.refused");
        }
        if (!errors.isEmpty()) {
            return page(listed, form, errors.asMap(), locale).invalid();
        }
        try {
            Registrations.Result result = registrations.register(listed.session().id(), form.request(locale.getLanguage()), null);
            return Page.seeOther(links.page(result.registration()));
        } catch (RegistrationRefused refused) {
            // The session changed since it was read: read it again to say how it is now.
            Agenda.Listed now = agenda.publicSession(id).orElseThrow(NotFoundException::new);
            return switch (refused.reason()) {
                case SAME_CONTACT -> page(now, form, Map.of(form.phone() == null || form.phone().isBlank() ? "email" : "phone",
                        words.get(locale, "agenda.error.sameContact")), locale).invalid();
                case FULL -> page(now, form, Map.of(), locale).with("failure", now.session().seatsLeft() == 0
                        ? words.get(locale, "agenda.refused.full")
                        : now.session().seatsLeft() == 1 ? words.get(locale, "agenda.refused.notEnoughOne")
                        : words.get(locale, "agenda.refused.notEnough", now.session().seatsLeft())).invalid();
                default -> page(now, form, Map.of(), locale).status(HttpStatus.CONFLICT);
            };
        }
    }

    /** Why nobody can register any more (cancelled, started, registration closed), or null while it is open. */
    private String closedMessage(Agenda.Listed listed, Locale locale) {
        Instant now = agenda.now();
        String phone = listed.site().phone() == null ? "" : " " + words.get(locale, "agenda.call", listed.site().phone());
        if (listed.session().cancelled()) {
            return words.get(locale, "agenda.refused.cancelled") + phone;
        }
        if (listed.past(now)) {
            return words.get(locale, "agenda.refused.past");
        }
        if (listed.closed(now)) {
            return words.get(locale, "agenda.refused.closed", listed.settings().closingHours()) + phone;
        }
        return null;
    }

    private Page page(Agenda.Listed listed, RegistrationForm form, Map<String, String> errors, Locale locale) {
        AgendaPages.SessionDetail detail = pages.detail(listed, agenda.now(), locale);
        String closed = closedMessage(listed, locale);
        return Page.of(VIEW).with("pageTitle", detail.title()).with("session", detail).with("site", listed.site())
                .with("closed", closed)
                .with("form", form).with("errors", errors).with("waitingChecked", form.waitingListAccepted())
                .with("seatChoices", pages.seatChoices(listed.settings().maxSeats(), locale));
    }
}
