package fr.relais.partner;

import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.geom.Rectangle;
import fr.relais.pdf.PdfInspection;
import fr.relais.pdf.PdfUaValidator;
import fr.relais.pdf.Scripts;
import fr.relais.pdf.SlipLayout;
import fr.relais.web.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The referral slip: PDF/UA-1 (veraPDF), everything the person needs on one A4 page in large black type, and
 * nothing printed for what is unknown.
 */
class ReferralSlipTest {
    static final ReferralSlip SLIPS = new ReferralSlip(new SlipLayout(), new Messages());
    static final String DECISION_FR = "La bibliothèque vous oriente ; la décision appartient à l’organisme.";

    /** What to bring for a family procedure, then for any procedure, as the reference list gives them. */
    static final List<String> FAMILY_AND_ANY = List.of(
            "Votre numéro d'allocataire CAF",
            "Le livret de famille si la démarche concerne un enfant",
            "Votre téléphone portable (pour recevoir les codes)",
            "Vos identifiants de connexion : vous les taperez vous-même");

    static ReferralSlipData full() {
        return new ReferralSlipData("CAF — accueil Centre", "CAF (Caisse d’allocations familiales)",
                List.of("12 rue des Allocations", "69003 Lyon"), "Du lundi au vendredi\u00a0: 8h30 – 12h00", "3230",
                "accueil.centre@caf.example.fr", "https://www.caf.fr",
                List.of("Se présenter", "Téléphoner"), List.of("Aide aux démarches : Famille - Scolarité"),
                FAMILY_AND_ANY, "Médiathèque du Centre", "04 78 00 00 00", "Marie Durand", LocalDate.of(2026, 3, 3));
    }

    static ReferralSlipData minimal() {
        return new ReferralSlipData("CCAS — antenne Nord", null, List.of("1 allée des Solidarités", "69300 Caluire-et-Cuire"),
                null, null, null, null, List.of("Se présenter"), List.of("Aide aux démarches : Logement"), List.of(),
                "Bibliothèque Nord", null, null, LocalDate.of(2026, 11, 30));
    }

    static final List<String> TEN_THINGS = Stream.concat(FAMILY_AND_ANY.stream(), Stream.of(
            "Une pièce d’identité : carte d’identité, passeport ou titre de séjour",
            "Votre carte Vitale ou l’attestation de droits",
            "Le dernier avis d’imposition, ou la déclaration de revenus de l’année dernière",
            "Un justificatif de domicile de moins de trois mois (facture d’électricité, de gaz ou d’eau)",
            "Votre relevé d’identité bancaire (RIB)",
            "Les courriers reçus au sujet de votre démarche, même anciens")).toList();

    static ReferralSlipData withThingsToBring(ReferralSlipData d, List<String> whatToBring) {
        return new ReferralSlipData(d.partnerName(), d.partnerKindLabel(), d.addressLines(), d.openingHours(), d.phone(),
                d.email(), d.website(), d.howToReach(), d.reasons(), whatToBring, d.libraryName(), d.libraryPhone(),
                d.personName(), d.date());
    }

    /** Everything long: ten things to bring, a long name, long hours, several reasons and ways to reach them. */
    static ReferralSlipData longData() {
        String longName = "Maison France Services intercommunale des Monts du Lyonnais — antenne de Saint-Symphorien-sur-Coise";
        String longHours = "Lundi, mardi et jeudi de 8 h 30 à 12 h et de 13 h 30 à 17 h ; mercredi de 8 h 30 à 12 h ; "
                + "vendredi de 13 h 30 à 16 h 30 ; fermé le samedi, le dimanche et les jours fériés, et deux semaines en août";
        return new ReferralSlipData(longName, "France Services",
                List.of("Rez-de-chaussée du bâtiment B, entrée par la cour", "145 avenue du Maréchal-de-Lattre-de-Tassigny",
                        "69590 Saint-Symphorien-sur-Coise"),
                longHours, "04 00 00 00 01", "franceservices.monts-du-lyonnais@example.org",
                "https://www.france-services.example.fr/monts-du-lyonnais/saint-symphorien/",
                List.of("Se présenter", "Téléphoner", "Envoyer un courriel", "Prendre rendez-vous en ligne"),
                List.of("Aide aux démarches : Famille - Scolarité", "Aide aux démarches : Logement - Aides au logement",
                        "Aide aux démarches : Argent - Impôts"),
                TEN_THINGS, "Médiathèque intercommunale Jean-Macé et Louise-Michel", "04 78 12 34 56",
                "Marie-Christine de La Tour-Dupont", LocalDate.of(2026, 12, 31));
    }

    @Test
    void aFullSlipIsAccessibleCompleteAndLegibleOnOnePage() {
        ReferralSlipData data = full();
        byte[] pdf = SLIPS.render(data, Locale.FRENCH);
        PdfUaValidator.assertCompliant(pdf, "full referral slip");
        PdfInspection in = new PdfInspection(pdf);

        List<String> expected = new ArrayList<>(List.of("Fiche d’orientation", "Pour : Marie Durand",
                "Vous êtes orienté·e vers", "CAF — accueil Centre", "CAF (Caisse d’allocations familiales)",
                "12 rue des Allocations", "69003 Lyon", "Horaires : Du lundi au vendredi : 8h30 – 12h00", "Téléphone : 3230",
                "E-mail : accueil.centre@caf.example.fr", "Site internet : www.caf.fr",
                "Comment les contacter", "Se présenter", "Téléphoner",
                "Pourquoi", "Aide aux démarches : Famille - Scolarité", "À apporter",
                "Votre bibliothèque : Médiathèque du Centre — Tél. 04 78 00 00 00", DECISION_FR,
                "Fiche remise le mardi 3 mars 2026"));
        expected.addAll(FAMILY_AND_ANY);
        assertAllRead(in, expected, "full slip");
        // Drawn whole: what a person copies or dials, and the sentence about who decides.
        for (String words : List.of("CAF — accueil Centre", "3230", "04 78 00 00 00", "www.caf.fr", DECISION_FR)) {
            assertTrue(in.flatText().contains(words), "\"" + words + "\" not drawn in one piece in\n" + in.text);
        }
        assertFalse(in.squashedTaggedText().contains("https://"), "the scheme is left out: " + in.taggedText);
        // French typography: a no-break space before a semicolon or a colon, so that none starts a line — in the
        // slip's own words and in the words it is given.
        assertTrue(in.text.contains("oriente\u00A0;"), in.text);
        assertTrue(in.text.contains("démarches\u00A0: Famille"), in.text);
        assertTrue(in.text.contains("connexion\u00A0: vous"), in.text);

        assertEquals(1, in.pages, "pages");
        for (Rectangle page : in.pageSizes) {
            assertEquals(PageSize.A4.getWidth(), page.getWidth(), 0.5);
            assertEquals(PageSize.A4.getHeight(), page.getHeight(), 0.5);
        }
        // Large black type, DejaVu Sans embedded; the partner's name and phone as large as a key fact.
        assertTrue(in.smallestTextSize() >= 14f, "text as small as " + in.smallestTextSize() + " pt");
        assertTrue(in.sizeOf("CAF — accueil Centre") >= 18f, in.runs.toString());
        assertTrue(in.sizeOf("3230") >= 18f, in.runs.toString());
        assertTrue(in.allTextBlack(), "some text is not black");
        assertFalse(in.fonts.isEmpty());
        for (PdfInspection.Font font : in.fonts) {
            assertTrue(font.embedded() && font.name().contains("DejaVuSans"), font.toString());
        }

        // Language and title (shown in the reader's window), PDF/UA identification; the person's name is in none.
        assertEquals("fr", in.language);
        assertEquals("Fiche d’orientation vers CAF — accueil Centre", in.title);
        assertTrue(in.displayDocTitle, "DisplayDocTitle");
        assertTrue(in.xmp.contains("pdfuaid:part"), "XMP without pdfuaid:part");
        for (String metadata : new String[]{in.title, in.xmp, in.infoAuthor, in.infoSubject, in.infoKeywords}) {
            assertFalse(metadata != null && metadata.contains("Durand"), "the person's name is in the metadata");
        }

        // Structure: one H1 first; Comment les contacter, Pourquoi, À apporter as H2; lists as L/LI.
        assertEquals("H1", in.roles.stream().filter(r -> r.matches("H\\d")).findFirst().orElse(null), in.roles.toString());
        assertEquals(1, in.roles.stream().filter("H1"::equals).count());
        assertEquals(3, in.roles.stream().filter("H2"::equals).count(), in.roles.toString());
        assertEquals(2 + FAMILY_AND_ANY.size(), in.roles.stream().filter("LI"::equals).count(), in.roles.toString());
    }

    @Test
    void theSlipReadsInOrder() {
        PdfInspection in = new PdfInspection(SLIPS.render(full(), Locale.FRENCH));
        String text = in.squashedTaggedText();
        int from = 0;
        for (String words : List.of("Fiche d’orientation", "Pour : Marie Durand", "Vous êtes orienté·e vers",
                "CAF — accueil Centre", "CAF (Caisse", "12 rue des Allocations", "69003 Lyon", "Horaires",
                "Téléphone : 3230", "E-mail", "Site internet", "Comment les contacter", "Se présenter", "Pourquoi",
                "Famille - Scolarité", "À apporter", FAMILY_AND_ANY.get(0), FAMILY_AND_ANY.get(3), DECISION_FR,
                "Votre bibliothèque", "Fiche remise le")) {
            String piece = PdfInspection.squash(words);
            int at = text.indexOf(piece, from);
            assertTrue(at >= 0, "\"" + words + "\" not found after position " + from + " in\n" + in.taggedText);
            from = at + piece.length();
        }
    }

    @Test
    void aMinimalSlipLeavesOutWhatIsUnknown() {
        byte[] pdf = SLIPS.render(minimal(), Locale.FRENCH);
        PdfUaValidator.assertCompliant(pdf, "minimal referral slip");
        PdfInspection in = new PdfInspection(pdf);
        assertEquals(1, in.pages);
        assertAllRead(in, List.of("Fiche d’orientation", "CCAS — antenne Nord", "1 allée des Solidarités",
                "69300 Caluire-et-Cuire", "Se présenter", "Aide aux démarches : Logement",
                "Votre bibliothèque : Bibliothèque Nord", DECISION_FR, "Fiche remise le lundi 30 novembre 2026"), "minimal");
        // No label without its value, no heading without its list.
        for (String absent : List.of("Pour :", "Horaires", "Téléphone", "Tél.", "E-mail", "Site internet", "À apporter",
                "null")) {
            assertFalse(in.flatText().contains(absent), "\"" + absent + "\" printed for nothing:\n" + in.text);
        }
        assertEquals(1, in.roles.stream().filter("LI"::equals).count(), "only the one way to reach them: " + in.roles);
    }

    @Test
    void inEnglishTheHeadingsAreEnglish() {
        byte[] pdf = SLIPS.render(full(), Locale.ENGLISH);
        PdfUaValidator.assertCompliant(pdf, "English referral slip");
        PdfInspection in = new PdfInspection(pdf);
        assertEquals("en", in.language);
        assertEquals("Referral slip to CAF — accueil Centre", in.title);
        assertAllRead(in, List.of("Referral slip", "For: Marie Durand", "You are referred to", "Opening hours: Du lundi",
                "Phone: 3230", "Email:", "Website: www.caf.fr", "How to contact them", "Why", "What to bring",
                "Your library: Médiathèque du Centre — Tel. 04 78 00 00 00",
                "The library refers you; the decision is up to the organisation.", "Slip given on Tuesday 3 March 2026"),
                "English");
        for (String french : List.of("Fiche", "Pour :", "Horaires", "Pourquoi", "À apporter", "bibliothèque")) {
            assertFalse(in.flatText().contains(french), "\"" + french + "\" in the English slip");
        }
    }

    @Test
    void anUnsupportedLanguagePrintsInFrench() {
        PdfInspection in = new PdfInspection(SLIPS.render(minimal(), Locale.GERMAN));
        assertEquals("fr", in.language);
        assertTrue(in.flatText().contains("Fiche d’orientation"), in.text);
    }

    @Test
    void tenThingsToBringStillFitOnePage() {
        byte[] pdf = SLIPS.render(withThingsToBring(full(), TEN_THINGS), Locale.FRENCH);
        PdfUaValidator.assertCompliant(pdf, "referral slip with ten things to bring");
        PdfInspection in = new PdfInspection(pdf);
        assertEquals(1, in.pages, "ten things to bring fit one page");
        assertAllRead(in, TEN_THINGS, "ten things");
        assertAllRead(in, List.of("CAF — accueil Centre", "Téléphone : 3230", DECISION_FR, "Médiathèque du Centre"), "ten things");
        assertTrue(in.smallestTextSize() >= 12f, "text as small as " + in.smallestTextSize() + " pt");
        assertFalse(in.flatText().contains("1/1"), "a single page is not numbered");
    }

    @Test
    void contentTooLongForOnePageLosesNothing() {
        ReferralSlipData data = longData();
        byte[] pdf = SLIPS.render(data, Locale.FRENCH);
        PdfUaValidator.assertCompliant(pdf, "long referral slip");
        PdfInspection in = new PdfInspection(pdf);
        List<String> expected = new ArrayList<>(List.of(data.partnerName(), data.openingHours(), "145 avenue du Maréchal-de-Lattre-de-Tassigny",
                "franceservices.monts-du-lyonnais@example.org",
                "www.france-services.example.fr/monts-du-lyonnais/saint-symphorien", "Prendre rendez-vous en ligne",
                "Aide aux démarches : Argent - Impôts", "Médiathèque intercommunale Jean-Macé et Louise-Michel",
                "Marie-Christine de La Tour-Dupont", DECISION_FR, "jeudi 31 décembre 2026"));
        expected.addAll(TEN_THINGS);
        assertAllRead(in, expected, "long slip");
        // Drawn too, not only tagged: every thing to bring is on the paper.
        for (String line : TEN_THINGS) {
            assertTrue(in.squashedText().contains(PdfInspection.squash(line)), "\"" + line + "\" not drawn");
        }
        // Everything long at once takes a second page, numbered; the checklist stays whole on one of them.
        assertEquals(2, in.pages, "pages");
        assertTrue(in.flatText().contains("1/2") && in.flatText().contains("2/2"), in.text);
        assertEquals(pageOf(in, "Votre numéro d'allocataire"), pageOf(in, "Les courriers reçus"), "checklist cut in two");
        assertTrue(in.smallestTextSize() >= 12f, "text as small as " + in.smallestTextSize() + " pt");
        assertTrue(in.sizeOf("Maison France Services") >= 18f, in.runs.toString());
        assertEquals(10 + 4 + 3, in.roles.stream().filter("LI"::equals).count(), in.roles.toString());
    }

    static Stream<Scripts.Name> names() {
        return Scripts.NAMES.stream();
    }

    /**
     * The person's name, the partner's name and what to bring typed in any script print on the referral slip (see
     * {@link Scripts#assertPrinted} for what is checked).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void aNameInAnyScriptPrints(Scripts.Name name) {
        ReferralSlipData d = full();
        ReferralSlipData data = new ReferralSlipData(name.text() + " — association d’entraide", d.partnerKindLabel(),
                d.addressLines(), d.openingHours(), d.phone(), d.email(), d.website(), d.howToReach(), d.reasons(),
                List.of("Le courrier de " + name.text()), d.libraryName(), d.libraryPhone(), name.text(), d.date());
        byte[] pdf = SLIPS.render(data, Locale.FRENCH);
        Scripts.assertPrinted(pdf, name, "referral slip for " + name.script());
        PdfInspection in = new PdfInspection(pdf);
        assertEquals(1, in.pages, "one page");
        assertAllRead(in, List.of("Pour : " + name.text(), "Le courrier de " + name.text()), name.script());
    }

    /** The page on which a run of text starting with {@code words} is drawn. */
    private static int pageOf(PdfInspection in, String words) {
        return in.runs.stream().filter(r -> r.text().startsWith(words)).findFirst().orElseThrow().page();
    }

    /** Each piece is in the structure (what a screen reader reads), white space aside. */
    private static void assertAllRead(PdfInspection in, List<String> expected, String what) {
        for (String words : expected) {
            assertTrue(in.squashedTaggedText().contains(PdfInspection.squash(words)),
                    what + ": \"" + words + "\" missing from\n" + in.taggedText);
        }
    }
}
