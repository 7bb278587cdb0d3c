package fr.relais.pdf;


import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;


/**
 * Writes sample slips (PDF and, with poppler's pdftoppm, PNG at 80 dpi) for a person to look at.
 * A tool, not a test: run its main method from the IDE, or with
 * {@code java -cp <test classpath> fr.relais.pdf.SlipPreview /tmp/relais-slips}.
 */
final class SlipPreview {
    private SlipPreview() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "/tmp/relais-slips"));
        AppointmentSlip slips = AppointmentSlipTest.SLIPS;
        write(out, "appointment-a4-fr", slips.render(AppointmentSlipTest.data(AppointmentSlipTest.SHORT_LIST),
                AppointmentSlip.Format.A4, Locale.FRENCH));
        write(out, "appointment-ticket-fr", slips.render(AppointmentSlipTest.data(AppointmentSlipTest.SHORT_LIST),
                AppointmentSlip.Format.TICKET, Locale.FRENCH));
        write(out, "appointment-ticket-fr-long", slips.render(AppointmentSlipTest.data(AppointmentSlipTest.LONG_LIST),
                AppointmentSlip.Format.TICKET, Locale.FRENCH));
        write(out, "appointment-a4-en-long", slips.render(AppointmentSlipTest.data(AppointmentSlipTest.LONG_LIST),
                AppointmentSlip.Format.A4, Locale.ENGLISH));
        write(out, "appointment-ticket-en", slips.render(AppointmentSlipTest.data(AppointmentSlipTest.SHORT_LIST),
                AppointmentSlip.Format.TICKET, Locale.ENGLISH));
        // Lines as the reference data (what-to-bring.csv) gives them for an online procedure about papers.
        write(out, "appointment-ticket-fr-reference", slips.render(AppointmentSlipTest.data(java.util.List.of(
                        "Votre téléphone portable (pour recevoir les codes)",
                        "Vos identifiants de connexion : vous les taperez vous-même",
                        "Les courriers reçus au sujet de votre démarche",
                        "Une pièce d’identité")),
                AppointmentSlip.Format.TICKET, Locale.FRENCH));
        write(out, "layout-blocks-a4", SlipLayoutTest.everyBlock(SlipLayout.PaperSize.A4));
        write(out, "layout-blocks-a6", SlipLayoutTest.everyBlock(SlipLayout.PaperSize.A6));
    }

    private static void write(Path dir, String name, byte[] pdf) throws IOException, InterruptedException {
        Path file = dir.resolve(name + ".pdf");
        Files.write(file, pdf);
        try {
            Process p = new ProcessBuilder("pdftoppm", "-png", "-r", "80", file.toString(), dir.resolve(name).toString())
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            p.waitFor();
        } catch (IOException noPoppler) {
            System.out.println("pdftoppm not available: only " + file + " written");
        }
    }
}
