package fr.relais.security;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface LoginAttemptRepository extends CrudRepository<LoginAttempt, Long> {
    long countByAccountKeyAndSucceededAndAttemptedAtGreaterThan(String accountKey, boolean succeeded, Instant since);

    long countByAddressKeyAndSucceededAndAttemptedAtGreaterThan(String addressKey, boolean succeeded, Instant since);

    void deleteByAttemptedAtLessThan(Instant limit);
}
