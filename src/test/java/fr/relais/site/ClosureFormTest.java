package fr.relais.site;

import fr.relais.testing.OnBothDatabases;
import fr.relais.testing.Violations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The closure form: two dates as people type them, the last on or after the first, and a short label. */
@MicronautTest
class ClosureFormTest extends OnBothDatabases {
    @Inject
    Validator validator;

    @Test
    void datesTypedTheFrenchWayOrFromADateFieldAreRead() {
        ClosureForm form = new ClosureForm("24/12/2026", "2027-01-02", " Vacances ");
        assertEquals(Map.of(), Violations.of(validator, form));
        assertEquals(new SiteClosure(null, 3L, LocalDate.of(2026, 12, 24), LocalDate.of(2027, 1, 2), "Vacances"),
                form.closure(3L));
        assertEquals(Map.of(), Violations.of(validator, new ClosureForm("1/5/2027", "1/5/2027", "Fête du travail")),
                "a closure of one day");
    }

    @Test
    void aDateThatIsNotOneIsRefusedOnItsField() {
        Violations.assertOnly(validator, new ClosureForm("demain", "2027-01-02", "Travaux"), "startDate", "error.date");
        Violations.assertOnly(validator, new ClosureForm("2027-01-02", "30/02/2027", "Travaux"), "endDate", "error.date");
    }

    @Test
    void theLastDayCannotComeBeforeTheFirst() {
        Violations.assertOnly(validator, new ClosureForm("10/01/2027", "09/01/2027", "Travaux"), "endDate",
                "error.closure.order");
    }

    @Test
    void everyFieldIsRequiredAndTheLabelIsShort() {
        Violations.assertOnly(validator, new ClosureForm("", "2027-01-02", "Travaux"), "startDate", "error.required");
        Violations.assertOnly(validator, new ClosureForm("2027-01-02", "2027-01-02", "l".repeat(121)), "label",
                "error.tooLong");
    }
}
