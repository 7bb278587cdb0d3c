package fr.relais.workshop;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A workshop of the catalogue ("Découvrir sa boîte mail"): what it is, for whom, and the defaults of its sessions.
 * {@code siteId} null: a network-wide workshop that every library may schedule. Deactivated, never deleted.
 */
@MappedEntity("workshop")
public record Workshop(
        @Id @GeneratedValue @Nullable Long id,
        @Nullable Long siteId,
        String title,
        String description,
        WorkshopLevel level,
        @Nullable String whatToBring,
        @Nullable String prerequisites,
        int defaultDurationMinutes,
        int defaultCapacity,
        boolean active,
        Instant createdAt) {

    public boolean networkWide() {
        return siteId == null;
    }

    /** Whether a library may schedule it: its own workshops and the network's. */
    public boolean schedulableAt(long site) {
        return siteId == null || siteId == site;
    }
}
