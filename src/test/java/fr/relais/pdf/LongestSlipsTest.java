package fr.relais.pdf;

import fr.relais.partner.ReferralSlip;
import fr.relais.partner.ReferralSlipData;
import fr.relais.web.Messages;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every slip with the longest data it can get — the reference data (src/main/resources/reference: the longest reason,
 * the longest list of things to bring, every line of it), the longest names and addresses the forms accept — is one
 * page: the A4 slip, the A6 ticket and the referral slip. (The mandate takes two pages per copy, see its own test.)
 */
class LongestSlipsTest {
    static final AppointmentSlip SLIPS = AppointmentSlipTest.SLIPS;
    static final ReferralSlip REFERRALS = new ReferralSlip(new SlipLayout(), new Messages());
    static final String PROCEDURES = "ADMIN_PROCEDURES";

    /** Site form limits: name 120, street line 200, town 100 characters. */
    static final String SITE_NAME = fill("Médiathèque intercommunale Jean-Macé et Louise-Michel des Monts du Lyonnais, "
            + "antenne de Saint-Symphorien-sur-Coise", 120);
    static final String SITE_STREET = fill("Rez-de-chaussée du bâtiment B, entrée par la cour pavée, "
            + "145 avenue du Maréchal-de-Lattre-de-Tassigny, zone d’activités des Grandes Terres", 200);
    static final String SITE_TOWN = fill("Saint-Symphorien-sur-Coise-lès-Monts-du-Lyonnais-et-Chazelles", 100);
    /** A staff member's display name: 80 characters at most (a 60-character one is common enough). */
    static final String HELPER = fill("Marie-Christine Anne-Sophie de La Tour d’Auvergne-Lauragais", 80);
    /** A first name at booking: 40 characters at most. */
    static final String PERSON = fill("Marie-Françoise Anne-Sophie Bernadette", 40);

    /** Pads (or cuts) a text with plausible words to exactly {@code length} characters. */
    static String fill(String text, int length) {
        StringBuilder s = new StringBuilder(text);
        while (s.length() < length) {
            s.append(" et compagnie");
        }
        String cut = s.substring(0, length);
        assertEquals(length, cut.length());
        return cut;
    }

    // ------------------------------------------------------------------------------------------- reference data

    static List<CSVRecord> read(String file) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (InputStream in = LongestSlipsTest.class.getResourceAsStream("/reference/" + file);
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8); CSVParser parser = format.parse(reader)) {
            return parser.getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reasons a slip can print: each theme, and "Aide aux démarches en ligne — scope" for each scope. */
    static List<String> reasons() {
        List<String> reasons = new ArrayList<>();
        String procedures = null;
        for (CSVRecord theme : read("themes.csv")) {
            reasons.add(theme.get("label_fr"));
            if (theme.get("code").equals(PROCEDURES)) {
                procedures = theme.get("label_fr");
            }
        }
        for (CSVRecord scope : read("procedure-scopes.csv")) {
            reasons.add(procedures + " — " + scope.get("label_fr"));
        }
        return reasons;
    }

    static String longestReason() {
        return reasons().stream().max(Comparator.comparingInt(String::length)).orElseThrow();
    }

    /** What to bring for a theme (and a scope): lines for any visit, then the theme's, then the scope's. */
    static List<String> whatToBring(String... codes) {
        LinkedHashSet<String> lines = new LinkedHashSet<>();
        List<String> wanted = new ArrayList<>(List.of("ANY"));
        wanted.addAll(List.of(codes));
        for (String code : wanted) {
            read("what-to-bring.csv").stream().filter(r -> r.get("scope_or_theme").equals(code))
                    .forEach(r -> lines.add(r.get("line_fr")));
        }
        return new ArrayList<>(lines);
    }

    /** The longest list a booking can get: over every theme, and every scope of the procedures theme. */
    static List<String> longestList() {
        List<List<String>> lists = new ArrayList<>();
        for (CSVRecord theme : read("themes.csv")) {
            lists.add(whatToBring(theme.get("code")));
        }
        for (CSVRecord scope : read("procedure-scopes.csv")) {
            lists.add(whatToBring(PROCEDURES, scope.get("code")));
        }
        return lists.stream().max(Comparator.comparingInt(l -> String.join("", l).length())).orElseThrow();
    }

    /** Every line of what-to-bring.csv, more than any booking gets. */
    static List<String> everyLine() {
        return new ArrayList<>(new LinkedHashSet<>(read("what-to-bring.csv").stream().map(r -> r.get("line_fr")).toList()));
    }

    static SlipData booking(List<String> toBring, String directions, String accessibility) {
        return new SlipData(SITE_NAME, SITE_STREET, "69590", SITE_TOWN, "04 78 12 34 56", directions, accessibility,
                LocalDate.of(2026, 9, 30), LocalTime.of(14, 30), 30, HELPER, PERSON, longestReason(), toBring,
                "K7M-4QX", "https://relais.example.fr/rendez-vous/annulation");
    }

    static SlipData booking(List<String> toBring) {
        return booking(toBring, "Entrée par le parc, au 1er étage, à gauche de l’accueil.",
                "Accès de plain-pied, ascenseur et toilettes adaptées.");
    }

    // ------------------------------------------------------------------------------------------- appointment

    @Test
    void theReferenceDataIsWhatTheTestThinks() {
        assertTrue(longestList().size() >= 4, longestList().toString());
        assertTrue(everyLine().size() > longestList().size());
        assertTrue(longestReason().length() > 40, longestReason());
    }

    @Test
    void theA4SlipWithTheLongestDataIsOnePageInLargeType() {
        SlipData data = booking(longestList());
        byte[] pdf = SLIPS.render(data, AppointmentSlip.Format.A4, Locale.FRENCH);
        PdfUaValidator.assertCompliant(pdf, "longest A4 slip");
        PdfInspection in = new PdfInspection(pdf);
        assertEquals(1, in.pages);
        assertTrue(in.smallestTextSize() >= 12f, "text as small as " + in.smallestTextSize());
        assertEveryFact(in, data);
        assertAllRead(in, data.whatToBring());
        assertAllRead(in, List.of(data.directions(), data.accessibility()));
    }

    @Test
    void theTicketWithTheLongestDataIsOnePageAndSendsWhatItLeavesOutToTheA4Slip() {
        SlipData data = booking(longestList());
        byte[] pdf = SLIPS.render(data, AppointmentSlip.Format.TICKET, Locale.FRENCH);
        PdfUaValidator.assertCompliant(pdf, "longest ticket");
        PdfInspection in = new PdfInspection(pdf);
        assertEquals(1, in.pages);
        assertTicketLegible(in);
        assertEveryFact(in, data);
        assertListedOrSentToTheA4Slip(in, data.whatToBring());
    }

    @Test
    void aTicketListsTheLongestReferenceListWhole() {
        // A library with a name and an address of a usual length; the longest reason and list, helper and name.
        SlipData longest = booking(longestList());
        SlipData data = new SlipData("Médiathèque Jean-Macé", "12 rue des Lilas", "69003", "Lyon", "04 78 12 34 56",
                longest.directions(), longest.accessibility(), longest.date(), longest.time(), 30, HELPER, PERSON,
                longest.reason(), longest.whatToBring(), "K7M-4QX", longest.manageUrl());
        byte[] pdf = SLIPS.render(data, AppointmentSlip.Format.TICKET, Locale.FRENCH);
        PdfUaValidator.assertCompliant(pdf, "ticket with the longest reference list");
        PdfInspection in = new PdfInspection(pdf);
        assertEquals(1, in.pages);
        assertTicketLegible(in);
        assertAllRead(in, data.whatToBring());
        assertAllRead(in, List.of(data.directions(), data.accessibility(), HELPER, PERSON, data.reason()));
        assertFalse(in.flatText().contains("convocation au format A4"), "nothing sent to the A4 slip:\n" + in.text);
    }

    @Test
    void aTicketWithEveryLineOfTheReferenceDataIsOnePage() {
        List<String> every = everyLine();
        SlipData data = booking(every);
        byte[] pdf = SLIPS.render(data, AppointmentSlip.Format.TICKET, Locale.FRENCH);
        PdfUaValidator.assertCompliant(pdf, "ticket with every line");
        PdfInspection in = new PdfInspection(pdf);
        assertEquals(1, in.pages);
        assertTicketLegible(in);
        assertEveryFact(in, data);
        assertListedOrSentToTheA4Slip(in, every);
    }

    @Test
    void aTicketWithTheLongestDirectionsTheFormAcceptsSendsThemToTheA4Slip() {
        String directions = fill("Entrée par le parc Jean-Macé, longer la grille jusqu’au portail vert, traverser la "
                + "cour, prendre l’escalier B ou l’ascenseur au fond du hall, au 1er étage à gauche de l’accueil", 500);
        String accessibility = fill("Accès de plain-pied par l’entrée du parc, rampe au portail, ascenseur, boucle "
                + "magnétique à l’accueil, toilettes adaptées au rez-de-chaussée, places réservées devant l’entrée", 1000);
        SlipData data = new SlipData("Médiathèque Jean-Macé", "12 rue des Lilas", "69003", "Lyon", "04 78 12 34 56",
                directions, accessibility, LocalDate.of(2026, 9, 30), LocalTime.of(14, 30), 30, "Karim", "Marie",
                "Créer une adresse e-mail", longestList(), "K7M-4QX", "https://relais.example.fr/rendez-vous/annulation");
        byte[] pdf = SLIPS.render(data, AppointmentSlip.Format.TICKET, Locale.FRENCH);
        PdfUaValidator.assertCompliant(pdf, "ticket with the longest directions");
        PdfInspection in = new PdfInspection(pdf);
        assertEquals(1, in.pages);
        assertTicketLegible(in);
        assertAllRead(in, List.of("Pour trouver le lieu et son accessibilité : voir la convocation au format A4.",
                "12 rue des Lilas, 69003 Lyon", "Code de réservation : K7M-4QX"));
        // With the directions sent to the A4 slip, every thing to bring is back.
        assertAllRead(in, data.whatToBring());
        // The A4 slip has them (a sheet loses nothing: so long, they take it onto a second page).
        assertAllRead(new PdfInspection(SLIPS.render(data, AppointmentSlip.Format.A4, Locale.FRENCH)),
                List.of(directions, accessibility));
    }

    /**
     * Every thing to bring is listed, or the first ones are and a line counts the others, or a line sends to the A4
     * slip for all of them.
     */
    private static void assertListedOrSentToTheA4Slip(PdfInspection in, List<String> toBring) {
        int listed = (int) in.roles.stream().filter("LI"::equals).count();
        assertAllRead(in, toBring.subList(0, listed));
        int more = toBring.size() - listed;
        if (listed == 0) {
            assertTrue(in.squashedTaggedText().contains(PdfInspection.squash("À apporter : voir la convocation au format A4."))
                    || in.squashedTaggedText().contains(PdfInspection.squash(
                            "À apporter, accès et accessibilité : voir la convocation au format A4.")), in.taggedText);
        } else if (more > 0) {
            assertAllRead(in, List.of(more == 1 ? "Et 1 autre chose à apporter : voir la convocation au format A4."
                    : "Et " + more + " autres choses à apporter : voir la convocation au format A4."));
        }
    }

    /** Body text 9 pt or more; the date, the time and the code 18 pt or more. */
    private static void assertTicketLegible(PdfInspection in) {
        assertTrue(in.smallestTextSize() >= 9f, "text as small as " + in.smallestTextSize());
        for (String fact : List.of("mercredi 30 septembre 2026", "à 14 h 30", "K7M-4QX")) {
            assertTrue(in.sizeOf(fact) >= 18f, fact + " drawn at " + in.sizeOf(fact));
        }
    }

    /** When, where, with whom, for whom, why, the code and how to cancel. */
    private static void assertEveryFact(PdfInspection in, SlipData data) {
        assertAllRead(in, List.of(data.siteName(), "mercredi 30 septembre 2026", "à 14 h 30", data.helperFirstName(),
                data.personFirstName(), data.reason(), data.siteAddressLine(), "69590 " + data.siteTown(),
                "Code de réservation : K7M-4QX", "Pour annuler ou retrouver votre rendez-vous",
                "relais.example.fr/rendez-vous/annulation", "04 78 12 34 56"));
    }

    // ------------------------------------------------------------------------------------------- referral

    /**
     * A referral with the longest reference data (the longest reason, the longest list of things to bring), the
     * longest library name and person's name the forms accept, to a partner with a long name.
     */
    static ReferralSlipData longestReferral() {
        String partner = "Maison France Services intercommunale des Monts du Lyonnais — antenne de Saint-Symphorien-sur-Coise";
        List<String> reasons = List.of(longestReason());
        ReferralSlipData data = new ReferralSlipData(partner, "France Services",
                List.of("145 avenue du Maréchal-de-Lattre-de-Tassigny", "69590 Saint-Symphorien-sur-Coise"),
                "Du lundi au vendredi\u00a0: 8h30 – 12h00, 13h30 – 17h00", "04 00 00 00 01",
                "franceservices.monts-du-lyonnais@example.org", "https://www.france-services.example.fr/monts-du-lyonnais/",
                List.of("Se présenter", "Téléphoner"), reasons, longestList(), SITE_NAME, "04 78 12 34 56",
                fill("Marie-Christine Anne-Sophie de La Tour d’Auvergne", 80), LocalDate.of(2026, 9, 30));
        return data;
    }

    @Test
    void theReferralSlipWithTheLongestDataIsOnePage() {
        ReferralSlipData data = longestReferral();
        String partner = data.partnerName();
        List<String> reasons = data.reasons();
        byte[] pdf = REFERRALS.render(data, Locale.FRENCH);
        PdfUaValidator.assertCompliant(pdf, "longest referral slip");
        PdfInspection in = new PdfInspection(pdf);
        assertEquals(1, in.pages);
        assertTrue(in.smallestTextSize() >= 12f, "text as small as " + in.smallestTextSize());
        List<String> expected = new ArrayList<>(List.of(partner, SITE_NAME, data.personName(), "04 00 00 00 01"));
        expected.addAll(reasons);
        expected.addAll(longestList());
        assertAllRead(in, expected);
    }

    private static void assertAllRead(PdfInspection in, List<String> expected) {
        for (String words : expected) {
            assertTrue(in.squashedTaggedText().contains(PdfInspection.squash(words)),
                    "\"" + words + "\" missing from\n" + in.taggedText);
        }
    }
}
