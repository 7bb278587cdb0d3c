package fr.relais.accompaniment;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface AccompanimentRepository extends CrudRepository<Accompaniment, Long> {
    Optional<Accompaniment> findByAppointmentId(long appointmentId);

    Optional<Accompaniment> findByWorkshopSessionId(long workshopSessionId);

    List<Accompaniment> findByHelperIdAndOccurredOnBetweenOrderByOccurredAtDesc(long helperId, LocalDate from, LocalDate to);

    List<Accompaniment> findBySiteIdInAndOccurredOnBetweenOrderByOccurredAtDesc(Collection<Long> siteIds, LocalDate from,
                                                                                 LocalDate to);

    /** How often each theme was chosen at a site since a day: the form lists the frequent ones first. */
    @Query("SELECT t.theme_code AS code, COUNT(*) AS uses FROM accompaniment_theme t"
            + " JOIN accompaniment a ON a.id = t.accompaniment_id"
            + " WHERE a.site_id = :siteId AND a.occurred_on >= :since GROUP BY t.theme_code")
    List<ThemeUse> themeUses(long siteId, LocalDate since);

    @Introspected
    record ThemeUse(String code, long uses) {
    }
}
