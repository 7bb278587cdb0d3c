package fr.relais.workshop;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Duration;
import java.time.Instant;

/**
 * A library's workshop settings (columns of the site table): the seats one person may take, themself and
 * relatives (default 2), and how many hours before the start registration closes (default 2).
 */
@MappedEntity("site")
public record WorkshopSettings(@Id Long id,
                               @MappedProperty("workshop_max_seats") int maxSeats,
                               @MappedProperty("workshop_closing_hours") int closingHours) {
    static final int DEFAULT_MAX_SEATS = 2;
    static final int DEFAULT_CLOSING_HOURS = 2;

    static WorkshopSettings defaults(long siteId) {
        return new WorkshopSettings(siteId, DEFAULT_MAX_SEATS, DEFAULT_CLOSING_HOURS);
    }

    /** When registering (and promotion) closes for a session of this library: its closing hours before the start. */
    public Instant closesAt(WorkshopSession session) {
        return session.startsAt().minus(Duration.ofHours(closingHours));
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Repository extends CrudRepository<WorkshopSettings, Long> {
        /** The settings of several libraries in one query (the network-wide agenda lists sixty). */
        java.util.List<WorkshopSettings> findByIdIn(java.util.Collection<Long> ids);
    }
}
