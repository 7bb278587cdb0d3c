package fr.relais.workshop;

import fr.relais.site.Site;
import fr.relais.site.Sites;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Workshops, sessions and registrations for the public side's tests, made through the repositories and the
 * {@link Registrations} service (public: the route table uses them too). Each call makes new rows.
 */
@Singleton
public class AgendaFixtures {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private final WorkshopRepository workshops;
    private final WorkshopTheme.Repository themes;
    private final WorkshopSessionRepository sessions;
    private final RegistrationRepository registrationRepository;
    private final Registrations registrations;
    private final RegistrationLinks links;
    private final Sites sites;
    private final Clock clock;

    AgendaFixtures(WorkshopRepository workshops, WorkshopTheme.Repository themes, WorkshopSessionRepository sessions,
                   RegistrationRepository registrationRepository, Registrations registrations, RegistrationLinks links,
                   Sites sites, Clock clock) {
        this.workshops = workshops;
        this.themes = themes;
        this.sessions = sessions;
        this.registrationRepository = registrationRepository;
        this.registrations = registrations;
        this.links = links;
        this.sites = sites;
        this.clock = clock;
    }

    /** A new library with a phone, directions and an accessibility line; its slug starts with {@code label}. */
    public Site library(String label) {
        int n = COUNTER.incrementAndGet();
        return sites.create(new Site(null, label + "-" + n, "Médiathèque " + label + " " + n, "12 rue des Lilas", "69003",
                "Lyon", "04 78 12 34 56", null, "Entrée par le parc, au 1er étage.",
                "Accès de plain-pied, ascenseur et toilettes adaptées.", Sites.DEFAULT_ZONE, clock.instant()));
    }

    /** A workshop of the network (or of one library) with its themes. */
    public Workshop workshop(Long siteId, String title, WorkshopLevel level, String... themeCodes) {
        Workshop w = workshops.save(new Workshop(null, siteId, title, "Créer une adresse, lire et envoyer un message.",
                level, "Votre téléphone portable\nVotre carte de bibliothèque", "Savoir utiliser une souris.", 90, 8, true,
                clock.instant()));
        for (String code : themeCodes) {
            themes.save(new WorkshopTheme(null, w.id(), code));
        }
        return w;
    }

    /** A scheduled session at 10:00, {@code daysAhead} days from today at the library. */
    public WorkshopSession session(Site site, Workshop workshop, int daysAhead, int capacity) {
        return session(site, workshop, sites.today(site).plusDays(daysAhead), LocalTime.of(10, 0), capacity, true);
    }

    public WorkshopSession session(Site site, Workshop workshop, LocalDate day, LocalTime time, int capacity,
                                   boolean publicListing) {
        Instant startsAt = ZonedDateTime.of(day, time, site.zone()).toInstant();
        return sessions.save(new WorkshopSession(null, workshop.id(), site.id(), day, time, startsAt, 90, capacity, 0,
                "Salle Jules-Verne", publicListing, SessionStatus.SCHEDULED, null, null, 0, false, clock.instant()));
    }

    /** A scheduled session starting at this moment (today in an hour, for instance). */
    public WorkshopSession sessionAt(Site site, Workshop workshop, ZonedDateTime start, int capacity) {
        ZonedDateTime local = start.withZoneSameInstant(site.zone());
        return session(site, workshop, local.toLocalDate(), local.toLocalTime().withSecond(0).withNano(0), capacity, true);
    }

    /** A public session of a new network workshop at this library, next week. */
    public WorkshopSession publicSession(Site site, int capacity) {
        return session(site, workshop(null, "Découvrir sa boîte mail", WorkshopLevel.BEGINNER, "EMAIL"), 7, capacity);
    }

    public Site siteOf(WorkshopSession s) {
        return sites.byId(s.siteId()).orElseThrow();
    }

    public Workshop workshopOf(WorkshopSession s) {
        return workshops.findById(s.workshopId()).orElseThrow();
    }

    public WorkshopSession reload(WorkshopSession s) {
        return sessions.findById(s.id()).orElseThrow();
    }

    public void cancelSession(WorkshopSession s) {
        registrations.cancelSession(s.id(), "Salle indisponible");
    }

    /** Registers at the desk (no helper named), on the waiting list when it is full. */
    public Registration register(WorkshopSession s, String firstName, int seats) {
        return registrations.register(s.id(), new Registrations.Request(firstName, null, null, seats, "fr", true), null)
                .registration();
    }

    public Registration reload(Registration r) {
        return registrationRepository.findById(r.id()).orElseThrow();
    }

    public Registration registration(long id) {
        return registrationRepository.findById(id).orElseThrow();
    }

    public int position(Registration r) {
        return registrations.position(reload(r));
    }

    /** The key of a registration's links (its page, slip, calendar file). */
    public String key(long registrationId) {
        return links.key(registration(registrationId));
    }

    /** The person's page of a registration, with its key. */
    public String page(long registrationId) {
        return links.page(registration(registrationId));
    }

    /** Seats held by the session's seated registrations, and the session's counter: always equal. */
    public int seated(WorkshopSession s) {
        return registrationRepository.findBySessionIdAndStatusOrderById(s.id(), RegistrationStatus.SEATED).stream()
                .mapToInt(Registration::seats).sum();
    }

    public java.util.List<Registration> waiting(WorkshopSession s) {
        return registrationRepository.findBySessionIdAndStatusOrderById(s.id(), RegistrationStatus.WAITING);
    }

    public java.util.List<Registration> all(WorkshopSession s) {
        return registrationRepository.findBySessionIdOrderById(s.id());
    }
}
