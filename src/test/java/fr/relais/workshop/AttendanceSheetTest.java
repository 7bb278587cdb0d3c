package fr.relais.workshop;

import fr.relais.pdf.PdfInspection;
import fr.relais.pdf.PdfUaValidator;
import fr.relais.pdf.SlipLayout;
import fr.relais.web.Messages;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The attendance sheet: PDF/UA-1 (veraPDF), the session in words, a row per seated person with a box to tick and
 * room to sign, the waiting list in order, the line for walk-ins; with many people it runs over several numbered
 * pages whose table header repeats.
 */
class AttendanceSheetTest {
    static final AttendanceSheet SHEETS = new AttendanceSheet(new SlipLayout(), new Messages());
    static final List<String> NAMES = List.of("Awa", "Dmitri", "Bao", "Chloé", "Marie-Thérèse", "Ödön", "Дмитрий", "Zoë",
            "M. K.", "Jean-Baptiste", "Nguyễn", "Łucja");

    static AttendanceSheet.Data data(int seated, int waiting) {
        List<AttendanceSheet.Person> people = new ArrayList<>();
        for (int i = 0; i < seated; i++) {
            people.add(new AttendanceSheet.Person(NAMES.get(i % NAMES.size()) + (i < NAMES.size() ? "" : " " + (i + 1)), 1 + i % 2));
        }
        List<AttendanceSheet.Person> line = new ArrayList<>();
        for (int i = 0; i < waiting; i++) {
            line.add(new AttendanceSheet.Person("Attente " + (i + 1), 1));
        }
        return new AttendanceSheet.Data("Médiathèque du Centre", "Découvrir sa boîte mail", LocalDate.of(2026, 12, 12),
                LocalTime.of(10, 0), 90, "Espace numérique, 1er étage", "Jeanne, Sami", people, line);
    }

    @Test
    void aSmallSessionFitsOnePageAndSaysEverythingInOrder() {
        byte[] pdf = SHEETS.render(data(3, 2), Locale.FRENCH);
        PdfUaValidator.assertCompliant(pdf, "attendance sheet, 3 people");
        PdfInspection read = new PdfInspection(pdf);
        assertEquals(1, read.pages);
        assertEquals("fr", read.language);
        assertEquals("Feuille d’émargement – Découvrir sa boîte mail – samedi 12 décembre 2026", read.title);
        String text = read.squashedTaggedText();
        List<String> inOrder = List.of("MédiathèqueduCentre", "Feuilled’émargement", "Découvrirsaboîtemail",
                "samedi12décembre2026", "Horaire:10h00–11h30", "Salle:Espacenumérique,1erétage", "Animéepar:Jeanne,Sami",
                "Personnesinscrites(3)", "PrénomPlacesPrésent·eSignature", "Awa1☐", "Dmitri2☐", "Bao1☐",
                "Listed’attente(2)", "RangPrénomPlacesPrésent·e", "1reAttente11☐", "2eAttente21☐",
                "Participantssansinscription:");
        int at = -1;
        for (String part : inOrder) {
            int found = text.indexOf(part, at + 1);
            assertTrue(found > at, "\"" + part + "\" after the previous part in: " + text);
            at = found;
        }
        assertTrue(read.roles.containsAll(List.of("Table", "THead", "TH", "TBody", "TD")), read.roles.toString());
        assertTrue(read.allTextBlack());
        assertTrue(read.smallestTextSize() >= 12f, "text of 12 pt or more");
    }

    @Test
    void sixtyPeopleRunOverNumberedPagesWithTheHeaderRowOnEach() {
        byte[] pdf = SHEETS.render(data(60, 4), Locale.FRENCH);
        PdfUaValidator.assertCompliant(pdf, "attendance sheet, 60 people");
        PdfInspection read = new PdfInspection(pdf);
        assertTrue(read.pages >= 3, "pages: " + read.pages);
        for (int i = 1; i <= read.pages; i++) {
            assertTrue(read.text.contains(i + "/" + read.pages), "page number " + i + "/" + read.pages);
        }
        // The seated table's header row on every page it runs onto: as many "Signature" headings as its pages.
        int seatedPages = (int) read.runs.stream().filter(r -> r.text().contains("Attente 1")).mapToInt(PdfInspection.Run::page)
                .min().orElseThrow();
        long headers = read.runs.stream().filter(r -> r.text().strip().equals("Signature")).count();
        assertEquals(seatedPages, headers, "one header row per page of the seated table");
        assertTrue(read.squashedText().contains("Émargement–samedi12décembre2026,10h00"),
                "a loose page says which session it belongs to");
        assertEquals(64, read.squashedTaggedText().split("☐", -1).length - 1, "one box per seated and per waiting person");
        assertTrue(read.squashedTaggedText().contains("Attente4"));
    }

    @Test
    void namesInSeveralScriptsAndNobodyYet() {
        byte[] pdf = SHEETS.render(data(12, 0), Locale.FRENCH);
        PdfUaValidator.assertCompliant(pdf, "attendance sheet, names in Latin and Cyrillic letters");
        String text = new PdfInspection(pdf).squashedTaggedText();
        for (String name : List.of("Дмитрий", "Ödön", "Nguyễn", "Łucja", "Marie-Thérèse")) {
            assertTrue(text.contains(name), name + " in " + text);
        }
        byte[] empty = SHEETS.render(data(0, 0), Locale.ENGLISH);
        PdfUaValidator.assertCompliant(empty, "attendance sheet, nobody registered");
        PdfInspection read = new PdfInspection(empty);
        assertEquals("en", read.language);
        assertTrue(read.squashedTaggedText().contains("Nobodyisregisteredyet."));
        assertTrue(read.squashedTaggedText().contains("Walk-inparticipants:"));
    }
}
