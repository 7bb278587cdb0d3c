package fr.relais.site;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface OpeningHoursRepository extends CrudRepository<OpeningHours, Long> {
    List<OpeningHours> findBySiteId(long siteId);

    void deleteBySiteId(long siteId);
}
