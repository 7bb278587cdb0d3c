package fr.relais.appointment;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/** Abuse limits of the public booking pages ({@code relais.public-booking.*}), per client address. */
@ConfigurationProperties("relais.public-booking")
public class PublicBookingSettings {
    private int bookingsPerHour = 10;
    private int codeChecksPerWindow = 10;
    private Duration codeCheckWindow = Duration.ofMinutes(15);

    public int getBookingsPerHour() { return bookingsPerHour; }
    public void setBookingsPerHour(int bookingsPerHour) { this.bookingsPerHour = bookingsPerHour; }
    public int getCodeChecksPerWindow() { return codeChecksPerWindow; }
    public void setCodeChecksPerWindow(int codeChecksPerWindow) { this.codeChecksPerWindow = codeChecksPerWindow; }
    public Duration getCodeCheckWindow() { return codeCheckWindow; }
    public void setCodeCheckWindow(Duration codeCheckWindow) { this.codeCheckWindow = codeCheckWindow; }
}
