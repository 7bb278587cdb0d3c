package fr.relais.partner;

import fr.relais.web.Messages;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Opening hours from the directory, said the way a person reads them on a slip. */
class OpeningHoursTextTest {
    private final OpeningHoursText hours = new OpeningHoursText(new Messages());

    @Test
    void weekdayRangesAndSeveralSpansAreSaidPlainly() {
        assertEquals(List.of("Du lundi au vendredi\u00a0: 9h00 – 12h30 et 13h30 – 17h00", "Le samedi\u00a0: 9h00 – 12h00"),
                hours.lines("Mo-Fr 09:00-12:30,13:30-17:00; Sa 09:00-12:00", Locale.FRENCH));
        assertEquals(List.of("Du lundi au vendredi\u00a0: 8h30 – 12h00"), hours.lines("Mo-Fr 08:30-12:00", Locale.FRENCH));
        assertEquals(List.of("Le lundi, le mardi et le jeudi\u00a0: 9h00 – 12h00"),
                hours.lines("Mo,Tu,Th 09:00-12:00", Locale.FRENCH));
        assertEquals(List.of("Wednesday: 14:00 – 18:00"), hours.lines("We 14:00-18:00", Locale.ENGLISH));
    }

    @Test
    void whatCannotBeSaidWithoutLossIsShownAsTyped() {
        assertEquals(List.of("Le mardi matin, sur rendez-vous"), hours.lines("Le mardi matin, sur rendez-vous", Locale.FRENCH));
        assertEquals(List.of("Mo-Fr 09:00-17:00; PH off"), hours.lines("Mo-Fr 09:00-17:00; PH off", Locale.FRENCH));
        assertEquals(List.of("24/7"), hours.lines("24/7", Locale.FRENCH));
        assertEquals(List.of(), hours.lines("  ", Locale.FRENCH));
        assertEquals(List.of(), hours.lines(null, Locale.FRENCH));
    }
}
