package fr.relais.mandate;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface MandateScopeRepository extends CrudRepository<MandateScope, Long> {

    List<MandateScope> findByMandateId(long mandateId);

    List<MandateScope> findByMandateIdIn(Collection<Long> mandateIds);
}
