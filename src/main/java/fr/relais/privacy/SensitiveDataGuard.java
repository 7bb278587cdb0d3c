package fr.relais.privacy;

import org.apache.commons.validator.routines.IBANValidator;
import org.apache.commons.validator.routines.checkdigit.LuhnCheckDigit;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what must never be written in a free-text note: a French social-security number (NIR), an IBAN,
 * a payment-card number, or a password written after its keyword. Numbers are confirmed by their check
 * digits (NIR key, IBAN mod 97, Luhn) so that phone numbers, dates and amounts pass.
 */
public final class SensitiveDataGuard {
    public enum Finding { NIR, IBAN, CARD, PASSWORD }

    /** Sex digit, year, month, department (2A/2B for Corsica), commune, order, key; spaces, dots or dashes allowed. */
    private static final Pattern NIR = Pattern.compile(
            "(?<![\\dA-Za-z])([1-478])[ .-]?(\\d{2})[ .-]?(\\d{2})[ .-]?(\\d{2}|2[AaBb])[ .-]?(\\d{3})[ .-]?(\\d{3})(?:[ .-]?(\\d{2}))?(?![\\dA-Za-z])");
    private static final Pattern IBAN = Pattern.compile("(?<![A-Za-z0-9])[A-Za-z]{2}\\d{2}(?:[ -]?[A-Za-z0-9]){11,30}(?![A-Za-z0-9])");
    private static final Pattern CARD = Pattern.compile("(?<!\\d)\\d(?:[ -]?\\d){12,18}(?!\\d)");
    private static final Pattern PASSWORD = Pattern.compile(
            "(?iu)(?<![\\p{L}])(mdp|mot\\s+de\\s+passe|password|passwd|pwd|code\\s+secret)\\s*([:=])?\\s*(\\S+)");

    private SensitiveDataGuard() {
    }

    public static boolean isClean(String text) {
        return find(text).isEmpty();
    }

    public static Optional<Finding> find(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        if (containsNir(text)) {
            return Optional.of(Finding.NIR);
        }
        if (containsIban(text)) {
            return Optional.of(Finding.IBAN);
        }
        if (containsCard(text)) {
            return Optional.of(Finding.CARD);
        }
        if (containsPassword(text)) {
            return Optional.of(Finding.PASSWORD);
        }
        return Optional.empty();
    }

    private static boolean containsNir(String text) {
        Matcher m = NIR.matcher(text);
        while (m.find()) {
            int month = Integer.parseInt(m.group(3));
            boolean plausibleMonth = (month >= 1 && month <= 12) || month >= 20;
            if (!plausibleMonth) {
                continue;
            }
            String key = m.group(7);
            if (key == null) {
                return true; // 13 characters in the NIR's shape: refused even without its key
            }
            String department = m.group(4).toUpperCase(Locale.ROOT).replace("2A", "19").replace("2B", "18");
            BigInteger number = new BigInteger(m.group(1) + m.group(2) + m.group(3) + department + m.group(5) + m.group(6));
            int expected = 97 - number.mod(BigInteger.valueOf(97)).intValue();
            if (expected == Integer.parseInt(key)) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsIban(String text) {
        Matcher m = IBAN.matcher(text);
        while (m.find()) {
            String compact = m.group().replaceAll("[ -]", "").toUpperCase(Locale.ROOT);
            if (IBANValidator.getInstance().isValid(compact)) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsCard(String text) {
        Matcher m = CARD.matcher(text);
        while (m.find()) {
            String digits = m.group().replaceAll("[ -]", "");
            if (digits.length() >= 13 && LuhnCheckDigit.LUHN_CHECK_DIGIT.isValid(digits)) {
                return true;
            }
        }
        return false;
    }

    /** A keyword followed by ':' or '=' and a value, or by a word that holds a digit or a symbol ("mdp Soleil2024"). */
    private static boolean containsPassword(String text) {
        Matcher m = PASSWORD.matcher(text);
        while (m.find()) {
            // Punctuation closing the sentence is not part of the value ("mot de passe oublié, …").
            String value = m.group(3).replaceAll("[.,;!?)]+$", "");
            if (m.group(2) != null || (!value.isEmpty() && !value.chars().allMatch(Character::isLetter))) {
                return true;
            }
        }
        return false;
    }
}
