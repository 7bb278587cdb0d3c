package fr.relais.security;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The keys of the links given to people without an account: the same key for the same subject and secret as the
 * links already printed, and any other key refused.
 */
class KeyedLinksTest {
    static final String SECRET = "a-test-secret-for-the-links-of-more-than-32-characters";
    final KeyedLinks links = new KeyedLinks(SECRET);

    /**
     * The key as links have been made since the first slips, computed here on its own with javax.crypto: HMAC-SHA256
     * of the subject, base64url without padding, first 22 characters.
     */
    static String printedKey(String secret, String subject) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] digest = mac.doFinal(subject.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
    }

    @Test
    void aKeyIsTheOneOfTheLinksAlreadyPrinted() throws Exception {
        for (String subject : new String[]{"42:K7M-4QX", "inscription:42:K7M-4QX", "1:AAA-AAA", "9007199254740993:Z9Z-9ZZ"}) {
            String key = links.key(subject);
            assertEquals(printedKey(SECRET, subject), key, subject);
            assertEquals(22, key.length(), key);
            assertTrue(key.matches("[A-Za-z0-9_-]{22}"), "a key reads in a link as it is: " + key);
            assertTrue(links.matches(subject, key), subject);
            assertEquals(key, new KeyedLinks(SECRET).key(subject), "the same key after a restart");
        }
    }

    @Test
    void anyOtherKeyIsRefused() {
        String key = links.key("42:K7M-4QX");
        assertFalse(links.matches("42:K7M-4QX", null), "no key");
        assertFalse(links.matches("42:K7M-4QX", ""), "empty key");
        assertFalse(links.matches("42:K7M-4QX", "   "), "blank key");
        assertFalse(links.matches("42:K7M-4QX", links.key("43:K7M-4QX")), "another id's key");
        assertFalse(links.matches("42:K7M-4QX", links.key("42:K7M-4QY")), "another code's key");
        assertFalse(links.matches("42:K7M-4QX", links.key("inscription:42:K7M-4QX")), "a registration's key for an appointment");
        assertFalse(links.matches("42:K7M-4QX", new KeyedLinks(SECRET + "!").key("42:K7M-4QX")), "another secret's key");
        String lastChanged = key.substring(0, 21) + (key.charAt(21) == 'A' ? 'B' : 'A');
        assertFalse(links.matches("42:K7M-4QX", lastChanged), "one character wrong");
        assertFalse(links.matches("42:K7M-4QX", key.substring(0, 21)), "a key cut short");
        assertFalse(links.matches("42:K7M-4QX", key + "A"), "a key made longer");
        assertFalse(links.matches("42:K7M-4QX", "é".repeat(11)), "letters a key never has");
        assertTrue(links.matches("42:K7M-4QX", key), "its own key");
    }

    @Test
    void subjectsAndSecretsMakeDifferentKeys() {
        assertNotEquals(links.key("42:K7M-4QX"), links.key("inscription:42:K7M-4QX"));
        assertNotEquals(links.key("42:K7M-4QX"), new KeyedLinks("another-secret-for-the-links-of-32-characters").key("42:K7M-4QX"));
    }

    @Test
    void anEmptySecretIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new KeyedLinks(""));
    }
}
