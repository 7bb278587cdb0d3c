package fr.relais.accompaniment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

/** The themes, procedure scopes and equipment of an accompaniment: one row each, replaced as a whole on correction. */
final class Links {
    private Links() {
    }

    @MappedEntity("accompaniment_theme")
    record ThemeLink(@Id @GeneratedValue @Nullable Long id, long accompanimentId, String themeCode) {
    }

    @MappedEntity("accompaniment_scope")
    record ScopeLink(@Id @GeneratedValue @Nullable Long id, long accompanimentId, String scopeCode) {
    }

    @MappedEntity("accompaniment_equipment")
    record EquipmentLink(@Id @GeneratedValue @Nullable Long id, long accompanimentId, String equipmentCode) {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Themes extends CrudRepository<ThemeLink, Long> {
        List<ThemeLink> findByAccompanimentIdInOrderById(Collection<Long> accompanimentIds);

        void deleteByAccompanimentId(long accompanimentId);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Scopes extends CrudRepository<ScopeLink, Long> {
        List<ScopeLink> findByAccompanimentIdInOrderById(Collection<Long> accompanimentIds);

        void deleteByAccompanimentId(long accompanimentId);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Equipment extends CrudRepository<EquipmentLink, Long> {
        List<EquipmentLink> findByAccompanimentIdInOrderById(Collection<Long> accompanimentIds);

        void deleteByAccompanimentId(long accompanimentId);
    }
}
