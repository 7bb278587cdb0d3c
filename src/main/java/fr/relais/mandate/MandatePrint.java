package fr.relais.mandate;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What the printed mandate says: the two parties (the person and the library — never the helper, who only prepares
 * it), the procedures, the purpose, the dates and the verification code. Nothing else about the person.
 *
 * @param siteName          the library, the mandataire, e.g. "Médiathèque Jean-Macé"
 * @param siteAddressLines  its postal address, one line each, e.g. ["12 rue des Lilas", "69003 Lyon"]
 * @param sitePhone         its phone, to revoke the mandate; may be null
 * @param siteTown          where the mandate is signed ("Fait à Lyon")
 * @param firstName         the person's first name (the mandant)
 * @param lastName          the person's last name
 * @param helperName        who prepared the mandate for the library; may be null
 * @param scopes            the procedures, in the reader's language, at least one
 * @param purpose           what it is for, in a sentence
 * @param durationDays      1, 31, 182 or 365
 * @param startDate         first day
 * @param endDate           last day (included)
 * @param verificationCode  as displayed, e.g. "MK7Q-4XZ2"
 * @param printedOn         the day it is printed and signed
 */
record MandatePrint(String siteName, List<String> siteAddressLines, String sitePhone, String siteTown,
                    String firstName, String lastName, String helperName, List<ScopeLine> scopes, String purpose,
                    int durationDays, LocalDate startDate, LocalDate endDate, String verificationCode,
                    LocalDate printedOn) {

    MandatePrint {
        Objects.requireNonNull(siteName, "siteName");
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(endDate, "endDate");
        Objects.requireNonNull(verificationCode, "verificationCode");
        Objects.requireNonNull(printedOn, "printedOn");
        siteAddressLines = siteAddressLines == null ? List.of() : List.copyOf(siteAddressLines);
        scopes = List.copyOf(scopes);
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("a mandate covers at least one procedure");
        }
    }

    /** "Marie Durand". */
    String personName() {
        return firstName.strip() + " " + lastName.strip();
    }

    /**
     * One procedure scope as printed.
     *
     * @param label    e.g. "Social - Santé"
     * @param examples e.g. "Carte Vitale, chômage, handicap, RSA, personnes âgées"; may be null
     */
    record ScopeLine(String label, String examples) {
        ScopeLine {
            Objects.requireNonNull(label, "label");
        }
    }
}
