package fr.relais.appointment;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface PermanenceRepository extends CrudRepository<Permanence, Long> {
    List<Permanence> findBySiteId(long siteId);
}
