package fr.relais.site;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SiteRepository extends CrudRepository<Site, Long> {
    Optional<Site> findBySlug(String slug);

    boolean existsBySlug(String slug);

    boolean existsBySlugAndIdNotEqual(String slug, Long id);

    List<Site> findAllOrderByName();

    List<Site> findByIdInOrderByName(Collection<Long> ids);
}
