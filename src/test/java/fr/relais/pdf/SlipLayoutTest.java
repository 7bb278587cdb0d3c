package fr.relais.pdf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared slip layer on its own: every building block (the ones mandates and referral slips will use too)
 * gives a PDF/UA-1 document with the expected structure, in large black type.
 */
class SlipLayoutTest {
    static final SlipLayout LAYOUT = new SlipLayout();

    /** A slip using every block, over two pages (test text: slips themselves take theirs from the bundles). */
    static byte[] everyBlock(SlipLayout.PaperSize paper) {
        Slip slip = LAYOUT.open(paper, Locale.FRENCH, "Essai de mise en page");
        slip.boldText("Médiathèque Jean-Macé")
                .title("Mandat d’aide aux démarches")
                .fact("jeudi 12 février 2026")
                .text("Ce texte courant doit rester lisible : au moins 12 points, en noir sur blanc.")
                .labelled("Démarche :", "renouveler une carte de transport")
                .separator()
                .heading("Ce que la bibliothèque fait")
                .bullets(List.of("Elle remplit le formulaire avec vous.", "Elle ne garde aucun mot de passe."))
                .boxedText("La bibliothèque ne décide pas de la suite donnée à votre demande.")
                .boxed(b -> b.labelledFact("Code de vérification :", "M4N-7PQ"))
                .signatureBoxes("Signature de la personne aidée", "Signature pour la bibliothèque")
                .cutLine()
                .pageBreak()
                .heading("Exemplaire de la bibliothèque")
                .signatureBox("Signature de la personne aidée")
                .text("Une adresse longue se coupe après une barre : https://relais.example.fr/mandats/verification/M4N-7PQ");
        return slip.toBytes();
    }

    @ParameterizedTest
    @EnumSource(SlipLayout.PaperSize.class)
    void everyBlockIsAccessible(SlipLayout.PaperSize paper) {
        byte[] pdf = everyBlock(paper);
        PdfUaValidator.assertCompliant(pdf, "every block on " + paper);
        PdfInspection in = new PdfInspection(pdf);
        assertEquals(2, in.pages);
        assertTrue(in.roles.containsAll(List.of("H1", "H2", "P", "L", "LI", "Lbl", "LBody", "Div")), in.roles.toString());
        assertTrue(in.smallestTextSize() >= 12f, "text as small as " + in.smallestTextSize());
        assertTrue(in.sizeOf("jeudi 12 février 2026") >= 18f, in.runs.toString());
        assertTrue(in.sizeOf("M4N-7PQ") >= 18f, in.runs.toString());
        assertTrue(in.allTextBlack());
        assertEquals("fr", in.language);
        assertEquals("Essai de mise en page", in.title);
        assertTrue(in.flatText().contains("1/2") && in.flatText().contains("2/2"), "pages numbered: " + in.text);
        assertTrue(in.squashedTaggedText().contains("https://relais.example.fr/mandats/verification/M4N-7PQ"), in.taggedText);
        // The signature boxes are read left, then right.
        String read = in.taggedText;
        assertTrue(read.indexOf("Signature de la personne aidée") < read.indexOf("Signature pour la bibliothèque"), read);
    }

    @Test
    void renderShrinksTheTextToFitButNeverUnder12Points() {
        java.util.function.Consumer<Slip> twentyFiveLines = slip -> {
            slip.title("Essai");
            for (int i = 1; i <= 24; i++) {
                slip.text("Ligne " + i);
            }
        };
        // 25 short paragraphs overflow an A6 page at 12 pt: no smaller text, two numbered pages instead.
        PdfInspection ticket = new PdfInspection(LAYOUT.render(SlipLayout.PaperSize.A6, Locale.FRENCH, "Essai", 1, twentyFiveLines));
        assertEquals(2, ticket.pages);
        assertEquals(12f, ticket.smallestTextSize(), 0.01f);
        assertTrue(ticket.flatText().contains("2/2"));

        // 31 paragraphs overflow an A4 page at 14 pt but fit at a smaller size.
        java.util.function.Consumer<Slip> thirtyOneLines = slip -> {
            slip.title("Essai");
            for (int i = 1; i <= 30; i++) {
                slip.text("Ligne " + i);
            }
        };
        byte[] sheet = LAYOUT.render(SlipLayout.PaperSize.A4, Locale.FRENCH, "Essai", 1, thirtyOneLines);
        PdfUaValidator.assertCompliant(sheet, "shrunk sheet");
        PdfInspection in = new PdfInspection(sheet);
        assertEquals(1, in.pages, in.runs.toString());
        assertTrue(in.smallestTextSize() >= 12f && in.smallestTextSize() < 14f, "size " + in.smallestTextSize());
        assertTrue(in.taggedText.contains("Ligne 30"));
    }

    /** Versions of a ticket: the full one has {@code lines} paragraphs, the short one three and its mark. */
    static List<java.util.function.Consumer<Slip>> fullThenShort(int lines) {
        return List.of(slip -> {
            slip.title("Version entière");
            for (int i = 1; i < lines; i++) {
                slip.text("Ligne " + i);
            }
        }, slip -> slip.title("Version courte").text("Ligne 1").text("Ligne 2"));
    }

    @Test
    void aOnePageSlipShrinksItsFullVersionDownToNinePointsBeforeTheShortOne() {
        // 25 paragraphs overflow an A6 page at 12 pt and fit at a smaller size: the full version, smaller.
        byte[] pdf = LAYOUT.renderOnOnePage(SlipLayout.PaperSize.A6, Locale.FRENCH, "Essai", fullThenShort(25));
        PdfUaValidator.assertCompliant(pdf, "one-page ticket, shrunk");
        PdfInspection in = new PdfInspection(pdf);
        assertEquals(1, in.pages);
        assertTrue(in.taggedText.contains("Version entière") && in.taggedText.contains("Ligne 24"), in.taggedText);
        assertTrue(in.smallestTextSize() >= 9f && in.smallestTextSize() < 12f, "size " + in.smallestTextSize());

        // Too long even at 9 pt: the short version, at 9 pt.
        PdfInspection shortOne = new PdfInspection(LAYOUT.renderOnOnePage(SlipLayout.PaperSize.A6, Locale.FRENCH,
                "Essai", fullThenShort(60)));
        assertEquals(1, shortOne.pages);
        assertTrue(shortOne.taggedText.contains("Version courte"), shortOne.taggedText);
        assertEquals(9f, shortOne.smallestTextSize(), 0.01f);
    }

    @Test
    void aOnePageSlipThatKeepsTwelvePointsGivesItsShortVersionInstead() {
        byte[] pdf = LAYOUT.renderOnOnePage(SlipLayout.PaperSize.A6, Locale.FRENCH, "Essai", SlipLayout.SHEET_BODY,
                fullThenShort(25));
        PdfUaValidator.assertCompliant(pdf, "one-page ticket, 12 pt kept");
        PdfInspection in = new PdfInspection(pdf);
        assertEquals(1, in.pages);
        assertTrue(in.taggedText.contains("Version courte"), in.taggedText);
        assertFalse(in.taggedText.contains("Version entière"), in.taggedText);
        assertEquals(12f, in.smallestTextSize(), 0.01f);

        // When no version fits, the last one runs over numbered pages, still in 12 pt.
        List<java.util.function.Consumer<Slip>> tooLong = List.of(fullThenShort(25).get(0), fullThenShort(30).get(0));
        PdfInspection over = new PdfInspection(LAYOUT.renderOnOnePage(SlipLayout.PaperSize.A6, Locale.FRENCH, "Essai",
                SlipLayout.SHEET_BODY, tooLong));
        assertEquals(2, over.pages);
        assertTrue(over.taggedText.contains("Ligne 29"), over.taggedText);
        assertTrue(over.flatText().contains("2/2"), over.text);
        assertEquals(12f, over.smallestTextSize(), 0.01f);
    }

    @Test
    void englishSlipsSayTheyAreInEnglish() {
        byte[] pdf = LAYOUT.open(SlipLayout.PaperSize.A6, Locale.UK, "Test").title("Your appointment").text("Body").toBytes();
        PdfUaValidator.assertCompliant(pdf, "English slip");
        assertEquals("en", new PdfInspection(pdf).language);
    }

    @Test
    void partsStartOnTheirOwnPagesAndNumberTheirPages() {
        Slip slip = LAYOUT.open(SlipLayout.PaperSize.A4, Locale.FRENCH, "Essai de parties");
        slip.part("Essai – exemplaire 1").boldText("Exemplaire 1").title("Essai");
        slip.richBullets(List.of(List.of(Slip.Run.bold("Logement :"), Slip.Run.plain(" aides au logement"))));
        for (int i = 1; i <= 40; i++) {
            slip.text("Ligne " + i);
        }
        slip.together(t -> t.text("Fait à Lyon").signatureBoxes("Signature 1", "Signature 2"));
        slip.part("Essai – exemplaire 2").boldText("Exemplaire 2").text("Court");
        byte[] pdf = slip.toBytes();
        PdfUaValidator.assertCompliant(pdf, "parts");
        PdfInspection in = new PdfInspection(pdf);
        assertEquals(3, in.pages, "part 1 on two pages, part 2 on a third");
        List<String> page1 = in.runs.stream().filter(r -> r.page() == 1).map(PdfInspection.Run::text).toList();
        List<String> page2 = in.runs.stream().filter(r -> r.page() == 2).map(PdfInspection.Run::text).toList();
        List<String> page3 = in.runs.stream().filter(r -> r.page() == 3).map(PdfInspection.Run::text).toList();
        String p1 = PdfInspection.squash(String.join("", page1));
        String p2 = PdfInspection.squash(String.join("", page2));
        String p3 = PdfInspection.squash(String.join("", page3));
        assertTrue(p1.contains("1/2") && !p1.contains("exemplaire1"), p1);
        assertTrue(p2.contains("Essai–exemplaire1") && p2.contains("2/2"), "header and number of page 2: " + p2);
        // The place and the signatures stay together.
        assertTrue(p2.contains("FaitàLyon") && p2.contains("Signature2"), p2);
        // A part of one page has neither header nor number.
        assertTrue(p3.startsWith("Exemplaire2") && !p3.contains("/") && !p3.contains("exemplaire2"), p3);
        // The header is an artifact: read once, at the start of the part.
        assertFalse(in.taggedText.contains("Essai – exemplaire 1"), in.taggedText);
        assertTrue(in.taggedText.contains("Logement : aides au logement"), in.taggedText);
        assertThrows(IllegalStateException.class,
                () -> LAYOUT.open(SlipLayout.PaperSize.A6, Locale.FRENCH, "Ticket").part("Exemplaire"));
    }

    @Test
    void theValidatorReportsFailures() {
        // A plain untagged PDF is not PDF/UA: the helper must say so, rule by rule.
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (com.itextpdf.kernel.pdf.PdfDocument pdf = new com.itextpdf.kernel.pdf.PdfDocument(new com.itextpdf.kernel.pdf.PdfWriter(out));
             com.itextpdf.layout.Document doc = new com.itextpdf.layout.Document(pdf)) {
            doc.add(new com.itextpdf.layout.element.Paragraph("untagged"));
        }
        List<PdfUaValidator.Failure> failures = PdfUaValidator.failures(out.toByteArray());
        assertTrue(failures.size() >= 2, failures.toString());
        AssertionError error = assertThrows(AssertionError.class, () -> PdfUaValidator.assertCompliant(out.toByteArray(), "untagged"));
        assertTrue(error.getMessage().matches("(?s).*ISO 14289-1:[0-9.]+ test \\d+ \\(\\d+×\\): .+"), error.getMessage());
        System.out.println(error.getMessage());
    }

    @Test
    void aBoxMustBeClosedBeforeTheEnd() {
        Slip slip = LAYOUT.open(SlipLayout.PaperSize.A4, Locale.FRENCH, "Test");
        assertThrows(IllegalStateException.class, () -> slip.boxed(b -> b.pageBreak()));
        slip.text("ok");
        slip.toBytes();
        assertThrows(IllegalStateException.class, slip::toBytes);
    }
}
