package fr.relais.partner;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a referral slip prints. Texts come ready to print (labels already in the slip's language); a missing
 * optional part leaves its line out. The person's name is printed only: it is never stored.
 *
 * @param partnerName      e.g. "CAF — accueil Centre"
 * @param partnerKindLabel e.g. "CAF (Caisse d’allocations familiales)"; may be null
 * @param addressLines     e.g. "12 rue des Allocations", "69003 Lyon"; may be empty
 * @param openingHours     free text, printed as given; may be null
 * @param phone            may be null
 * @param email            may be null
 * @param website          may be null; "https://" is left out when printed
 * @param howToReach       e.g. "Se présenter", "Téléphoner"
 * @param reasons          the reason(s), in plain words, e.g. "Aide aux démarches : Famille - Scolarité"
 * @param whatToBring      one line per thing to bring
 * @param libraryName      the library that refers the person
 * @param libraryPhone     the library's phone; may be null
 * @param personName       the name typed by the helper for this print only; may be null
 * @param date             the day the slip is given
 */
public record ReferralSlipData(
        String partnerName, @Nullable String partnerKindLabel, List<String> addressLines,
        @Nullable String openingHours, @Nullable String phone, @Nullable String email, @Nullable String website,
        List<String> howToReach, List<String> reasons, List<String> whatToBring,
        String libraryName, @Nullable String libraryPhone, @Nullable String personName, LocalDate date) {

    public ReferralSlipData {
        Objects.requireNonNull(partnerName, "partnerName");
        Objects.requireNonNull(libraryName, "libraryName");
        Objects.requireNonNull(date, "date");
        addressLines = present(addressLines);
        howToReach = present(howToReach);
        reasons = present(reasons);
        whatToBring = present(whatToBring);
    }

    /** The non-blank lines, stripped; an empty list for null. */
    private static List<String> present(List<String> lines) {
        return lines == null ? List.of()
                : lines.stream().filter(l -> l != null && !l.isBlank()).map(String::strip).toList();
    }
}
