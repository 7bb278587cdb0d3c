package fr.relais.staff;

import fr.relais.security.Role;
import fr.relais.testing.Violations;
import fr.relais.testing.OnBothDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The account form's constraints; role and sites are checked against the editor's rights elsewhere. */
@MicronautTest
class AccountFormTest extends OnBothDatabases {
    @Inject
    Validator validator;

    private static AccountForm valid() {
        return new AccountForm("camille.martin@exemple.fr", "Camille", "HELPER", List.of("1", "2"), "true");
    }

    private static AccountForm with(String field, String value) {
        AccountForm f = valid();
        return new AccountForm(
                field.equals("email") ? value : f.email(),
                field.equals("displayName") ? value : f.displayName(),
                field.equals("role") ? value : f.role(),
                f.siteIds(),
                field.equals("mandateHabilitated") ? value : f.mandateHabilitated());
    }

    private Map<String, Set<String>> violations(AccountForm form) {
        return Violations.of(validator, form);
    }

    private void assertOnly(AccountForm form, String field, String key) {
        Violations.assertOnly(validator, form, field, key);
    }

    @Test
    void aValidFormPasses() {
        assertEquals(Map.of(), violations(valid()));
    }

    @Test
    void sitesAndTheMandateFlagAreOptional() {
        assertEquals(Map.of(), violations(new AccountForm("admin2@exemple.fr", "Alex", "ADMIN", null, null)));
        assertEquals(Map.of(), violations(new AccountForm("admin2@exemple.fr", "Alex", "ADMIN", List.of(), "")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"email", "displayName", "role"})
    void requiredFieldsFailWhenBlank(String field) {
        for (String blank : new String[]{"", "  ", null}) {
            Map<String, Set<String>> found = violations(with(field, blank));
            assertEquals(Set.of(field), found.keySet(), "blank " + field + ": " + found);
            assertTrue(found.get(field).contains("error.required"), "blank " + field + ": " + found);
        }
    }

    @Test
    void theEmptyFormAsksForEmailAndName() {
        Map<String, Set<String>> found = violations(AccountForm.empty());
        assertEquals(Set.of("email", "displayName"), found.keySet(), found.toString());
        assertTrue(found.get("email").contains("error.required"));
        assertEquals(Set.of("error.required"), found.get("displayName"));
        assertEquals("HELPER", AccountForm.empty().role());
    }

    @Test
    void aLongDisplayNameIsTooLong() {
        assertEquals(Map.of(), violations(with("displayName", "x".repeat(80))));
        assertOnly(with("displayName", "x".repeat(81)), "displayName", "error.tooLong");
        for (ConstraintViolation<AccountForm> v : validator.validate(with("displayName", "x".repeat(81)))) {
            assertEquals(80, v.getConstraintDescriptor().getAttributes().get("max"));
        }
    }

    @Test
    void aLongEmailIsTooLong() {
        String start = "p".repeat(64) + "@" + "d".repeat(63) + "." + "e".repeat(63) + ".";
        String longest = start + "f".repeat(254 - start.length() - 3) + ".fr";
        assertEquals(254, longest.length());
        assertEquals(Map.of(), violations(with("email", longest)));
        String tooLong = start + "f".repeat(255 - start.length() - 3) + ".fr";
        Map<String, Set<String>> found = violations(with("email", tooLong));
        assertEquals(Set.of("email"), found.keySet(), found.toString());
        assertTrue(found.get("email").contains("error.tooLong"), found.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"pas-une-adresse", "camille@", "@exemple.fr", "camille martin@exemple.fr", "camille@@exemple.fr"})
    void badEmailsFailWithTheEmailMessage(String email) {
        assertOnly(with("email", email), "email", "error.email");
    }

    @ParameterizedTest
    @ValueSource(strings = {"camille@exemple.fr", "c.martin+relais@mairie-lyon.fr", "CAMILLE@EXEMPLE.FR"})
    void goodEmailsPass(String email) {
        assertEquals(Map.of(), violations(with("email", email)));
    }

    @Test
    void aRoleIsOneOfTheRoles() {
        for (Role role : Role.values()) {
            assertEquals(Map.of(), violations(with("role", role.name())), role.name());
            assertEquals(role, with("role", role.name()).chosenRole());
        }
        assertOnly(with("role", "X".repeat(21)), "role", "error.choice");
        // Which of them the editor may grant is checked with the editor, by the controller.
        assertOnly(with("role", "SUPERUSER"), "role", "error.choice");
        assertOnly(with("role", "helper"), "role", "error.choice");
    }

    @Test
    void tickedSitesAreNumbers() {
        AccountForm form = new AccountForm("a@exemple.fr", "A", "HELPER", List.of("3", " 12 ", "3"), null);
        assertEquals(Map.of(), violations(form));
        assertEquals(Set.of(3L, 12L), form.chosenSites());
        assertOnly(new AccountForm("a@exemple.fr", "A", "HELPER", List.of("3", "nord"), null), "siteIds", "error.choice");
        assertOnly(new AccountForm("a@exemple.fr", "A", "HELPER", List.of("1".repeat(19)), null), "siteIds",
                "error.choice");
    }

    @Test
    void theMandateCheckboxReadsTrueOrOn() {
        assertTrue(with("mandateHabilitated", "true").habilitated());
        assertTrue(with("mandateHabilitated", "on").habilitated());
        assertFalse(with("mandateHabilitated", null).habilitated());
        assertFalse(with("mandateHabilitated", "false").habilitated());
        assertFalse(with("mandateHabilitated", "").habilitated());
    }

    @Test
    void noTickedSiteIsAnEmptyList() {
        assertEquals(List.of(), new AccountForm("a@exemple.fr", "A", "HELPER", null, null).sites());
        assertEquals(List.of("3"), new AccountForm("a@exemple.fr", "A", "HELPER", List.of("3"), null).sites());
    }
}
