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

/** A helper leading a session. */
@MappedEntity("workshop_session_helper")
record SessionHelper(@Id @GeneratedValue @Nullable Long id, long sessionId, long staffId) {

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Repository extends CrudRepository<SessionHelper, Long> {
        List<SessionHelper> findBySessionIdIn(Collection<Long> sessionIds);

        void deleteBySessionId(long sessionId);
    }
}
