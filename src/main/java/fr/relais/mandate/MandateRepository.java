package fr.relais.mandate;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface MandateRepository extends CrudRepository<Mandate, Long> {

    Optional<Mandate> findByIdAndSiteId(long id, long siteId);

    Optional<Mandate> findByVerificationCode(String code);

    boolean existsByVerificationCode(String code);

    /** Candidates for the desk search: every word typed is then checked in Java. */
    List<Mandate> findBySiteIdAndSearchNameContains(long siteId, String word);

    /** The same person at the same site: candidates for supersession. */
    List<Mandate> findBySiteIdAndSearchNameAndStatus(long siteId, String searchName, String status);

    /** Signed mandates ending between two days: the "expires in less than 30 days" list. */
    List<Mandate> findBySiteIdAndStatusAndEndDateBetween(long siteId, String status, LocalDate from, LocalDate to);

    /** Not revoked, end date passed, expiry not yet written to the journal. */
    List<Mandate> findByStatusInAndEndDateLessThanAndExpiryJournaledFalse(Collection<String> statuses, LocalDate day);

    /** Signs a draft; 0 when someone else signed or revoked it first. */
    @Query("UPDATE mandate SET status = 'ACTIVE', signed_at = :at, signed_by = :by WHERE id = :id AND status = 'DRAFT'")
    int sign(long id, Instant at, long by);

    /** Revokes a draft or an active mandate; 0 when it had already been revoked. */
    @Query("UPDATE mandate SET status = 'REVOKED', revoked_at = :at, revoked_by = :by, revocation_kind = :kind, "
            + "revocation_reason = :reason WHERE id = :id AND status IN ('DRAFT', 'ACTIVE')")
    int revoke(long id, Instant at, long by, String kind, @Nullable String reason);

    /** Marks the expiry as journaled once: 1 for the instance that wins, 0 for any other. */
    @Query("UPDATE mandate SET expiry_journaled = TRUE WHERE id = :id AND expiry_journaled = FALSE")
    int markExpiryJournaled(long id);
}
