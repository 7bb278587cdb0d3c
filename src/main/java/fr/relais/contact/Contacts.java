package fr.relais.contact;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import org.apache.commons.validator.routines.EmailValidator;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A person's phone number and e-mail address as Relais keeps them, whatever way they were typed.
 * <p>
 * Phone numbers are read by libphonenumber with France as the default region: "06 12 34 56 78",
 * "06.12.34.56.78", "+33 6 12 34 56 78" and "0033612345678" are one number, kept in E.164 ({@code +33612345678});
 * a number of another country is typed with its prefix ("+44 7700 900123", "+213 555 12 34 56"). A number valid
 * in its plan is taken; otherwise it needs the full length of a number of its country (not a local-only length),
 * as numbering plans change faster than the library's metadata and a real number must not be refused ("07 12 34 56
 * 78" is a French mobile number the metadata does not know yet). A national number valid in an overseas department
 * ("0690 12 34 56") is that department's. What people type holds digits, spaces, dots, dashes, parentheses and a
 * leading +, nothing else (the library would read letters as a keypad's); a 0 right after the French prefix
 * ("+33 04…") is a mistake, unless written "(0)".
 * French numbers (overseas departments included) are shown back the French way ("06 12 34 56 78"), others in
 * the international format ("+44 7700 900123").
 * E-mail addresses are checked by commons-validator (a domain with a dot: "a@b" is refused) and kept in lower case.
 */
public final class Contacts {
    /** Numbers typed without a country prefix are French. */
    public static final String DEFAULT_REGION = "FR";
    /** Longer than this is not someone typing a phone number (spaces and dots included): "+33 (0)6 12 34 56 78". */
    public static final int MAX_TYPED_PHONE = 20;
    /** RFC 5321: an address longer than this cannot be delivered. */
    public static final int MAX_EMAIL = 254;
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final EmailValidator EMAILS = EmailValidator.getInstance(false, false);
    /** Regions dialled from France with a leading 0, like a French number: France and its overseas departments. */
    private static final Set<String> FRENCH_PLAN = Set.of("FR", "GP", "MQ", "GF", "RE", "YT", "BL", "MF");
    /** The overseas departments' plans, tried for a national number that is not valid in mainland France. */
    private static final List<String> OVERSEAS = List.of("GP", "MQ", "GF", "RE", "YT", "BL", "MF");
    private static final Pattern TYPED = Pattern.compile("\\s*\\+?[\\d\\s.()-]+");
    private static final Pattern INTERNATIONAL = Pattern.compile("\\s*(\\+|00).*");
    private static final Pattern ZERO_AFTER_FRENCH_PREFIX = Pattern.compile("\\s*(\\+|00)\\s*33[\\s.-]*0.*");

    private Contacts() {
    }

    /** The number in E.164 ({@code +33612345678}), or empty when it is not a valid phone number. */
    public static Optional<String> phone(String typed) {
        return parse(typed).map(n -> PHONES.format(n, PhoneNumberUtil.PhoneNumberFormat.E164));
    }

    /** Whether what was typed is a valid phone number, French or with a country prefix. */
    public static boolean isPhone(String typed) {
        return parse(typed).isPresent();
    }

    /** The address in lower case, without surrounding spaces, or empty when it is not a deliverable address. */
    public static Optional<String> email(String typed) {
        if (typed == null || typed.isBlank() || typed.strip().length() > MAX_EMAIL) {
            return Optional.empty();
        }
        String address = typed.strip();
        return EMAILS.isValid(address) ? Optional.of(address.toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    public static boolean isEmail(String typed) {
        return email(typed).isPresent();
    }

    /**
     * A stored number as people read it: "06 12 34 56 78" for a French number, "+44 7700 900123" for another
     * country's. Anything that is not a number (an old value typed by hand) is shown as it is.
     */
    public static String display(String phone) {
        if (phone == null) {
            return null;
        }
        return parse(phone).map(n -> PHONES.format(n, french(n)
                ? PhoneNumberUtil.PhoneNumberFormat.NATIONAL : PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL))
                .orElse(phone);
    }

    /** Whether a text message can reach this number: a mobile number (or one that may be, in some countries). */
    public static boolean isMobile(String phone) {
        return parse(phone).map(PHONES::getNumberType)
                .map(t -> t == PhoneNumberUtil.PhoneNumberType.MOBILE || t == PhoneNumberUtil.PhoneNumberType.FIXED_LINE_OR_MOBILE)
                .orElse(false);
    }

    private static boolean french(Phonenumber.PhoneNumber number) {
        String region = PHONES.getRegionCodeForNumber(number);
        return FRENCH_PLAN.contains(region == null ? PHONES.getRegionCodeForCountryCode(number.getCountryCode()) : region);
    }

    private static Optional<Phonenumber.PhoneNumber> parse(String typed) {
        if (typed == null || typed.isBlank() || typed.length() > MAX_TYPED_PHONE || !TYPED.matcher(typed).matches()
                || ZERO_AFTER_FRENCH_PREFIX.matcher(typed).matches()) {
            return Optional.empty();
        }
        Optional<Phonenumber.PhoneNumber> number = read(typed, DEFAULT_REGION);
        if (number.isEmpty() || PHONES.isValidNumber(number.get())) {
            return number;
        }
        if (!INTERNATIONAL.matcher(typed).matches()) {
            for (String region : OVERSEAS) {
                Optional<Phonenumber.PhoneNumber> overseas = read(typed, region)
                        .filter(n -> PHONES.isValidNumberForRegion(n, region));
                if (overseas.isPresent()) {
                    return overseas;
                }
            }
        }
        return number.filter(n -> PHONES.isPossibleNumberWithReason(n) == PhoneNumberUtil.ValidationResult.IS_POSSIBLE);
    }

    private static Optional<Phonenumber.PhoneNumber> read(String typed, String region) {
        try {
            return Optional.of(PHONES.parse(typed.strip(), region));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
