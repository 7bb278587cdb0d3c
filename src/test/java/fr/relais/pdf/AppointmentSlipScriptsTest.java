package fr.relais.pdf;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A booking in any script prints: the person's first name and the helper's name on the A4 slip and on the ticket
 * (see {@link Scripts#assertPrinted} for what is checked).
 */
class AppointmentSlipScriptsTest {

    static Stream<Arguments> namesAndFormats() {
        return Scripts.NAMES.stream().flatMap(name -> Stream.of(AppointmentSlip.Format.values())
                .map(format -> Arguments.of(name, format)));
    }

    @ParameterizedTest(name = "{0} on the {1} slip")
    @MethodSource("namesAndFormats")
    void theNamePrintsReadably(Scripts.Name name, AppointmentSlip.Format format) {
        SlipData data = new SlipData("Médiathèque Jean-Macé", "12 rue des Lilas", "69003", "Lyon", "04 78 12 34 56",
                "Entrée par le parc, au 1er étage.", "Accès de plain-pied.", LocalDate.of(2026, 3, 3),
                LocalTime.of(14, 30), 30, name.text(), name.text(), "Créer une adresse e-mail",
                List.of("Une pièce d’identité"), "K7M-4QX", "https://relais.example.fr/rendez-vous/annulation");
        byte[] pdf = AppointmentSlipTest.SLIPS.render(data, format, Locale.FRENCH);
        Scripts.assertPrinted(pdf, name, format + " slip for " + name.script());
        assertEquals(1, new PdfInspection(pdf).pages, "one page");
    }
}
