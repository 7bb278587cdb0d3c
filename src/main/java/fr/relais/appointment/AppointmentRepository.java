package fr.relais.appointment;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface AppointmentRepository extends CrudRepository<Appointment, Long> {
    /** Seats held (cancelled appointments hold none) in a date range: to count what is free. */
    List<Appointment> findBySiteIdAndSlotDateBetweenAndSeatIsNotNull(long siteId, LocalDate from, LocalDate to);

    List<Appointment> findBySiteIdAndSlotDateOrderBySlotTime(long siteId, LocalDate date);

    List<Appointment> findBySiteIdAndSlotDateBetweenOrderByStartsAt(long siteId, LocalDate from, LocalDate to);

    Optional<Appointment> findByCode(String code);

    long countBySiteIdAndPhoneAndStatusAndStartsAtGreaterThan(long siteId, String phone, AppointmentStatus status, Instant after);

    long countBySiteIdAndEmailAndStatusAndStartsAtGreaterThan(long siteId, String email, AppointmentStatus status, Instant after);

    List<Appointment> findByHelperIdAndStatusInAndStartsAtGreaterThan(long helperId, List<AppointmentStatus> statuses, Instant after);
}
