package fr.relais.pdf;

import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.geom.Rectangle;
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

/** The appointment slip: PDF/UA-1 (veraPDF), the right words in the right order, large black type, one page. */
class AppointmentSlipTest {
    static final Messages MESSAGES = new Messages();
    static final AppointmentSlip SLIPS = new AppointmentSlip(new SlipLayout(), MESSAGES);

    static final List<String> SHORT_LIST = List.of(
            "Votre téléphone portable et son chargeur",
            "Une pièce d’identité",
            "Le courrier reçu, s’il y en a un");
    static final List<String> LONG_LIST = List.of(
            "Votre téléphone portable et son chargeur",
            "Une pièce d’identité : carte d’identité, passeport ou titre de séjour",
            "Votre carte Vitale ou l’attestation de droits",
            "Le dernier avis d’imposition, ou la déclaration de revenus de l’année dernière",
            "Un justificatif de domicile de moins de trois mois (facture d’électricité, de gaz ou d’eau)",
            "Votre relevé d’identité bancaire (RIB)",
            "Le courrier reçu de la CAF ou de la CPAM, s’il y en a un",
            "Vos lunettes, si vous en portez",
            "Une clé USB si vous voulez garder une copie des documents");

    static SlipData data(List<String> whatToBring) {
        return new SlipData("Médiathèque Jean-Macé", "12 rue des Lilas", "69003", "Lyon", "04 78 12 34 56",
                "Entrée par le parc, au 1er étage, à gauche de l’accueil.",
                "Accès de plain-pied, ascenseur et toilettes adaptées.",
                LocalDate.of(2026, 3, 3), LocalTime.of(14, 30), 30,
                "Karim", "Marie", "Créer une adresse e-mail",
                whatToBring, "K7M-4QX", "http://localhost:8080/rendez-vous/annulation");
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (AppointmentSlip.Format format : AppointmentSlip.Format.values()) {
            for (Locale locale : List.of(Locale.FRENCH, Locale.ENGLISH)) {
                cases.add(Arguments.of(format, locale, "short", SHORT_LIST));
                cases.add(Arguments.of(format, locale, "long", LONG_LIST));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2} list")
    @MethodSource("cases")
    void everySlipIsAccessibleCompleteAndLegible(AppointmentSlip.Format format, Locale locale, String size, List<String> toBring) {
        SlipData data = data(toBring);
        byte[] pdf = SLIPS.render(data, format, locale);
        String what = format + " " + locale + " " + size;

        PdfUaValidator.assertCompliant(pdf, what);

        PdfInspection in = new PdfInspection(pdf);
        boolean french = locale.equals(Locale.FRENCH);
        String date = french ? "mardi 3 mars 2026" : "Tuesday 3 March 2026";
        String time = french ? "14 h 30" : "2:30 pm";
        // Everything is in the structure (what a screen reader reads), white space aside…
        List<String> expected = new ArrayList<>(List.of(data.siteName(), date, time, "K7M-4QX", "04 78 12 34 56", "Karim",
                "Marie", "Créer une adresse e-mail", "12 rue des Lilas", "69003 Lyon",
                "localhost:8080/rendez-vous/annulation", data.directions(), data.accessibility(),
                french ? "Votre rendez-vous" : "Your appointment",
                french ? "Code de réservation :" : "Booking code:"));
        // Every thing to bring is listed; on a ticket with a long list, the first ones, and a line counts the others
        // and sends to the A4 slip (which lists them all: the A4 cases of this test).
        int listed = (int) in.roles.stream().filter("LI"::equals).count();
        boolean longTicket = format == AppointmentSlip.Format.TICKET && size.equals("long");
        if (longTicket && listed < toBring.size()) {
            assertTrue(listed >= 3, what + ": only " + listed + " things to bring listed");
            int more = toBring.size() - listed;
            expected.add(french ? "Et " + more + " autres choses à apporter : voir la convocation au format A4."
                    : "And " + more + " more things to bring: see the A4 slip.");
        } else {
            assertEquals(toBring.size(), listed, what + ": list items " + in.roles);
        }
        expected.addAll(toBring.subList(0, listed));
        for (String words : expected) {
            assertTrue(in.squashedTaggedText().contains(PdfInspection.squash(words)),
                    what + ": \"" + words + "\" missing from\n" + in.taggedText);
        }
        // …and the key facts are drawn whole, each on one line.
        for (String words : List.of(data.siteName(), date, time, "K7M-4QX")) {
            assertTrue(in.flatText().contains(words), what + ": \"" + words + "\" not drawn in one piece in\n" + in.text);
        }

        // One page, a ticket with a long list too.
        assertEquals(1, in.pages, what + ": pages");
        Rectangle expectedSize = format == AppointmentSlip.Format.A4 ? PageSize.A4 : PageSize.A6;
        for (Rectangle page : in.pageSizes) {
            assertEquals(expectedSize.getWidth(), page.getWidth(), 0.5, what + ": page width");
            assertEquals(expectedSize.getHeight(), page.getHeight(), 0.5, what + ": page height");
        }

        // DejaVu Sans, embedded.
        assertFalse(in.fonts.isEmpty(), what + ": no font found");
        for (PdfInspection.Font font : in.fonts) {
            assertTrue(font.embedded(), what + ": font not embedded: " + font.name());
            assertTrue(font.name().contains("DejaVuSans"), what + ": unexpected font " + font.name());
        }

        // Large black type: body 12 pt or more (9 pt or more on a ticket with a long list), date and time 18 pt or more.
        float smallest = format == AppointmentSlip.Format.TICKET && size.equals("long") ? 9f : 12f;
        assertTrue(in.smallestTextSize() >= smallest, what + ": text as small as " + in.smallestTextSize() + " pt");
        assertTrue(in.sizeOf(date) >= 18f, what + ": the date is drawn at " + in.sizeOf(date) + " pt");
        assertTrue(in.sizeOf(time) >= 18f, what + ": the time is drawn at " + in.sizeOf(time) + " pt");
        assertTrue(in.sizeOf("K7M-4QX") >= 18f, what + ": the code is drawn at " + in.sizeOf("K7M-4QX") + " pt");
        assertTrue(in.allTextBlack(), what + ": some text is not black");

        // Language, title shown in the window, PDF/UA identification.
        assertEquals(locale.getLanguage(), in.language, what + ": document language");
        assertTrue(in.title != null && in.title.contains(date) && in.title.contains(data.siteName()), what + ": title " + in.title);
        assertTrue(in.displayDocTitle, what + ": DisplayDocTitle");
        assertTrue(in.xmp.contains("pdfuaid:part") , what + ": XMP without pdfuaid:part");

        // Structure: one H1 before any H2, the list as L/LI.
        assertEquals("H1", in.roles.stream().filter(r -> r.matches("H\\d")).findFirst().orElse(null), what + ": " + in.roles);
        assertEquals(1, in.roles.stream().filter("H1"::equals).count(), what + ": one H1");
        // À apporter, Adresse (A4 only: on a ticket the address is one labelled line), Pour annuler.
        int sections = format == AppointmentSlip.Format.A4 ? 3 : 2;
        assertEquals(sections, in.roles.stream().filter("H2"::equals).count(), what + ": H2 sections " + in.roles);
        assertTrue(in.roles.contains("L"), what + ": " + in.roles);

        // No personal data in the metadata that outlives the paper (not even the first name).
        for (String metadata : new String[]{in.title, in.xmp, in.infoAuthor, in.infoSubject, in.infoKeywords}) {
            assertFalse(metadata != null && metadata.contains("Marie"), what + ": the first name is in the metadata");
        }
    }

    @Test
    void theContentComesInReadingOrder() {
        for (AppointmentSlip.Format format : AppointmentSlip.Format.values()) {
            PdfInspection in = new PdfInspection(SLIPS.render(data(SHORT_LIST), format, Locale.FRENCH));
            String text = in.squashedTaggedText();
            List<String> order = List.of("Médiathèque Jean-Macé", "Votre rendez-vous", "mardi 3 mars 2026", "à 14 h 30",
                    "Durée : 30 minutes, avec Karim", "Pour : Marie", "Motif : Créer une adresse e-mail",
                    "À apporter", "Votre téléphone portable", "Une pièce d’identité", "Adresse", "12 rue des Lilas",
                    "69003 Lyon", "Entrée par le parc", "Accessibilité : Accès de plain-pied",
                    "Code de réservation : K7M-4QX", "Pour annuler ou retrouver votre rendez-vous",
                    "localhost:8080/rendez-", "avec ce code et votre prénom, ou par téléphone au 04 78 12 34 56.");
            int from = 0;
            for (String words : order) {
                String piece = PdfInspection.squash(words);
                int at = text.indexOf(piece, from);
                assertTrue(at >= 0, format + ": \"" + words + "\" not found after position " + from + " in\n" + in.taggedText);
                from = at + piece.length();
            }
        }
    }

    @Test
    void optionalPartsAreLeftOutWhenUnknown() {
        SlipData bare = new SlipData("Bibliothèque du Centre", "1 place de la Mairie", "38000", "Grenoble", null,
                null, null, LocalDate.of(2026, 11, 30), LocalTime.of(9, 5), 45,
                null, "A. B.", "Utiliser un scanner", List.of(), "P3R-9WD", "https://relais.example.fr/rendez-vous/annulation");
        for (AppointmentSlip.Format format : AppointmentSlip.Format.values()) {
            for (Locale locale : List.of(Locale.FRENCH, Locale.ENGLISH)) {
                byte[] pdf = SLIPS.render(bare, format, locale);
                PdfUaValidator.assertCompliant(pdf, format + " " + locale + " without optional parts");
                PdfInspection in = new PdfInspection(pdf);
                String text = in.taggedText;
                assertEquals(1, in.pages);
                boolean french = locale.equals(Locale.FRENCH);
                assertTrue(text.contains(french ? "lundi 30 novembre 2026" : "Monday 30 November 2026"), text);
                assertTrue(text.contains(french ? "9 h 05" : "9:05 am"), text);
                assertTrue(text.contains(french ? "45 minutes" : "45 minutes"), text);
                assertTrue(text.contains("A. B."), text);
                assertTrue(in.squashedTaggedText().contains("relais.example.fr/rendez-vous/annulation"), text);
                assertFalse(in.squashedTaggedText().contains("https://"), "the scheme is left out: " + text);
                for (String absent : french
                        ? List.of("minutes, avec", "À apporter", "téléphone", "Accessibilité")
                        : List.of("minutes, with", "What to bring", "phone", "Access:")) {
                    assertFalse(text.contains(absent), format + " " + locale + ": \"" + absent + "\" printed for nothing");
                }
                assertEquals(0, in.roles.stream().filter("L"::equals).count());
            }
        }
    }

    @Test
    void aLongTicketStaysOnOnePageInSmallerTypeAndAShortOneKeeps12Points() {
        PdfInspection shortTicket = new PdfInspection(SLIPS.render(data(SHORT_LIST), AppointmentSlip.Format.TICKET, Locale.FRENCH));
        assertEquals(1, shortTicket.pages);
        assertFalse(shortTicket.flatText().contains("1/1"));
        assertEquals(12f, shortTicket.smallestTextSize(), 0.01f);
        // Nine long things to bring (more than the reference data ever gives): the ticket stays one page, in type of
        // 9 pt or more, the date, the time and the code in 18 pt; the first things to bring are listed, the others
        // counted in a line that sends to the A4 slip; the directions stay.
        PdfInspection longTicket = new PdfInspection(SLIPS.render(data(LONG_LIST), AppointmentSlip.Format.TICKET, Locale.FRENCH));
        assertEquals(1, longTicket.pages);
        assertFalse(longTicket.flatText().contains("1/"), longTicket.text);
        assertEquals(9f, longTicket.smallestTextSize(), 0.01f);
        for (String words : List.of("mardi 3 mars 2026", "à 14 h 30", "K7M-4QX")) {
            assertTrue(longTicket.sizeOf(words) >= 18f, words + " drawn at " + longTicket.sizeOf(words));
        }
        int listed = (int) longTicket.roles.stream().filter("LI"::equals).count();
        assertTrue(listed >= 3 && listed < LONG_LIST.size(), listed + " listed");
        for (String line : LONG_LIST.subList(0, listed)) {
            assertTrue(longTicket.squashedText().contains(PdfInspection.squash(line)), "\"" + line + "\" not drawn");
        }
        assertTrue(longTicket.flatText().contains("Et " + (LONG_LIST.size() - listed)
                + " autres choses à apporter : voir la convocation au format A4."), longTicket.text);
        assertTrue(longTicket.squashedText().contains(PdfInspection.squash(data(LONG_LIST).directions())), longTicket.text);
        // A reference list of four lines (an online procedure about papers) fits whole, in 10 pt or more.
        List<String> reference = List.of("Votre téléphone portable (pour recevoir les codes)",
                "Vos identifiants de connexion : vous les taperez vous-même",
                "Les courriers reçus au sujet de votre démarche", "Une pièce d’identité");
        PdfInspection referenceTicket = new PdfInspection(SLIPS.render(data(reference), AppointmentSlip.Format.TICKET, Locale.FRENCH));
        assertEquals(1, referenceTicket.pages);
        assertEquals(reference.size(), referenceTicket.roles.stream().filter("LI"::equals).count());
        assertTrue(referenceTicket.smallestTextSize() >= 10f, "size " + referenceTicket.smallestTextSize());
        // The long A4 sheet still takes one page, its text made smaller but never under 12 pt.
        PdfInspection longSheet = new PdfInspection(SLIPS.render(data(LONG_LIST), AppointmentSlip.Format.A4, Locale.FRENCH));
        assertEquals(1, longSheet.pages);
        assertTrue(longSheet.smallestTextSize() >= 12f);
    }

    @Test
    void timesReadTheWayEachLanguageReadsThem() {
        assertEquals("14 h 30", SLIPS.time(LocalTime.of(14, 30), Locale.FRENCH));
        assertEquals("9 h 05", SLIPS.time(LocalTime.of(9, 5), Locale.FRENCH));
        assertEquals("0 h 15", SLIPS.time(LocalTime.of(0, 15), Locale.FRENCH));
        assertEquals("2:30 pm", SLIPS.time(LocalTime.of(14, 30), Locale.ENGLISH));
        assertEquals("9:05 am", SLIPS.time(LocalTime.of(9, 5), Locale.ENGLISH));
        assertEquals("12:00 pm", SLIPS.time(LocalTime.NOON, Locale.ENGLISH));
        assertEquals("12:15 am", SLIPS.time(LocalTime.of(0, 15), Locale.ENGLISH));
        assertEquals("mardi 3 mars 2026", SLIPS.date(LocalDate.of(2026, 3, 3), Locale.FRENCH));
        assertEquals("Tuesday 3 March 2026", SLIPS.date(LocalDate.of(2026, 3, 3), Locale.ENGLISH));
        // A language the slips do not speak gets French.
        assertEquals("14 h 30", SLIPS.time(LocalTime.of(14, 30), MESSAGES.supported(Locale.GERMAN)));
        assertEquals("relais.example.fr/rendez-vous/annulation",
                Slip.displayUrl(" HTTPS://relais.example.fr/rendez-vous/annulation "));
    }

    @Test
    void anUnsupportedLanguagePrintsInFrench() {
        PdfInspection in = new PdfInspection(SLIPS.render(data(SHORT_LIST), AppointmentSlip.Format.A4, Locale.GERMAN));
        assertEquals("fr", in.language);
        assertTrue(in.flatText().contains("Votre rendez-vous"));
    }
}
