package fr.relais.appointment;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface StaffAbsenceRepository extends CrudRepository<StaffAbsence, Long> {
    List<StaffAbsence> findByStaffIdInAndEndDateGreaterThanEqualsAndStartDateLessThanEquals(
            Collection<Long> staffIds, LocalDate from, LocalDate to);

    List<StaffAbsence> findByStaffIdAndEndDateGreaterThanEqualsOrderByStartDate(long staffId, LocalDate from);
}
