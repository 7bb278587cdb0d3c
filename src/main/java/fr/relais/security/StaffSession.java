package fr.relais.security;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("staff_session")
record StaffSession(@Id String tokenHash, long staffId, Instant createdAt, Instant lastSeenAt) {
}
