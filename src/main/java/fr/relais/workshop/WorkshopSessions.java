package fr.relais.workshop;

import fr.relais.site.Site;
import fr.relais.site.SiteClosure;
import fr.relais.site.Sites;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A library's workshop sessions: planning a series (dates to create, dates skipped for a closure or already past),
 * creating it in one go, changing and cancelling a session, what a day or a period holds, and attendance with the
 * session's collective record. Seats and the waiting list stay with {@link Registrations}.
 * <p>
 * A session's start is a wall-clock date and time at the library: {@code starts_at} is computed in the library's
 * time zone, so a series at 10:00 stays at 10:00 across daylight-saving changes.
 */
@Singleton
public class WorkshopSessions {
    /** The longest series: half a year of weekly sessions. */
    public static final int MAX_OCCURRENCES = 26;
    private final WorkshopSessionRepository sessions;
    private final SessionHelper.Repository helpers;
    private final RegistrationRepository registrationRows;
    private final Registrations registrations;
    private final Workshops workshops;
    private final Sites sites;
    private final CollectiveRecords records;
    private final WorkshopSettings.Repository settings;
    private final Clock clock;

    WorkshopSessions(WorkshopSessionRepository sessions, SessionHelper.Repository helpers, RegistrationRepository registrationRows,
                     Registrations registrations, Workshops workshops, Sites sites, CollectiveRecords records,
                     WorkshopSettings.Repository settings, Clock clock) {
        this.settings = settings;
        this.sessions = sessions;
        this.helpers = helpers;
        this.registrationRows = registrationRows;
        this.registrations = registrations;
        this.workshops = workshops;
        this.sites = sites;
        this.records = records;
        this.clock = clock;
    }

    /** One session or a series: the same workshop, time, length, capacity, room and helpers on each date. */
    public record Schedule(long workshopId, LocalDate firstDate, LocalTime startTime, int durationMinutes, int capacity,
                           @Nullable String room, List<Long> helperIds, boolean publicListing, int everyWeeks, int occurrences) {
        public Schedule {
            helperIds = List.copyOf(helperIds);
            if (everyWeeks < 0 || occurrences < 1 || occurrences > MAX_OCCURRENCES) {
                throw new IllegalArgumentException("repeat");
            }
        }
    }

    /** The dates a schedule creates, and those it skips: a closure of the library (its label), or already past. */
    public record Plan(List<LocalDate> dates, List<Skipped> skipped) {
    }

    /** A date left out: {@code closure} is the closure's label, or null when the date (and time) is past. */
    public record Skipped(LocalDate date, @Nullable String closure) {
        public boolean past() {
            return closure == null;
        }
    }

    /** A session as a day or a list shows it, with its fill level. */
    public record Listed(WorkshopSession session, Workshop workshop, int waiting, List<Long> helperIds) {
        public boolean full() {
            return session.seatsTaken() >= session.capacity();
        }
    }

    /** What a session's edit form changes. Date, time and length move only while nobody is registered. */
    public record Changes(LocalDate date, LocalTime time, int durationMinutes, int capacity, @Nullable String room,
                          List<Long> helperIds, boolean publicListing) {
        public Changes {
            helperIds = List.copyOf(helperIds);
        }
    }

    // ---------------------------------------------------------------- series

    /** Every date of the schedule, each kept or skipped. Nothing is saved. */
    public Plan plan(Site site, LocalDate first, LocalTime time, int everyWeeks, int occurrences) {
        int count = everyWeeks == 0 ? 1 : occurrences;
        List<LocalDate> candidates = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            candidates.add(first.plusWeeks((long) i * everyWeeks));
        }
        List<SiteClosure> closures = sites.closuresBetween(site, first, candidates.get(candidates.size() - 1));
        Instant now = clock.instant();
        List<LocalDate> dates = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (LocalDate d : candidates) {
            Optional<SiteClosure> closure = closures.stream()
                    .filter(c -> !d.isBefore(c.startDate()) && !d.isAfter(c.endDate())).findFirst();
            if (!startsAt(site, d, time).isAfter(now)) {
                skipped.add(new Skipped(d, null));
            } else if (closure.isPresent()) {
                skipped.add(new Skipped(d, closure.get().label()));
            } else {
                dates.add(d);
            }
        }
        return new Plan(List.copyOf(dates), List.copyOf(skipped));
    }

    /**
     * Creates the sessions of a schedule in one transaction, on the dates its plan keeps (computed again now: a
     * closure added since the preview is skipped too). Sessions of a series share the first one's id.
     */
    @Transactional
    public List<WorkshopSession> create(Site site, Schedule s) {
        Plan plan = plan(site, s.firstDate(), s.startTime(), s.everyWeeks(), s.occurrences());
        List<WorkshopSession> created = new ArrayList<>();
        Long seriesId = null;
        for (LocalDate date : plan.dates()) {
            WorkshopSession saved = sessions.save(new WorkshopSession(null, s.workshopId(), site.id(), date, s.startTime(),
                    startsAt(site, date, s.startTime()), s.durationMinutes(), s.capacity(), 0, s.room(), s.publicListing(),
                    SessionStatus.SCHEDULED, null, seriesId, 0, false, clock.instant()));
            if (seriesId == null && plan.dates().size() > 1) {
                seriesId = saved.id();
                sessions.joinSeries(saved.id(), seriesId);
            }
            saveHelpers(saved.id(), s.helperIds());
            created.add(saved);
        }
        return created;
    }

    /** The moment a wall-clock date and time happen at the library (a time skipped by a clock change moves forward). */
    static Instant startsAt(Site site, LocalDate date, LocalTime time) {
        return ZonedDateTime.of(date, time, site.zone()).toInstant();
    }

    // ---------------------------------------------------------------- reading

    /** A session of this library; another library's answers empty, like an unknown one. */
    public Optional<WorkshopSession> atSite(long siteId, long sessionId) {
        return sessions.findByIdAndSiteId(sessionId, siteId);
    }

    public Optional<WorkshopSession> byId(long sessionId) {
        return sessions.findById(sessionId);
    }

    /** The library's sessions of one day, by start time, cancelled ones included, with their fill level. */
    public List<Listed> ofDay(Site site, LocalDate day) {
        return listed(sessions.findBySiteIdAndSessionDateOrderByStartTime(site.id(), day));
    }

    /** The library's sessions from one day to another (both included), by start. */
    public List<Listed> between(Site site, LocalDate from, LocalDate to) {
        return listed(sessions.findBySiteIdAndSessionDateBetweenOrderByStartsAt(site.id(), from, to));
    }

    public List<Long> helperIds(long sessionId) {
        return helpers.findBySessionIdIn(Set.of(sessionId)).stream().map(SessionHelper::staffId).toList();
    }

    /** Every registration of a session, cancelled ones included, in arrival order. */
    public List<Registration> registrations(long sessionId) {
        return registrationRows.findBySessionIdOrderById(sessionId);
    }

    public Optional<Registration> registration(long registrationId) {
        return registrationRows.findById(registrationId);
    }

    /** Whether the session may still be changed or cancelled: scheduled and not started. */
    public boolean changeable(WorkshopSession session) {
        return !session.cancelled() && clock.instant().isBefore(session.startsAt());
    }

    /** Today at the library. */
    public LocalDate today(Site site) {
        return sites.today(site);
    }

    /** Attendance is noted from the session's day on, and corrected only on that day. */
    public boolean attendanceOpen(Site site, WorkshopSession session) {
        LocalDate today = sites.today(site);
        return !session.cancelled() && !today.isBefore(session.sessionDate())
                && (!session.attendanceTaken() || today.equals(session.sessionDate()));
    }

    private List<Listed> listed(List<WorkshopSession> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        List<Long> ids = found.stream().map(WorkshopSession::id).toList();
        Map<Long, Integer> waiting = new HashMap<>();
        registrationRows.findBySessionIdInAndStatusIn(ids, Set.of(RegistrationStatus.WAITING))
                .forEach(r -> waiting.merge(r.sessionId(), 1, Integer::sum));
        Map<Long, List<Long>> helpersBySession = new HashMap<>();
        helpers.findBySessionIdIn(ids).forEach(h -> helpersBySession.computeIfAbsent(h.sessionId(), k -> new ArrayList<>()).add(h.staffId()));
        Map<Long, Workshop> byId = workshops.byIds(found.stream().map(WorkshopSession::workshopId).distinct().toList());
        return found.stream().map(s -> new Listed(s, byId.get(s.workshopId()), waiting.getOrDefault(s.id(), 0),
                helpersBySession.getOrDefault(s.id(), List.of()))).toList();
    }

    // ---------------------------------------------------------------- changing

    /**
     * Changes a session that has not started, in one transaction under the session's lock. A new capacity goes
     * through {@link Registrations#changeCapacity} (refused below the seats taken; a larger one promotes waiting
     * people, who are returned). Date, time and length move only while nobody is registered.
     */
    @Transactional
    public List<Registration> change(Site site, long sessionId, Changes c, long actorId) {
        WorkshopSession session = sessions.lock(sessionId).orElseThrow();
        if (!changeable(session)) {
            throw new SessionRefused(SessionRefused.Reason.STARTED);
        }
        boolean moved = !c.date().equals(session.sessionDate()) || !c.time().equals(session.startTime())
                || c.durationMinutes() != session.durationMinutes();
        Instant startsAt = startsAt(site, c.date(), c.time());
        if (moved && registrationRows.findBySessionIdOrderById(sessionId).stream().anyMatch(r -> r.status().live())) {
            throw new SessionRefused(SessionRefused.Reason.HAS_REGISTRATIONS);
        }
        if (moved && !startsAt.isAfter(clock.instant())) {
            throw new SessionRefused(SessionRefused.Reason.PAST);
        }
        List<Registration> promoted = c.capacity() == session.capacity() ? List.of()
                : registrations.changeCapacity(sessionId, c.capacity(), actorId);
        sessions.reschedule(sessionId, c.date(), c.time(), startsAt, c.durationMinutes(), c.room(), c.publicListing());
        helpers.deleteBySessionId(sessionId);
        saveHelpers(sessionId, c.helperIds());
        return promoted;
    }

    /**
     * The library cancels a session that has not started: every live registration is cancelled by the library and
     * nobody is promoted (see {@link Registrations#cancelSession}). Returns the people to inform.
     */
    @Transactional
    public List<Registration> cancel(long sessionId, String reason) {
        WorkshopSession session = sessions.lock(sessionId).orElseThrow();
        if (!changeable(session)) {
            throw new SessionRefused(SessionRefused.Reason.STARTED);
        }
        return registrations.cancelSession(sessionId, reason);
    }

    /**
     * Saves who came: each seated registration present or absent, and the walk-in participants (a count). In the
     * same transaction, the session's collective record is written (or corrected) with the seats of the people
     * present plus the walk-ins; when nobody came there is no record, and one written before is removed.
     */
    @Transactional
    public void saveAttendance(Site site, long sessionId, Set<Long> present, int walkIns, long helperId) {
        WorkshopSession session = sessions.lock(sessionId).orElseThrow();
        if (!attendanceOpen(site, session)) {
            throw new SessionRefused(SessionRefused.Reason.ATTENDANCE_CLOSED);
        }
        int participants = walkIns;
        for (Registration r : registrationRows.findBySessionIdAndStatusOrderById(sessionId, RegistrationStatus.SEATED)) {
            boolean came = present.contains(r.id());
            registrationRows.markAttendance(r.id(), came);
            participants += came ? r.seats() : 0;
        }
        sessions.recordAttendance(sessionId, walkIns);
        if (participants == 0) {
            records.remove(sessionId);
            return;
        }
        records.save(new CollectiveRecords.Facts(sessionId, session.siteId(), helperId, session.startsAt(),
                session.sessionDate(), session.durationMinutes(), participants, workshops.themes(session.workshopId())));
    }

    /** A library's workshop settings: seats per person, hours before the start when registration closes. */
    public void saveSettings(WorkshopSettings changed) {
        settings.update(changed);
    }

    private void saveHelpers(long sessionId, List<Long> staffIds) {
        List<SessionHelper> rows = new ArrayList<>();
        staffIds.stream().distinct().forEach(id -> rows.add(new SessionHelper(null, sessionId, id)));
        if (!rows.isEmpty()) {
            helpers.saveAll(rows);
        }
    }
}
