package fr.relais.security;

import fr.relais.web.Cookies;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Login sessions kept in the database, so that every application instance accepts them and a logout
 * or a deactivation ends them at once everywhere. The cookie holds 256 random bits; the table holds
 * only their SHA-256.
 */
@Singleton
public class StaffSessions {
    /** Writing the last-seen time at most once a minute keeps reads cheap. */
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);
    private final SecureRandom random = new SecureRandom();
    private final StaffSessionRepository sessions;
    private final Accounts accounts;
    private final SecurityProperties.Session settings;
    private final Cookies cookies;
    private final Clock clock;

    StaffSessions(StaffSessionRepository sessions, Accounts accounts,
                  SecurityProperties.Session settings, Cookies cookies, Clock clock) {
        this.cookies = cookies;
        this.sessions = sessions;
        this.accounts = accounts;
        this.settings = settings;
        this.clock = clock;
    }

    /** Opens a new session and returns the cookie value: a new identifier at every login. */
    String open(long staffId) {
        Instant now = clock.instant();
        sessions.deleteByLastSeenAtLessThan(now.minus(settings.getIdleTimeout()));
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        sessions.save(new StaffSession(Hashing.sha256(token), staffId, now, now));
        return token;
    }

    Optional<Authentication> authenticate(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        String hash = Hashing.sha256(token);
        Optional<StaffSession> found = sessions.findById(hash);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        StaffSession session = found.get();
        Instant now = clock.instant();
        if (session.lastSeenAt().plus(settings.getIdleTimeout()).isBefore(now)) {
            sessions.deleteById(hash);
            return Optional.empty();
        }
        Optional<Accounts.Account> account = accounts.activeById(session.staffId());
        if (account.isEmpty()) {
            sessions.deleteById(hash);
            return Optional.empty();
        }
        if (session.lastSeenAt().plus(TOUCH_INTERVAL).isBefore(now)) {
            sessions.updateLastSeenAt(hash, now);
        }
        Accounts.Account a = account.get();
        return Optional.of(CurrentStaff.toAuthentication(a.id(), a.displayName(), a.role(), a.siteIds(),
                a.mandateHabilitated(), a.mustChangePassword()));
    }

    void close(String token) {
        if (token != null && token.length() <= 100) {
            sessions.deleteById(Hashing.sha256(token));
        }
    }

    /** Ends every session of an account: deactivation, password reset. */
    public void closeAllFor(long staffId) {
        sessions.deleteByStaffId(staffId);
    }

    /** The session cookie, with Relais' cookie flags; no Max-Age, it ends with the browser. */
    Cookie cookie(String token, HttpRequest<?> request) {
        return cookies.of(settings.getCookieName(), token, request);
    }

}
