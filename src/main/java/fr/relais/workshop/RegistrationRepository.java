package fr.relais.workshop;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface RegistrationRepository extends CrudRepository<Registration, Long> {

    Optional<Registration> findByCode(String code);

    boolean existsByCode(String code);

    List<Registration> findBySessionIdOrderById(long sessionId);

    List<Registration> findBySessionIdAndStatusOrderById(long sessionId, RegistrationStatus status);

    List<Registration> findBySessionIdInAndStatusIn(Collection<Long> sessionIds, Collection<RegistrationStatus> statuses);

    /** Waiting ahead of this one: its place in line is this count plus one. */
    long countBySessionIdAndStatusAndIdLessThan(long sessionId, RegistrationStatus status, long id);

    /** Live registrations of the session with this phone or e-mail (a null one matches nothing). */
    @Query("SELECT COUNT(*) FROM registration WHERE session_id = :sessionId AND status IN ('SEATED', 'WAITING')"
            + " AND (phone = :phone OR LOWER(email) = LOWER(:email))")
    long countLiveWithContact(long sessionId, @Nullable String phone, @Nullable String email);

    /** A waiting registration takes its seats; 0 when it is no longer waiting (cancelled or promoted meanwhile). */
    @Query("UPDATE registration SET status = 'SEATED', promoted_at = :at WHERE id = :id AND status = 'WAITING'")
    int promote(long id, Instant at);

    /** Cancels a live registration; 0 when it was already cancelled. */
    @Query("UPDATE registration SET status = :status, attended = NULL WHERE id = :id AND status IN ('SEATED', 'WAITING')")
    int cancel(long id, String status);

    @Query("UPDATE registration SET attended = :attended WHERE id = :id AND status = 'SEATED'")
    int markAttendance(long id, Boolean attended);
}
