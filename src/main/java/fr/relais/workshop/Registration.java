package fr.relais.workshop;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A person's registration for a session: a first name or initials, an optional phone or e-mail used only for
 * messages about it, the number of seats (the person and a relative), a code to find and cancel it.
 * Waiting registrations are in line in id order. Contact data are erased later (retention rules).
 */
@MappedEntity("registration")
public record Registration(
        @Id @GeneratedValue @Nullable Long id,
        long sessionId,
        long siteId,
        String firstName,
        @Nullable String phone,
        @Nullable String email,
        int seats,
        RegistrationStatus status,
        String code,
        @Nullable Long registeredBy,
        String language,
        @Nullable Instant promotedAt,
        @Nullable Boolean attended,
        Instant createdAt) {
}
