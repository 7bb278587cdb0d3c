package fr.relais.appointment;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import io.micronaut.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Optional;

/** Calendar feeds, one per helper at most. */
@JdbcRepository(dialect = Dialect.POSTGRES)
abstract class CalendarFeedRepository implements CrudRepository<CalendarFeed, Long> {
    abstract Optional<CalendarFeed> findByStaffId(long staffId);

    abstract Optional<CalendarFeed> findByTokenHash(String tokenHash);

    abstract void deleteByStaffId(long staffId);

    /** The helper's new feed, the old address stopping at once. */
    @Transactional
    void replace(long staffId, String tokenHash, Instant now) {
        deleteByStaffId(staffId);
        save(new CalendarFeed(null, staffId, tokenHash, now));
    }
}
