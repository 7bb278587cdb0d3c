package fr.relais.contact;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Phone numbers and e-mail addresses in every way people write them, kept in one form and shown back. */
class ContactsTest {

    @ParameterizedTest(name = "\"{0}\" is +33612345678")
    @ValueSource(strings = {"06 12 34 56 78", "06.12.34.56.78", "06-12-34-56-78", "0612345678", "+33 6 12 34 56 78",
            "+33612345678", "+33 (0)6 12 34 56 78", "0033612345678", "00 33 6 12 34 56 78", "  06 12 34 56 78  "})
    void aFrenchMobileInEveryUsualWritingIsOneNumber(String typed) {
        assertEquals(Optional.of("+33612345678"), Contacts.phone(typed));
        assertTrue(Contacts.isPhone(typed));
    }

    @Test
    void aFrenchLandlineIsKeptTheSameWay() {
        assertEquals(Optional.of("+33472000001"), Contacts.phone("04 72 00 00 01"));
        assertEquals(Optional.of("+33472000001"), Contacts.phone("+33 4 72 00 00 01"));
        assertEquals("04 72 00 00 01", Contacts.display("+33472000001"));
    }

    @Test
    void internationalNumbersAreTypedWithTheirCountryPrefix() {
        assertEquals(Optional.of("+447700900123"), Contacts.phone("+44 7700 900123"));
        assertEquals(Optional.of("+447700900123"), Contacts.phone("0044 7700 900123"));
        assertEquals(Optional.of("+213555123456"), Contacts.phone("+213 555 12 34 56"));
        assertEquals(Optional.of("+213555123456"), Contacts.phone("00213555123456"));
    }

    @Test
    void numbersOfTheOverseasDepartmentsAreFrench() {
        assertEquals(Optional.of("+262692123456"), Contacts.phone("+262 692 12 34 56"));
        assertEquals("0692 12 34 56", Contacts.display("+262692123456"));
        assertEquals(Optional.of("+590690123456"), Contacts.phone("+590 690 12 34 56"));
    }

    @ParameterizedTest(name = "\"{0}\" is a French number the metadata does not know yet")
    @ValueSource(strings = {"07 12 34 56 78", "07 00 00 00 01"})
    void aFrenchNumberOfTheRightLengthIsNotRefused(String typed) {
        assertEquals(Optional.of("+33" + typed.replace(" ", "").substring(1)), Contacts.phone(typed));
        assertEquals(typed, Contacts.display(Contacts.phone(typed).orElseThrow()));
    }

    @Test
    void aNationalNumberOfAnOverseasDepartmentIsThatDepartments() {
        assertEquals(Optional.of("+590690123456"), Contacts.phone("0690 12 34 56"));
        assertEquals(Optional.of("+262692123456"), Contacts.phone("06 92 12 34 56"));
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @ValueSource(strings = {"04 72 OO OO OO", "0800-FLEURS", "+33 04 72 00 00 00", "0033 04 72 00 00 00", "0072000000",
            "06 12 34 56 78 / 07 12 34 56 78", "06 12 34 56 78 poste 12"})
    void lettersAZeroAfterTheFrenchPrefixAndLocalOnlyLengthsAreRefused(String typed) {
        assertEquals(Optional.empty(), Contacts.phone(typed));
    }

    @Test
    void frenchNumbersAreShownTheFrenchWayAndOthersInTheInternationalFormat() {
        assertEquals("06 12 34 56 78", Contacts.display("+33612345678"));
        assertEquals("+44 7700 900123", Contacts.display("+447700900123"));
        assertEquals("+213 555 12 34 56", Contacts.display("+213555123456"));
        // A value that is not a number (typed by hand before numbers were checked) is shown as it is.
        assertEquals("demander à l’accueil", Contacts.display("demander à l’accueil"));
        assertEquals(null, Contacts.display(null));
    }

    @ParameterizedTest(name = "\"{0}\" is not a phone number")
    @ValueSource(strings = {"", "   ", "12", "06 12 34 56", "06 12 34 56 78 90", "+33 6 12", "téléphone", "06 12 34 56 7a",
            "+999 12 34 56 78", "0033 0 00 00 00 00", "01 23 45 67 89 01 23 45 67 89 01 23 45 67 89"})
    void whatIsNotAValidNumberIsRefused(String typed) {
        assertEquals(Optional.empty(), Contacts.phone(typed));
        assertFalse(Contacts.isPhone(typed));
    }

    @Test
    void nothingTypedIsNotANumber() {
        assertEquals(Optional.empty(), Contacts.phone(null));
        assertFalse(Contacts.isMobile(null));
    }

    @Test
    void mobilesAreToldApartForTextMessages() {
        assertTrue(Contacts.isMobile("+33612345678"));
        assertTrue(Contacts.isMobile("+33756123456"));
        assertTrue(Contacts.isMobile("+447911123456"));
        assertTrue(Contacts.isMobile("+213555123456"));
        assertFalse(Contacts.isMobile("+33472000001"), "a landline receives no text message");
        assertFalse(Contacts.isMobile("pas un numéro"));
    }

    @ParameterizedTest(name = "\"{0}\" is an address")
    @ValueSource(strings = {"marie.dupont@exemple.fr", "Marie.Dupont@Exemple.FR", "  marie.dupont@exemple.fr ",
            "marie+ateliers@exemple.fr", "m@exemple.co.uk"})
    void addressesAreKeptInLowerCase(String typed) {
        String expected = typed.strip().toLowerCase(java.util.Locale.ROOT);
        assertEquals(Optional.of(expected), Contacts.email(typed));
        assertTrue(Contacts.isEmail(typed));
    }

    @ParameterizedTest(name = "\"{0}\" is not an address")
    @ValueSource(strings = {"a@b", "marie", "marie@", "@exemple.fr", "marie dupont@exemple.fr", "marie@exemple",
            "marie@@exemple.fr", "marie@exemple..fr", ""})
    void whatCannotBeDeliveredIsRefused(String typed) {
        assertEquals(Optional.empty(), Contacts.email(typed));
        assertFalse(Contacts.isEmail(typed));
    }

    @Test
    void anOverLongAddressIsRefused() {
        String longest = "a".repeat(64) + "@" + "b".repeat(60) + "." + "c".repeat(60) + "." + "d".repeat(60) + ".fr";
        assertEquals(250, longest.length());
        assertTrue(Contacts.isEmail(longest));
        assertFalse(Contacts.isEmail("a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(60) + ".fr"));
    }
}
