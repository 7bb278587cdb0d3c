package fr.relais.mandate;

import fr.relais.testing.OnBothDatabases;
import fr.relais.testing.Violations;
import fr.relais.web.Forms;
import fr.relais.web.Messages;
import fr.relais.web.TypedValues;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The mandate and revocation forms' constraints: each rule fails on its own field with its own message key. */
@MicronautTest
class MandateFormTest extends OnBothDatabases {
    @Inject
    Validator validator;
    @Inject
    Forms forms;
    @Inject
    Clock clock;

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneId.of("Europe/Paris")));
    }

    private MandateForm valid() {
        return new MandateForm("Marie", "Durand", List.of("FAMILY", "HOUSING"), "Déclarer les ressources à la CAF",
                "31", TypedValues.shown(today()), "on", "on", "on", "on", "on");
    }

    private MandateForm with(String field, Object value) {
        MandateForm f = valid();
        return new MandateForm(
                field.equals("firstName") ? (String) value : f.firstName(),
                field.equals("lastName") ? (String) value : f.lastName(),
                field.equals("scopes") ? castList(value) : f.scopes(),
                field.equals("purpose") ? (String) value : f.purpose(),
                field.equals("durationDays") ? (String) value : f.durationDays(),
                field.equals("startDate") ? (String) value : f.startDate(),
                field.equals("toldPurpose") ? (String) value : f.toldPurpose(),
                field.equals("toldData") ? (String) value : f.toldData(),
                field.equals("toldRights") ? (String) value : f.toldRights(),
                field.equals("toldRevocation") ? (String) value : f.toldRevocation(),
                field.equals("noLegalProtection") ? (String) value : f.noLegalProtection());
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object value) {
        return (List<String>) value;
    }

    @Test
    void aValidFormPassesAndGivesTheDraft() {
        assertEquals(Map.of(), Violations.of(validator, valid()));
        MandateForm typed = new MandateForm("  Marie   Claire ", "Durand", List.of("HOUSING", "FAMILY", "HOUSING"),
                " Déclarer  les ressources ", " 182 ", "24/12/2026", "on", "on", "on", "on", "true");
        assertEquals(new Mandates.Draft("Marie Claire", "Durand", List.of("HOUSING", "FAMILY"), "Déclarer les ressources",
                182, LocalDate.of(2026, 12, 24)), typed.values());
    }

    @Test
    void atLeastOneKnownScopeIsTicked() {
        Violations.assertOnly(validator, with("scopes", List.of()), "scopes", "mandate.error.scopes");
        Violations.assertOnly(validator, with("scopes", null), "scopes", "mandate.error.scopes");
        Violations.assertOnly(validator, with("scopes", List.of("HOUSING", "NOT_A_SCOPE")), "scopes", "error.choice");
    }

    static List<Integer> durations() {
        return Mandates.DURATIONS;
    }

    @ParameterizedTest
    @MethodSource("durations")
    void everyDurationOfTheListIsAChoice(int days) {
        assertEquals(Map.of(), Violations.of(validator, with("durationDays", String.valueOf(days))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"30", "0", "366", "un mois", "31.0"})
    void anyOtherDurationIsNot(String typed) {
        Violations.assertOnly(validator, with("durationDays", typed), "durationDays", "error.choice");
    }

    @Test
    void theStartIsADateFromTodayToSixtyDaysAhead() {
        Violations.assertOnly(validator, with("startDate", "demain"), "startDate", "error.date");
        Violations.assertOnly(validator, with("startDate", TypedValues.shown(today().minusDays(1))), "startDate",
                "mandate.error.start.past");
        assertEquals(Map.of(), Violations.of(validator, with("startDate", TypedValues.shown(today().plusDays(60)))));
        Violations.assertOnly(validator, with("startDate", today().plusDays(61).toString()), "startDate",
                "mandate.error.start.far");
        assertEquals(Map.of("startDate", "La date de début doit être dans les 60 prochains jours."),
                forms.validate(with("startDate", TypedValues.shown(today().plusDays(61))), Messages.FRENCH).asMap());
    }

    static List<String> confirmations() {
        return MandateForm.CONFIRMATIONS;
    }

    @ParameterizedTest
    @MethodSource("confirmations")
    void everyConfirmationIsTicked(String confirmation) {
        Violations.assertOnly(validator, with(confirmation, null), confirmation, "mandate.error.confirm");
        Violations.assertOnly(validator, with(confirmation, "off"), confirmation, "mandate.error.confirm");
        assertEquals(Map.of(), Violations.of(validator, with(confirmation, "true")));
    }

    @Test
    void aNameIsLettersOnly() {
        Violations.assertOnly(validator, with("firstName", "Jean2"), "firstName", "mandate.error.name");
        assertEquals(Map.of(), Violations.of(validator, with("lastName", "N’Diaye-Lefèvre")));
    }

    @Test
    void aRevocationSaysWhoAsksForIt() {
        RevocationForm byUser = new RevocationForm("USER", "Elle fera ses démarches avec sa fille");
        assertEquals(Map.of(), Violations.of(validator, byUser));
        assertEquals(RevocationKind.USER, byUser.kind());
        assertEquals(RevocationKind.SITE, new RevocationForm("SITE", "Démarche terminée").kind());
        Violations.assertOnly(validator, new RevocationForm("SUPERSEDED", "Remplacé"), "by", "error.choice");
        Violations.assertOnly(validator, new RevocationForm("user", "Demande"), "by", "error.choice");
        Map<String, Set<String>> blank = Violations.of(validator, new RevocationForm("", "Demande"));
        assertEquals(Set.of("by"), blank.keySet());
        assertTrue(blank.get("by").contains("error.required"), blank.toString());
        assertEquals(Map.of("by", "Ce champ est obligatoire."),
                forms.validate(new RevocationForm("", "Demande"), Messages.FRENCH).asMap(), "required, not a wrong choice");
    }
}
