package fr.relais.appointment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/** A weekly window of individual appointments at a site (e.g. Tuesdays 14:00–17:00), in local wall-clock time. */
@MappedEntity("permanence")
public record Permanence(
        @Id @GeneratedValue @Nullable Long id,
        long siteId,
        short dayOfWeek,
        LocalTime startsAt,
        LocalTime endsAt,
        int slotMinutes,
        LocalDate validFrom,
        @Nullable LocalDate validTo,
        Instant createdAt) {

    boolean appliesOn(LocalDate date) {
        return date.getDayOfWeek().getValue() == dayOfWeek && !date.isBefore(validFrom)
                && (validTo == null || !date.isAfter(validTo));
    }
}
