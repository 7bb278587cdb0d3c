package fr.relais.mandate;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What the revocation sheet says: which mandate ends, who ends it and why, and from when.
 *
 * @param mandate   the mandate as it was printed
 * @param byUser    true when the person revokes it, false when the library does
 * @param reason    the reason in a sentence; may be null
 * @param revokedOn the day it ends
 */
record RevocationPrint(MandatePrint mandate, boolean byUser, String reason, LocalDate revokedOn) {
    RevocationPrint {
        Objects.requireNonNull(mandate, "mandate");
        Objects.requireNonNull(revokedOn, "revokedOn");
    }
}
