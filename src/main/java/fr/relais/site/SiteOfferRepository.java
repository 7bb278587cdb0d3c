package fr.relais.site;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface SiteOfferRepository extends CrudRepository<SiteOffer, Long> {
    List<SiteOffer> findBySiteId(long siteId);

    List<SiteOffer> findByOffered(boolean offered);

    void deleteBySiteId(long siteId);
}
