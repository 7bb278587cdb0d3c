package fr.relais.appointment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A helper's calendar feed: only the SHA-256 of its secret address is kept, never the address itself. */
@MappedEntity("calendar_feed")
record CalendarFeed(@Id @GeneratedValue @Nullable Long id, long staffId, String tokenHash, Instant createdAt) {
}
