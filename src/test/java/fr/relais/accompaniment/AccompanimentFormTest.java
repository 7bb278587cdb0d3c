package fr.relais.accompaniment;

import fr.relais.testing.OnBothDatabases;
import fr.relais.testing.Violations;
import fr.relais.web.Forms;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.simple.SimpleHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The record's form on its own: each constraint and each rule on its field, with its message; the defaults. */
@MicronautTest
class AccompanimentFormTest extends OnBothDatabases {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** Tuesday 3 March 2026, 15:20 at the library. */
    static final Instant NOW = ZonedDateTime.of(2026, 3, 3, 15, 20, 0, 0, PARIS).toInstant();
    static final AccompanimentForm.Context CONTEXT = new AccompanimentForm.Context(
            Set.of("EMAIL", "ADMIN_PROCEDURES", "HEALTH")::contains, Set.of("HOUSING", "FAMILY")::contains,
            Set.of("APPOINTMENT", "WALK_IN", "PHONE", "OUTREACH")::contains, Set.of("PHONE", "COMPUTER")::contains,
            Set.of("60_69", "UNKNOWN")::contains, PARIS, NOW, "WALK_IN");

    @Inject
    Validator validator;
    @Inject
    Forms forms;

    static AccompanimentForm form(String mode, List<String> themes, List<String> scopes, String date, String time,
                                  String duration, String other, String note) {
        return new AccompanimentForm(mode, themes, scopes, date, time, duration, other, "", "", List.of(), "", "", note,
                "", "", "", null);
    }

    static AccompanimentForm minimal() {
        return form("DO_WITH", List.of("EMAIL"), List.of(), "", "", "", "", "");
    }

    private Forms.Errors errors() {
        return forms.errors(new SimpleHttpRequest<>(HttpMethod.POST, "/", null));
    }

    private Map<String, String> refused(AccompanimentForm form) {
        Forms.Errors errors = errors();
        assertNull(form.parse(errors, CONTEXT));
        return errors.asMap();
    }

    @Test
    void modeAndOneThemeAreEnoughTheRestIsDefaulted() {
        assertEquals(Map.of(), Violations.of(validator, minimal()));
        AccompanimentForm.Values v = minimal().parse(errors(), CONTEXT);
        assertNotNull(v);
        assertEquals(AccompanimentMode.DO_WITH, v.mode());
        assertEquals(List.of("EMAIL"), v.themes());
        assertEquals(NOW, v.occurredAt());
        assertEquals(LocalDate.of(2026, 3, 3), v.occurredOn());
        assertEquals(30, v.durationMinutes());
        assertEquals("WALK_IN", v.channel());
        assertNull(v.autonomy());
        assertNull(v.firstVisit());
        assertNull(v.note());
    }

    @Test
    void eachConstraintOnItsField() {
        Violations.assertOnly(validator, form("", List.of("EMAIL"), List.of(), "", "", "", "", ""), "mode",
                "accompaniment.error.mode.required");
        Violations.assertOnly(validator, form("DO_WITH", List.of("EMAIL"), List.of(), "", "", "", "", "x".repeat(301)), "note",
                "error.tooLong");
        Violations.assertOnly(validator, form("DO_WITH", List.of("EMAIL"), List.of(), "", "", "", "", "NIR 1 84 12 76 451 089 46"),
                "note", "accompaniment.error.note.sensitive");
        Violations.assertOnly(validator, form("DO_WITH", List.of("EMAIL"), List.of(), "", "", "", "123456", ""), "durationOther",
                "accompaniment.error.duration");
        Violations.assertOnly(validator, form("DO_WITH", List.of("EMAIL"), List.of(), "01/03/2026 10:00", "", "", "", ""), "date",
                "error.date");
    }

    @Test
    void rulesAcrossFields() {
        Forms.Errors keys = errors();
        assertEquals(keys.add("x", "accompaniment.error.theme.required").asMap().get("x"),
                refused(form("DO_WITH", List.of(), List.of(), "", "", "", "", "")).get("themes"));
        assertEquals(errors().add("x", "accompaniment.error.scope.notAllowed").asMap().get("x"),
                refused(form("DO_WITH", List.of("EMAIL"), List.of("HOUSING"), "", "", "", "", "")).get("scopes"));
        assertEquals(errors().add("x", "accompaniment.error.doFor.scope").asMap().get("x"),
                refused(form("DO_FOR", List.of("ADMIN_PROCEDURES"), List.of(), "", "", "", "", "")).get("scopes"));
        assertEquals(errors().add("x", "error.choice").asMap().get("x"),
                refused(form("REST", List.of("EMAIL"), List.of(), "", "", "", "", "")).get("mode"));
        assertEquals(errors().add("x", "accompaniment.error.future").asMap().get("x"),
                refused(form("DO_WITH", List.of("EMAIL"), List.of(), "03/03/2026", "16:00", "", "", "")).get("time"));
        assertEquals(errors().add("x", "accompaniment.error.future").asMap().get("x"),
                refused(form("DO_WITH", List.of("EMAIL"), List.of(), "04/03/2026", "09:00", "", "", "")).get("date"));
        assertEquals(errors().add("x", "accompaniment.error.tooOld", 7).asMap().get("x"),
                refused(form("DO_WITH", List.of("EMAIL"), List.of(), "23/02/2026", "09:00", "", "", "")).get("date"));
        assertEquals(errors().add("x", "error.choice").asMap().get("x"),
                refused(form("DO_WITH", List.of("EMAIL"), List.of(), "", "", "20", "", "")).get("duration"));
        assertEquals(errors().add("x", "accompaniment.error.duration").asMap().get("x"),
                refused(form("DO_WITH", List.of("EMAIL"), List.of(), "", "", "", "481", "")).get("durationOther"));
    }

    @Test
    void lateLoggingUpToAWeekAndTypedDurations() {
        AccompanimentForm.Values weekAgo = form("DO_WITH", List.of("EMAIL"), List.of(), "24/02/2026", "9h30", "", "", "")
                .parse(errors(), CONTEXT);
        assertNotNull(weekAgo);
        assertEquals(LocalDate.of(2026, 2, 24), weekAgo.occurredOn());
        assertEquals(LocalTime.of(9, 30), weekAgo.occurredAt().atZone(PARIS).toLocalTime());
        // A minute of grace: the time shown when the form opened.
        assertNotNull(form("DO_WITH", List.of("EMAIL"), List.of(), "2026-03-03", "15:21", "", "", "").parse(errors(), CONTEXT));
        assertEquals(50, form("DO_WITH", List.of("EMAIL"), List.of(), "", "", "30", "50", "").parse(errors(), CONTEXT).durationMinutes());
        assertEquals(120, form("DO_WITH", List.of("EMAIL"), List.of(), "", "", "120", "", "").parse(errors(), CONTEXT).durationMinutes());
        // The mandate and the partner are kept only for their own mode.
        AccompanimentForm withBoth = new AccompanimentForm("DO_WITH", List.of("EMAIL"), List.of(), "", "", "", "", "", "",
                List.of(), "", "", "", "12", "", "34", null);
        AccompanimentForm.Values v = withBoth.parse(errors(), CONTEXT);
        assertNull(v.mandateId());
        assertNull(v.partnerId());
    }
}
