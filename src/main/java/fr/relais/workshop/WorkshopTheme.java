package fr.relais.workshop;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

/** One theme of a workshop (reference list), read by the filters of the agenda and by statistics. */
@MappedEntity("workshop_theme")
record WorkshopTheme(@Id @GeneratedValue @Nullable Long id, long workshopId, String themeCode) {

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Repository extends CrudRepository<WorkshopTheme, Long> {
        List<WorkshopTheme> findByWorkshopIdIn(Collection<Long> workshopIds);

        void deleteByWorkshopId(long workshopId);
    }
}
