package fr.relais.accompaniment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;

/**
 * What the log needs of an appointment, read only: its site, time, reason and status. Not the person's first name
 * or contact: the accompaniment never sees them.
 */
@MappedEntity("appointment")
record AppointmentFacts(@Id Long id, long siteId, Instant startsAt, Instant endsAt, String themeCode,
                        @Nullable String scopeCode, String status) {

    boolean done() {
        return "DONE".equals(status);
    }

    int minutes() {
        return (int) java.time.Duration.between(startsAt, endsAt).toMinutes();
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Repository extends GenericRepository<AppointmentFacts, Long> {
        Optional<AppointmentFacts> findById(long id);
    }
}
