package fr.relais.staff;

import fr.relais.security.PasswordHasher;
import fr.relais.security.Role;
import fr.relais.site.Site;
import fr.relais.site.Sites;
import jakarta.inject.Singleton;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Accounts of their own for tests of any package, created directly (not the subject of the test): a fresh e-mail
 * each, a known password, the libraries named by their slugs.
 */
@Singleton
public class StaffFixtures {
    /** The password of {@link #newHelper}. */
    public static final String PASSWORD = "mot de passe de test 2026";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private final StaffAccounts accounts;
    private final PasswordHasher hasher;
    private final Sites sites;

    StaffFixtures(StaffAccounts accounts, PasswordHasher hasher, Sites sites) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.sites = sites;
    }

    /** A helper, not habilitated for mandates, with {@link #PASSWORD}. */
    public Staff newHelper(String name, String... siteSlugs) {
        return newAccount(Role.HELPER, name, PASSWORD, siteSlugs);
    }

    public Staff newAccount(Role role, String name, String password, String... siteSlugs) {
        String email = role.name().toLowerCase(Locale.ROOT) + COUNTER.incrementAndGet() + "." + System.nanoTime() % 100000
                + "@relais.test";
        return accounts.create(email, name, role, false, hasher.hash(password), false, Arrays.stream(siteSlugs)
                .map(slug -> sites.bySlug(slug).map(Site::id).orElseThrow())
                .collect(Collectors.toCollection(LinkedHashSet::new)));
    }
}
