package fr.relais.accompaniment;

import fr.relais.testing.OnBothDatabases;
import fr.relais.testing.Violations;
import fr.relais.web.Forms;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The record's form on its own: each constraint, and each rule between fields, on its field with its message key;
 * the moment typed seen from the site's "now"; the typed values and their defaults.
 */
@MicronautTest
class AccompanimentFormTest extends OnBothDatabases {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** Tuesday 3 March 2026, 15:20 at the library. */
    static final ZonedDateTime NOW = ZonedDateTime.of(2026, 3, 3, 15, 20, 0, 0, PARIS);

    @Inject
    Validator validator;
    @Inject
    Forms forms;

    /** A form as posted; {@code duration} null when the list was not sent. */
    static AccompanimentForm form(String mode, List<String> themes, List<String> scopes, String date, String time,
                                  String duration, String other, String note) {
        return new AccompanimentForm(mode, themes, scopes, date, time, duration, other, "", "", List.of(), "", "", note,
                "", "", "", null);
    }

    static AccompanimentForm minimal() {
        return form("DO_WITH", List.of("EMAIL"), List.of(), "", "", null, "", "");
    }

    static AccompanimentForm at(String date, String time) {
        return form("DO_WITH", List.of("EMAIL"), List.of(), date, time, null, "", "");
    }

    /** The messages of the moment typed, seen from {@link #NOW}. */
    private Map<String, String> momentErrors(AccompanimentForm form) {
        Forms.Errors errors = forms.errors(Locale.FRENCH);
        LogTime.checkMoment(form, NOW, errors);
        return errors.asMap();
    }

    private String text(String key, Object... args) {
        return forms.errors(Locale.FRENCH).add("x", key, args).asMap().get("x");
    }

    @Test
    void modeAndOneThemeAreEnoughTheRestIsDefaulted() {
        assertEquals(Map.of(), Violations.of(validator, minimal()));
        assertEquals(Map.of(), momentErrors(minimal()));
        AccompanimentForm.Values v = minimal().values(NOW, "WALK_IN");
        assertEquals(AccompanimentMode.DO_WITH, v.mode());
        assertEquals(List.of("EMAIL"), v.themes());
        assertEquals(NOW.toInstant(), v.occurredAt());
        assertEquals(LocalDate.of(2026, 3, 3), v.occurredOn());
        assertEquals(30, v.durationMinutes());
        assertEquals("WALK_IN", v.channel());
        assertNull(v.autonomy());
        assertNull(v.firstVisit());
        assertNull(v.note());
    }

    @Test
    void eachConstraintOnItsField() {
        Violations.assertOnly(validator, form("", List.of("EMAIL"), List.of(), "", "", null, "", ""), "mode",
                "accompaniment.error.mode.required");
        Violations.assertOnly(validator, form("DO_WITH", List.of("EMAIL"), List.of(), "", "", null, "", "x".repeat(301)), "note",
                "error.tooLong");
        Violations.assertOnly(validator, form("DO_WITH", List.of("EMAIL"), List.of(), "", "", null, "", "NIR 1 84 12 76 451 089 46"),
                "note", "accompaniment.error.note.sensitive");
        Violations.assertOnly(validator, form("DO_WITH", List.of("EMAIL"), List.of(), "", "", null, "123456", ""), "durationOther",
                "accompaniment.error.duration");
        Violations.assertOnly(validator, form("DO_WITH", List.of("EMAIL"), List.of(), "01/03/2026 10:00", "", null, "", ""), "date",
                "error.date");
        Violations.assertOnly(validator, form("DO_WITH", List.of("EMAIL"), List.of(), "", "25:00", null, "", ""), "time",
                "error.hours.format");
        Violations.assertOnly(validator, form("DO_WITH", List.of(), List.of(), "", "", null, "", ""), "themes",
                "accompaniment.error.theme.required");
        Violations.assertOnly(validator, form("DO_WITH", List.of("", " "), List.of(), "", "", null, "", ""), "themes",
                "accompaniment.error.theme.required");
        Violations.assertOnly(validator, form("REST", List.of("EMAIL"), List.of(), "", "", null, "", ""), "mode", "error.choice");
        Violations.assertOnly(validator, form("DO_WITH", List.of("EMAIL", "COOKING"), List.of(), "", "", null, "", ""), "themes",
                "error.choice");
        Violations.assertOnly(validator, form("DO_WITH", List.of("ADMIN_PROCEDURES"), List.of("LOTTERY"), "", "", null, "", ""),
                "scopes", "error.choice");
        Violations.assertOnly(validator, form("DO_WITH", List.of("EMAIL"), List.of(), "", "", null, "481", ""), "durationOther",
                "accompaniment.error.duration");
    }

    @Test
    void unknownChoicesInTheDetailsAreRefusedOneByOne() {
        AccompanimentForm form = new AccompanimentForm("DO_WITH", List.of("EMAIL"), List.of(), "", "", null, "", "PIGEON",
                "SOMETIMES", List.of("ROBOT"), "200", "MAYBE", "", "12a", "", "x", null);
        Map<String, Set<String>> found = Violations.of(validator, form);
        assertEquals(List.of("ageBracket", "autonomy", "channel", "equipment", "firstVisit", "mandateId", "partnerId"),
                List.copyOf(found.keySet()));
        found.values().forEach(keys -> assertEquals(Set.of("error.choice"), keys));
    }

    @Test
    void rulesAcrossFields() {
        Violations.assertOnly(validator, form("DO_WITH", List.of("EMAIL"), List.of("HOUSING"), "", "", null, "", ""), "scopes",
                "accompaniment.error.scope.notAllowed");
        Violations.assertOnly(validator, form("DO_FOR", List.of("ADMIN_PROCEDURES"), List.of(), "", "", null, "", ""), "scopes",
                "accompaniment.error.doFor.scope");
        Violations.assertOnly(validator, form("DO_WITH", List.of("EMAIL"), List.of(), "", "", "20", "", ""), "duration",
                "error.choice");
        // "Autre durée" chosen in the list: the minutes are then required.
        Violations.assertOnly(validator, form("DO_WITH", List.of("EMAIL"), List.of(), "", "", "", "", ""), "durationOther",
                "accompaniment.error.duration");
        Violations.assertOnly(validator, form("REFER", List.of("HEALTH"), List.of(), "", "", null, "", ""), "partnerId",
                "accompaniment.error.partner.required");
        assertEquals(Map.of(), Violations.of(validator, form("DO_WITH", List.of("ADMIN_PROCEDURES", "EMAIL"),
                List.of("HOUSING", "FAMILY"), "", "", "30", "", "")));
    }

    @Test
    void theMomentIsPastAndAtMostAWeekBack() {
        assertEquals(Map.of("time", text("accompaniment.error.future")), momentErrors(at("03/03/2026", "16:00")));
        assertEquals(Map.of("date", text("accompaniment.error.future")), momentErrors(at("04/03/2026", "09:00")));
        assertEquals(Map.of("date", text("accompaniment.error.tooOld", 7)), momentErrors(at("23/02/2026", "09:00")));
        assertEquals(Map.of(), momentErrors(at("24/02/2026", "9h30")));
        // A minute of grace: the time shown when the form opened.
        assertEquals(Map.of(), momentErrors(at("2026-03-03", "15:21")));
    }

    @Test
    void lateLoggingUpToAWeekAndTypedDurations() {
        AccompanimentForm.Values weekAgo = at("24/02/2026", "9h30").values(NOW, "WALK_IN");
        assertEquals(LocalDate.of(2026, 2, 24), weekAgo.occurredOn());
        assertEquals(LocalTime.of(9, 30), weekAgo.occurredAt().atZone(PARIS).toLocalTime());
        assertEquals(50, form("DO_WITH", List.of("EMAIL"), List.of(), "", "", "30", "50", "").values(NOW, "WALK_IN").durationMinutes());
        assertEquals(120, form("DO_WITH", List.of("EMAIL"), List.of(), "", "", "120", "", "").values(NOW, "WALK_IN").durationMinutes());
        // The mandate and the partner are kept only for their own mode.
        AccompanimentForm withBoth = new AccompanimentForm("DO_WITH", List.of("EMAIL"), List.of(), "", "", null, "", "", "",
                List.of(), "", "", "", "12", "", "34", null);
        AccompanimentForm.Values v = withBoth.values(NOW, "WALK_IN");
        assertNull(v.mandateId());
        assertNull(v.partnerId());
        AccompanimentForm referral = new AccompanimentForm("REFER", List.of("HEALTH"), List.of(), "", "", null, "", "PHONE",
                "AUTONOMOUS", List.of("PHONE", "PHONE"), "60_69", "NO", " Revient jeudi ", "12", "", " 34 ", null);
        AccompanimentForm.Values r = referral.values(NOW, "WALK_IN");
        assertEquals(34L, r.partnerId());
        assertNull(r.mandateId());
        assertEquals("PHONE", r.channel());
        assertEquals(Autonomy.AUTONOMOUS, r.autonomy());
        assertEquals(List.of("PHONE"), r.equipment(), "a box ticked twice is one");
        assertEquals("60_69", r.ageBracket());
        assertEquals(Boolean.FALSE, r.firstVisit());
        assertEquals("Revient jeudi", r.note());
    }
}
