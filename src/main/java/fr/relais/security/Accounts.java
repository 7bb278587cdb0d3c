package fr.relais.security;

import java.util.List;
import java.util.Optional;

/**
 * What signing in needs to know of staff accounts. The {@code staff} package keeps the accounts and answers
 * this, so that security does not reach into its tables and accounts can use security's pieces freely.
 */
public interface Accounts {

    /** An active account as signing in sees it. */
    record Account(long id, String email, String displayName, String passwordHash, Role role,
                   boolean mandateHabilitated, boolean mustChangePassword, List<Long> siteIds) {
    }

    /** The active account with this e-mail, as typed at login (already trimmed and lower-cased). */
    Optional<Account> activeByEmail(String email);

    Optional<Account> activeById(long id);

    /** A new password chosen by the person; a one-time password is no longer to be changed. */
    void changePassword(long id, String passwordHash);
}
