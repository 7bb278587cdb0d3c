package fr.relais.stats;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The statements that keep the aggregates: add to a row, or insert it when the value is new; no database-specific
 * upsert, the site's lock row makes the update-then-insert safe.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface TallyRows extends GenericRepository<TallyRows.LockRow, Long> {

    @MappedEntity("stat_lock")
    record LockRow(@Id long siteId) {
    }

    @Query("SELECT site_id FROM stat_lock WHERE site_id = :siteId FOR UPDATE")
    Optional<LockRow> lock(long siteId);

    @Query("UPDATE stat_day SET records = records + :records, participants = participants + :participants, "
            + "minutes = minutes + :minutes WHERE site_id = :siteId AND occurred_on = :day AND dimension = :dimension "
            + "AND dim_value = :value")
    int addToDay(long siteId, LocalDate day, String dimension, String value, long records, long participants, long minutes);

    @Query("INSERT INTO stat_day (site_id, occurred_on, dimension, dim_value, records, participants, minutes) "
            + "VALUES (:siteId, :day, :dimension, :value, :records, :participants, :minutes)")
    void insertDay(long siteId, LocalDate day, String dimension, String value, long records, long participants, long minutes);

    @Query("DELETE FROM stat_day WHERE site_id = :siteId AND occurred_on = :day AND dimension = :dimension "
            + "AND dim_value = :value AND records = 0")
    void dropEmptyDay(long siteId, LocalDate day, String dimension, String value);

    @Query("UPDATE stat_month SET records = records + :records, participants = participants + :participants, "
            + "minutes = minutes + :minutes WHERE site_id = :siteId AND month_start = :month AND dimension = :dimension "
            + "AND dim_value = :value")
    int addToMonth(long siteId, LocalDate month, String dimension, String value, long records, long participants,
                   long minutes);

    @Query("INSERT INTO stat_month (site_id, month_start, dimension, dim_value, records, participants, minutes) "
            + "VALUES (:siteId, :month, :dimension, :value, :records, :participants, :minutes)")
    void insertMonth(long siteId, LocalDate month, String dimension, String value, long records, long participants,
                     long minutes);

    @Query("DELETE FROM stat_month WHERE site_id = :siteId AND month_start = :month AND dimension = :dimension "
            + "AND dim_value = :value AND records = 0")
    void dropEmptyMonth(long siteId, LocalDate month, String dimension, String value);
}
