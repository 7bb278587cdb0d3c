package fr.relais.workshop;

import fr.relais.pdf.PdfInspection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes sample registration slips (PDF and, with poppler's pdftoppm, PNG of page 1 at 80 dpi) for a person to
 * look at. A tool, not a test: {@code java -cp <test classpath> fr.relais.workshop.RegistrationSlipPreview /tmp/relais-slips}.
 */
final class RegistrationSlipPreview {
    private RegistrationSlipPreview() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "/tmp/relais-slips"));
        RegistrationSlip slips = RegistrationSlipTest.SLIPS;
        write(out, "bulletin-atelier-a4", slips.render(RegistrationSlipTest.data("Zoé", RegistrationStatus.WAITING, 2),
                RegistrationSlip.Format.A4, Locale.FRENCH));
        write(out, "bulletin-atelier-ticket", slips.render(RegistrationSlipTest.data("Zoé", RegistrationStatus.SEATED, 0),
                RegistrationSlip.Format.TICKET, Locale.FRENCH));
        write(out, "bulletin-atelier-ticket-long", slips.render(RegistrationSlipTest.longest(RegistrationStatus.WAITING, 12),
                RegistrationSlip.Format.TICKET, Locale.FRENCH));
        write(out, "bulletin-atelier-a4-long", slips.render(RegistrationSlipTest.longest(RegistrationStatus.WAITING, 12),
                RegistrationSlip.Format.A4, Locale.FRENCH));
        write(out, "bulletin-atelier-ticket-extreme", slips.render(RegistrationSlipTest.everythingAtItsLongest(),
                RegistrationSlip.Format.TICKET, Locale.ENGLISH));
    }

    private static void write(Path dir, String name, byte[] pdf) throws IOException, InterruptedException {
        Path file = dir.resolve(name + ".pdf");
        Files.write(file, pdf);
        PdfInspection in = new PdfInspection(pdf);
        System.out.println(name + ": " + in.pages + " page(s), body text " + in.smallestTextSize() + " pt");
        try {
            Process p = new ProcessBuilder("pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile",
                    file.toString(), dir.resolve(name).toString()).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            p.waitFor();
        } catch (IOException noPoppler) {
            System.out.println("pdftoppm not available: only " + file + " written");
        }
    }
}
