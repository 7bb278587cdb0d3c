package fr.relais.appointment;

import fr.relais.security.KeyedLinks;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The keyed links of an appointment: the keys of the links already given and printed keep opening it. */
class AppointmentLinksTest {
    static final String SECRET = "a-test-secret-for-the-links-of-more-than-32-characters";
    final AppointmentLinks links = new AppointmentLinks(new KeyedLinks(SECRET));

    static Appointment appointment(long id, String code) {
        Instant start = Instant.parse("2026-03-03T13:30:00Z");
        return new Appointment(id, 1, 1, LocalDate.of(2026, 3, 3), LocalTime.of(14, 30), (short) 1, start,
                start.plusSeconds(1800), null, "Zoé", null, null, "EMAIL", null, null, code, AppointmentStatus.BOOKED,
                null, null, start);
    }

    /** The key as the links printed so far were made: HMAC-SHA256 of "id:code", base64url, 22 characters. */
    static String printedKey(long id, String code) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] digest = mac.doFinal((id + ":" + code).getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
    }

    @Test
    void theLinksAlreadyPrintedKeepOpeningTheAppointment() throws Exception {
        Appointment a = appointment(42, "K7M-4QX");
        String key = printedKey(42, "K7M-4QX");
        assertEquals(key, links.key(a));
        assertTrue(links.matches(a, key));
        assertEquals("/rendez-vous/42?cle=" + key, links.confirmation(a));
        assertEquals("/rendez-vous/42/convocation.pdf?format=TICKET&cle=" + key, links.slip(a, "TICKET"));
        assertEquals("/rendez-vous/42/agenda.ics?cle=" + key, links.calendar(a));
    }

    @Test
    void anotherAppointmentsKeyOrNoKeyOpensNothing() throws Exception {
        Appointment a = appointment(42, "K7M-4QX");
        assertFalse(links.matches(a, printedKey(43, "K7M-4QX")), "the key of the next id");
        assertFalse(links.matches(appointment(43, "K7M-4QX"), links.key(a)), "this key on another id");
        assertFalse(links.matches(a, null));
        assertFalse(links.matches(a, ""));
        assertFalse(links.matches(a, "x".repeat(22)));
    }
}
