package fr.relais.security;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

/**
 * Slows down password guessing: after {@code relais.login.max-failures} failures for one typed e-mail, or
 * {@code relais.login.max-failures-per-address} from one address, within {@code relais.login.lock-duration}, further attempts are refused
 * until the window has passed. Unknown e-mails are counted like known ones, so the answer never tells
 * whether an account exists. Only hashes of the e-mail and of the address are stored.
 */
@Singleton
class LoginThrottle {
    private final LoginAttemptRepository attempts;
    private final SecurityProperties.Login settings;
    private final Clock clock;

    LoginThrottle(LoginAttemptRepository attempts, SecurityProperties.Login settings, Clock clock) {
        this.attempts = attempts;
        this.settings = settings;
        this.clock = clock;
    }

    boolean isLocked(String email, String address) {
        Instant since = clock.instant().minus(settings.getLockDuration());
        return attempts.countByAccountKeyAndSucceededAndAttemptedAtGreaterThan(accountKey(email), false, since) >= settings.getMaxFailures()
                || attempts.countByAddressKeyAndSucceededAndAttemptedAtGreaterThan(addressKey(address), false, since) >= settings.getMaxFailuresPerAddress();
    }

    void record(String email, String address, boolean succeeded) {
        Instant now = clock.instant();
        attempts.deleteByAttemptedAtLessThan(now.minus(settings.getLockDuration()).minusSeconds(86_400));
        attempts.save(new LoginAttempt(null, accountKey(email), addressKey(address), now, succeeded));
    }

    long lockMinutes() {
        return settings.getLockDuration().toMinutes();
    }

    private static String accountKey(String email) {
        return Hashing.sha256("account:" + (email == null ? "" : email.trim().toLowerCase(Locale.ROOT)));
    }

    private static String addressKey(String address) {
        return Hashing.sha256("address:" + (address == null ? "" : address));
    }
}
