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
        // Names in other scripts (ADR 0013): an Arabic first name with a Chinese helper's name.
        java.time.LocalDate day = java.time.LocalDate.of(2026, 3, 3);
        SlipData scripts = new SlipData("Médiathèque Jean-Macé", "12 rue des Lilas", "69003", "Lyon", "04 78 12 34 56",
                "Entrée par le parc.", "Accès de plain-pied.", day, java.time.LocalTime.of(14, 30), 30, "李小龙",
                "محمد عبد الله", "Créer une adresse e-mail", AppointmentSlipTest.SHORT_LIST, "K7M-4QX",
                "https://relais.example.fr/rendez-vous/annulation");
        write(out, "appointment-a4-scripts", slips.render(scripts, AppointmentSlip.Format.A4, Locale.FRENCH));
        write(out, "appointment-ticket-scripts", slips.render(scripts, AppointmentSlip.Format.TICKET, Locale.FRENCH));
        // The longest data (LongestSlipsTest): the ticket stays one page.
        write(out, "appointment-ticket-longest", slips.render(LongestSlipsTest.booking(LongestSlipsTest.longestList()),
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
