package fr.relais.journal;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/**
 * Walks the whole journal, page by page, and reports the first broken link: an entry whose content no longer gives
 * its hash, one that does not carry its predecessor's hash, a missing number, or a head row that does not match the
 * last entry. It takes no lock: appends go on during the check, and an entry appended meanwhile is simply checked
 * too.
 */
@Singleton
class JournalCheck {
    static final int PAGE = 500;

    /** What is wrong with the first broken entry. */
    enum Problem {
        /** The entry's content (any column) no longer gives its stored hash. */
        HASH,
        /** The entry does not carry the hash of the entry before it. */
        LINK,
        /** A number is missing: an entry was removed (or the head counts entries that are not there). */
        GAP,
        /** The head row (last number and hash) does not match the last entry. */
        HEAD
    }

    /**
     * The outcome: how many entries were found intact and, when broken, where and why. When intact, the last hash:
     * noted somewhere else, it shows later whether the whole chain was rewritten.
     */
    record Result(boolean intact, long checked, @Nullable Long firstBrokenSeq, @Nullable Problem problem,
                  @Nullable String lastHash) {
        static Result ok(long checked, String lastHash) {
            return new Result(true, checked, null, null, lastHash);
        }

        static Result broken(long checked, long seq, Problem problem) {
            return new Result(false, checked, seq, problem, null);
        }
    }

    private final JournalRepository entries;
    private final JournalHead.Repository head;

    JournalCheck(JournalRepository entries, JournalHead.Repository head) {
        this.entries = entries;
        this.head = head;
    }

    Result run() {
        long checked = 0;
        String previous = Journal.GENESIS;
        while (true) {
            List<JournalEntry> page = entries.chainAfter(checked, PAGE);
            if (page.isEmpty()) {
                // The end as far as the entries go: compare with the head, read after them. An entry and the head
                // that counts it are committed together, so a head beyond the last entry seen means either
                // entries appended meanwhile (read on) or entries removed at the end (a gap).
                Optional<JournalHead> last = head.current();
                if (last.isEmpty()) {
                    return Result.broken(checked, Math.max(checked, 1), Problem.HEAD);
                }
                long headSeq = last.get().lastSeq();
                if (headSeq > checked) {
                    if (entries.chainAfter(checked, 1).isEmpty()) {
                        return Result.broken(checked, checked + 1, Problem.GAP);
                    }
                    continue;
                }
                if (headSeq < checked) {
                    // Entries beyond the head: added behind the application's back.
                    return Result.broken(headSeq, headSeq + 1, Problem.HEAD);
                }
                if (!last.get().lastHash().equals(previous)) {
                    return Result.broken(checked, Math.max(checked, 1), Problem.HEAD);
                }
                return Result.ok(checked, previous);
            }
            for (JournalEntry entry : page) {
                long expected = checked + 1;
                if (entry.seq() != expected) {
                    return Result.broken(checked, expected, Problem.GAP);
                }
                if (!entry.previousHash().equals(previous)) {
                    return Result.broken(checked, entry.seq(), Problem.LINK);
                }
                if (!Journal.hash(entry).equals(entry.entryHash())) {
                    return Result.broken(checked, entry.seq(), Problem.HASH);
                }
                previous = entry.entryHash();
                checked = entry.seq();
            }
        }
    }
}
