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

    /** The public agenda: scheduled, listed sessions starting in a window, for some libraries. */
    List<WorkshopSession> findBySiteIdInAndStatusAndPublicListingTrueAndStartsAtBetweenOrderByStartsAt(
            Collection<Long> siteIds, SessionStatus status, Instant from, Instant to);

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
