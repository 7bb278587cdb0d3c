package fr.relais.site;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface SiteClosureRepository extends CrudRepository<SiteClosure, Long> {
    List<SiteClosure> findBySiteIdAndEndDateGreaterThanEqualsOrderByStartDate(long siteId, LocalDate from);

    List<SiteClosure> findBySiteIdOrderByStartDateDesc(long siteId);

    Optional<SiteClosure> findByIdAndSiteId(long id, long siteId);
}
