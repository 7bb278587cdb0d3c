package fr.relais.workshop;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface WorkshopSessionRepository extends CrudRepository<WorkshopSession, Long> {

    Optional<WorkshopSession> findByIdAndSiteId(long id, long siteId);

    List<WorkshopSession> findBySiteIdAndSessionDateOrderByStartTime(long siteId, LocalDate date);

    List<WorkshopSession> findBySiteIdAndSessionDateBetweenOrderByStartsAt(long siteId, LocalDate from, LocalDate to);

    // The public agenda (Agenda): only the weeks a page shows are read (index ix_workshop_session_site_date).

    /** Scheduled, listed sessions of some libraries on these days (at each library), not started yet. */
    List<WorkshopSession> findBySiteIdInAndStatusAndPublicListingTrueAndSessionDateBetweenAndStartsAtGreaterThanEqualsOrderByStartsAt(
            Collection<Long> siteIds, SessionStatus status, LocalDate from, LocalDate to, Instant notBefore);

    /** The themes of the public sessions to come on these days: what the agenda's theme filter offers. */
    @Query("SELECT DISTINCT t.theme_code FROM workshop_theme t JOIN workshop_session s ON s.workshop_id = t.workshop_id "
            + "WHERE s.site_id IN (:siteIds) AND s.status = 'SCHEDULED' AND s.public_listing = TRUE "
            + "AND s.session_date BETWEEN :from AND :to AND s.starts_at >= :notBefore")
    List<String> publicThemeCodes(Collection<Long> siteIds, LocalDate from, LocalDate to, Instant notBefore);

    /**
     * The day of the first public session to come on these days that a visitor's filters accept (a blank level or
     * theme accepts all): where the agenda sends people from weeks without sessions.
     */
    @Query("SELECT s.session_date FROM workshop_session s JOIN workshop w ON w.id = s.workshop_id "
            + "WHERE s.site_id IN (:siteIds) AND s.status = 'SCHEDULED' AND s.public_listing = TRUE "
            + "AND s.session_date BETWEEN :from AND :to AND s.starts_at >= :notBefore "
            + "AND (:level = '' OR w.level = :level) "
            + "AND (:theme = '' OR EXISTS (SELECT 1 FROM workshop_theme t WHERE t.workshop_id = w.id AND t.theme_code = :theme)) "
            + "ORDER BY s.session_date LIMIT 1")
    List<LocalDate> firstPublicDay(Collection<Long> siteIds, LocalDate from, LocalDate to, Instant notBefore,
                                   String level, String theme);

    /**
     * Every change to a session's registrations starts here: the row stays locked until the transaction ends,
     * so registrations, cancellations and promotions of one session happen one after another, on H2 and
     * PostgreSQL alike, whatever the number of application instances.
     */
    @Query("SELECT * FROM workshop_session WHERE id = :id FOR UPDATE")
    Optional<WorkshopSession> lock(long id);

    /**
     * Takes seats if they fit: 1 when taken, 0 when the session is full or cancelled. The CHECK on the table
     * refuses the same overflow should any other statement try.
     */
    @Query("UPDATE workshop_session SET seats_taken = seats_taken + :seats "
            + "WHERE id = :id AND status = 'SCHEDULED' AND seats_taken + :seats <= capacity")
    int takeSeats(long id, int seats);

    @Query("UPDATE workshop_session SET seats_taken = seats_taken - :seats WHERE id = :id AND seats_taken >= :seats")
    int releaseSeats(long id, int seats);

    /** A new capacity, refused (0) below the seats already taken. */
    @Query("UPDATE workshop_session SET capacity = :capacity WHERE id = :id AND seats_taken <= :capacity")
    int changeCapacity(long id, int capacity);

    @Query("UPDATE workshop_session SET status = 'CANCELLED', cancel_reason = :reason, seats_taken = 0 "
            + "WHERE id = :id AND status = 'SCHEDULED'")
    int cancel(long id, String reason);

    // Sessions and series, staff side.

    /** Sessions created together share the first one's id. */
    @Query("UPDATE workshop_session SET series_id = :seriesId WHERE id = :id")
    int joinSeries(long id, long seriesId);

    /** What the edit form changes, except the capacity (see {@link Registrations#changeCapacity}). */
    @Query("UPDATE workshop_session SET session_date = :date, start_time = :time, starts_at = :startsAt, "
            + "duration_minutes = :durationMinutes, room = :room, public_listing = :publicListing WHERE id = :id")
    int reschedule(long id, LocalDate date, LocalTime time, Instant startsAt, int durationMinutes,
                   @io.micronaut.core.annotation.Nullable String room, boolean publicListing);

    @Query("UPDATE workshop_session SET walk_ins = :walkIns, attendance_taken = TRUE WHERE id = :id")
    int recordAttendance(long id, int walkIns);
}
