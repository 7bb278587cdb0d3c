package fr.relais.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Objects;

/**
 * The key of a link given to a person without an account (…?cle=): an HMAC-SHA256 of what the link opens (e.g.
 * {@code "42:K7M-4QX"} for an appointment, {@code "inscription:42:K7M-4QX"} for a workshop registration) with the
 * secret {@code relais.links.secret}, so that ids cannot be walked through. Keys are the first 22 characters of the
 * base64url digest (132 bits); the same subject and secret always give the same key, so that printed links keep
 * working. Changing the secret invalidates every link given.
 */
@Singleton
public class KeyedLinks {
    private static final String ALGORITHM = "HmacSHA256";
    /** Characters of a key: 22 base64 characters, 132 bits. */
    static final int KEY_LENGTH = 22;

    private final SecretKeySpec secret;

    public KeyedLinks(@Value("${relais.links.secret:${micronaut.security.csrf.signature-key}}") String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("relais.links.secret is empty");
        }
        this.secret = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The key of the link that opens {@code subject}. */
    public String key(String subject) {
        Objects.requireNonNull(subject, "subject");
        try {
            // A Mac is not thread-safe: one per call (cheap next to a page).
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(secret);
            byte[] digest = mac.doFinal(subject.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, KEY_LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has " + ALGORITHM, e);
        }
    }

    /**
     * Whether {@code key}, as read from a link, is the key of {@code subject}; compared in constant time, so that
     * the time of an answer tells nothing of how much of a guessed key was right. False for no key.
     */
    public boolean matches(String subject, @Nullable String key) {
        if (key == null) {
            return false;
        }
        return MessageDigest.isEqual(key(subject).getBytes(StandardCharsets.UTF_8), key.getBytes(StandardCharsets.UTF_8));
    }
}
