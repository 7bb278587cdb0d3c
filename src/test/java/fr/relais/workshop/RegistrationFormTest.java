package fr.relais.workshop;

import fr.relais.testing.OnBothDatabases;
import fr.relais.testing.Violations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The public registration form's and the code form's constraints, and what a valid form registers. */
@MicronautTest
class RegistrationFormTest extends OnBothDatabases {
    @Inject
    Validator validator;

    private static RegistrationForm form(String firstName, String phone, String email, String seats, String waitingList) {
        return new RegistrationForm(firstName, phone, email, seats, waitingList, "");
    }

    @Test
    void aFirstNameAndASeatAreEnough() {
        assertEquals(Map.of(), Violations.of(validator, form("M. K.", "", "", "1", null)));
        assertEquals(Map.of(), Violations.of(validator, form("Zoé", "+44 7700 900123", "zoe@exemple.fr", "10", "1")));
    }

    @Test
    void eachFieldHasItsMessage() {
        Violations.assertOnly(validator, form(" ", "", "", "1", "1"), "firstName", "error.required");
        Violations.assertOnly(validator, form("x".repeat(41), "", "", "1", "1"), "firstName", "error.tooLong");
        Violations.assertOnly(validator, form("mdp : Soleil2024", "", "", "1", "1"),
                "firstName", "error.sensitive");
        Violations.assertOnly(validator, form("Marie", "06 12", "", "1", "1"), "phone", "error.phone");
        Violations.assertOnly(validator, form("Marie", "0".repeat(31), "", "1", "1"), "phone", "error.tooLong");
        Violations.assertOnly(validator, form("Marie", "", "a@b", "1", "1"), "email", "error.email");
        Violations.assertOnly(validator, form("Marie", "", "", "", "1"), "seats", "agenda.error.seats");
        Violations.assertOnly(validator, form("Marie", "", "", null, "1"), "seats", "agenda.error.seats");
    }

    @ParameterizedTest(name = "seats \"{0}\"")
    @ValueSource(strings = {"0", "11", "-1", "2.5", "deux", "１"})
    void seatsAreOneToTenChosenFromTheList(String seats) {
        Violations.assertOnly(validator, form("Marie", "", "", seats, "1"), "seats", "agenda.error.seats");
    }

    @ParameterizedTest(name = "waiting list \"{0}\"")
    @ValueSource(strings = {"oui", "0", "11", "true"})
    void theWaitingListFieldIsOneOrNothingElseWasEdited(String value) {
        Violations.assertOnly(validator, form("Marie", "", "", "1", value), "waitingList", "agenda.error.edited");
    }

    @Test
    void aValidFormRegistersWhatIsKept() {
        Registrations.Request request = form("  Marie   Claire ", "06.12.34.56.78", " Marie@Exemple.FR", "2", "1").request("en");
        assertEquals("Marie Claire", request.firstName());
        assertEquals("+33612345678", request.phone());
        assertEquals("marie@exemple.fr", request.email());
        assertEquals(2, request.seats());
        assertEquals("en", request.language());
        assertTrue(request.waitingListAccepted());

        Registrations.Request noContact = form("Paul", "", " ", "1", null).request("fr");
        assertNull(noContact.phone());
        assertNull(noContact.email());
        assertFalse(noContact.waitingListAccepted());
    }

    @Test
    void theCodeFormNeedsBothFieldsAndComparesFirstNamesWithoutCaseOrAccents() {
        Violations.assertOnly(validator, new CodeForm("", "Marie"), "code", "error.required");
        Violations.assertOnly(validator, new CodeForm("K7M-4QX", " "), "firstName", "error.required");
        Violations.assertOnly(validator, new CodeForm("x".repeat(21), "Marie"), "code", "error.tooLong");
        assertTrue(new CodeForm("K7M-4QX", " zoe ").sameFirstName("Zoé"));
        assertTrue(new CodeForm("K7M-4QX", "ANNE  GAELLE").sameFirstName("Anne Gaëlle"));
        assertFalse(new CodeForm("K7M-4QX", "Zoa").sameFirstName("Zoé"));
        assertFalse(new CodeForm("K7M-4QX", "Anne-Gaelle").sameFirstName("Anne Gaëlle"));
    }
}
