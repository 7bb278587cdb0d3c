package fr.relais.workshop;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface WorkshopRepository extends CrudRepository<Workshop, Long> {
    List<Workshop> findByIdIn(Collection<Long> ids);

    /** The network's workshops and those of the given libraries, by title. */
    List<Workshop> findBySiteIdIsNullOrSiteIdInOrderByTitle(Collection<Long> siteIds);

    List<Workshop> findAllOrderByTitle();
}
