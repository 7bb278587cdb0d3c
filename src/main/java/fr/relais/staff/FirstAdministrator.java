package fr.relais.staff;

import fr.relais.security.Role;
import fr.relais.security.PasswordHasher;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;

/**
 * A new production database has no account. When {@code relais.bootstrap.admin-email} and
 * {@code relais.bootstrap.admin-password} are set and no administrator exists yet, this creates one, whose
 * password must be changed at first login. Nothing happens once an administrator exists, so the settings can
 * be removed afterwards. The password is never logged.
 */
@Singleton
@Requires(property = "relais.bootstrap.admin-email")
@Requires(property = "relais.bootstrap.admin-password")
class FirstAdministrator {
    private static final Logger LOG = LoggerFactory.getLogger(FirstAdministrator.class);
    private final StaffRepository staff;
    private final StaffAccounts accounts;
    private final PasswordHasher hasher;
    private final String email;
    private final String password;

    FirstAdministrator(StaffRepository staff, StaffAccounts accounts, PasswordHasher hasher,
                       @Value("${relais.bootstrap.admin-email}") String email,
                       @Value("${relais.bootstrap.admin-password}") String password) {
        this.staff = staff;
        this.accounts = accounts;
        this.hasher = hasher;
        this.email = email;
        this.password = password;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (staff.countByRole(Role.ADMIN) > 0 || email.isBlank() || password.length() < 12) {
            return;
        }
        Staff admin = accounts.create(email, "Administration", Role.ADMIN, false, hasher.hash(password), true, Set.of());
        LOG.info("First administrator account created (id {}); its password must be changed at first login", admin.id());
    }
}
