package fr.relais.security;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import jakarta.inject.Singleton;

import java.security.SecureRandom;

/**
 * Argon2id password hashes (password4j), with the parameters OWASP recommends for interactive logins
 * (19 MiB, 2 passes, 1 lane). The hash string carries its parameters, so they can be raised later.
 */
@Singleton
public class PasswordHasher {
    static final Argon2Function ARGON2ID = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);
    /** One-time passwords avoid look-alike characters: they are read from a screen and typed by hand. */
    private static final char[] ONE_TIME_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private final SecureRandom random = new SecureRandom();
    private final String dummyHash = hash("relais-dummy-password-for-timing");

    public String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult();
    }

    public boolean matches(String password, String hash) {
        if (password == null || hash == null) {
            return false;
        }
        return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
    }

    /** Spends the time of a real check, so an unknown e-mail answers as slowly as a wrong password. */
    public void matchesNothing(String password) {
        matches(password == null ? "" : password, dummyHash);
    }

    /** A one-time password such as {@code k7Mp-x3Qa-Zt9e-Hw2n}: 16 characters, about 92 bits. */
    public String oneTimePassword() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                sb.append('-');
            }
            sb.append(ONE_TIME_ALPHABET[random.nextInt(ONE_TIME_ALPHABET.length)]);
        }
        return sb.toString();
    }
}
