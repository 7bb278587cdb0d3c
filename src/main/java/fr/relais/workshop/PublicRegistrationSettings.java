package fr.relais.workshop;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * Abuse limits of the public workshop pages ({@code relais.public-registration.*}), per client address, like
 * those of the public booking pages: registrations per hour, code checks (finding, cancelling) per window.
 */
@ConfigurationProperties("relais.public-registration")
public class PublicRegistrationSettings {
    private int registrationsPerHour = 10;
    private int codeChecksPerWindow = 10;
    private Duration codeCheckWindow = Duration.ofMinutes(15);

    public int getRegistrationsPerHour() { return registrationsPerHour; }
    public void setRegistrationsPerHour(int registrationsPerHour) { this.registrationsPerHour = registrationsPerHour; }
    public int getCodeChecksPerWindow() { return codeChecksPerWindow; }
    public void setCodeChecksPerWindow(int codeChecksPerWindow) { this.codeChecksPerWindow = codeChecksPerWindow; }
    public Duration getCodeCheckWindow() { return codeCheckWindow; }
    public void setCodeCheckWindow(Duration codeCheckWindow) { this.codeCheckWindow = codeCheckWindow; }
}
