package fr.relais.security;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Short codes people read on paper and type back: random characters of Crockford's base 32 (5 bits each).
 * Read back leniently: case, spaces and dashes are ignored, and the look-alikes O, I, L, U are read as 0, 1, 1, V.
 */
public final class ShortCodes {
    public static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Longer than this is not someone typing a code. */
    private static final int MAX_TYPED = 20;

    private ShortCodes() {
    }

    public static String next(int length) {
        char[] code = new char[length];
        for (int i = 0; i < code.length; i++) {
            code[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new String(code);
    }

    /** The stored form of what someone typed, or empty when it cannot be a code of this length. */
    public static Optional<String> normalize(String typed, int length) {
        if (typed == null || typed.length() > MAX_TYPED) {
            return Optional.empty();
        }
        String code = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "")
                .replace('O', '0').replace('I', '1').replace('L', '1').replace('U', 'V');
        if (code.length() != length || !code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(code);
    }

    /** The code in two halves, {@code K7M-4QX}: easier to read out and to copy. */
    public static String display(String code) {
        int half = (code.length() + 1) / 2;
        return code.substring(0, half) + "-" + code.substring(half);
    }
}
