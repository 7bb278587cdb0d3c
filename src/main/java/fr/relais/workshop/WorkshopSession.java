package fr.relais.workshop;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * One dated session of a workshop at a library. {@code seatsTaken} is the sum of the seats of its SEATED
 * registrations, kept by {@link Registrations} with conditional updates that the database refuses beyond
 * {@code capacity} (ADR 0015). {@code publicListing} false: a session for a partner's group, not on the agenda.
 */
@MappedEntity("workshop_session")
public record WorkshopSession(
        @Id @GeneratedValue @Nullable Long id,
        long workshopId,
        long siteId,
        LocalDate sessionDate,
        LocalTime startTime,
        Instant startsAt,
        int durationMinutes,
        int capacity,
        int seatsTaken,
        @Nullable String room,
        boolean publicListing,
        SessionStatus status,
        @Nullable String cancelReason,
        @Nullable Long seriesId,
        int walkIns,
        boolean attendanceTaken,
        Instant createdAt) {

    public Instant endsAt() {
        return startsAt.plusSeconds(durationMinutes * 60L);
    }

    public int seatsLeft() {
        return Math.max(0, capacity - seatsTaken);
    }

    public boolean cancelled() {
        return status == SessionStatus.CANCELLED;
    }
}
