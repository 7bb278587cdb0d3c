package fr.relais.workshop;

import fr.relais.web.Page;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The helpers' page of one session, built for its controller: the session in words, who is seated, the waiting list
 * in order, the desk registration form (or why registering is closed), and what may be done next.
 */
@Singleton
class SessionPage {
    static final String VIEW = "workshop/session";
    private final WorkshopSessions sessions;
    private final Registrations registrations;
    private final SessionViews views;

    SessionPage(WorkshopSessions sessions, Registrations registrations, SessionViews views) {
        this.sessions = sessions;
        this.registrations = registrations;
        this.views = views;
    }

    /** A seats choice of the desk form: 1 up to the library's setting. */
    record SeatsChoice(String code, String label) {
    }

    Page page(SessionAccess.Found f, DeskRegistrationForm form, Map<String, String> errors, Locale locale) {
        WorkshopSession session = f.session();
        List<Registration> all = sessions.registrations(session.id());
        List<SessionViews.WaitingRow> waiting = views.waiting(all, locale);
        int maxSeats = registrations.settings(f.site().id()).maxSeats();
        String openKey = refusalKey(session);
        return Page.of(VIEW).title("workshop.session.title").with("pageTitle", f.workshop().title()).with("site", f.site())
                .with("s", views.view(f, waiting.size(), sessions.helperIds(session.id()), locale))
                .with("seated", views.seated(all))
                .with("waiting", waiting)
                .with("form", form).with("errors", errors)
                .with("open", openKey == null)
                .with("closedKey", openKey)
                .with("seatsChoices", IntStream.rangeClosed(1, maxSeats)
                        .mapToObj(n -> new SeatsChoice(String.valueOf(n), String.valueOf(n))).toList())
                // Someone may not fit: offer the waiting list, saying which place in line they would take.
                .with("offerWaiting", session.seatsLeft() < maxSeats)
                .with("nextPosition", SessionViews.ordinal(waiting.size() + 1, locale))
                .with("changeable", sessions.changeable(session))
                .with("attendanceOpen", sessions.attendanceOpen(f.site(), session))
                .with("promoted", List.of());
    }

    /** The session page again, saying why the registration or promotion was refused (409). */
    MutableHttpResponse<?> refused(SessionAccess.Found f, RegistrationRefused.Reason reason, DeskRegistrationForm form, Locale locale) {
        return page(f, form, Map.of(), locale).with("refusal", "workshop.refused." + reason.name()).status(HttpStatus.CONFLICT);
    }

    int waitingCount(long sessionId) {
        return (int) sessions.registrations(sessionId).stream().filter(r -> r.status() == RegistrationStatus.WAITING).count();
    }

    /** Why nobody may register now (a message key), or null while registration is open. */
    private String refusalKey(WorkshopSession session) {
        if (session.cancelled()) {
            return "workshop.refused.CANCELLED";
        }
        if (!sessions.changeable(session)) {
            return "workshop.refused.PAST";
        }
        return registrations.closed(session) ? "workshop.refused.CLOSED" : null;
    }
}
