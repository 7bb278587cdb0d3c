package fr.relais.pdf;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * What an appointment slip prints. Only the person's first name (or initials): no other personal data.
 *
 * @param siteName         the library, e.g. "Médiathèque Jean-Macé"
 * @param siteAddressLine  street line, e.g. "12 rue des Lilas"
 * @param sitePostcode     e.g. "69003"
 * @param siteTown         e.g. "Lyon"
 * @param sitePhone        the library's phone, to cancel; may be null
 * @param directions       how to find the place, in words (no map); may be null
 * @param accessibility    accessibility of the place; may be null
 * @param date             the day of the appointment (local date of the site)
 * @param time             the start time (local wall-clock time of the site)
 * @param durationMinutes  e.g. 30
 * @param helperFirstName  who helps, when known; may be null
 * @param personFirstName  the first name (or initials) typed at booking
 * @param reason           the reason, in plain words
 * @param whatToBring      one line per thing to bring; may be empty
 * @param bookingCode      formatted like "K7M-4QX"
 * @param manageUrl        the page to cancel or find the appointment, e.g. "https://…/rendez-vous/annulation"
 */
public record SlipData(
        String siteName, String siteAddressLine, String sitePostcode, String siteTown, String sitePhone,
        String directions, String accessibility,
        LocalDate date, LocalTime time, int durationMinutes,
        String helperFirstName, String personFirstName, String reason,
        List<String> whatToBring, String bookingCode,
        String manageUrl) {

    public SlipData {
        whatToBring = whatToBring == null ? List.of() : List.copyOf(whatToBring);
    }
}
