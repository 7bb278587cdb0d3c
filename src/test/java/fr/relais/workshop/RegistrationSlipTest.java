package fr.relais.workshop;

import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.geom.Rectangle;
import fr.relais.pdf.PdfInspection;
import fr.relais.pdf.PdfUaValidator;
import fr.relais.pdf.SlipLayout;
import fr.relais.web.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The registration slip: PDF/UA-1 (veraPDF), everything a person needs in reading order, large black type; the
 * A4 sheet whole, and the ticket on one page whatever the length of the library's texts.
 */
class RegistrationSlipTest {
    static final Messages MESSAGES = new Messages();
    static final RegistrationSlip SLIPS = new RegistrationSlip(new SlipLayout(), MESSAGES, new AgendaWords(MESSAGES));
    static final String MANAGE = "http://localhost:8080/ateliers/inscription/annulation";

    static RegistrationSlip.Data data(String firstName, RegistrationStatus status, int position) {
        return new RegistrationSlip.Data("Médiathèque Jean-Macé", "12 rue des Lilas", "69003", "Lyon", "04 78 12 34 56",
                "Entrée par le parc, au 1er étage, à gauche de l’accueil.",
                "Accès de plain-pied, ascenseur et toilettes adaptées.",
                LocalDate.of(2026, 12, 12), LocalTime.of(10, 0), 90, "Découvrir sa boîte mail", WorkshopLevel.BEGINNER,
                "Salle Jules-Verne", "Votre téléphone portable\nVotre carte de bibliothèque",
                "Savoir utiliser une souris et un clavier.", firstName, 2, status, position, "K7M-4QX", MANAGE);
    }

    /** The longest texts the catalogue and the library allow for a workshop, with an ordinary library name. */
    static RegistrationSlip.Data longest(RegistrationStatus status, int position) {
        return new RegistrationSlip.Data("Médiathèque Jean-Macé", words("Allée", 200), "69003", words("Ville", 100),
                "04 78 12 34 56", "Entrée par le parc, au 1er étage, à gauche de l’accueil.",
                "Accès de plain-pied, ascenseur et toilettes adaptées.", LocalDate.of(2026, 12, 12), LocalTime.of(10, 0),
                90, words("Titre", 120), WorkshopLevel.INTERMEDIATE, "Salle Jules-Verne", words("Apporter", 400),
                words("Savoir", 300), "Marie", 2, status, position, "K7M-4QX", MANAGE);
    }

    /** Every text at the longest its column allows: the ticket must still be one page. */
    static RegistrationSlip.Data everythingAtItsLongest() {
        return new RegistrationSlip.Data(words("Médiathèque", 120), words("Allée", 200), "69003", words("Ville", 100),
                "+44 7700 900123 0000", words("Entrée", 500), words("Accès", 1000), LocalDate.of(2026, 12, 12),
                LocalTime.of(10, 0), 480, words("Titre", 120), WorkshopLevel.ADVANCED, words("Salle", 80),
                words("Apporter", 400), words("Savoir", 300), "x".repeat(40), 10, RegistrationStatus.WAITING, 123,
                "K7M-4QX", MANAGE);
    }

    /** Words of ordinary length up to exactly {@code length} characters, starting with {@code first}. */
    static String words(String first, int length) {
        StringBuilder text = new StringBuilder(first);
        String[] next = {"avec", "des", "mots", "ordinaires", "pour", "remplir", "la", "place", "prévue"};
        for (int i = 0; text.length() < length; i++) {
            text.append(' ').append(next[i % next.length]);
        }
        String cut = text.substring(0, length);
        return cut.endsWith(" ") ? cut.substring(0, length - 1) + "x" : cut;
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (RegistrationSlip.Format format : RegistrationSlip.Format.values()) {
            for (Locale locale : List.of(Locale.FRENCH, Locale.ENGLISH)) {
                cases.add(Arguments.of(format, locale, RegistrationStatus.SEATED, 0));
                cases.add(Arguments.of(format, locale, RegistrationStatus.WAITING, 2));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void everySlipIsAccessibleCompleteAndLegible(RegistrationSlip.Format format, Locale locale, RegistrationStatus status,
                                                 int position) {
        RegistrationSlip.Data data = data("Zoé", status, position);
        byte[] pdf = SLIPS.render(data, format, locale);
        String what = format + " " + locale + " " + status;

        PdfUaValidator.assertCompliant(pdf, what);
        PdfInspection in = new PdfInspection(pdf);
        boolean french = locale.equals(Locale.FRENCH);
        String date = french ? "samedi 12 décembre 2026" : "Saturday 12 December 2026";
        List<String> expected = new ArrayList<>(List.of(data.siteName(), "Découvrir sa boîte mail", date,
                french ? "de 10 h 00 à 11 h 30" : "from 10:00 am to 11:30 am", french ? "Durée : 1 h 30" : "Length: 1 h 30",
                french ? "Niveau : Débutant" : "Level: Beginner", french ? "Pour : Zoé, 2 places" : "For: Zoé, 2 places",
                "Salle Jules-Verne", "Votre téléphone portable", "Votre carte de bibliothèque",
                "Savoir utiliser une souris et un clavier.", "12 rue des Lilas", "69003 Lyon",
                "K7M-4QX", "localhost:8080/ateliers/inscription/annulation", "04 78 12 34 56",
                french ? "Code d’inscription :" : "Registration code:"));
        // The directions and the accessibility line are the first to give way on a ticket; the ticket then says
        // where they are.
        String details = french ? "Détail complet sur le bulletin A4 et en ligne." : "Full details on the A4 slip and online.";
        boolean placeTexts = in.squashedTaggedText().contains(PdfInspection.squash(data.directions()));
        if (format == RegistrationSlip.Format.A4 || placeTexts) {
            expected.addAll(List.of(data.directions(), data.accessibility()));
        } else {
            expected.add(details);
        }
        if (status == RegistrationStatus.WAITING) {
            expected.add(french ? "liste d’attente, 2e." : "waiting list, number 2.");
        } else {
            expected.add(french ? "places réservées." : "places booked.");
        }
        for (String words : expected) {
            assertTrue(in.squashedTaggedText().contains(PdfInspection.squash(words)),
                    what + ": \"" + words + "\" missing from\n" + in.taggedText);
        }
        for (String words : List.of(date, "K7M-4QX")) {
            assertTrue(in.flatText().contains(words), what + ": \"" + words + "\" not drawn in one piece in\n" + in.text);
        }
        assertEquals(1, in.pages, what + ": pages");
        Rectangle size = format == RegistrationSlip.Format.A4 ? PageSize.A4 : PageSize.A6;
        assertEquals(size.getWidth(), in.pageSizes.get(0).getWidth(), 0.5, what);
        assertEquals(size.getHeight(), in.pageSizes.get(0).getHeight(), 0.5, what);
        assertTrue(in.smallestTextSize() >= 12f, what + ": text as small as " + in.smallestTextSize() + " pt");
        assertTrue(in.sizeOf(date) >= 18f, what + ": the date is drawn at " + in.sizeOf(date) + " pt");
        assertTrue(in.sizeOf("K7M-4QX") >= 18f, what + ": the code is drawn at " + in.sizeOf("K7M-4QX") + " pt");
        assertTrue(in.allTextBlack(), what + ": some text is not black");
        assertEquals(locale.getLanguage(), in.language, what);
        assertTrue(in.title.contains(date) && in.title.contains(data.siteName()), what + ": title " + in.title);
        assertTrue(in.roles.contains("H1"), what + ": the workshop's title is the main heading");
        assertFalse(in.text.contains("…"), what + ": nothing shortened");
    }

    @Test
    void theTicketStaysOnePageWithTheLongestWorkshopTexts() {
        for (RegistrationStatus status : List.of(RegistrationStatus.SEATED, RegistrationStatus.WAITING)) {
            RegistrationSlip.Data data = longest(status, 12);
            byte[] pdf = SLIPS.render(data, RegistrationSlip.Format.TICKET, Locale.FRENCH);
            PdfUaValidator.assertCompliant(pdf, "longest ticket " + status);
            PdfInspection in = new PdfInspection(pdf);
            assertEquals(1, in.pages, "longest ticket " + status);
            // The facts to come on the right day with the right code are all there, the title whole.
            for (String words : List.of(data.workshopTitle(), "samedi 12 décembre 2026", "de 10 h 00 à 11 h 30", "K7M-4QX",
                    "04 78 12 34 56", "Allée avec des mots", "69003 Ville", "Marie, 2 places",
                    status == RegistrationStatus.WAITING ? "liste d’attente, 12e." : "places réservées.", "Code d’inscription :")) {
                assertTrue(in.squashedTaggedText().contains(PdfInspection.squash(words)), "\"" + words + "\" missing from\n" + in.taggedText);
            }
            assertTrue(in.smallestTextSize() >= 12f);
            // What was shortened or left out is said to be whole on the A4 sheet and online.
            assertTrue(in.squashedTaggedText().contains(PdfInspection.squash("Détail complet sur le bulletin A4 et en ligne.")),
                    in.taggedText);
            // The A4 sheet keeps every text whole; what runs onto a second page is the long texts, after the code.
            byte[] sheet = SLIPS.render(data, RegistrationSlip.Format.A4, Locale.FRENCH);
            PdfUaValidator.assertCompliant(sheet, "longest A4 " + status);
            PdfInspection a4 = new PdfInspection(sheet);
            assertTrue(a4.pages <= 2, "longest A4 " + status + ": " + a4.pages + " pages");
            for (String words : List.of(data.workshopTitle(), data.whatToBring(), data.prerequisites(), data.siteAddressLine(), data.siteTown())) {
                assertTrue(a4.squashedTaggedText().contains(PdfInspection.squash(words)), "A4: \"" + words + "\" missing");
            }
            assertTrue(a4.runs.stream().anyMatch(r -> r.text().contains("K7M-4QX") && r.page() == 1), "the code is on page 1");
        }
    }

    @Test
    void theTicketStaysOnePageWhenEveryTextIsAtItsLongest() {
        RegistrationSlip.Data data = everythingAtItsLongest();
        for (Locale locale : List.of(Locale.FRENCH, Locale.ENGLISH)) {
            byte[] pdf = SLIPS.render(data, RegistrationSlip.Format.TICKET, locale);
            PdfUaValidator.assertCompliant(pdf, "extreme ticket " + locale);
            PdfInspection in = new PdfInspection(pdf);
            assertEquals(1, in.pages, "extreme ticket " + locale);
            String date = locale.equals(Locale.FRENCH) ? "samedi 12 décembre 2026" : "Saturday 12 December 2026";
            for (String words : List.of("K7M-4QX", date, data.firstName())) {
                assertTrue(in.squashedTaggedText().contains(PdfInspection.squash(words)), "\"" + words + "\" missing from\n" + in.taggedText);
            }
            assertTrue(in.smallestTextSize() >= 12f);
        }
    }

    @Test
    void namesInOtherAlphabetsArePrinted() {
        // Cyrillic is in the slip layout's font today; Chinese and Arabic come with the fonts of the other scripts.
        for (String name : List.of("Дмитрий", "M. K.", "Anne-Gaëlle", "Zoë")) {
            for (RegistrationSlip.Format format : RegistrationSlip.Format.values()) {
                byte[] pdf = SLIPS.render(data(name, RegistrationStatus.SEATED, 0), format, Locale.FRENCH);
                PdfUaValidator.assertCompliant(pdf, name + " " + format);
                PdfInspection in = new PdfInspection(pdf);
                assertTrue(in.squashedTaggedText().contains(PdfInspection.squash("Pour : " + name + ", 2 places")),
                        name + " " + format + ": " + in.taggedText);
                assertEquals(1, in.pages);
            }
        }
    }

    @Test
    void aCancelledRegistrationsSlipSaysSo() {
        PdfInspection in = new PdfInspection(SLIPS.render(data("Zoé", RegistrationStatus.CANCELLED_BY_USER, 0),
                RegistrationSlip.Format.A4, Locale.FRENCH));
        assertTrue(in.squashedTaggedText().contains(PdfInspection.squash("Inscription : annulée.")), in.taggedText);
    }

    @Test
    void textsAreCutAfterAWord() {
        assertEquals("Votre téléphone…", RegistrationSlip.cut("Votre téléphone portable", 20));
        assertEquals("Court", RegistrationSlip.cut("Court", 20));
        assertEquals("Texte entier", RegistrationSlip.cut("Texte entier", 0));
    }
}
