package fr.relais.staff;

import fr.relais.security.Role;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface StaffRepository extends CrudRepository<Staff, Long> {
    Optional<Staff> findByEmail(String email);

    boolean existsByEmail(String email);

    List<Staff> findAllOrderByDisplayName();

    long countByRole(Role role);

    List<Staff> findByIdIn(java.util.Collection<Long> ids);
}
