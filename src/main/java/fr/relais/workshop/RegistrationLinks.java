package fr.relais.workshop;

import fr.relais.security.KeyedLinks;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/**
 * The links a person gets after registering or finding their registration (its page, the slip, the calendar
 * file): the registration's id plus a key of the id and the code ({@link KeyedLinks}), so that ids cannot be walked
 * through. The same secret as the appointment links; the keys differ by their prefix.
 */
@Singleton
class RegistrationLinks {
    private final KeyedLinks keys;

    RegistrationLinks(KeyedLinks keys) {
        this.keys = keys;
    }

    String key(Registration r) {
        return keys.key(subject(r));
    }

    boolean matches(Registration r, @Nullable String key) {
        return keys.matches(subject(r), key);
    }

    /** What the key signs: "inscription:id:code", never the subject of an appointment's key. */
    private static String subject(Registration r) {
        return "inscription:" + r.id() + ":" + r.code();
    }

    String page(Registration r) {
        return "/ateliers/inscriptions/" + r.id() + "?cle=" + key(r);
    }

    String slip(Registration r, RegistrationSlip.Format format) {
        return "/ateliers/inscriptions/" + r.id() + "/bulletin.pdf?format=" + format.name() + "&cle=" + key(r);
    }

    String calendar(Registration r) {
        return "/ateliers/inscriptions/" + r.id() + "/agenda.ics?cle=" + key(r);
    }

    /** Links of the person's pages, as the templates read them. */
    record PersonLinks(String page, String slipA4, String slipTicket, String calendar) {
    }

    PersonLinks all(Registration r) {
        return new PersonLinks(page(r), slip(r, RegistrationSlip.Format.A4), slip(r, RegistrationSlip.Format.TICKET), calendar(r));
    }
}
