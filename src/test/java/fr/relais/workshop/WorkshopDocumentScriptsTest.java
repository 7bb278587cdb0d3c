package fr.relais.workshop;

import fr.relais.pdf.PdfInspection;
import fr.relais.pdf.Scripts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A person registered under a name in any script finds it on the workshop's printed documents: the registration
 * slip (A4 sheet and one-page ticket) and the helper's attendance sheet — PDF/UA-1, the name legible as typed,
 * Arabic shaped and right to left (see {@link Scripts#assertPrinted} for what is checked).
 */
class WorkshopDocumentScriptsTest {
    static final List<Scripts.Name> NAMES = List.of(new Scripts.Name("Arabic", "محمد"),
            new Scripts.Name("Chinese", "李小龙"), new Scripts.Name("Cyrillic", "Владимир"), new Scripts.Name("Latin", "Zoë"));

    static Stream<Arguments> namesAndFormats() {
        return NAMES.stream().flatMap(name -> Stream.of(RegistrationSlip.Format.values()).map(f -> Arguments.of(name, f)));
    }

    @ParameterizedTest(name = "{0} on the {1} slip")
    @MethodSource("namesAndFormats")
    void theRegistrationSlipPrintsTheName(Scripts.Name name, RegistrationSlip.Format format) {
        for (RegistrationStatus status : List.of(RegistrationStatus.SEATED, RegistrationStatus.WAITING)) {
            byte[] pdf = RegistrationSlipTest.SLIPS.render(RegistrationSlipTest.data(name.text(), status, 3), format,
                    Locale.FRENCH);
            String what = format + " slip, " + status + ", for " + name.script();
            Scripts.assertPrinted(pdf, name, what);
            PdfInspection in = new PdfInspection(pdf);
            assertTrue(in.squashedTaggedText().contains(PdfInspection.squash("Pour : " + name.text() + ", 2 places")),
                    what + ": " + in.taggedText);
            assertEquals(1, in.pages, what + ": one page");
            assertTrue(in.smallestTextSize() >= 12f, what + ": text as small as " + in.smallestTextSize() + " pt");
        }
    }

    /** The longest texts a library may type: the ticket still holds on one page with the name in its script. */
    @ParameterizedTest(name = "{0} on the longest ticket")
    @MethodSource("names")
    void theLongestTicketStaysOnePageWithTheName(Scripts.Name name) {
        RegistrationSlip.Data longest = RegistrationSlipTest.longest(RegistrationStatus.WAITING, 12);
        RegistrationSlip.Data data = new RegistrationSlip.Data(longest.siteName(), longest.siteAddressLine(),
                longest.sitePostcode(), longest.siteTown(), longest.sitePhone(), longest.directions(), longest.accessibility(),
                longest.date(), longest.time(), longest.durationMinutes(), longest.workshopTitle(), longest.level(),
                longest.room(), longest.whatToBring(), longest.prerequisites(), name.text(), 2, longest.status(),
                longest.position(), longest.code(), longest.manageUrl());
        byte[] pdf = RegistrationSlipTest.SLIPS.render(data, RegistrationSlip.Format.TICKET, Locale.FRENCH);
        Scripts.assertPrinted(pdf, name, "longest ticket for " + name.script());
        assertEquals(1, new PdfInspection(pdf).pages, "longest ticket for " + name.script() + ": one page");
    }

    static Stream<Scripts.Name> names() {
        return NAMES.stream();
    }

    @ParameterizedTest(name = "{0} on the attendance sheet")
    @MethodSource("names")
    void theAttendanceSheetPrintsTheName(Scripts.Name name) {
        AttendanceSheet.Data sample = AttendanceSheetTest.data(0, 0);
        AttendanceSheet.Data data = new AttendanceSheet.Data(sample.siteName(), sample.workshopTitle(), sample.date(),
                sample.start(), sample.durationMinutes(), sample.room(), sample.helpers(),
                List.of(new AttendanceSheet.Person("Awa", 1), new AttendanceSheet.Person(name.text(), 2)),
                List.of(new AttendanceSheet.Person(name.text(), 1)));
        byte[] pdf = AttendanceSheetTest.SHEETS.render(data, Locale.FRENCH);
        Scripts.assertPrinted(pdf, name, "attendance sheet for " + name.script());
        PdfInspection in = new PdfInspection(pdf);
        String read = in.squashedTaggedText();
        // Seated: the name, its seats, the box to tick; waiting: first in line.
        assertTrue(read.contains(PdfInspection.squash(name.text() + " 2 \u2610")), read);
        assertTrue(read.contains(PdfInspection.squash("1re " + name.text() + " 1 \u2610")), read);
        assertEquals(1, in.pages);
    }
}
