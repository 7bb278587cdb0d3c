package fr.relais.journal;

import fr.relais.security.Hashing;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.transaction.TransactionDefinition;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Appends to the journal. Every feature records its sensitive actions here, in the same transaction as the action
 * itself: when the action rolls back, so does its entry.
 *
 * <p>No personal data: callers must never pass a person's name, contact, identifier or free text typed about them,
 * in {@code objectRef} or {@code details}. The journal can be neither changed nor purged, so what goes in stays;
 * an object reference ({@code mandat:12}) and a few fixed words are enough to find the rest while it exists.
 */
@Singleton
public class Journal {
    public static final String GENESIS = "0".repeat(64);

    private final JournalRepository entries;
    private final JournalHead.Repository head;
    private final Clock clock;

    Journal(JournalRepository entries, JournalHead.Repository head, Clock clock) {
        this.entries = entries;
        this.head = head;
        this.clock = clock;
    }

    /**
     * Records one action. Appends are serialized by locking the journal's head row, so concurrent writers (threads
     * or application instances) always extend one unbroken chain. The lock is held until the caller's transaction
     * ends: record last, after any slow work (a PDF, a mail), so that other appenders do not wait on it.
     *
     * @param actorId   the staff member who acted, or null for Relais itself (scheduled work)
     * @param siteId    the site concerned, or null for network-wide actions
     * @param objectRef what was acted on, e.g. {@code mandat:12}
     * @param details   a few words, never a name or an identifier of the person
     */
    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRED)
    public JournalEntry record(JournalAction action, @Nullable Long actorId, @Nullable Long siteId,
                               @Nullable String objectRef, @Nullable String details) {
        // No control characters: the canonical form separates columns with one, so no text can shift across them.
        objectRef = clean(objectRef);
        details = clean(details);
        JournalHead last = head.lock();
        // Milliseconds: what both databases store exactly, so the hash recomputes to the same value.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        JournalEntry unsigned = new JournalEntry(last.lastSeq() + 1, now, actorId, siteId, action.name(),
                objectRef, details, last.lastHash(), "");
        JournalEntry entry = new JournalEntry(unsigned.seq(), now, actorId, siteId, action.name(), objectRef, details,
                last.lastHash(), hash(unsigned));
        entries.save(entry);
        head.advance(entry.seq(), entry.entryHash());
        return entry;
    }

    private static String clean(String text) {
        return text == null ? null : text.replaceAll("\\p{Cntrl}", " ");
    }

    static String hash(JournalEntry entry) {
        return Hashing.sha256(entry.canonical());
    }
}
