package fr.relais.partner;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The directory and its three link tables (composite keys, no id of their own: plain SQL for them).
 * Ordering and text search are done in Java, the same way on both databases (accents, French collation).
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface PartnerRepository extends CrudRepository<Partner, Long> {
    List<Partner> findBySiteIdIsNull();

    List<Partner> findBySiteIdIn(Collection<Long> siteIds);

    Optional<Partner> findBySourceAndSourceId(String source, String sourceId);

    List<Partner> findBySource(String source);

    @Query("SELECT partner_id, theme_code AS code FROM partner_theme WHERE partner_id IN (:partnerIds)")
    List<PartnerCode> themesOf(Collection<Long> partnerIds);

    @Query("SELECT partner_id, scope_code AS code FROM partner_scope WHERE partner_id IN (:partnerIds)")
    List<PartnerCode> scopesOf(Collection<Long> partnerIds);

    @Query("SELECT partner_id, access AS code FROM partner_access WHERE partner_id IN (:partnerIds)")
    List<PartnerCode> accessOf(Collection<Long> partnerIds);

    @Query("INSERT INTO partner_theme (partner_id, theme_code) VALUES (:partnerId, :code)")
    void addTheme(long partnerId, String code);

    @Query("INSERT INTO partner_scope (partner_id, scope_code) VALUES (:partnerId, :code)")
    void addScope(long partnerId, String code);

    @Query("INSERT INTO partner_access (partner_id, access) VALUES (:partnerId, :code)")
    void addAccess(long partnerId, String code);

    @Query("DELETE FROM partner_theme WHERE partner_id = :partnerId")
    void clearThemes(long partnerId);

    @Query("DELETE FROM partner_scope WHERE partner_id = :partnerId")
    void clearScopes(long partnerId);

    @Query("DELETE FROM partner_access WHERE partner_id = :partnerId")
    void clearAccess(long partnerId);
}
