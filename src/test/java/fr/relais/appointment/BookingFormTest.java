package fr.relais.appointment;

import fr.relais.testing.Violations;
import fr.relais.testing.OnBothDatabases;
import fr.relais.web.Forms;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The booking form's constraints: each one fails on its own field with its own message key. */
@MicronautTest
class BookingFormTest extends OnBothDatabases {
    @Inject
    Validator validator;
    @Inject
    Forms forms;

    private static BookingForm valid() {
        return new BookingForm("Mme D.", "06 12 34 56 78", "mme.d@exemple.fr", "ADMIN_PROCEDURES", "HOUSING",
                "Première visite, apporte son téléphone.", null);
    }

    private static BookingForm with(String field, String value) {
        BookingForm f = valid();
        return new BookingForm(
                field.equals("firstName") ? value : f.firstName(),
                field.equals("phone") ? value : f.phone(),
                field.equals("email") ? value : f.email(),
                field.equals("themeCode") ? value : f.themeCode(),
                field.equals("scopeCode") ? value : f.scopeCode(),
                field.equals("helperNote") ? value : f.helperNote(),
                f.website());
    }

    private Map<String, Set<String>> violations(BookingForm form) {
        return Violations.of(validator, form);
    }

    private void assertOnly(BookingForm form, String field, String key) {
        Violations.assertOnly(validator, form, field, key);
    }

    @Test
    void aValidFormPasses() {
        assertEquals(Map.of(), violations(valid()));
    }

    @Test
    void aFirstNameAndAReasonAreEnough() {
        assertEquals(Map.of(), violations(new BookingForm("M. B.", null, null, "EMAIL", null, null, null)));
        assertEquals(Map.of(), violations(new BookingForm("JB", "", "", "EMAIL", "", "", "")));
    }

    @Test
    void blankOptionalFieldsBecomeNull() {
        BookingForm form = new BookingForm("Mme D.", "  ", "", "EMAIL", " ", "\n ", null);
        assertNull(form.phone());
        assertNull(form.email());
        assertNull(form.scopeCode());
        assertNull(form.helperNote());
        assertNull(form.normalizedPhone());
        assertNull(form.normalizedEmail());
        assertEquals(Map.of(), violations(form));
    }

    @Test
    void optionalFieldsAreTrimmed() {
        BookingForm form = new BookingForm("Mme D.", " 06 12 34 56 78 ", " mme.d@exemple.fr ", "ADMIN_PROCEDURES",
                " HOUSING ", "  Première visite  ", null);
        assertEquals("06 12 34 56 78", form.phone());
        assertEquals("mme.d@exemple.fr", form.email());
        assertEquals("HOUSING", form.scopeCode());
        assertEquals("Première visite", form.helperNote());
        assertEquals(Map.of(), violations(form));
    }

    @Test
    void theEmptyFormLacksAFirstNameAndAReason() {
        Map<String, Set<String>> empty = violations(BookingForm.empty());
        assertEquals(Map.of("firstName", Set.of("error.required"), "themeCode", Set.of("error.theme.required")), empty);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t"})
    void aBlankFirstNameIsRequired(String blank) {
        assertOnly(with("firstName", blank), "firstName", "error.required");
    }

    @Test
    void aMissingFirstNameIsRequired() {
        assertOnly(with("firstName", null), "firstName", "error.required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void aBlankReasonIsRequired(String blank) {
        assertOnly(with("themeCode", blank), "themeCode", "error.theme.required");
    }

    @Test
    void aMissingReasonIsRequired() {
        assertOnly(with("themeCode", null), "themeCode", "error.theme.required");
    }

    @Test
    void tooLongTextsFailWithTheirLimit() {
        Map<String, Integer> limits = Map.of("firstName", 40, "helperNote", 300, "email", 254);
        limits.forEach((field, max) -> {
            String fits = field.equals("email") ? email(max) : "x".repeat(max);
            String tooLong = field.equals("email") ? email(max + 1) : "x".repeat(max + 1);
            assertEquals(Map.of(), violations(with(field, fits)), field + " of " + max + " characters is accepted");
            assertOnly(with(field, tooLong), field, "error.tooLong");
            for (ConstraintViolation<BookingForm> v : validator.validate(with(field, tooLong))) {
                if (v.getMessage().equals("error.tooLong")) {
                    assertEquals(max, v.getConstraintDescriptor().getAttributes().get("max"), field);
                }
            }
        });
    }

    @Test
    void anOverLongPhoneIsTooLong() {
        Map<String, Set<String>> found = violations(with("phone", "0".repeat(21)));
        assertEquals(Set.of("phone"), found.keySet());
        assertTrue(found.get("phone").contains("error.tooLong"), found.toString());
    }

    @Test
    void overLongCodesAreNotAChoice() {
        assertOnly(with("themeCode", "T".repeat(41)), "themeCode", "error.choice");
        assertOnly(with("scopeCode", "S".repeat(41)), "scopeCode", "error.choice");
    }

    @ParameterizedTest
    @ValueSource(strings = {"04 72 00 00 00", "0472000000", "+33 4 72 00 00 00", "+33472000000", "04.72.00.00.00",
            "04-72-00-00-00", "06 12 34 56 78", "07 12 34 56 78", " 06 12 34 56 78 "})
    void frenchPhoneNumbersPass(String phone) {
        assertEquals(Map.of(), violations(with("phone", phone)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", "0072000000", "04 72 00 00", "04 72 00 00 00 00", "+33 04 72 00 00 00",
            "04 72 OO OO OO", "téléphone", "06 12 34 56 78 / 07 12 34 56 78"})
    void otherPhoneNumbersFailWithThePhoneMessage(String phone) {
        Map<String, Set<String>> found = violations(with("phone", phone));
        assertEquals(Set.of("phone"), found.keySet(), phone + ": " + found);
        assertTrue(found.get("phone").contains("error.phone"), phone + ": " + found);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+44 7700 900123", "0044 7700 900123", "+213 555 12 34 56", "+262 692 12 34 56", "0033612345678",
            "+33 (0)6 12 34 56 78"})
    void internationalNumbersAndUsualWritingsPassAndAreKeptInE164(String phone) {
        assertEquals(Map.of(), violations(with("phone", phone)));
        assertTrue(with("phone", phone).normalizedPhone().matches("\\+[1-9]\\d{7,14}"), with("phone", phone).normalizedPhone());
    }

    @ParameterizedTest
    @ValueSource(strings = {"+999 12 34 56 78", "0033 0 6 12 34 56", "+44 12", "06 12 34 56 7a", "+33 6 12"})
    void whatThePhoneLibraryRefusesGetsTheFrenchMessage(String phone) {
        assertOnly(with("phone", phone), "phone", "error.phone");
        assertEquals(Map.of("phone", "Numéro de téléphone non reconnu. Exemple : 04 72 00 00 00."),
                forms.validate(with("phone", phone), Locale.FRENCH).asMap());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@b", "marie@exemple", "marie@exemple..fr"})
    void addressesThatCannotBeDeliveredGetTheFrenchMessage(String email) {
        assertOnly(with("email", email), "email", "error.email");
    }

    @ParameterizedTest
    @ValueSource(strings = {"contact@exemple.fr", "prenom.nom@mairie-lyon.fr", "a+b@exemple.org", "Mme.D@Exemple.FR"})
    void goodEmailsPass(String email) {
        assertEquals(Map.of(), violations(with("email", email)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"x@", "pas-une-adresse", "@exemple.fr", "contact @exemple.fr", "contact@@exemple.fr"})
    void badEmailsFailWithTheEmailMessage(String email) {
        assertOnly(with("email", email), "email", "error.email");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mdp: soleil", "MDP Soleil2024", "mot de passe = chat", "1 85 05 78 006 084 91",
            "NIR 185057800608491", "FR76 3000 6000 0112 3456 7890 189", "carte 4970 1012 3456 7893"})
    void sensitiveDataInTheNoteAreRefused(String note) {
        assertOnly(with("helperNote", note), "helperNote", "error.sensitive");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mdp: soleil", "1 85 05 78 006 084 91"})
    void sensitiveDataInTheFirstNameAreRefused(String firstName) {
        assertOnly(with("firstName", firstName), "firstName", "error.sensitive");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Rappeler au 06 12 34 56 78", "Rendez-vous CAF le 12/03/2026 à 14h30",
            "A oublié son mot de passe, à refaire ensemble", "Montant 1 250,50 €"})
    void ordinaryNotesPass(String note) {
        assertEquals(Map.of(), violations(with("helperNote", note)));
    }

    @Test
    void theReasonComesFromTheListsAndAProcedureGoesWithAideAuxDemarchesOnly() {
        assertOnly(with("themeCode", "NOPE"), "themeCode", "error.choice");
        assertOnly(with("scopeCode", "NOPE"), "scopeCode", "error.choice");
        assertOnly(with("scopeCode", null), "scopeCode", "error.scope.required");
        assertOnly(new BookingForm("M. B.", null, null, "EMAIL", "HOUSING", null, null), "scopeCode", "error.scope.notAllowed");
        assertEquals(Map.of("scopeCode", "Choisissez la démarche concernée."),
                forms.validate(with("scopeCode", ""), Locale.FRENCH).asMap());
    }

    @Test
    void messagesAreInFrenchNextToTheirField() {
        assertEquals(Map.of("firstName", "Ce champ est obligatoire."), forms.validate(with("firstName", ""), Locale.FRENCH).asMap());
        assertEquals(Map.of("firstName", "Ce texte est trop long : 40 caractères au plus."),
                forms.validate(with("firstName", "x".repeat(41)), Locale.FRENCH).asMap());
        assertEquals(Map.of("themeCode", "Choisissez le motif du rendez-vous."),
                forms.validate(with("themeCode", ""), Locale.FRENCH).asMap());
        assertEquals(Map.of("phone", "Numéro de téléphone non reconnu. Exemple : 04 72 00 00 00."),
                forms.validate(with("phone", "12"), Locale.FRENCH).asMap());
        assertEquals(Map.of("email", "Adresse e-mail non reconnue. Exemple : prenom.nom@exemple.fr."),
                forms.validate(with("email", "x@"), Locale.FRENCH).asMap());
        assertEquals(Map.of("helperNote", "Ne notez ni identifiant, ni mot de passe, ni numéro de sécurité sociale ou bancaire."),
                forms.validate(with("helperNote", "mdp: soleil"), Locale.FRENCH).asMap());
        assertEquals(Map.of("helperNote", "Ce texte est trop long : 300 caractères au plus."),
                forms.validate(with("helperNote", "x".repeat(301)), Locale.FRENCH).asMap());
    }

    @Test
    void phonesAreKeptInOneForm() {
        // E.164, the form of every phone in Relais (package contact, ADR 0017).
        assertEquals("+33612345678", with("phone", "06 12 34 56 78").normalizedPhone());
        assertEquals("+33612345678", with("phone", "06.12.34.56.78").normalizedPhone());
        assertEquals("+33612345678", with("phone", "06-12-34-56-78").normalizedPhone());
        assertEquals("+33612345678", with("phone", " 0612345678 ").normalizedPhone());
        assertEquals("+33612345678", with("phone", "+33 6 12 34 56 78").normalizedPhone(), "the same number, international form");
        assertEquals("+33612345678", with("phone", "+33612345678").normalizedPhone());
        assertNull(with("phone", "").normalizedPhone());
        assertNull(with("phone", null).normalizedPhone());
    }

    @Test
    void emailsAreKeptInOneForm() {
        assertEquals("mme.d@exemple.fr", with("email", "Mme.D@Exemple.FR").normalizedEmail());
        assertEquals("mme.d@exemple.fr", with("email", "  mme.d@exemple.fr ").normalizedEmail());
        assertNull(with("email", " ").normalizedEmail());
        assertNull(with("email", null).normalizedEmail());
    }

    @Test
    void whatTheDeskSendsToTheServiceIsTrimmedAndNormalized() {
        Bookings.Request request = new BookingForm("  Mme D. ", "06 12 34 56 78", "Mme.D@Exemple.FR",
                "EMAIL", "", " ", null).toRequest();
        assertEquals(new Bookings.Request("Mme D.", "+33612345678", "mme.d@exemple.fr", "EMAIL", null, null), request);
    }

    @Test
    void thePublicPageSendsNoNoteForTheHelperEvenACraftedOne() {
        BookingForm crafted = new BookingForm(" Marie ", "", "", "EMAIL", "", "Note glissée dans le formulaire public", null);
        assertEquals("Note glissée dans le formulaire public", crafted.toRequest().helperNote());
        assertEquals(new Bookings.Request("Marie", null, null, "EMAIL", null, null), crafted.toPublicRequest());
    }

    /** A well-formed e-mail address of exactly {@code length} characters (at least 197). */
    private static String email(int length) {
        String start = "p".repeat(64) + "@" + "d".repeat(63) + "." + "e".repeat(63) + ".";
        return start + "f".repeat(length - start.length() - 3) + ".fr";
    }
}
