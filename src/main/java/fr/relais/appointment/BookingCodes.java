package fr.relais.appointment;

import jakarta.inject.Singleton;

import fr.relais.security.ShortCodes;
import java.util.Optional;

/**
 * Booking codes: six random characters of Crockford's base 32 (32 symbols, 30 bits), shown as {@code K7M-4QX}.
 * Read back leniently: case, spaces and dashes are ignored, and the look-alikes O, I, L, U are read as 0, 1, 1, V.
 */
@Singleton
public class BookingCodes {
    static final int LENGTH = 6;

    String next() {
        return ShortCodes.next(LENGTH);
    }

    public static String display(String code) {
        return ShortCodes.display(code);
    }

    /** The stored form of what someone typed, or empty when it cannot be a code. */
    public static Optional<String> normalize(String typed) {
        return ShortCodes.normalize(typed, LENGTH);
    }
}
