package fr.relais.mandate;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.canvas.parser.EventType;
import com.itextpdf.kernel.pdf.canvas.parser.PdfCanvasProcessor;
import com.itextpdf.kernel.pdf.canvas.parser.data.TextRenderInfo;
import com.itextpdf.kernel.pdf.canvas.parser.filter.IEventFilter;
import com.itextpdf.kernel.pdf.canvas.parser.listener.FilteredTextEventListener;
import com.itextpdf.kernel.pdf.canvas.parser.listener.SimpleTextExtractionStrategy;
import fr.relais.mandate.MandatePrint.ScopeLine;
import fr.relais.pdf.PdfInspection;
import fr.relais.pdf.PdfUaValidator;
import fr.relais.pdf.Scripts;
import fr.relais.pdf.SlipLayout;
import fr.relais.web.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static fr.relais.pdf.PdfInspection.squash;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The printed mandate and the revocation sheet: PDF/UA-1 (veraPDF), two copies each on pages of their own, and on
 * each copy every word the person and the library sign for.
 */
class MandateDocumentsTest {
    static final MandateDocuments DOCUMENTS = new MandateDocuments(new SlipLayout(), new Messages());

    static final String COPY_PERSON = "Exemplaire de la personne (mandant)";
    static final String COPY_LIBRARY = "Exemplaire de la bibliothèque (mandataire)";
    static final String CODE = "MK7Q-4XZ2";

    /** The eleven procedure scopes of the reference data. */
    static final List<ScopeLine> ALL_SCOPES = List.of(
            new ScopeLine("Papiers - Citoyenneté - Élections", "État civil, passeport, carte d'identité, élections"),
            new ScopeLine("Famille - Scolarité", "Allocations familiales, naissance, mariage, Pacs, scolarité"),
            new ScopeLine("Social - Santé", "Carte Vitale, chômage, handicap, RSA, personnes âgées"),
            new ScopeLine("Travail - Formation", "Recherche d'emploi, concours, retraite, formation"),
            new ScopeLine("Logement", "Aides au logement, logement social, fin de bail"),
            new ScopeLine("Transports - Mobilité", "Carte grise, permis de conduire, infractions"),
            new ScopeLine("Argent - Impôts - Consommation", "Impôts, banque, assurance, surendettement"),
            new ScopeLine("Justice", "Casier judiciaire, plainte, aide juridictionnelle"),
            new ScopeLine("Étrangers - Europe", "Titre de séjour, attestation d'accueil, regroupement familial"),
            new ScopeLine("Loisirs - Sport - Culture", "Inscriptions, culture, sport, animaux"),
            new ScopeLine("Associations", "Création et gestion d'association"));

    static final String PURPOSE = "Renouveler la complémentaire santé solidaire et déclarer le nouveau logement à la CAF.";
    static final String LONG_FIRST_NAME = "Marie-Françoise Anne-Sophie Bernadette Jeanne Éloïse Hortens";
    static final String LONG_LAST_NAME = "de La Tour d’Auvergne-Lauragais Montmorency-Laval Rochechoua";
    static final String LONG_PURPOSE = "Refaire la carte Vitale perdue, demander la complémentaire santé solidaire, "
            + "déclarer le changement d’adresse à la CAF et à la CPAM, suivre le dossier de retraite auprès de la "
            + "caisse, payer l’amende du stationnement, inscrire les enfants à la cantine et au centre de loisirs, "
            + "puis les papiers du bail.";

    /** Six months from the 1st of September: "du 1er septembre 2026 au 1er mars 2027 inclus". */
    static MandatePrint sample() {
        return new MandatePrint("Médiathèque Jean-Macé", List.of("12 rue des Lilas", "69003 Lyon"), "04 78 12 34 56",
                "Lyon", "Marie", "Durand", "Karim Benali", List.of(ALL_SCOPES.get(2), ALL_SCOPES.get(4)), PURPOSE,
                182, LocalDate.of(2026, 9, 1), LocalDate.of(2027, 3, 1), CODE, LocalDate.of(2026, 9, 1));
    }

    /** The longest a mandate gets: 60-character names, a 300-character purpose, every scope. */
    static MandatePrint longest() {
        return new MandatePrint("Médiathèque municipale Jean-Macé du quartier de la Guillotière",
                List.of("12 rue des Lilas", "Bâtiment B, 1er étage", "69003 Lyon"), "04 78 12 34 56", "Lyon",
                LONG_FIRST_NAME, LONG_LAST_NAME, "Karim Benali", ALL_SCOPES, LONG_PURPOSE, 365,
                LocalDate.of(2026, 3, 2), LocalDate.of(2027, 3, 1), CODE, LocalDate.of(2026, 3, 2));
    }

    static RevocationPrint revocation(boolean byUser) {
        return new RevocationPrint(sample(), byUser,
                byUser ? "Ma fille m’aide maintenant pour ces démarches." : null, LocalDate.of(2026, 11, 10));
    }

    // ------------------------------------------------------------------------------------------- mandate

    @Test
    void theMandateIsPdfUa() {
        PdfUaValidator.assertCompliant(DOCUMENTS.mandate(sample(), Locale.FRENCH), "mandate (fr)");
        PdfUaValidator.assertCompliant(DOCUMENTS.mandate(sample(), Locale.ENGLISH), "mandate (en)");
        PdfUaValidator.assertCompliant(DOCUMENTS.mandate(longest(), Locale.FRENCH), "longest mandate (fr)");
    }

    @Test
    void eachCopyHasItsOwnPagesAndHoldsTheWholeText() {
        MandatePrint p = sample();
        byte[] pdf = DOCUMENTS.mandate(p, Locale.FRENCH);
        List<String> pages = pageTexts(pdf, false);
        List<String> drawn = pageTexts(pdf, true);
        // Two pages per copy: the whole text in plain words does not fit one page in type of 12 pt or more.
        assertEquals(4, pages.size(), "two pages per copy");

        List<String> expected = List.of(
                "Mandat", "Marie Durand",
                "La personne (mandant) : Marie Durand",
                "La bibliothèque (mandataire) : Médiathèque Jean-Macé, 12 rue des Lilas, 69003 Lyon",
                "Préparé par : Karim Benali, pour la bibliothèque.",
                "Social - Santé : Carte Vitale, chômage, handicap, RSA, personnes âgées",
                "Logement : Aides au logement, logement social, fin de bail",
                "Pour quoi faire : " + PURPOSE,
                "Durée : 6 mois (182 jours), du 1er septembre 2026 au 1er mars 2027 inclus.",
                "Je peux arrêter ce mandat quand je veux. Je le dis à la bibliothèque, sur place ou par téléphone au 04 78 12 34 56.",
                "Je déclare que je ne suis pas sous tutelle, ni sous curatelle, ni sous sauvegarde de justice.",
                "mon prénom, mon nom et les démarches de ce mandat. Rien d’autre. Aucun identifiant et aucun mot de passe ne sont gardés.",
                "1 an après la fin du mandat. Ensuite, tout est effacé.",
                "je peux voir mes données, les faire corriger ou les faire effacer. Je le demande à la bibliothèque.",
                "Faire seulement les démarches écrites ici.", "Demander seulement ce qui est utile.",
                "Ne jamais garder un identifiant ou un mot de passe.", "Effacer ce qui ne sert plus.",
                "Tout garder secret.",
                "À la date de fin, ou avant si :", "les démarches sont faites ;", "j’arrête le mandat ;",
                "la bibliothèque arrête le mandat ;", "un nouveau mandat le remplace.",
                "Fait à Lyon, le 1er septembre 2026.",
                "Signature de la personne (mandant)", "Signature pour la bibliothèque (mandataire)",
                "Code de vérification : " + CODE,
                "Avec ce code, la bibliothèque peut vérifier si le mandat est en cours.");
        assertCopy(pages.get(0) + pages.get(1), COPY_PERSON, COPY_LIBRARY, expected);
        assertCopy(pages.get(2) + pages.get(3), COPY_LIBRARY, COPY_PERSON, expected);
        // The second page of a copy says which mandate and copy it belongs to, and is numbered within the copy.
        assertPagesSayTheirCopy(drawn, 2);
        // The place, the date and both signature boxes are on the same page.
        for (int i : new int[]{1, 3}) {
            String page = squash(pages.get(i));
            assertTrue(page.contains(squash("Fait à Lyon, le 1er septembre 2026.")) && page.contains(squash(
                    "Signature de la personne (mandant)")) && page.contains(squash("Signature pour la bibliothèque")), page);
        }

        // What a screen reader reads: both copies, in order, the whole text.
        PdfInspection in = new PdfInspection(pdf);
        String read = in.squashedTaggedText();
        int second = read.indexOf(squash(COPY_LIBRARY));
        assertTrue(read.startsWith(squash(COPY_PERSON)) && second > 0, in.taggedText);
        for (String words : expected) {
            int first = read.indexOf(squash(words));
            assertTrue(first >= 0 && first < second && read.indexOf(squash(words), second) > second,
                    "\"" + words + "\" not read on both copies:\n" + in.taggedText);
        }
        assertInOrder(read, COPY_PERSON, "Mandat", "Marie Durand", "La personne (mandant)", "Social - Santé",
                "Pour quoi faire", "Durée", "Je déclare", "Code de vérification", "Mes données",
                "La personne qui m’aide doit", "Le mandat s’arrête", "Fait à Lyon", "Signature de la personne",
                "Signature pour la bibliothèque", COPY_LIBRARY);
        assertEquals(2, in.roles.stream().filter("H1"::equals).count(), "one title per copy: " + in.roles);
    }

    @Test
    void theMandateIsLegibleAndNamesNobodyInItsMetadata() {
        PdfInspection in = new PdfInspection(DOCUMENTS.mandate(sample(), Locale.FRENCH));
        assertTrue(in.smallestTextSize() >= 12f, "text as small as " + in.smallestTextSize() + " pt");
        assertTrue(in.sizeOf("Mandat") >= 18f, "title at " + in.sizeOf("Mandat") + " pt");
        assertTrue(in.sizeOf("Marie Durand") >= 18f, "the name at " + in.sizeOf("Marie Durand") + " pt");
        assertTrue(in.sizeOf(CODE) >= 18f, "the code at " + in.sizeOf(CODE) + " pt");
        // Two pages per copy leave room for the paper's full size (14 pt) when the mandate is short.
        assertEquals(14f, in.sizeOf("Tout garder secret."), 0.01f, "body text size");
        assertTrue(in.flatText().contains(CODE), "the code is drawn in one piece");
        assertTrue(in.allTextBlack());
        for (var page : in.pageSizes) {
            assertEquals(595f, page.getWidth(), 1f, "A4");
            assertEquals(842f, page.getHeight(), 1f, "A4");
        }
        assertEquals("fr", in.language);
        assertEquals("Mandat – Médiathèque Jean-Macé", in.title);
        for (String metadata : new String[]{in.title, in.xmp, in.infoAuthor, in.infoSubject, in.infoKeywords}) {
            assertFalse(metadata != null && (metadata.contains("Durand") || metadata.contains("Marie")),
                    "the person's name is in the metadata: " + metadata);
        }
    }

    @Test
    void longInputsLoseNoTextAndEachCopyKeepsItsOwnPages() {
        MandatePrint p = longest();
        byte[] pdf = DOCUMENTS.mandate(p, Locale.FRENCH);
        List<String> pages = pageTexts(pdf, false);
        // Copy 2 starts on a page of its own, with its name first.
        int copy2 = -1;
        for (int i = 0; i < pages.size(); i++) {
            if (squash(pages.get(i)).startsWith(squash(COPY_LIBRARY))) {
                copy2 = i;
                break;
            }
        }
        assertTrue(copy2 > 0, "copy 2 starts no page: " + pages);
        assertTrue(squash(pages.get(0)).startsWith(squash(COPY_PERSON)), pages.get(0));
        assertEquals(copy2 * 2, pages.size(), "both copies take as many pages");

        List<String> expected = new ArrayList<>(List.of(LONG_FIRST_NAME + " " + LONG_LAST_NAME, LONG_PURPOSE,
                p.siteName(), "Bâtiment B, 1er étage", "12 mois (365 jours), du 2 mars 2026 au 1er mars 2027 inclus.",
                "Code de vérification : " + CODE, "un nouveau mandat le remplace.", "Fait à Lyon, le 2 mars 2026.",
                "Je déclare que je ne suis pas sous tutelle", "Signature pour la bibliothèque (mandataire)"));
        for (ScopeLine scope : ALL_SCOPES) {
            expected.add(scope.label() + " : " + scope.examples());
        }
        String copy1Text = String.join("\n", pages.subList(0, copy2));
        String copy2Text = String.join("\n", pages.subList(copy2, pages.size()));
        assertCopy(copy1Text, COPY_PERSON, COPY_LIBRARY, expected);
        assertCopy(copy2Text, COPY_LIBRARY, COPY_PERSON, expected);

        assertPagesSayTheirCopy(pageTexts(pdf, true), copy2);
        assertTrue(new PdfInspection(pdf).smallestTextSize() >= 12f);
    }

    @Test
    void theEnglishMandateHasEnglishHeadings() {
        byte[] pdf = DOCUMENTS.mandate(sample(), Locale.ENGLISH);
        PdfInspection in = new PdfInspection(pdf);
        assertEquals("en", in.language);
        String text = in.squashedTaggedText();
        for (String words : List.of("Copy for the person (principal)", "Copy for the library (agent)", "Mandate",
                "The library (agent): Médiathèque Jean-Macé", "I ask the library to carry out these procedures for me:",
                "My data", "The person who helps me must", "The mandate ends", "the procedures are done;",
                "I declare that I am not under guardianship", "6 months (182 days), from 1 September 2026 to 1 March 2027 inclusive.",
                "Signed in Lyon on 1 September 2026.", "Verification code: " + CODE)) {
            assertTrue(text.contains(squash(words)), "\"" + words + "\" missing from\n" + in.taggedText);
        }
        assertFalse(text.contains(squash("Exemplaire")) || text.contains(squash("Mes données")), in.taggedText);
    }

    // ------------------------------------------------------------------------------------------- revocation

    @Test
    void theRevocationSheetIsPdfUa() {
        PdfUaValidator.assertCompliant(DOCUMENTS.revocation(revocation(true), Locale.FRENCH), "revocation by the person");
        PdfUaValidator.assertCompliant(DOCUMENTS.revocation(revocation(false), Locale.FRENCH), "revocation by the library");
        PdfUaValidator.assertCompliant(DOCUMENTS.revocation(revocation(true), Locale.ENGLISH), "revocation (en)");
        byte[] longest = DOCUMENTS.revocation(new RevocationPrint(longest(), false, LONG_PURPOSE, LocalDate.of(2026, 5, 4)),
                Locale.FRENCH);
        PdfUaValidator.assertCompliant(longest, "longest revocation");
        String text = new PdfInspection(longest).squashedTaggedText();
        for (ScopeLine scope : ALL_SCOPES) {
            assertTrue(text.contains(squash(scope.label())), scope.label());
        }
        assertTrue(text.contains(squash(LONG_FIRST_NAME + " " + LONG_LAST_NAME)) && text.contains(squash(LONG_PURPOSE)));
    }

    @Test
    void theRevocationSheetSaysWhoEndsWhatAndWhy() {
        byte[] pdf = DOCUMENTS.revocation(revocation(true), Locale.FRENCH);
        List<String> pages = pageTexts(pdf, false);
        assertEquals(2, pages.size(), "one page per copy");
        List<String> expected = List.of("Révocation du mandat", "Marie Durand",
                "La bibliothèque (mandataire) : Médiathèque Jean-Macé, 12 rue des Lilas, 69003 Lyon",
                "Code du mandat : " + CODE, "Dates prévues : du 1er septembre 2026 au 1er mars 2027",
                "Social - Santé", "Logement",
                "Qui arrête le mandat : la personne", "Pourquoi : Ma fille m’aide maintenant pour ces démarches.",
                "Le mandat s’arrête le : 10 novembre 2026",
                "À partir de ce jour, la bibliothèque ne fait plus ces démarches pour Marie Durand.",
                "Fait à Lyon, le 10 novembre 2026.",
                "Signature de la personne (mandant)", "Signature pour la bibliothèque (mandataire)");
        assertCopy(pages.get(0), COPY_PERSON, COPY_LIBRARY, expected);
        assertCopy(pages.get(1), COPY_LIBRARY, COPY_PERSON, expected);
        assertTrue(new PdfInspection(pdf).smallestTextSize() >= 12f);

        String byLibrary = squash(pageTexts(DOCUMENTS.revocation(revocation(false), Locale.FRENCH), false).get(0));
        assertTrue(byLibrary.contains(squash("Qui arrête le mandat : la bibliothèque")), byLibrary);
        assertTrue(byLibrary.contains(squash("Pourquoi : non précisé.")), byLibrary);
        assertFalse(byLibrary.contains(squash("Qui arrête le mandat : la personne")), byLibrary);

        PdfInspection english = new PdfInspection(DOCUMENTS.revocation(revocation(true), Locale.ENGLISH));
        for (String words : List.of("Revocation of the mandate", "Who ends the mandate: the person",
                "Why: Ma fille m’aide", "The mandate ends on: 10 November 2026")) {
            assertTrue(english.squashedTaggedText().contains(squash(words)), words + "\n" + english.taggedText);
        }
    }

    // ------------------------------------------------------------------------------------------- helpers

    /**
     * The text of each page in the order it is drawn (a column before the next); with or without the artifacts
     * (page headers and numbers).
     */
    static List<String> pageTexts(byte[] pdf, boolean withArtifacts) {
        try (PdfDocument doc = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
            List<String> pages = new ArrayList<>();
            for (int i = 1; i <= doc.getNumberOfPages(); i++) {
                SimpleTextExtractionStrategy strategy = new SimpleTextExtractionStrategy();
                // Tagged content has a marked-content id; artifacts have none.
                IEventFilter tagged = (data, type) -> withArtifacts || type != EventType.RENDER_TEXT
                        || ((TextRenderInfo) data).getMcid() >= 0;
                new PdfCanvasProcessor(new FilteredTextEventListener(strategy, tagged)).processPageContent(doc.getPage(i));
                pages.add(strategy.getResultantText());
            }
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Each page after the first of a copy carries "Mandat MK7Q-4XZ2 – <copy>" at the top, and every page of a copy
     * on several pages is numbered within it ("1/2", "2/2").
     */
    private static void assertPagesSayTheirCopy(List<String> drawnPages, int pagesPerCopy) {
        for (int i = 0; i < drawnPages.size(); i++) {
            String copy = i < pagesPerCopy ? COPY_PERSON : COPY_LIBRARY;
            String page = squash(drawnPages.get(i));
            int number = i % pagesPerCopy + 1;
            if (number > 1) {
                assertTrue(page.contains(squash("Mandat " + CODE + " – " + copy)), "page " + (i + 1) + " header: " + page);
            }
            if (pagesPerCopy > 1) {
                assertTrue(page.contains(number + "/" + pagesPerCopy), "page " + (i + 1) + " number: " + page);
            }
        }
    }

    // ------------------------------------------------------------------------------------------- scripts

    static Stream<Scripts.Name> names() {
        return Scripts.NAMES.stream();
    }

    /**
     * A person, a helper, a purpose and a reason in any script print on both copies of the mandate and of the
     * revocation sheet (see {@link Scripts#assertPrinted} for what is checked).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void aNameInAnyScriptPrintsOnBothCopies(Scripts.Name name) {
        MandatePrint s = sample();
        MandatePrint p = new MandatePrint(s.siteName(), s.siteAddressLines(), s.sitePhone(), s.siteTown(),
                name.text(), "Durand", name.text(), s.scopes(), "Aider " + name.text() + " pour sa demande de logement.",
                s.durationDays(), s.startDate(), s.endDate(), CODE, s.printedOn());
        byte[] mandate = DOCUMENTS.mandate(p, Locale.FRENCH);
        Scripts.assertPrinted(mandate, name, "mandate for " + name.script());
        assertOnBothCopies(mandate, name);
        byte[] revocation = DOCUMENTS.revocation(new RevocationPrint(p, true,
                name.text() + " s’en occupe maintenant.", LocalDate.of(2026, 11, 10)), Locale.FRENCH);
        Scripts.assertPrinted(revocation, name, "revocation sheet for " + name.script());
        assertOnBothCopies(revocation, name);
        assertEquals(2, new PdfInspection(revocation).pages, "one page per copy");
    }

    /** The name is read on the person's copy and on the library's. */
    private static void assertOnBothCopies(byte[] pdf, Scripts.Name name) {
        String read = squash(new PdfInspection(pdf).taggedText);
        int libraryCopy = read.lastIndexOf(squash(COPY_LIBRARY));
        assertTrue(libraryCopy > 0, read);
        assertTrue(read.substring(0, libraryCopy).contains(squash(name.text())), "not on the person's copy: " + read);
        assertTrue(read.substring(libraryCopy).contains(squash(name.text())), "not on the library's copy: " + read);
    }

    /** The copy starts with its own name, holds every expected text and never the other copy's name. */
    private static void assertCopy(String text, String copy, String otherCopy, List<String> expected) {
        String squashed = squash(text);
        assertTrue(squashed.startsWith(squash(copy)), copy + " does not start with its name:\n" + text);
        assertFalse(squashed.contains(squash(otherCopy)), copy + " holds the other copy's name:\n" + text);
        for (String words : expected) {
            assertTrue(squashed.contains(squash(words)), copy + ": \"" + words + "\" missing from\n" + text);
        }
    }

    private static void assertInOrder(String squashedText, String... words) {
        int from = 0;
        for (String w : words) {
            int at = squashedText.indexOf(squash(w), from);
            assertTrue(at >= 0, "\"" + w + "\" missing or out of order");
            from = at + squash(w).length();
        }
    }
}
