package fr.relais.workshop;

import fr.relais.journal.Journal;
import fr.relais.journal.JournalAction;
import fr.relais.security.ShortCodes;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Seats of workshop sessions: registering, cancelling, the waiting list and its promotions.
 * <p>
 * Every method that changes a session's registrations first locks the session's row ({@code SELECT … FOR UPDATE}),
 * so the changes of one session happen one after another, across threads and application instances. Seats are
 * taken by a conditional update that the database refuses beyond the capacity (and a CHECK guards the same
 * bound): no read-then-write decides who is seated. A seat freed by a cancellation or a larger capacity goes,
 * in the same transaction, to the first waiting registrations that fit, in arrival order; each promotion is
 * journaled (ADR 0015).
 */
@Singleton
public class Registrations {
    static final int CODE_LENGTH = 6;
    private final WorkshopSessionRepository sessions;
    private final RegistrationRepository registrations;
    private final WorkshopSettings.Repository settings;
    private final Journal journal;
    private final Clock clock;

    Registrations(WorkshopSessionRepository sessions, RegistrationRepository registrations, WorkshopSettings.Repository settings,
                  Journal journal, Clock clock) {
        this.sessions = sessions;
        this.registrations = registrations;
        this.settings = settings;
        this.journal = journal;
        this.clock = clock;
    }

    /**
     * What a person registers with: a first name or initials, an optional phone (E.164) or e-mail, the seats
     * (themself and a relative), the language of their messages, and whether a place on the waiting list will do
     * when the seats do not fit.
     */
    public record Request(String firstName, @Nullable String phone, @Nullable String email, int seats,
                          String language, boolean waitingListAccepted) {
        public Request {
            Objects.requireNonNull(firstName);
            if (seats < 1) {
                throw new IllegalArgumentException("seats");
            }
        }
    }

    /** The registration made, and its place in line when waiting (0 when seated). */
    public record Result(Registration registration, int position) {
        public boolean seated() {
            return registration.status() == RegistrationStatus.SEATED;
        }
    }

    /** @param registeredBy the helper at the desk, or null on the public agenda */
    @Transactional
    public Result register(long sessionId, Request request, @Nullable Long registeredBy) {
        WorkshopSession session = sessions.lock(sessionId).orElseThrow(() -> new RegistrationRefused(RegistrationRefused.Reason.CANCELLED));
        refuseIfNotOpen(session);
        if (holdsContact(session, request.phone(), request.email())) {
            throw new RegistrationRefused(RegistrationRefused.Reason.SAME_CONTACT);
        }
        boolean seated = sessions.takeSeats(session.id(), request.seats()) == 1;
        if (!seated && !request.waitingListAccepted()) {
            throw new RegistrationRefused(RegistrationRefused.Reason.FULL);
        }
        Registration saved = registrations.save(new Registration(null, session.id(), session.siteId(), request.firstName(),
                request.phone(), request.email(), request.seats(),
                seated ? RegistrationStatus.SEATED : RegistrationStatus.WAITING, newCode(), registeredBy,
                request.language(), null, null, clock.instant()));
        return new Result(saved, seated ? 0 : position(saved));
    }

    /**
     * Cancels a registration, by the person or by the library; a freed seat promotes the first waiting
     * registrations that fit. Returns those promoted (to inform them). Cancelling twice changes nothing.
     */
    @Transactional
    public List<Registration> cancel(Registration registration, RegistrationStatus how, @Nullable Long actorId) {
        if (how != RegistrationStatus.CANCELLED_BY_USER && how != RegistrationStatus.CANCELLED_BY_SITE) {
            throw new IllegalArgumentException("Not a cancellation: " + how);
        }
        WorkshopSession session = sessions.lock(registration.sessionId()).orElseThrow();
        Registration current = registrations.findById(registration.id()).orElseThrow();
        if (registrations.cancel(current.id(), how.name()) == 0) {
            return List.of();
        }
        if (current.status() != RegistrationStatus.SEATED || session.cancelled()) {
            return List.of();
        }
        sessions.releaseSeats(session.id(), current.seats());
        return promoteWaiting(session, actorId);
    }

    /**
     * A new capacity for a session: refused below the seats already taken (the message says how many); a larger
     * one promotes waiting registrations.
     */
    @Transactional
    public List<Registration> changeCapacity(long sessionId, int capacity, @Nullable Long actorId) {
        WorkshopSession session = sessions.lock(sessionId).orElseThrow();
        if (sessions.changeCapacity(sessionId, capacity) == 0) {
            throw new RegistrationRefused(RegistrationRefused.Reason.CAPACITY_BELOW_SEATS, session.seatsTaken());
        }
        return session.cancelled() ? List.of() : promoteWaiting(session, actorId);
    }

    /** Staff give a seat to a waiting registration out of turn (a relative who must come with someone…). */
    @Transactional
    public Registration promoteByHand(Registration registration, long actorId) {
        WorkshopSession session = sessions.lock(registration.sessionId()).orElseThrow();
        refuseIfNotOpen(session);
        Registration current = registrations.findById(registration.id()).orElseThrow();
        if (current.status() != RegistrationStatus.WAITING) {
            return current;
        }
        if (sessions.takeSeats(session.id(), current.seats()) == 0) {
            throw new RegistrationRefused(RegistrationRefused.Reason.DOES_NOT_FIT);
        }
        registrations.promote(current.id(), clock.instant());
        journal.record(JournalAction.WORKSHOP_PROMOTED, actorId, session.siteId(), reference(current), "by-hand");
        return registrations.findById(current.id()).orElseThrow();
    }

    /**
     * The library cancels a session: every live registration is cancelled by the site, nothing is promoted.
     * Returns the registrations that were live, the people to inform.
     */
    @Transactional
    public List<Registration> cancelSession(long sessionId, String reason) {
        WorkshopSession session = sessions.lock(sessionId).orElseThrow();
        if (sessions.cancel(session.id(), reason) == 0) {
            return List.of();
        }
        List<Registration> informed = new ArrayList<>();
        for (Registration r : registrations.findBySessionIdOrderById(session.id())) {
            if (r.status().live() && registrations.cancel(r.id(), RegistrationStatus.CANCELLED_BY_SITE.name()) == 1) {
                informed.add(r);
            }
        }
        return informed;
    }

    /** The place in line of a waiting registration (1 = next), 0 when it is not waiting. */
    public int position(Registration registration) {
        if (registration.status() != RegistrationStatus.WAITING) {
            return 0;
        }
        return (int) registrations.countBySessionIdAndStatusAndIdLessThan(registration.sessionId(),
                RegistrationStatus.WAITING, registration.id()) + 1;
    }

    /** Whether registering (and promotion) has closed: the site's cut-off before the start (default 2 hours). */
    public boolean closed(WorkshopSession session) {
        return !clock.instant().isBefore(settings(session.siteId()).closesAt(session));
    }

    public WorkshopSettings settings(long siteId) {
        return settings.findById(siteId).orElse(WorkshopSettings.defaults(siteId));
    }

    private void refuseIfNotOpen(WorkshopSession session) {
        if (session.cancelled()) {
            throw new RegistrationRefused(RegistrationRefused.Reason.CANCELLED);
        }
        if (!clock.instant().isBefore(session.startsAt())) {
            throw new RegistrationRefused(RegistrationRefused.Reason.PAST);
        }
        if (closed(session)) {
            throw new RegistrationRefused(RegistrationRefused.Reason.CLOSED);
        }
    }

    /** Seats freed: the first waiting registrations that fit take them, in arrival order, until none fits. */
    private List<Registration> promoteWaiting(WorkshopSession session, @Nullable Long actorId) {
        if (closed(session)) {
            return List.of(); // registration has closed: nobody is called in at the last minute
        }
        List<Registration> promoted = new ArrayList<>();
        for (Registration waiting : registrations.findBySessionIdAndStatusOrderById(session.id(), RegistrationStatus.WAITING)) {
            if (sessions.takeSeats(session.id(), waiting.seats()) == 1) {
                registrations.promote(waiting.id(), clock.instant());
                journal.record(JournalAction.WORKSHOP_PROMOTED, actorId, session.siteId(), reference(waiting), "waiting-list");
                promoted.add(waiting);
            }
        }
        return promoted;
    }

    /** Same phone or e-mail among the session's live registrations (checked under the session's lock). */
    private boolean holdsContact(WorkshopSession session, @Nullable String phone, @Nullable String email) {
        if (phone == null && email == null) {
            return false;
        }
        return registrations.countLiveWithContact(session.id(), phone, email) > 0;
    }

    private String newCode() {
        String code;
        do {
            code = ShortCodes.next(CODE_LENGTH);
        } while (registrations.existsByCode(code));
        return code;
    }

    private static String reference(Registration r) {
        return "inscription:" + r.id();
    }
}
