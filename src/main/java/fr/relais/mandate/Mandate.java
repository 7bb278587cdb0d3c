package fr.relais.mandate;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A mandate as stored. {@code status} holds DRAFT, ACTIVE or REVOKED; expiry is read from the dates by
 * {@link #state(LocalDate)}, so a mandate is expired the day after its end date without any job running.
 */
@MappedEntity("mandate")
record Mandate(@Id @GeneratedValue @Nullable Long id,
               long siteId,
               long draftedBy,
               String firstName,
               String lastName,
               String searchName,
               String purpose,
               int durationDays,
               LocalDate startDate,
               LocalDate endDate,
               String status,
               String verificationCode,
               Instant createdAt,
               @Nullable Instant signedAt,
               @Nullable Long signedBy,
               @Nullable Instant revokedAt,
               @Nullable Long revokedBy,
               @Nullable String revocationKind,
               @Nullable String revocationReason,
               boolean expiryJournaled) {

    MandateState state(LocalDate today) {
        MandateState stored = MandateState.valueOf(status);
        if (stored == MandateState.REVOKED) {
            return stored;
        }
        return endDate.isBefore(today) ? MandateState.EXPIRED : stored;
    }

    /** In force today: signed, not revoked, and today within its dates. */
    boolean inForce(LocalDate today) {
        return state(today) == MandateState.ACTIVE && !startDate.isAfter(today);
    }

    /** Revoked by the person or the library: a sheet to print says so (a superseded one has none). */
    boolean hasRevocationSheet() {
        return revocationKind != null && !RevocationKind.SUPERSEDED.name().equals(revocationKind);
    }

    String fullName() {
        return firstName + " " + lastName;
    }

    String ref() {
        return ref(id);
    }

    static String ref(long id) {
        return "mandat:" + id;
    }

    Mandate signed(Instant at, long by) {
        return new Mandate(id, siteId, draftedBy, firstName, lastName, searchName, purpose, durationDays, startDate,
                endDate, MandateState.ACTIVE.name(), verificationCode, createdAt, at, by, null, null, null, null,
                expiryJournaled);
    }

    Mandate revoked(Instant at, @Nullable Long by, RevocationKind kind, @Nullable String reason) {
        return new Mandate(id, siteId, draftedBy, firstName, lastName, searchName, purpose, durationDays, startDate,
                endDate, MandateState.REVOKED.name(), verificationCode, createdAt, signedAt, signedBy, at, by,
                kind.name(), reason, expiryJournaled);
    }
}
