package fr.relais.partner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes sample referral slips (PDF and, with poppler's pdftoppm, PNG of page 1 at 80 dpi) for a person to look
 * at. A tool, not a test: {@code java -cp <test classpath> fr.relais.partner.ReferralSlipPreview /tmp/relais-slips}.
 */
final class ReferralSlipPreview {
    private ReferralSlipPreview() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "/tmp/relais-slips"));
        write(out, "referral-fr", ReferralSlipTest.SLIPS.render(ReferralSlipTest.full(), Locale.FRENCH));
        write(out, "referral-fr-minimal", ReferralSlipTest.SLIPS.render(ReferralSlipTest.minimal(), Locale.FRENCH));
        write(out, "referral-fr-long", ReferralSlipTest.SLIPS.render(ReferralSlipTest.longData(), Locale.FRENCH));
        ReferralSlipData full = ReferralSlipTest.full();
        write(out, "referral-fr-ten", ReferralSlipTest.SLIPS.render(ReferralSlipTest.withThingsToBring(full,
                ReferralSlipTest.TEN_THINGS), Locale.FRENCH));
        write(out, "referral-en", ReferralSlipTest.SLIPS.render(ReferralSlipTest.full(), Locale.ENGLISH));
    }

    private static void write(Path dir, String name, byte[] pdf) throws IOException, InterruptedException {
        Path file = dir.resolve(name + ".pdf");
        Files.write(file, pdf);
        fr.relais.pdf.PdfInspection in = new fr.relais.pdf.PdfInspection(pdf);
        System.out.println(name + ": " + in.pages + " page(s), body text " + in.smallestTextSize() + " pt");
        try {
            Process p = new ProcessBuilder("pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", file.toString(),
                    dir.resolve(name).toString()).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            p.waitFor();
        } catch (IOException noPoppler) {
            System.out.println("pdftoppm not available: only " + file + " written");
        }
    }
}
