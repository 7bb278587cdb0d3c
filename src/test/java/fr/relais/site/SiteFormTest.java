package fr.relais.site;

import fr.relais.testing.Violations;
import fr.relais.testing.OnBothDatabases;
import fr.relais.web.Forms;
import fr.relais.web.Messages;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The library form's constraints: each one fails on its own field with its own message key. */
@MicronautTest
class SiteFormTest extends OnBothDatabases {
    @Inject
    Validator validator;
    @Inject
    Forms forms;

    private static SiteForm valid() {
        return new SiteForm("Médiathèque du Centre", "mediatheque-centre", "12 place de la République", "69001", "Lyon",
                "04 72 00 00 01", "mediatheque.centre@exemple.fr", "Tram T1, arrêt République.",
                "Entrée de plain-pied, ascenseur.");
    }

    private static SiteForm with(String field, String value) {
        SiteForm f = valid();
        return new SiteForm(
                field.equals("name") ? value : f.name(),
                field.equals("slug") ? value : f.slug(),
                field.equals("addressLine") ? value : f.addressLine(),
                field.equals("postcode") ? value : f.postcode(),
                field.equals("town") ? value : f.town(),
                field.equals("phone") ? value : f.phone(),
                field.equals("email") ? value : f.email(),
                field.equals("directions") ? value : f.directions(),
                field.equals("accessibility") ? value : f.accessibility());
    }

    private Map<String, Set<String>> violations(SiteForm form) {
        return Violations.of(validator, form);
    }

    private void assertOnly(SiteForm form, String field, String key) {
        Violations.assertOnly(validator, form, field, key);
    }

    @Test
    void aValidFormPasses() {
        assertEquals(Map.of(), violations(valid()));
    }

    @Test
    void optionalFieldsMayBeAbsent() {
        assertEquals(Map.of(), violations(new SiteForm("Bibliothèque Nord", "bibliotheque-nord", "5 rue des Tilleuls",
                "69009", "Lyon", null, null, null, null)));
    }

    @Test
    void optionalTextsMayBeLeftEmpty() {
        for (String field : new String[]{"phone", "directions", "accessibility"}) {
            assertEquals(Map.of(), violations(with(field, "")), field);
            assertEquals(Map.of(), violations(with(field, "   ")), field);
        }
    }

    /** A library without e-mail (the demo's Bibliothèque Nord) posts email="" each time its form is saved. */
    @Test
    void theOptionalEmailMayBeLeftEmpty() {
        assertEquals(Map.of(), violations(with("email", "")));
        assertEquals(Map.of(), violations(new SiteForm("Bibliothèque Nord", "bibliotheque-nord", "5 rue des Tilleuls",
                "69009", "Lyon", "", "", "", "")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"name", "slug", "addressLine", "postcode", "town"})
    void requiredFieldsFailWhenBlank(String field) {
        for (String blank : new String[]{"", "   ", null}) {
            Map<String, Set<String>> found = violations(with(field, blank));
            assertEquals(Set.of(field), found.keySet(), "blank " + field + ": " + found);
            assertTrue(found.get(field).contains("error.required"), "blank " + field + ": " + found);
        }
    }

    /** What a person sees for an empty slug or postcode is "required", not the format rule. */
    @ParameterizedTest
    @ValueSource(strings = {"name", "slug", "addressLine", "postcode", "town"})
    void anEmptyRequiredFieldShowsTheRequiredMessage(String field) {
        Forms.Errors errors = forms.validate(with(field, ""), Messages.FRENCH);
        assertEquals(Map.of(field, "Ce champ est obligatoire."), errors.asMap());
    }

    @Test
    void tooLongTextsFailWithTheirLimit() {
        Map<String, Integer> limits = Map.of("name", 120, "slug", 60, "addressLine", 200, "town", 100,
                "email", 254, "directions", 500, "accessibility", 1000);
        limits.forEach((field, max) -> {
            assertEquals(Map.of(), violations(with(field, field.equals("email") ? email(max) : text(field, max))),
                    field + " of " + max + " characters is accepted");
            String tooLong = field.equals("email") ? email(max + 1) : text(field, max + 1);
            Map<String, Set<String>> found = violations(with(field, tooLong));
            assertEquals(Set.of(field), found.keySet(), field + ": " + found);
            assertTrue(found.get(field).contains("error.tooLong"), field + ": " + found);
            for (ConstraintViolation<SiteForm> v : validator.validate(with(field, tooLong))) {
                if (v.getMessage().equals("error.tooLong")) {
                    assertEquals(max, v.getConstraintDescriptor().getAttributes().get("max"), field);
                }
            }
        });
    }

    @Test
    void theTooLongMessageSaysTheLimit() {
        Forms.Errors errors = forms.validate(with("name", "x".repeat(121)), Messages.FRENCH);
        assertEquals(Map.of("name", "Ce texte est trop long : 120 caractères au plus."), errors.asMap());
        Forms.Errors english = forms.validate(with("name", "x".repeat(121)), Messages.ENGLISH);
        assertEquals(Map.of("name", "This text is too long: 120 characters at most."), english.asMap());
    }

    @ParameterizedTest
    @ValueSource(strings = {"mediatheque-centre", "nord", "bibliotheque-2", "a1-b2-c3"})
    void goodSlugsPass(String slug) {
        assertEquals(Map.of(), violations(with("slug", slug)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mediatheque", "médiathèque", "mediatheque centre", "mediatheque_centre", "-centre",
            "centre-", "a--b", "centre/nord", "../admin"})
    void badSlugsFailWithTheSlugMessage(String slug) {
        assertOnly(with("slug", slug), "slug", "error.slug");
    }

    @ParameterizedTest
    @ValueSource(strings = {"69001", " 69001 ", "01000", "97400"})
    void goodPostcodesPass(String postcode) {
        assertEquals(Map.of(), violations(with("postcode", postcode)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"6900", "690011", "69 001", "ABCDE", "69OO1"})
    void badPostcodesFailWithThePostcodeMessage(String postcode) {
        assertOnly(with("postcode", postcode), "postcode", "error.postcode");
    }

    @ParameterizedTest
    @ValueSource(strings = {"04 72 00 00 00", "0472000000", "+33 4 72 00 00 00", "+33472000000", "04.72.00.00.00",
            "04-72-00-00-00", "06 12 34 56 78"})
    void frenchPhoneNumbersPass(String phone) {
        assertEquals(Map.of(), violations(with("phone", phone)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", "0072000000", "04 72 00 00", "04 72 00 00 00 00", "+33 04 72 00 00 00",
            "04 72 OO OO OO", "téléphone"})
    void otherPhoneNumbersFailWithThePhoneMessage(String phone) {
        assertOnly(with("phone", phone), "phone", "error.phone");
    }

    @ParameterizedTest
    @ValueSource(strings = {"contact@exemple.fr", "prenom.nom@mairie-lyon.fr", "a+b@exemple.org"})
    void goodEmailsPass(String email) {
        assertEquals(Map.of(), violations(with("email", email)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pas-une-adresse", "contact@", "@exemple.fr", "contact @exemple.fr", "contact@@exemple.fr"})
    void badEmailsFailWithTheEmailMessage(String email) {
        assertOnly(with("email", email), "email", "error.email");
    }

    @Test
    void theFormOfASavedSiteIsValid() {
        Site site = new Site(1L, "mediatheque-centre", "Médiathèque du Centre", "12 place de la République", "69001",
                "Lyon", null, null, null, null, Sites.DEFAULT_ZONE, java.time.Instant.EPOCH);
        SiteForm form = SiteForm.of(site);
        assertEquals(new SiteForm("Médiathèque du Centre", "mediatheque-centre", "12 place de la République", "69001",
                "Lyon", null, null, null, null), form);
        assertEquals(Map.of(), violations(form));
    }

    @Test
    void theEmptyFormLacksTheRequiredFields() {
        Map<String, Set<String>> empty = violations(SiteForm.empty());
        for (String field : new String[]{"name", "slug", "addressLine", "postcode", "town"}) {
            assertTrue(empty.getOrDefault(field, Set.of()).contains("error.required"), field + ": " + empty);
        }
    }

    private static String text(String field, int length) {
        return field.equals("slug") ? "a".repeat(length) : "x".repeat(length);
    }

    /** A well-formed e-mail address of exactly {@code length} characters (at least 197). */
    private static String email(int length) {
        String start = "p".repeat(64) + "@" + "d".repeat(63) + "." + "e".repeat(63) + ".";
        return start + "f".repeat(length - start.length() - 3) + ".fr";
    }
}
