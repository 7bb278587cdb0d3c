package fr.relais.appointment;

import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Booking codes: six random characters of Crockford's base 32 (32 symbols, 30 bits), shown as {@code K7M-4QX}.
 * Read back leniently: case, spaces and dashes are ignored, and the look-alikes O, I, L, U are read as 0, 1, 1, V.
 */
@Singleton
public class BookingCodes {
    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private final SecureRandom random = new SecureRandom();

    String next() {
        char[] code = new char[6];
        for (int i = 0; i < code.length; i++) {
            code[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(code);
    }

    public static String display(String code) {
        return code.substring(0, 3) + "-" + code.substring(3);
    }

    /** The stored form of what someone typed, or empty when it cannot be a code. */
    public static Optional<String> normalize(String typed) {
        if (typed == null || typed.length() > 20) {
            return Optional.empty();
        }
        String code = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "")
                .replace('O', '0').replace('I', '1').replace('L', '1').replace('U', 'V');
        if (code.length() != 6 || !code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(code);
    }
}
