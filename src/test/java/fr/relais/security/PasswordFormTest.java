package fr.relais.security;

import fr.relais.testing.OnBothDatabases;
import fr.relais.testing.Violations;
import fr.relais.web.Forms;
import fr.relais.web.Messages;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The password form's constraints, the rules comparing its fields included; whether the current password is right
 * (the stored hash) and not the e-mail (the account) are the controller's.
 */
@MicronautTest
class PasswordFormTest extends OnBothDatabases {
    static final String CURRENT = "ancien mot de passe 2026";
    static final String NEW = "une nouvelle phrase secrète";

    @Inject
    Validator validator;
    @Inject
    Forms forms;

    @Test
    void aNewPasswordConfirmedAndDifferentPasses() {
        assertEquals(Map.of(), Violations.of(validator, new PasswordForm(CURRENT, NEW, NEW)));
    }

    @Test
    void theConfirmationRepeatsTheNewPassword() {
        Violations.assertOnly(validator, new PasswordForm(CURRENT, NEW, NEW + " !"), "confirmation",
                "error.password.mismatch");
    }

    @Test
    void theNewPasswordIsNotTheCurrentOne() {
        Violations.assertOnly(validator, new PasswordForm(CURRENT, CURRENT, CURRENT), "newPassword", "error.password.same");
    }

    @Test
    void theNewPasswordHasTwelveCharactersAtLeast() {
        Violations.assertOnly(validator, new PasswordForm(CURRENT, "court-11car", "court-11car"), "newPassword",
                "error.password.tooShort");
    }

    @Test
    void emptyFieldsAreRequiredNotDifferentNorTheSame() {
        assertEquals(Map.of("currentPassword", "Ce champ est obligatoire.", "newPassword", "Ce champ est obligatoire.",
                "confirmation", "Ce champ est obligatoire."), forms.validate(new PasswordForm("", "", ""), Messages.FRENCH).asMap());
        assertEquals(Map.of("confirmation", "Ce champ est obligatoire."),
                forms.validate(new PasswordForm(CURRENT, NEW, ""), Messages.FRENCH).asMap());
    }
}
