package fr.relais.security;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/** Settings of login, sessions and cookies ({@code relais.session.*}, {@code relais.login.*}, {@code relais.csrf.*}). */
public final class SecurityProperties {
    private SecurityProperties() {
    }

    @ConfigurationProperties("relais.session")
    public static class Session {
        private String cookieName = "relais_session";
        private Duration idleTimeout = Duration.ofMinutes(30);

        public String getCookieName() { return cookieName; }
        public void setCookieName(String cookieName) { this.cookieName = cookieName; }
        public Duration getIdleTimeout() { return idleTimeout; }
        public void setIdleTimeout(Duration idleTimeout) { this.idleTimeout = idleTimeout; }

    }

    @ConfigurationProperties("relais.login")
    public static class Login {
        private int maxFailures = 5;
        private int maxFailuresPerAddress = 5;
        private Duration lockDuration = Duration.ofMinutes(15);

        public int getMaxFailures() { return maxFailures; }
        public void setMaxFailures(int maxFailures) { this.maxFailures = maxFailures; }
        public int getMaxFailuresPerAddress() { return maxFailuresPerAddress; }
        public void setMaxFailuresPerAddress(int maxFailuresPerAddress) { this.maxFailuresPerAddress = maxFailuresPerAddress; }
        public Duration getLockDuration() { return lockDuration; }
        public void setLockDuration(Duration lockDuration) { this.lockDuration = lockDuration; }
    }

    @ConfigurationProperties("relais.csrf")
    public static class Csrf {
        private String cookieName = "relais_csrf";

        public String getCookieName() { return cookieName; }
        public void setCookieName(String cookieName) { this.cookieName = cookieName; }
    }
}
