package fr.relais.appointment;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Links a person receives after booking or finding their appointment (confirmation page, slip, calendar file):
 * the appointment id plus a key, an HMAC of the id and the booking code, so that ids cannot be walked through.
 */
@Singleton
class AppointmentLinks {
    private final byte[] secret;

    AppointmentLinks(@Value("${relais.links.secret:${micronaut.security.csrf.signature-key}}") String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    String key(Appointment a) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal((a.id() + ":" + a.code()).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean matches(Appointment a, String key) {
        return key != null && MessageDigest.isEqual(key(a).getBytes(StandardCharsets.US_ASCII), key.getBytes(StandardCharsets.US_ASCII));
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
