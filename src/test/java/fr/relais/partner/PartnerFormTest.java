package fr.relais.partner;

import fr.relais.testing.OnBothDatabases;
import fr.relais.testing.Violations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The directory entry form's constraints: each one fails on its own field with its own message key. */
@MicronautTest
class PartnerFormTest extends OnBothDatabases {
    @Inject
    Validator validator;

    static PartnerForm valid() {
        return new PartnerForm("France Services Est", "FRANCE_SERVICES", "4 place de la République", "69200", "Vénissieux",
                "04 00 00 00 01", "franceservices.est@example.org", "https://www.france-services.gouv.fr",
                "Du lundi au vendredi de 9 h à 12 h 30", List.of("ADMIN_PROCEDURES"), List.of("FAMILY"), List.of("PRESENT"),
                "Une pièce d’identité", "Demander l’accueil", "");
    }

    static PartnerForm with(String field, String value) {
        PartnerForm f = valid();
        return new PartnerForm(
                field.equals("name") ? value : f.name(),
                field.equals("kindCode") ? value : f.kindCode(),
                field.equals("address") ? value : f.address(),
                field.equals("postcode") ? value : f.postcode(),
                field.equals("town") ? value : f.town(),
                field.equals("phone") ? value : f.phone(),
                field.equals("email") ? value : f.email(),
                field.equals("website") ? value : f.website(),
                field.equals("openingHours") ? value : f.openingHours(),
                f.themes(), f.scopes(), f.access(),
                field.equals("whatToBring") ? value : f.whatToBring(),
                field.equals("helperNotes") ? value : f.helperNotes(),
                f.siteId());
    }

    private void assertOnly(PartnerForm form, String field, String key) {
        Violations.assertOnly(validator, form, field, key);
    }

    @Test
    void aValidFormPasses() {
        assertEquals(Map.of(), Violations.of(validator, valid()));
    }

    @Test
    void onlyTheNameAndTheKindAreRequired() {
        assertEquals(Map.of(), Violations.of(validator, new PartnerForm("Écrivain public", "PUBLIC_WRITER", "", "", "", "", "", "",
                "", null, null, null, "", "", null)));
        assertOnly(with("name", " "), "name", "error.required");
        assertOnly(with("kindCode", ""), "kindCode", "partner.error.kind");
    }

    @Test
    void lengthsFollowTheSchema() {
        assertOnly(with("name", "x".repeat(151)), "name", "error.tooLong");
        assertEquals(Map.of(), Violations.of(validator, with("name", "x".repeat(150))));
        assertOnly(with("address", "x".repeat(201)), "address", "error.tooLong");
        assertOnly(with("town", "x".repeat(101)), "town", "error.tooLong");
        assertOnly(with("openingHours", "x".repeat(501)), "openingHours", "error.tooLong");
        assertOnly(with("whatToBring", "x".repeat(1001)), "whatToBring", "error.tooLong");
        assertOnly(with("helperNotes", "x".repeat(1001)), "helperNotes", "error.tooLong");
        assertOnly(with("email", "a".repeat(250) + "@example.org"), "email", "error.tooLong");
    }

    @ParameterizedTest
    @ValueSource(strings = {"6900", "690001", "69 001", "lyon"})
    void aPostcodeHasFiveDigits(String postcode) {
        assertOnly(with("postcode", postcode), "postcode", "error.postcode");
    }

    @ParameterizedTest
    @ValueSource(strings = {"04 72 00 00 00", "0472000000", "04.72.00.00.00", "+33 4 72 00 00 00", "+33472000000", "3230", "39 49", ""})
    void phonesLikeTheAppointmentFormAndServiceNumbersPass(String phone) {
        assertEquals(Map.of(), Violations.of(validator, with("phone", phone)), phone);
    }

    @ParameterizedTest
    @ValueSource(strings = {"04 72 00 00", "12", "0072000000", "appeler le standard", "323"})
    void otherPhonesAreRefused(String phone) {
        assertOnly(with("phone", phone), "phone", "partner.error.phone");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://www.caf.fr", "http://example.org/contact?x=1#haut", "HTTPS://Mairie.example.fr:8443/",
            "https://www.médiathèque.example.fr/accès", ""})
    void websitesAreHttpAddresses(String website) {
        assertEquals(Map.of(), Violations.of(validator, with("website", website)), website);
    }

    @ParameterizedTest
    @ValueSource(strings = {"www.caf.fr", "ftp://example.org", "javascript:alert(1)", "https://localhost", "https://exa mple.org",
            "mailto:contact@example.org"})
    void otherWebsitesAreRefused(String website) {
        assertOnly(with("website", website), "website", "partner.error.website");
    }

    @Test
    void anEmptyEmailIsNoEmailAndAWrongOneIsRefused() {
        assertEquals(Map.of(), Violations.of(validator, with("email", "")));
        assertEquals(null, with("email", "  ").email());
        assertOnly(with("email", "pas-une-adresse"), "email", "error.email");
    }

    @Test
    void codesAreThoseOfTheirLists() {
        assertOnly(with("kindCode", "NOPE"), "kindCode", "error.choice");
        PartnerForm f = valid();
        PartnerForm lists = new PartnerForm(f.name(), f.kindCode(), f.address(), f.postcode(), f.town(), f.phone(), f.email(),
                f.website(), f.openingHours(), List.of("EMAIL", "NOPE"), List.of(""), List.of("TELEPATHY"), f.whatToBring(),
                f.helperNotes(), f.siteId());
        assertEquals(Map.of("access", Set.of("error.choice"), "scopes", Set.of("error.choice"), "themes", Set.of("error.choice")),
                Violations.of(validator, lists));
    }

    @Test
    void notesForHelpersHoldNoSecret() {
        assertOnly(with("helperNotes", "identifiant : dupont mot de passe : Secret123"), "helperNotes", "error.sensitive");
    }
}
