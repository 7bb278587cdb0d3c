package fr.relais.security;

import fr.relais.staff.Staff;
import fr.relais.staff.StaffRepository;
import fr.relais.staff.StaffSite;
import fr.relais.staff.StaffSiteRepository;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
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
    private final StaffRepository staff;
    private final StaffSiteRepository staffSites;
    private final SecurityProperties.Session settings;
    private final Clock clock;

    StaffSessions(StaffSessionRepository sessions, StaffRepository staff, StaffSiteRepository staffSites,
                  SecurityProperties.Session settings, Clock clock) {
        this.sessions = sessions;
        this.staff = staff;
        this.staffSites = staffSites;
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
        Optional<Staff> account = staff.findById(session.staffId()).filter(Staff::active);
        if (account.isEmpty()) {
            sessions.deleteById(hash);
            return Optional.empty();
        }
        if (session.lastSeenAt().plus(TOUCH_INTERVAL).isBefore(now)) {
            sessions.updateLastSeenAt(hash, now);
        }
        Staff s = account.get();
        return Optional.of(CurrentStaff.toAuthentication(s.id(), s.displayName(), s.role(),
                staffSites.findByStaffId(s.id()).stream().map(StaffSite::siteId).sorted().toList(),
                s.mandateHabilitated(), s.mustChangePassword()));
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

    /** The session cookie: HttpOnly, SameSite=Lax, Secure over HTTPS; no Max-Age, it ends with the browser. */
    Cookie cookie(String token, HttpRequest<?> request) {
        return Cookie.of(settings.getCookieName(), token).path("/").httpOnly(true)
                .sameSite(SameSite.Lax).secure(settings.secure(request));
    }

}
