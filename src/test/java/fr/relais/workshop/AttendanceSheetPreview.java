package fr.relais.workshop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes sample attendance sheets (PDF and, with poppler's pdftoppm, PNG at 80 dpi) for a person to look at. A tool,
 * not a test: {@code java -cp <test classpath> fr.relais.workshop.AttendanceSheetPreview /tmp/relais-sheets}.
 */
final class AttendanceSheetPreview {
    private AttendanceSheetPreview() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "/tmp/relais-sheets"));
        write(out, "feuille-emargement", AttendanceSheetTest.SHEETS.render(AttendanceSheetTest.data(12, 3), Locale.FRENCH));
        write(out, "feuille-emargement-60", AttendanceSheetTest.SHEETS.render(AttendanceSheetTest.data(60, 4), Locale.FRENCH));
    }

    private static void write(Path dir, String name, byte[] pdf) throws IOException, InterruptedException {
        Path file = dir.resolve(name + ".pdf");
        Files.write(file, pdf);
        fr.relais.pdf.PdfInspection in = new fr.relais.pdf.PdfInspection(pdf);
        System.out.println(name + ": " + in.pages + " page(s), body text " + in.smallestTextSize() + " pt");
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
