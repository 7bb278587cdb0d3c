package fr.relais.workshop;

import fr.relais.security.KeyedLinks;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The keyed links of a registration: the keys of the slips already printed keep opening it, and only it. */
class RegistrationLinksTest {
    static final String SECRET = "a-test-secret-for-the-links-of-more-than-32-characters";
    final RegistrationLinks links = new RegistrationLinks(new KeyedLinks(SECRET));

    static Registration registration(long id, String code) {
        return new Registration(id, 7, 1, "Zoé", null, null, 1, RegistrationStatus.SEATED, code, null, "fr", null, null,
                Instant.parse("2026-12-01T09:00:00Z"));
    }

    /** The key as the links printed so far were made: HMAC-SHA256 of "inscription:id:code", base64url, 22 characters. */
    static String printedKey(String subject) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] digest = mac.doFinal(subject.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
    }

    @Test
    void theLinksAlreadyPrintedKeepOpeningTheRegistration() throws Exception {
        Registration r = registration(42, "K7M-4QX");
        String key = printedKey("inscription:42:K7M-4QX");
        assertEquals(key, links.key(r));
        assertTrue(links.matches(r, key));
        assertEquals("/ateliers/inscriptions/42?cle=" + key, links.page(r));
        assertEquals("/ateliers/inscriptions/42/bulletin.pdf?format=TICKET&cle=" + key,
                links.slip(r, RegistrationSlip.Format.TICKET));
        assertEquals("/ateliers/inscriptions/42/agenda.ics?cle=" + key, links.calendar(r));
    }

    @Test
    void anotherKeyOpensNothing() throws Exception {
        Registration r = registration(42, "K7M-4QX");
        assertFalse(links.matches(r, printedKey("inscription:43:K7M-4QX")), "the key of the next id");
        assertFalse(links.matches(registration(43, "K7M-4QX"), links.key(r)), "this key on another id");
        // An appointment with the same id and code has its own key: it does not open the registration.
        String appointmentKey = printedKey("42:K7M-4QX");
        assertNotEquals(appointmentKey, links.key(r));
        assertFalse(links.matches(r, appointmentKey));
        assertFalse(links.matches(r, null));
        assertFalse(links.matches(r, ""));
    }
}
