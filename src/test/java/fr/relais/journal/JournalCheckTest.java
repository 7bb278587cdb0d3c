package fr.relais.journal;

import fr.relais.site.SiteRepository;
import fr.relais.staff.Staff;
import fr.relais.staff.StaffRepository;
import fr.relais.testing.OnBothDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The check finds exactly the entry that was changed behind the application's back, whatever the column, and a
 * removed entry as a gap at its number. Every test puts back what it changed: the chain is intact after each.
 */
@MicronautTest(environments = "demo", transactional = false)
class JournalCheckTest extends OnBothDatabases {
    private static final String OTHER_HASH = "f".repeat(64);

    @Inject
    Journal journal;
    @Inject
    JournalCheck check;
    @Inject
    SiteRepository siteRepository;
    @Inject
    StaffRepository staffRepository;
    @Inject
    TransactionOperations<Connection> transactions;

    private long centre;
    private long nord;
    private long sami;
    private long nour;

    @BeforeAll
    void demoIds() {
        centre = siteRepository.findBySlug("mediatheque-centre").orElseThrow().id();
        nord = siteRepository.findBySlug("bibliotheque-nord").orElseThrow().id();
        sami = staffRepository.findByEmail("aidant.centre@relais.demo").map(Staff::id).orElseThrow();
        nour = staffRepository.findByEmail("aidant.nord@relais.demo").map(Staff::id).orElseThrow();
    }

    @AfterEach
    void theChainIsIntactAgain() {
        JournalCheck.Result result = check.run();
        assertTrue(result.intact(), "a test left the chain broken: " + result);
    }

    /** Ten entries written the way features write them. */
    private List<JournalEntry> tenEntries() {
        List<JournalEntry> written = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            written.add(journal.record(JournalAction.MANDATE_DRAFTED, sami, centre, "mandat:" + (100 + i), "brouillon"));
        }
        return written;
    }

    @Test
    void aChainWrittenThroughTheJournalIsIntact() {
        long before = check.run().checked();
        List<JournalEntry> written = tenEntries();
        JournalEntry network = journal.record(JournalAction.PURGE, null, null, null, "3 rendez-vous effacés");

        JournalCheck.Result result = check.run();
        assertTrue(result.intact(), result.toString());
        assertEquals(before + 11, result.checked());
        assertNull(result.firstBrokenSeq());
        assertNull(result.problem());
        assertEquals(network.entryHash(), result.lastHash());
        for (int i = 1; i < written.size(); i++) {
            assertEquals(written.get(i - 1).seq() + 1, written.get(i).seq());
            assertEquals(written.get(i - 1).entryHash(), written.get(i).previousHash());
        }
        assertEquals(written.get(9).entryHash(), network.previousHash());
    }

    @Test
    void theFirstEntryFollowsTheGenesisHash() throws SQLException {
        tenEntries();
        Map<String, Object> first = row(1);
        assertEquals(Journal.GENESIS, first.get("previous_hash"));
    }

    static Stream<Arguments> tamperings() {
        return Stream.of(
                Arguments.of("details", JournalCheck.Problem.HASH),
                Arguments.of("object_ref", JournalCheck.Problem.HASH),
                Arguments.of("action", JournalCheck.Problem.HASH),
                Arguments.of("actor_id", JournalCheck.Problem.HASH),
                Arguments.of("site_id", JournalCheck.Problem.HASH),
                Arguments.of("recorded_at", JournalCheck.Problem.HASH),
                Arguments.of("entry_hash", JournalCheck.Problem.HASH),
                Arguments.of("previous_hash", JournalCheck.Problem.LINK));
    }

    @ParameterizedTest(name = "{0} changed → {1}")
    @MethodSource("tamperings")
    void changingOneColumnOfOneEntryIsReportedAtThatEntry(String column, JournalCheck.Problem problem) throws SQLException {
        List<JournalEntry> written = tenEntries();
        long k = written.get(4).seq();
        Object original = value(k, column);
        Object changed = switch (column) {
            case "details" -> "brouillon corrigé";
            case "object_ref" -> "mandat:999";
            case "action" -> JournalAction.MANDATE_REVOKED.name();
            case "actor_id" -> nour;
            case "site_id" -> nord;
            case "recorded_at" -> ((OffsetDateTime) original).plusMinutes(1);
            case "entry_hash", "previous_hash" -> OTHER_HASH;
            default -> throw new IllegalArgumentException(column);
        };
        set(k, column, changed);
        try {
            JournalCheck.Result result = check.run();
            assertFalse(result.intact());
            assertEquals(k, result.firstBrokenSeq(), result.toString());
            assertEquals(problem, result.problem());
            assertEquals(k - 1, result.checked(), "every entry before it was checked and found intact");
        } finally {
            set(k, column, original);
        }
    }

    @Test
    void anEntryRemovedInTheMiddleIsAGapAtItsNumber() throws SQLException {
        long k = tenEntries().get(3).seq();
        Map<String, Object> removed = row(k);
        execute("DELETE FROM journal_entry WHERE seq = ?", k);
        try {
            JournalCheck.Result result = check.run();
            assertFalse(result.intact());
            assertEquals(k, result.firstBrokenSeq());
            assertEquals(JournalCheck.Problem.GAP, result.problem());
            assertEquals(k - 1, result.checked());
        } finally {
            insert(removed);
        }
    }

    @Test
    void theLastEntryRemovedIsAGapTooForTheHeadStillCountsIt() throws SQLException {
        long last = tenEntries().get(9).seq();
        Map<String, Object> removed = row(last);
        execute("DELETE FROM journal_entry WHERE seq = ?", last);
        try {
            JournalCheck.Result result = check.run();
            assertEquals(last, result.firstBrokenSeq(), result.toString());
            assertEquals(JournalCheck.Problem.GAP, result.problem());
        } finally {
            insert(removed);
        }
    }

    @Test
    void aHeadThatDoesNotMatchTheLastEntryIsReported() throws SQLException {
        JournalEntry last = tenEntries().get(9);
        execute("UPDATE journal_head SET last_hash = ? WHERE id = 1", OTHER_HASH);
        try {
            JournalCheck.Result result = check.run();
            assertEquals(last.seq(), result.firstBrokenSeq(), result.toString());
            assertEquals(JournalCheck.Problem.HEAD, result.problem());
        } finally {
            execute("UPDATE journal_head SET last_hash = ? WHERE id = 1", last.entryHash());
        }
    }

    @Test
    void anEntryAddedBehindTheApplicationsBackIsReportedEvenWhenItsHashesAreRight() throws SQLException {
        JournalEntry last = tenEntries().get(9);
        JournalEntry forged = forge(last, "ajoutée à la main");
        insert(forged);
        try {
            JournalCheck.Result result = check.run();
            assertEquals(forged.seq(), result.firstBrokenSeq(), result.toString());
            assertEquals(JournalCheck.Problem.HEAD, result.problem());
            assertEquals(last.seq(), result.checked());
        } finally {
            execute("DELETE FROM journal_entry WHERE seq = ?", forged.seq());
        }
    }

    /**
     * Tamper-evident, not tamper-proof: whoever can write to the database may rewrite the end of the chain and the
     * head consistently. The check cannot see it; the last hash noted elsewhere before does.
     */
    @Test
    void aConsistentRewriteIsOnlySeenThroughTheLastHashNotedElsewhere() throws SQLException {
        List<JournalEntry> written = tenEntries();
        JournalEntry last = written.get(9);
        JournalEntry before = written.get(8);
        String noted = check.run().lastHash();
        assertEquals(last.entryHash(), noted);
        Map<String, Object> original = row(last.seq());
        execute("DELETE FROM journal_entry WHERE seq > ?", before.seq());
        JournalEntry rewritten = forge(before, "réécrite");
        insert(rewritten);
        execute("UPDATE journal_head SET last_seq = ?, last_hash = ? WHERE id = 1", rewritten.seq(), rewritten.entryHash());
        try {
            JournalCheck.Result result = check.run();
            assertTrue(result.intact(), "a consistent rewrite passes the check");
            assertNotEquals(noted, result.lastHash());
        } finally {
            execute("DELETE FROM journal_entry WHERE seq = ?", rewritten.seq());
            insert(original);
            execute("UPDATE journal_head SET last_seq = ?, last_hash = ? WHERE id = 1", last.seq(), last.entryHash());
        }
    }

    @Test
    void anActionRolledBackTakesItsEntryWithIt() {
        JournalEntry before = journal.record(JournalAction.MANDATE_PRINTED, sami, centre, "mandat:7", null);
        transactions.executeWrite(status -> {
            journal.record(JournalAction.MANDATE_ACTIVATED, sami, centre, "mandat:7", null);
            status.setRollbackOnly();
            return null;
        });
        JournalEntry after = journal.record(JournalAction.MANDATE_REVOKED, sami, centre, "mandat:7", "à la demande");
        assertEquals(before.seq() + 1, after.seq(), "the number of the rolled back entry is used again");
        assertEquals(before.entryHash(), after.previousHash());
    }

    @Test
    void controlCharactersCannotBlurTheBoundaryBetweenColumns() {
        JournalEntry entry = journal.record(JournalAction.MANDATE_CHECKED, sami, centre, "mandat:8\u001f", "a\u001fb\nc");
        assertEquals("mandat:8 ", entry.objectRef());
        assertEquals("a b c", entry.details());
    }

    @Test
    void theCodeHasNoWayToChangeOrRemoveAnEntry() {
        List<String> writers = Stream.of(JournalRepository.class, JournalHead.Repository.class)
                .flatMap(type -> Arrays.stream(type.getMethods())).map(Method::getName)
                .filter(name -> name.startsWith("update") || name.startsWith("delete") || name.startsWith("remove"))
                .toList();
        assertEquals(List.of(), writers);
    }

    // ---------------------------------------------------------------- direct database access, as an intruder would

    /** An entry after {@code previous}, with the right hashes, written straight into the table. */
    private static JournalEntry forge(JournalEntry previous, String details) {
        JournalEntry unsigned = new JournalEntry(previous.seq() + 1, previous.recordedAt(), previous.actorId(),
                previous.siteId(), JournalAction.MANDATE_USED.name(), previous.objectRef(), details, previous.entryHash(), "");
        return new JournalEntry(unsigned.seq(), unsigned.recordedAt(), unsigned.actorId(), unsigned.siteId(),
                unsigned.action(), unsigned.objectRef(), unsigned.details(), unsigned.previousHash(), Journal.hash(unsigned));
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Plain JDBC in a transaction of its own, committed at once. */
    private <T> T jdbc(Work<T> work) throws SQLException {
        try {
            return transactions.executeWrite(status -> {
                try {
                    return work.run(status.getConnection());
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw e;
        }
    }

    private Object value(long seq, String column) throws SQLException {
        return jdbc(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + column + " FROM journal_entry WHERE seq = ?")) {
                s.setLong(1, seq);
                try (ResultSet rs = s.executeQuery()) {
                    assertTrue(rs.next());
                    return column.equals("recorded_at") ? rs.getObject(1, OffsetDateTime.class) : rs.getObject(1);
                }
            }
        });
    }

    private Map<String, Object> row(long seq) throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>();
        for (String column : List.of("seq", "recorded_at", "actor_id", "site_id", "action", "object_ref", "details",
                "previous_hash", "entry_hash")) {
            row.put(column, value(seq, column));
        }
        return row;
    }

    private void set(long seq, String column, Object value) throws SQLException {
        execute("UPDATE journal_entry SET " + column + " = ? WHERE seq = ?", value, seq);
    }

    private void insert(Map<String, Object> row) throws SQLException {
        execute("INSERT INTO journal_entry (" + String.join(", ", row.keySet()) + ") VALUES ("
                + String.join(", ", row.keySet().stream().map(k -> "?").toList()) + ")", row.values().toArray());
    }

    private void insert(JournalEntry e) throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("seq", e.seq());
        row.put("recorded_at", e.recordedAt().atOffset(java.time.ZoneOffset.UTC));
        row.put("actor_id", e.actorId());
        row.put("site_id", e.siteId());
        row.put("action", e.action());
        row.put("object_ref", e.objectRef());
        row.put("details", e.details());
        row.put("previous_hash", e.previousHash());
        row.put("entry_hash", e.entryHash());
        insert(row);
    }

    private void execute(String sql, Object... values) throws SQLException {
        jdbc(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    if (values[i] == null) {
                        s.setNull(i + 1, java.sql.Types.NULL);
                    } else {
                        s.setObject(i + 1, values[i]);
                    }
                }
                return s.executeUpdate();
            }
        });
    }
}
