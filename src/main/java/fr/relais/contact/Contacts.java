package fr.relais.contact;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import org.apache.commons.validator.routines.EmailValidator;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A person's phone number and e-mail address as Relais keeps them, whatever way they were typed.
 * <p>
 * Phone numbers are read by libphonenumber with France as the default region: "06 12 34 56 78",
 * "06.12.34.56.78", "+33 6 12 34 56 78" and "0033612345678" are one number, kept in E.164 ({@code +33612345678});
 * a number of another country is typed with its prefix ("+44 7700 900123", "+213 555 12 34 56"). French numbers
 * must be valid in the French plan; another country's only need a possible length for that country, as
 * numbering plans abroad change faster than the library's metadata and a real number must not be refused.
 * French numbers (overseas departments included) are shown back the French way ("06 12 34 56 78"), others in
 * the international format ("+44 7700 900123").
 * E-mail addresses are checked by commons-validator (a domain with a dot: "a@b" is refused) and kept in lower case.
 */
public final class Contacts {
    /** Numbers typed without a country prefix are French. */
    public static final String DEFAULT_REGION = "FR";
    /** Longer than this is not someone typing a phone number (spaces and dots included). */
    public static final int MAX_TYPED_PHONE = 30;
    /** RFC 5321: an address longer than this cannot be delivered. */
    public static final int MAX_EMAIL = 254;
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final EmailValidator EMAILS = EmailValidator.getInstance(false, false);
    /** Regions dialled from France with a leading 0, like a French number: France and its overseas departments. */
    private static final Set<String> FRENCH_PLAN = Set.of("FR", "GP", "MQ", "GF", "RE", "YT", "BL", "MF");

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
        if (typed == null || typed.isBlank() || typed.length() > MAX_TYPED_PHONE) {
            return Optional.empty();
        }
        try {
            Phonenumber.PhoneNumber number = PHONES.parse(typed.strip(), DEFAULT_REGION);
            boolean accepted = PHONES.isValidNumber(number) || (!french(number) && PHONES.isPossibleNumber(number));
            return accepted ? Optional.of(number) : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
