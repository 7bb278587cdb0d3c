package fr.relais.journal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * One entry of the journal. {@code entryHash} is the SHA-256 of {@link #canonical()}, which includes the previous
 * entry's hash: changing any column of any entry breaks the chain from that entry on.
 */
@MappedEntity("journal_entry")
public record JournalEntry(@Id long seq,
                           Instant recordedAt,
                           @Nullable Long actorId,
                           @Nullable Long siteId,
                           String action,
                           @Nullable String objectRef,
                           @Nullable String details,
                           String previousHash,
                           String entryHash) {

    /** The hashed content: every column but the hash itself, in a fixed order, with explicit empty values. */
    String canonical() {
        return String.join("\u001f",
                Long.toString(seq),
                Long.toString(recordedAt.toEpochMilli()),
                actorId == null ? "" : actorId.toString(),
                siteId == null ? "" : siteId.toString(),
                action,
                objectRef == null ? "" : objectRef,
                details == null ? "" : details,
                previousHash);
    }
}
