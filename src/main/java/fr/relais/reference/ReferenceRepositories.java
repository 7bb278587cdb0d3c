package fr.relais.reference;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

/** Read access to the reference lists seeded by Flyway. */
final class ReferenceRepositories {
    private ReferenceRepositories() {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Themes extends CrudRepository<Theme, String> {
        List<Theme> findAllOrderByPosition();
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Scopes extends CrudRepository<ProcedureScope, String> {
        List<ProcedureScope> findAllOrderByPosition();
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Kinds extends CrudRepository<PartnerKind, String> {
        List<PartnerKind> findAllOrderByPosition();
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Bring extends CrudRepository<WhatToBring, Long> {
        List<WhatToBring> findByTargetInOrderByPosition(Collection<String> codes);
    }
}
