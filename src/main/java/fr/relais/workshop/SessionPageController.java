package fr.relais.workshop;

import fr.relais.security.CurrentStaff;
import fr.relais.security.ShortCodes;
import fr.relais.web.Forms;
import fr.relais.web.Page;
import io.micronaut.core.annotation.Nullable;
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

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A session's page for the library's helpers (it shows first names, which directors and coordination never see):
 * the people seated and the waiting list in order, promoting or removing by hand, cancelling a registration, and
 * registering someone at the desk — seated, or on the waiting list with their place in line when the seats do not
 * fit. The confirmation gives the code and the slip to print. Another library's ids answer 404.
 */
@Controller("/bureau/ateliers")
@Produces(MediaType.TEXT_HTML)
@Secured("HELPER")
@ExecuteOn(TaskExecutors.BLOCKING)
class SessionPageController {
    static final String CONFIRMATION_VIEW = "workshop/registered";
    private final SessionAccess access;
    private final SessionPage pages;
    private final Registrations registrations;
    private final WorkshopSessions sessions;
    private final SessionViews views;
    private final Forms forms;

    SessionPageController(SessionAccess access, SessionPage pages, Registrations registrations, WorkshopSessions sessions,
                          SessionViews views, Forms forms) {
        this.access = access;
        this.pages = pages;
        this.registrations = registrations;
        this.sessions = sessions;
        this.views = views;
        this.forms = forms;
    }

    @Get("/seances/{id}")
    MutableHttpResponse<?> session(long id, @Nullable @QueryValue String promus, @Nullable @QueryValue String annulee,
                                   CurrentStaff me, Locale locale) {
        SessionAccess.Found f = access.session(me, id);
        return pages.page(f, DeskRegistrationForm.empty(), Map.of(), locale)
                .with("promoted", access.promoted(f.session(), promus).stream().map(Registration::firstName).toList())
                .with("cancelled", annulee != null)
                .ok();
    }

    @Post("/seances/{id}/inscription")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> register(long id, @Body DeskRegistrationForm form, CurrentStaff me, Locale locale) {
        SessionAccess.Found f = access.session(me, id);
        Forms.Errors errors = forms.validate(form, locale);
        int maxSeats = registrations.settings(f.site().id()).maxSeats();
        if (!errors.has("seats") && form.typedSeats() > maxSeats) {
            errors.add("seats", maxSeats == 1 ? "workshop.error.seatsMax.one" : "workshop.error.seatsMax.many", maxSeats);
        }
        if (!errors.isEmpty()) {
            return pages.page(f, form, errors.asMap(), locale).invalid();
        }
        try {
            Registrations.Result result = registrations.register(f.session().id(), form.values(locale), me.id());
            return Page.seeOther("/bureau/ateliers/inscriptions/" + result.registration().id() + "?nouveau=1");
        } catch (RegistrationRefused e) {
            switch (e.reason()) {
                case SAME_CONTACT -> errors.add(form.phone() != null ? "phone" : "email", "workshop.error.sameContact");
                case FULL -> {
                    int left = sessions.byId(id).orElseThrow().seatsLeft();
                    errors.add("waitingList", left == 0 ? "workshop.error.full.none" : left == 1 ? "workshop.error.full.one"
                            : "workshop.error.full.many", left, SessionViews.ordinal(pages.waitingCount(id) + 1, locale));
                }
                default -> {
                    return pages.refused(access.session(me, id), e.reason(), form, locale);
                }
            }
            return pages.page(access.session(me, id), form, errors.asMap(), locale).invalid();
        }
    }

    /** What a confirmation says about a registration. */
    record Confirmation(long id, String firstName, int seats, boolean seated, boolean waiting, String position, String code) {
        /** Seated or waiting: the slip is worth printing. */
        public boolean live() {
            return seated || waiting;
        }
    }

    @Get("/inscriptions/{id}")
    MutableHttpResponse<?> confirmation(long id, @Nullable @QueryValue String nouveau, CurrentStaff me, Locale locale) {
        Registration r = access.registration(me, id);
        SessionAccess.Found f = access.session(me, r.sessionId());
        int position = registrations.position(r);
        return Page.of(CONFIRMATION_VIEW).title("workshop.registered.title").with("site", f.site())
                .with("s", views.view(f, pages.waitingCount(f.session().id()), sessions.helperIds(f.session().id()), locale))
                .with("r", new Confirmation(r.id(), r.firstName(), r.seats(), r.status() == RegistrationStatus.SEATED,
                        r.status() == RegistrationStatus.WAITING, SessionViews.ordinal(Math.max(position, 1), locale),
                        ShortCodes.display(r.code())))
                .with("justRegistered", nouveau != null)
                .ok();
    }

    @Post("/inscriptions/{id}/promotion")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> promote(long id, CurrentStaff me, Locale locale) {
        Registration r = access.registration(me, id);
        try {
            Registration promoted = registrations.promoteByHand(r, me.id());
            String done = promoted.status() == RegistrationStatus.SEATED ? "?promus=" + promoted.id() : "";
            return Page.seeOther("/bureau/ateliers/seances/" + r.sessionId() + done);
        } catch (RegistrationRefused e) {
            return pages.refused(access.session(me, r.sessionId()), e.reason(), DeskRegistrationForm.empty(), locale);
        }
    }

    /** Cancels a seated registration or removes a waiting one, by the library; freed seats go to the waiting list. */
    @Post("/inscriptions/{id}/annulation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> cancel(long id, CurrentStaff me, Locale locale) {
        Registration r = access.registration(me, id);
        SessionAccess.Found f = access.session(me, r.sessionId());
        if (!sessions.changeable(f.session())) {
            return pages.refused(f, RegistrationRefused.Reason.PAST, DeskRegistrationForm.empty(), locale);
        }
        List<Registration> promoted = registrations.cancel(r, RegistrationStatus.CANCELLED_BY_SITE, me.id());
        String ids = promoted.stream().map(p -> String.valueOf(p.id())).collect(Collectors.joining("-"));
        return Page.seeOther("/bureau/ateliers/seances/" + r.sessionId() + "?annulee=1" + (ids.isEmpty() ? "" : "&promus=" + ids));
    }
}
