package fr.relais.accompaniment;

import fr.relais.stats.Tallies;
import fr.relais.workshop.CollectiveRecords;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The collective record of a workshop session, written from its attendance: one accompaniment per session
 * (unique {@code workshop_session_id}), mode "faire avec", channel "en atelier collectif", the workshop's themes,
 * the number of participants and no name. Saving again rewrites the same record (a corrected attendance);
 * removing it leaves nothing behind (its themes go with it). The statistics' aggregates follow in the same
 * transaction ({@link Tallies}): the record's participants are the people it counts.
 */
@Singleton
class WorkshopRecords implements CollectiveRecords {
    static final String MODE = "DO_WITH";
    static final String CHANNEL = "WORKSHOP";
    private final Rows rows;
    private final AccompanimentRepository records;
    private final Links.Themes themes;
    private final Tallies tallies;
    private final Clock clock;

    WorkshopRecords(Rows rows, AccompanimentRepository records, Links.Themes themes, Tallies tallies, Clock clock) {
        this.rows = rows;
        this.records = records;
        this.themes = themes;
        this.tallies = tallies;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void save(Facts f) {
        tallies.lock(f.siteId());
        Optional<Tallies.Fact> before = stored(f.sessionId());
        int updated = rows.update(f.sessionId(), f.siteId(), f.helperId(), f.occurredAt(), f.day(), f.durationMinutes(),
                f.participants());
        if (updated == 0) {
            rows.insert(f.sessionId(), f.siteId(), f.helperId(), f.occurredAt(), f.day(), f.durationMinutes(),
                    f.participants(), clock.instant());
        }
        rows.removeThemes(f.sessionId());
        f.themeCodes().forEach(code -> rows.addTheme(f.sessionId(), code));
        tallies.change(before.orElse(null), stored(f.sessionId()).orElseThrow());
    }

    @Override
    @Transactional
    public void remove(long sessionId) {
        Optional<Accompaniment> existing = records.findByWorkshopSessionId(sessionId);
        if (existing.isEmpty()) {
            return;
        }
        tallies.lock(existing.get().siteId());
        Optional<Tallies.Fact> before = stored(sessionId);
        rows.delete(sessionId);
        before.ifPresent(tallies::remove);
    }

    /** What the session's record, as stored, counts in the aggregates. */
    private Optional<Tallies.Fact> stored(long sessionId) {
        return records.findByWorkshopSessionId(sessionId).map(a -> RecordFacts.of(a,
                themes.findByAccompanimentIdInOrderById(List.of(a.id())).stream().map(Links.ThemeLink::themeCode).toList(),
                List.of(), List.of()));
    }

    /** The accompaniment table as this class needs it: its id only, every change by a statement of its own. */
    @MappedEntity("accompaniment")
    record Row(@Id @Nullable Long id) {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Rows extends GenericRepository<Row, Long> {

        @Query("INSERT INTO accompaniment (site_id, helper_id, occurred_at, occurred_on, mode, duration_minutes, "
                + "channel_code, participants, workshop_session_id, created_at) VALUES (:siteId, :helperId, :occurredAt, "
                + ":day, '" + MODE + "', :durationMinutes, '" + CHANNEL + "', :participants, :sessionId, :createdAt)")
        void insert(long sessionId, long siteId, long helperId, Instant occurredAt, LocalDate day, int durationMinutes,
                    int participants, Instant createdAt);

        @Query("UPDATE accompaniment SET site_id = :siteId, helper_id = :helperId, occurred_at = :occurredAt, "
                + "occurred_on = :day, mode = '" + MODE + "', duration_minutes = :durationMinutes, channel_code = '" + CHANNEL
                + "', participants = :participants WHERE workshop_session_id = :sessionId")
        int update(long sessionId, long siteId, long helperId, Instant occurredAt, LocalDate day, int durationMinutes,
                   int participants);

        @Query("DELETE FROM accompaniment_theme WHERE accompaniment_id IN "
                + "(SELECT id FROM accompaniment WHERE workshop_session_id = :sessionId)")
        void removeThemes(long sessionId);

        @Query("INSERT INTO accompaniment_theme (accompaniment_id, theme_code) "
                + "SELECT id, :themeCode FROM accompaniment WHERE workshop_session_id = :sessionId")
        void addTheme(long sessionId, String themeCode);

        /** Its themes go with it (ON DELETE CASCADE). */
        @Query("DELETE FROM accompaniment WHERE workshop_session_id = :sessionId")
        void delete(long sessionId);
    }
}
