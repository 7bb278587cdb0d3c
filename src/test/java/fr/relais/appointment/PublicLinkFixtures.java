package fr.relais.appointment;

import fr.relais.security.Hashing;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.UUID;

/**
 * Secret links made by the application, for tests outside this package (the route table): the key of a person's
 * links to an appointment (confirmation page, slip, calendar file), and a helper's calendar feed address.
 */
@Singleton
public class PublicLinkFixtures {
    private final AppointmentLinks links;
    private final AppointmentRepository appointments;
    private final CalendarFeedRepository feeds;

    PublicLinkFixtures(AppointmentLinks links, AppointmentRepository appointments, CalendarFeedRepository feeds) {
        this.links = links;
        this.appointments = appointments;
        this.feeds = feeds;
    }

    /** A new calendar feed of this helper (replacing theirs): the file name of its secret address, {@code <token>.ics}. */
    public String newHelperFeed(long staffId) {
        String token = UUID.randomUUID().toString().replace("-", "");
        feeds.replace(staffId, Hashing.sha256(token), Instant.now());
        return token + ".ics";
    }

    /** The {@code cle} of the appointment's links. */
    public String key(long appointmentId) {
        return links.key(appointments.findById(appointmentId).orElseThrow());
    }
}
