package fr.relais.workshop;

import fr.relais.site.Site;
import fr.relais.site.Sites;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Workshops, sessions and registrations for tests, of this package and of others (route security): catalogue
 * entries through the real service; sessions and seats written straight to the tables when a test needs a session
 * of today or of the past (which the services rightly refuse to register for), with the seat counter kept equal to
 * the seats of the seated registrations.
 */
@Singleton
public class SessionFixtures {
    private final Workshops workshops;
    private final WorkshopSessionRepository sessions;
    private final RegistrationRepository registrations;
    private final Registrations service;
    private final Sites sites;
    private final Clock clock;
    private final AtomicInteger codes = new AtomicInteger();

    SessionFixtures(Workshops workshops, WorkshopSessionRepository sessions, RegistrationRepository registrations,
                    Registrations service, Sites sites, Clock clock) {
        this.workshops = workshops;
        this.sessions = sessions;
        this.registrations = registrations;
        this.service = service;
        this.sites = sites;
        this.clock = clock;
    }

    public Site site(String slug) {
        return sites.bySlug(slug).orElseThrow();
    }

    /** An active workshop of a library ({@code siteSlug}) or of the whole network (null): 90 minutes, 8 seats. */
    public Workshop workshop(String title, String siteSlug, List<String> themes) {
        Long siteId = siteSlug == null ? null : site(siteSlug).id();
        return workshops.create(siteId, new Workshops.Entry(title, "Ce que l’on fera, en mots simples.", WorkshopLevel.BEGINNER,
                themes, "Votre téléphone portable", "Savoir utiliser une souris", 90, 8));
    }

    public Workshop workshop(String title, String siteSlug) {
        return workshop(title, siteSlug, List.of("EMAIL"));
    }

    /** A scheduled session of a new workshop of the library, on a day and at a time (past, today or to come). */
    public WorkshopSession session(String siteSlug, LocalDate day, LocalTime time, int capacity) {
        return session(workshop("Atelier de test", siteSlug), siteSlug, day, time, capacity);
    }

    /** A scheduled session of this workshop at a library, 90 minutes, in "Salle du test". */
    public WorkshopSession session(Workshop workshop, String siteSlug, LocalDate day, LocalTime time, int capacity) {
        Site site = site(siteSlug);
        return sessions.save(new WorkshopSession(null, workshop.id(), site.id(), day, time, WorkshopSessions.startsAt(site, day, time),
                90, capacity, 0, "Salle du test", true, SessionStatus.SCHEDULED, null, null, 0, false, clock.instant()));
    }

    /** A session in two weeks at 10:00, registration open. */
    public WorkshopSession comingSession(String siteSlug, int capacity) {
        return session(siteSlug, sites.today(site(siteSlug)).plusDays(14), LocalTime.of(10, 0), capacity);
    }

    /** A session of today at 00:01 (started, attendance open). */
    public WorkshopSession todaySession(String siteSlug, int capacity) {
        return session(siteSlug, sites.today(site(siteSlug)), LocalTime.of(0, 1), capacity);
    }

    /** Registers through the service (the session must be open): seated, or waiting when the seats do not fit. */
    public Registration register(WorkshopSession session, String firstName, int seats) {
        return service.register(session.id(), new Registrations.Request(firstName, null, null, seats, "fr", true), null).registration();
    }

    /** A seated registration written straight to the tables (any session, even started), its seats counted. */
    public Registration seat(WorkshopSession session, String firstName, int seats) {
        if (sessions.takeSeats(session.id(), seats) != 1) {
            throw new IllegalStateException("no room for " + seats + " seats");
        }
        return registrations.save(new Registration(null, session.id(), session.siteId(), firstName, null, null, seats,
                RegistrationStatus.SEATED, code(), null, "fr", null, null, clock.instant()));
    }

    /** A waiting registration written straight to the tables, in line after those already waiting. */
    public Registration waiting(WorkshopSession session, String firstName, int seats) {
        return registrations.save(new Registration(null, session.id(), session.siteId(), firstName, null, null, seats,
                RegistrationStatus.WAITING, code(), null, "fr", null, null, clock.instant()));
    }

    public WorkshopSession reload(WorkshopSession session) {
        return sessions.findById(session.id()).orElseThrow();
    }

    public Registration reload(Registration registration) {
        return registrations.findById(registration.id()).orElseThrow();
    }

    /** Codes that cannot collide with the random ones (those never hold a U). */
    private String code() {
        return String.format("U%05d", codes.incrementAndGet());
    }
}
