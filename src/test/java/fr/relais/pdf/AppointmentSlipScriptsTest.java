package fr.relais.pdf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A booking in any script prints: the person's first name and the helper's name on the A4 slip and on the ticket
 * (see {@link Scripts#assertPrinted} for what is checked).
 */
class AppointmentSlipScriptsTest {

    static Stream<Arguments> namesAndFormats() {
        return Scripts.NAMES.stream().flatMap(name -> Stream.of(AppointmentSlip.Format.values())
                .map(format -> Arguments.of(name, format)));
    }

    /** The font programs are shared by every slip: slips made at the same time each get their own subsets, whole. */
    @Test
    void slipsMadeAtTheSameTimeShareTheFontsSafely() throws Exception {
        List<String> names = List.of("李小龙", "김민준", "さくら", "Дмитрий");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> slips = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String name = names.get(i % names.size());
                slips.add(pool.submit(() -> AppointmentSlipTest.SLIPS.render(data(name), AppointmentSlip.Format.A4,
                        Locale.FRENCH)));
            }
            for (int i = 0; i < slips.size(); i++) {
                PdfInspection in = new PdfInspection(slips.get(i).get(60, TimeUnit.SECONDS));
                assertTrue(in.flatText().contains("Pour : " + names.get(i % names.size())), in.text);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static SlipData data(String name) {
        return new SlipData("Médiathèque Jean-Macé", "12 rue des Lilas", "69003", "Lyon", "04 78 12 34 56",
                "Entrée par le parc, au 1er étage.", "Accès de plain-pied.", LocalDate.of(2026, 3, 3),
                LocalTime.of(14, 30), 30, name, name, "Créer une adresse e-mail",
                List.of("Une pièce d’identité"), "K7M-4QX", "https://relais.example.fr/rendez-vous/annulation");
    }

    @ParameterizedTest(name = "{0} on the {1} slip")
    @MethodSource("namesAndFormats")
    void theNamePrintsReadably(Scripts.Name name, AppointmentSlip.Format format) {
        byte[] pdf = AppointmentSlipTest.SLIPS.render(data(name.text()), format, Locale.FRENCH);
        Scripts.assertPrinted(pdf, name, format + " slip for " + name.script());
        assertEquals(1, new PdfInspection(pdf).pages, "one page");
    }
}
