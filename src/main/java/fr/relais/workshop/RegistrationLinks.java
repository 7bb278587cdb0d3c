package fr.relais.workshop;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * The links a person gets after registering or finding their registration (its page, the slip, the calendar
 * file): the registration's id plus a key, an HMAC of the id and the code, so that ids cannot be walked through.
 * The same secret as the appointment links ({@code relais.links.secret}); the keys differ by their prefix.
 */
@Singleton
class RegistrationLinks {
    private final byte[] secret;

    RegistrationLinks(@Value("${relais.links.secret:${micronaut.security.csrf.signature-key}}") String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    String key(Registration r) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal(("inscription:" + r.id() + ":" + r.code()).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean matches(Registration r, String key) {
        return key != null && MessageDigest.isEqual(key(r).getBytes(StandardCharsets.US_ASCII), key.getBytes(StandardCharsets.US_ASCII));
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
