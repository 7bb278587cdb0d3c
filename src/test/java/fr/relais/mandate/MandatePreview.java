package fr.relais.mandate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes sample mandates and revocation sheets (PDF and, with poppler's pdftoppm, PNG at 80 dpi) for a person to
 * look at. A tool, not a test: {@code java -cp <test classpath> fr.relais.mandate.MandatePreview /tmp/relais-mandates}.
 */
final class MandatePreview {
    private MandatePreview() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "/tmp/relais-mandates"));
        MandateDocuments documents = MandateDocumentsTest.DOCUMENTS;
        write(out, "mandate-fr", documents.mandate(MandateDocumentsTest.sample(), Locale.FRENCH));
        write(out, "mandate-en", documents.mandate(MandateDocumentsTest.sample(), Locale.ENGLISH));
        write(out, "mandate-fr-long", documents.mandate(MandateDocumentsTest.longest(), Locale.FRENCH));
        write(out, "revocation-fr", documents.revocation(MandateDocumentsTest.revocation(true), Locale.FRENCH));
        write(out, "revocation-fr-library", documents.revocation(MandateDocumentsTest.revocation(false), Locale.FRENCH));
        write(out, "revocation-en", documents.revocation(MandateDocumentsTest.revocation(true), Locale.ENGLISH));
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
