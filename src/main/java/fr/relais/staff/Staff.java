package fr.relais.staff;

import fr.relais.security.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("staff")
public record Staff(
        @Id @GeneratedValue @Nullable Long id,
        String email,
        String displayName,
        String passwordHash,
        Role role,
        boolean mandateHabilitated,
        boolean active,
        boolean mustChangePassword,
        Instant createdAt) {

    public Staff withPassword(String hash, boolean mustChange) {
        return new Staff(id, email, displayName, hash, role, mandateHabilitated, active, mustChange, createdAt);
    }

    public Staff withActive(boolean value) {
        return new Staff(id, email, displayName, passwordHash, role, mandateHabilitated, value, mustChangePassword, createdAt);
    }

    public Staff withProfile(String name, Role newRole, boolean habilitated) {
        return new Staff(id, email, name, passwordHash, newRole, habilitated, active, mustChangePassword, createdAt);
    }
}
