package fr.relais.workshop;

import fr.relais.site.Site;
import fr.relais.site.Sites;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the public side reads: the coming sessions of the public agenda, one public session, a registration by
 * its id or its code. Read queries only; every change of seats goes through {@link Registrations}.
 */
@Singleton
class Agenda {
    /** How far ahead the agenda looks. */
    static final int WEEKS = 12;
    private final WorkshopSessionRepository sessions;
    private final WorkshopRepository workshops;
    private final WorkshopTheme.Repository themes;
    private final RegistrationRepository registrations;
    private final Registrations seats;
    private final WorkshopSettings.Repository settings;
    private final Sites sites;
    private final Clock clock;

    Agenda(WorkshopSessionRepository sessions, WorkshopRepository workshops, WorkshopTheme.Repository themes,
           RegistrationRepository registrations, Registrations seats, WorkshopSettings.Repository settings, Sites sites,
           Clock clock) {
        this.sessions = sessions;
        this.workshops = workshops;
        this.themes = themes;
        this.registrations = registrations;
        this.seats = seats;
        this.settings = settings;
        this.sites = sites;
        this.clock = clock;
    }

    /** A session with what the public pages say about it. */
    record Listed(WorkshopSession session, Workshop workshop, Site site, WorkshopSettings settings, Set<String> themeCodes) {
        /** Registering has closed (the library's cut-off before the start) or the session has started. */
        boolean closed(Instant now) {
            return !now.isBefore(settings.closesAt(session));
        }

        boolean past(Instant now) {
            return !now.isBefore(session.startsAt());
        }
    }

    /** The agenda's filters, already checked: null means "any". */
    record Filter(@Nullable String themeCode, @Nullable WorkshopLevel level) {
        boolean accepts(Listed listed) {
            return (level == null || listed.workshop().level() == level)
                    && (themeCode == null || listed.themeCodes().contains(themeCode));
        }
    }

    /**
     * The weeks one page of the agenda shows: from a Monday ({@code from}) to a Sunday ({@code until}), never
     * before the current week ({@code thisMonday}) nor beyond the agenda's horizon, {@link #WEEKS} weeks counting the
     * current one (its last day is {@link #horizon()}).
     */
    record Window(LocalDate thisMonday, LocalDate from, LocalDate until, int weeksPerPage) {
        /**
         * The page that starts with the week of {@code asked} (null: the current week), moved back within the
         * horizon when it falls outside: an edited address still shows a page of the agenda.
         */
        static Window of(LocalDate today, @Nullable LocalDate asked, int weeksPerPage) {
            LocalDate thisMonday = AgendaWords.monday(today);
            LocalDate lastMonday = thisMonday.plusWeeks(WEEKS - 1L);
            LocalDate from = asked == null ? thisMonday : AgendaWords.monday(asked);
            if (from.isBefore(thisMonday)) {
                from = thisMonday;
            } else if (from.isAfter(lastMonday)) {
                from = lastMonday;
            }
            LocalDate until = from.plusWeeks(weeksPerPage).minusDays(1);
            LocalDate horizon = thisMonday.plusWeeks(WEEKS).minusDays(1);
            return new Window(thisMonday, from, until.isAfter(horizon) ? horizon : until, weeksPerPage);
        }

        LocalDate horizon() {
            return thisMonday.plusWeeks(WEEKS).minusDays(1);
        }

        boolean first() {
            return from.equals(thisMonday);
        }

        /** The Monday of the page before, or null on the first page. */
        @Nullable
        LocalDate previous() {
            if (first()) {
                return null;
            }
            LocalDate back = from.minusWeeks(weeksPerPage);
            return back.isBefore(thisMonday) ? thisMonday : back;
        }
    }

    /**
     * The scheduled, public sessions of these libraries on the days of this page that have not started yet, in
     * start order, before filtering by theme or level. Only these days are read from the database.
     */
    List<Listed> coming(Collection<Site> libraries, Window window) {
        if (libraries.isEmpty()) {
            return List.of();
        }
        Map<Long, Site> siteById = libraries.stream().collect(Collectors.toMap(Site::id, Function.identity()));
        List<WorkshopSession> found = sessions
                .findBySiteIdInAndStatusAndPublicListingTrueAndSessionDateBetweenAndStartsAtGreaterThanEqualsOrderByStartsAt(
                        siteById.keySet(), SessionStatus.SCHEDULED, window.from(), window.until(), clock.instant());
        return listed(found, siteById);
    }

    /** The themes of the public sessions to come up to the horizon: the theme filter offers these on every page. */
    Set<String> themeCodes(Collection<Site> libraries, Window window) {
        if (libraries.isEmpty()) {
            return Set.of();
        }
        return new TreeSet<>(sessions.publicThemeCodes(ids(libraries), window.thisMonday(), window.horizon(), clock.instant()));
    }

    /** The day of the first session after this page, up to the horizon, that the filter accepts. */
    Optional<LocalDate> firstAfter(Collection<Site> libraries, Window window, Filter filter) {
        if (libraries.isEmpty() || !window.until().isBefore(window.horizon())) {
            return Optional.empty();
        }
        return sessions.firstPublicDay(ids(libraries), window.until().plusDays(1), window.horizon(), clock.instant(),
                filter.level() == null ? "" : filter.level().name(), filter.themeCode() == null ? "" : filter.themeCode())
                .stream().findFirst();
    }

    private static List<Long> ids(Collection<Site> libraries) {
        return libraries.stream().map(Site::id).toList();
    }

    /** A session of the public agenda, scheduled or cancelled; empty for a session that is not public or not known. */
    Optional<Listed> publicSession(long id) {
        return sessions.findById(id).filter(WorkshopSession::publicListing).flatMap(s -> sites.byId(s.siteId())
                .map(site -> listed(List.of(s), Map.of(site.id(), site))).flatMap(l -> l.stream().findFirst()));
    }

    /** The session a registration is for, public or not (the person's own pages still show it). */
    Listed sessionOf(Registration registration) {
        WorkshopSession session = sessions.findById(registration.sessionId()).orElseThrow();
        Site site = sites.byId(session.siteId()).orElseThrow();
        return listed(List.of(session), Map.of(site.id(), site)).get(0);
    }

    Optional<Registration> registration(long id) {
        return registrations.findById(id);
    }

    Optional<Registration> registrationByCode(String code) {
        return registrations.findByCode(code);
    }

    /** The place in line now (1 = next) of a waiting registration; 0 when it is not waiting. */
    int position(Registration registration) {
        return seats.position(registration);
    }

    Instant now() {
        return clock.instant();
    }

    private List<Listed> listed(List<WorkshopSession> found, Map<Long, Site> siteById) {
        if (found.isEmpty()) {
            return List.of();
        }
        Set<Long> workshopIds = found.stream().map(WorkshopSession::workshopId).collect(Collectors.toSet());
        Map<Long, Workshop> workshopById = workshops.findByIdIn(workshopIds).stream()
                .collect(Collectors.toMap(Workshop::id, Function.identity()));
        Map<Long, Set<String>> themesByWorkshop = new HashMap<>();
        themes.findByWorkshopIdIn(workshopIds).forEach(t ->
                themesByWorkshop.computeIfAbsent(t.workshopId(), k -> new TreeSet<>()).add(t.themeCode()));
        // One query for the settings of every library listed, not one per library.
        Map<Long, WorkshopSettings> settingsBySite = new HashMap<>();
        settings.findByIdIn(found.stream().map(WorkshopSession::siteId).collect(Collectors.toSet()))
                .forEach(w -> settingsBySite.put(w.id(), w));
        return found.stream().map(s -> new Listed(s, workshopById.get(s.workshopId()), siteById.get(s.siteId()),
                settingsBySite.computeIfAbsent(s.siteId(), WorkshopSettings::defaults),
                themesByWorkshop.getOrDefault(s.workshopId(), Set.of()))).toList();
    }
}
