package fr.relais.journal;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Collection;
import java.util.List;

/** Insert and read only: the journal has no update or delete path. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface JournalRepository extends GenericRepository<JournalEntry, Long> {

    JournalEntry save(JournalEntry entry);

    /** A slice of the chain in order, for the check (which never loads the whole journal at once). */
    @Query("SELECT * FROM journal_entry WHERE seq > :afterSeq ORDER BY seq LIMIT :limit")
    List<JournalEntry> chainAfter(long afterSeq, int limit);

    long count();

    // The journal page: every entry (administrators) or those of some sites (directors, or a site filter).

    Page<JournalEntry> findAll(Pageable pageable);

    Page<JournalEntry> findByAction(String action, Pageable pageable);

    Page<JournalEntry> findBySiteIdIn(Collection<Long> siteIds, Pageable pageable);

    Page<JournalEntry> findBySiteIdInAndAction(Collection<Long> siteIds, String action, Pageable pageable);
}
