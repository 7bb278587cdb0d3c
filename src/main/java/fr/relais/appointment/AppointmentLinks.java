package fr.relais.appointment;

import fr.relais.security.KeyedLinks;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/**
 * Links a person receives after booking or finding their appointment (confirmation page, slip, calendar file):
 * the appointment id plus a key of the id and the booking code ({@link KeyedLinks}), so that ids cannot be walked
 * through.
 */
@Singleton
class AppointmentLinks {
    private final KeyedLinks keys;

    AppointmentLinks(KeyedLinks keys) {
        this.keys = keys;
    }

    String key(Appointment a) {
        return keys.key(subject(a));
    }

    boolean matches(Appointment a, @Nullable String key) {
        return keys.matches(subject(a), key);
    }

    /** What the key signs: "id:code" (the links printed since the first slips). */
    private static String subject(Appointment a) {
        return a.id() + ":" + a.code();
    }

    String confirmation(Appointment a) {
        return "/rendez-vous/" + a.id() + "?cle=" + key(a);
    }

    String slip(Appointment a, String format) {
        return "/rendez-vous/" + a.id() + "/convocation.pdf?format=" + format + "&cle=" + key(a);
    }

    String calendar(Appointment a) {
        return "/rendez-vous/" + a.id() + "/agenda.ics?cle=" + key(a);
    }
}
