package fr.relais.security;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface StaffSessionRepository extends CrudRepository<StaffSession, String> {
    void updateLastSeenAt(@Id String tokenHash, Instant lastSeenAt);

    void deleteByStaffId(long staffId);

    void deleteByLastSeenAtLessThan(Instant limit);
}
