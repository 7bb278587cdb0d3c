package fr.relais.appointment;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface PermanenceHelperRepository extends CrudRepository<PermanenceHelper, Long> {
    List<PermanenceHelper> findByPermanenceIdIn(Collection<Long> permanenceIds);

    void deleteByPermanenceId(long permanenceId);

    /** Where these helpers are on duty: to refuse a helper on duty in two places at once. */
    List<PermanenceHelper> findByStaffIdIn(Collection<Long> staffIds);
}
