package fr.relais.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Counters of public actions per client address (booking, finding or cancelling with a code), kept in the
 * database so that every instance counts alike. Only a hash of the address is stored. No CAPTCHA: it would
 * shut out the people Relais serves.
 */
@Singleton
public class RateLimiter {
    private final Events events;
    private final ClientAddress clientAddress;
    private final Clock clock;

    RateLimiter(Events events, ClientAddress clientAddress, Clock clock) {
        this.events = events;
        this.clientAddress = clientAddress;
        this.clock = clock;
    }

    /** Counts one more action in {@code bucket} from this request's address; false when over {@code max} in {@code window}. */
    public boolean allow(String bucket, HttpRequest<?> request, int max, Duration window) {
        String key = Hashing.sha256(bucket + ":" + clientAddress.of(request));
        Instant now = clock.instant();
        if (events.countByBucketAndKeyHashAndCreatedAtGreaterThan(bucket, key, now.minus(window)) >= max) {
            return false;
        }
        events.save(new RateEvent(null, bucket, key, now));
        return true;
    }

    /** Forgets events older than a day: they no longer count for any window. */
    public void purgeOld() {
        events.deleteByCreatedAtLessThan(clock.instant().minus(Duration.ofDays(1)));
    }

    @MappedEntity("rate_event")
    record RateEvent(@Id @GeneratedValue @Nullable Long id, String bucket, String keyHash, Instant createdAt) {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Events extends CrudRepository<RateEvent, Long> {
        long countByBucketAndKeyHashAndCreatedAtGreaterThan(String bucket, String keyHash, Instant since);

        void deleteByCreatedAtLessThan(Instant limit);
    }
}
