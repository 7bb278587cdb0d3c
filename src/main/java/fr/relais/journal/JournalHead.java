package fr.relais.journal;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

/** The single row every append locks: the last entry's number and hash. */
@MappedEntity("journal_head")
record JournalHead(@Id int id, long lastSeq, String lastHash) {

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Repository extends GenericRepository<JournalHead, Integer> {
        /** Blocks other appenders until this transaction ends, on H2 and PostgreSQL alike. */
        @Query("SELECT * FROM journal_head WHERE id = 1 FOR UPDATE")
        JournalHead lock();

        /** The head as last committed, without waiting for appenders (the check reads it). */
        @Query("SELECT * FROM journal_head WHERE id = 1")
        java.util.Optional<JournalHead> current();

        @Query("UPDATE journal_head SET last_seq = :lastSeq, last_hash = :lastHash WHERE id = 1")
        void advance(long lastSeq, String lastHash);
    }
}
