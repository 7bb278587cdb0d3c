package fr.relais.staff;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface StaffSiteRepository extends CrudRepository<StaffSite, Long> {
    List<StaffSite> findByStaffId(long staffId);

    List<StaffSite> findBySiteIdIn(Collection<Long> siteIds);

    void deleteByStaffId(long staffId);
}
