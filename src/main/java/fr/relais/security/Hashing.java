package fr.relais.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one SHA-256 of Relais: what is stored instead of a secret (session ids, calendar-feed tokens, client
 * addresses, throttled e-mails) and what chains the journal's entries.
 */
public final class Hashing {
    private Hashing() {
    }

    /** Lower-case hex SHA-256 of the UTF-8 bytes of a text. */
    public static String sha256(String value) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
