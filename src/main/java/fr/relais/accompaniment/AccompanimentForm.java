package fr.relais.accompaniment;

import fr.relais.privacy.NoSensitiveData;
import fr.relais.reference.ReferenceData;
import fr.relais.web.Forms;
import fr.relais.web.TypedValues;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The accompaniment as typed at the desk. Only the mode and one theme are required; everything else has a
 * default. {@code mandateSearch} is a name typed to find a mandate: it is used for that search and for nothing
 * else — never stored, never logged. There is no name, phone or e-mail field.
 */
@Serdeable
record AccompanimentForm(
        @Nullable @NotBlank(message = "accompaniment.error.mode.required") @Size(max = 10, message = "error.choice") String mode,
        @Nullable @Size(max = 30, message = "error.choice") List<String> themes,
        @Nullable @Size(max = 20, message = "error.choice") List<String> scopes,
        @Nullable @Size(max = 10, message = "error.date") String date,
        @Nullable @Size(max = 10, message = "error.hours.format") String time,
        @Nullable @Size(max = 5, message = "error.choice") String duration,
        @Nullable @Size(max = 5, message = "accompaniment.error.duration") String durationOther,
        @Nullable @Size(max = 20, message = "error.choice") String channel,
        @Nullable @Size(max = 20, message = "error.choice") String autonomy,
        @Nullable @Size(max = 10, message = "error.choice") List<String> equipment,
        @Nullable @Size(max = 20, message = "error.choice") String ageBracket,
        @Nullable @Size(max = 5, message = "error.choice") String firstVisit,
        @Nullable @Size(max = 300, message = "error.tooLong")
        @NoSensitiveData(message = "accompaniment.error.note.sensitive") String note,
        @Nullable @Size(max = 20, message = "error.choice") String mandateId,
        @Nullable @Size(max = 100, message = "error.tooLong") String mandateSearch,
        @Nullable @Size(max = 20, message = "error.choice") String partnerId,
        @Nullable @Size(max = 10, message = "error.choice") String action) {

    /** The durations offered as one choice; any other number of minutes (1–480) is typed. */
    static final List<Integer> DURATIONS = List.of(15, 30, 45, 60, 90, 120);
    static final int DEFAULT_DURATION = 30;
    static final int MAX_MINUTES = 480;
    /** How far back a record may be logged late. */
    static final int DAYS_BACK = 7;
    static final String WALK_IN = "WALK_IN";
    static final String APPOINTMENT = "APPOINTMENT";
    static final String SEARCH = "search";

    /** What a valid form holds. */
    record Values(AccompanimentMode mode, List<String> themes, List<String> scopes, Instant occurredAt,
                  LocalDate occurredOn, int durationMinutes, String channel, @Nullable Autonomy autonomy,
                  List<String> equipment, @Nullable String ageBracket, @Nullable Boolean firstVisit,
                  @Nullable String note, @Nullable Long mandateId, @Nullable Long partnerId) {
    }

    /** The codes the lists accept, the site's zone and the time now. */
    record Context(Predicate<String> theme, Predicate<String> scope, Predicate<String> channel,
                   Predicate<String> equipment, Predicate<String> ageBracket, ZoneId zone, Instant now,
                   String defaultChannel) {
    }

    /** A new record: mode chosen from the desk (or none), defaults shown, the date and time of now. */
    static AccompanimentForm blank(@Nullable String mode, String channel, ZonedDateTime now) {
        return new AccompanimentForm(AccompanimentMode.parse(mode).map(Enum::name).orElse(""), List.of(), List.of(),
                TypedValues.shown(now.toLocalDate()), TypedValues.shown(now.toLocalTime()),
                String.valueOf(DEFAULT_DURATION), "", channel, "", List.of(), "", "", "", "", "", "", null);
    }

    /** Opened from an appointment: its reason, its time (when it can be logged), channel "sur rendez-vous". */
    static AccompanimentForm fromAppointment(AppointmentFacts a, ZonedDateTime at) {
        List<String> scopes = a.scopeCode() == null ? List.of() : List.of(a.scopeCode());
        int minutes = a.minutes();
        boolean offered = DURATIONS.contains(minutes);
        return new AccompanimentForm("", List.of(a.themeCode()), scopes, TypedValues.shown(at.toLocalDate()),
                TypedValues.shown(at.toLocalTime()), offered ? String.valueOf(minutes) : String.valueOf(DEFAULT_DURATION),
                offered || minutes < 1 || minutes > MAX_MINUTES ? "" : String.valueOf(minutes), APPOINTMENT, "", List.of(),
                "", "", "", "", "", "", null);
    }

    /** A stored record, for correction. */
    static AccompanimentForm of(Accompaniment a, List<String> themes, List<String> scopes, List<String> equipment,
                                ZoneId zone) {
        ZonedDateTime at = a.occurredAt().atZone(zone);
        boolean offered = DURATIONS.contains(a.durationMinutes());
        return new AccompanimentForm(a.mode().name(), themes, scopes, TypedValues.shown(at.toLocalDate()),
                TypedValues.shown(at.toLocalTime()), offered ? String.valueOf(a.durationMinutes()) : "",
                offered ? "" : String.valueOf(a.durationMinutes()), a.channelCode(),
                a.autonomy() == null ? "" : a.autonomy().name(), equipment,
                a.ageBracketCode() == null ? "" : a.ageBracketCode(),
                a.firstVisit() == null ? "" : a.firstVisit() ? "YES" : "NO", a.note() == null ? "" : a.note(),
                a.mandateId() == null ? "" : String.valueOf(a.mandateId()), "",
                a.partnerId() == null ? "" : String.valueOf(a.partnerId()), null);
    }

    List<String> checkedThemes() {
        return present(themes);
    }

    List<String> checkedScopes() {
        return present(scopes);
    }

    List<String> checkedEquipment() {
        return present(equipment);
    }

    boolean searching() {
        return SEARCH.equals(action);
    }

    boolean hasSearch() {
        return mandateSearch != null && !mandateSearch.isBlank();
    }

    /** The same form without the typed name: what is shown again once the search has been made. */
    AccompanimentForm withMandate(@Nullable String chosen) {
        return new AccompanimentForm(mode, themes, scopes, date, time, duration, durationOther, channel, autonomy,
                equipment, ageBracket, firstVisit, note, chosen == null ? "" : chosen, mandateSearch, partnerId, null);
    }

    /**
     * Parses what passed the field constraints and adds one message per field for the rest. The mode's own
     * rules (mandate, partner) are the controller's: they need the site. Returns null when there is any error.
     */
    Values parse(Forms.Errors errors, Context context) {
        AccompanimentMode m = null;
        if (!errors.has("mode")) {
            m = AccompanimentMode.parse(mode).orElse(null);
            if (m == null) {
                errors.add("mode", "error.choice");
            }
        }
        List<String> themeCodes = present(themes);
        if (themeCodes.isEmpty()) {
            errors.add("themes", "accompaniment.error.theme.required");
        } else if (!themeCodes.stream().allMatch(context.theme())) {
            errors.add("themes", "error.choice");
        }
        List<String> scopeCodes = present(scopes);
        if (!scopeCodes.stream().allMatch(context.scope())) {
            errors.add("scopes", "error.choice");
        } else if (!scopeCodes.isEmpty() && !themeCodes.contains(ReferenceData.PROCEDURES_THEME)) {
            errors.add("scopes", "accompaniment.error.scope.notAllowed");
        } else if (m == AccompanimentMode.DO_FOR && scopeCodes.isEmpty()) {
            errors.add("scopes", "accompaniment.error.doFor.scope");
        }

        ZonedDateTime now = context.now().atZone(context.zone());
        LocalDate day = blank(date) ? now.toLocalDate() : errors.has("date") ? null : TypedValues.date(date);
        if (day == null) {
            errors.add("date", "error.date");
        }
        LocalTime at = blank(time) ? now.toLocalTime() : errors.has("time") ? null : TypedValues.time(time);
        if (at == null) {
            errors.add("time", "error.hours.format");
        }
        Instant occurredAt = null;
        if (day != null && at != null) {
            occurredAt = day.atTime(at).atZone(context.zone()).toInstant();
            // A minute of grace: the time shown in the form was "now" when the page was opened.
            if (occurredAt.isAfter(context.now().plus(Duration.ofMinutes(1)))) {
                errors.add(day.isAfter(now.toLocalDate()) ? "date" : "time", "accompaniment.error.future");
            } else if (day.isBefore(now.toLocalDate().minusDays(DAYS_BACK))) {
                errors.add("date", "accompaniment.error.tooOld", DAYS_BACK);
            }
        }

        Integer minutes = minutes(errors);
        String channelCode = blank(channel) ? context.defaultChannel() : channel.strip();
        if (!errors.has("channel") && !context.channel().test(channelCode)) {
            errors.add("channel", "error.choice");
        }
        Autonomy seen = null;
        if (!blank(autonomy) && !errors.has("autonomy")) {
            seen = Autonomy.parse(autonomy.strip()).orElse(null);
            if (seen == null) {
                errors.add("autonomy", "error.choice");
            }
        }
        List<String> equipmentCodes = present(equipment);
        if (!equipmentCodes.stream().allMatch(context.equipment())) {
            errors.add("equipment", "error.choice");
        }
        String age = blank(ageBracket) ? null : ageBracket.strip();
        if (age != null && !errors.has("ageBracket") && !context.ageBracket().test(age)) {
            errors.add("ageBracket", "error.choice");
        }
        Boolean first = null;
        if (!blank(firstVisit) && !errors.has("firstVisit")) {
            switch (firstVisit.strip()) {
                case "YES" -> first = true;
                case "NO" -> first = false;
                default -> errors.add("firstVisit", "error.choice");
            }
        }
        Long mandate = id(mandateId, "mandateId", errors);
        Long partner = id(partnerId, "partnerId", errors);
        if (!errors.isEmpty()) {
            return null;
        }
        return new Values(m, themeCodes, scopeCodes, occurredAt, day, minutes, channelCode, seen, equipmentCodes, age,
                first, blank(note) ? null : note.strip(), m == AccompanimentMode.DO_FOR ? mandate : null,
                m == AccompanimentMode.REFER ? partner : null);
    }

    /** The duration: a typed number of minutes wins over the list; 30 minutes when neither is given. */
    private Integer minutes(Forms.Errors errors) {
        if (!blank(durationOther)) {
            Integer typed = errors.has("durationOther") ? null : TypedValues.number(durationOther, 1, MAX_MINUTES);
            if (typed == null) {
                errors.add("durationOther", "accompaniment.error.duration");
            }
            return typed;
        }
        if (blank(duration)) {
            return DEFAULT_DURATION;
        }
        Integer chosen = errors.has("duration") ? null : TypedValues.number(duration, 1, MAX_MINUTES);
        if (chosen == null || !DURATIONS.contains(chosen)) {
            errors.add("duration", "error.choice");
            return null;
        }
        return chosen;
    }

    private static Long id(String text, String field, Forms.Errors errors) {
        if (blank(text) || errors.has(field)) {
            return null;
        }
        String t = text.strip();
        if (!t.matches("\\d{1,15}")) {
            errors.add(field, "error.choice");
            return null;
        }
        return Long.parseLong(t);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Checked boxes, without blanks or repeats, in the order sent. */
    private static List<String> present(List<String> codes) {
        if (codes == null) {
            return List.of();
        }
        Set<String> kept = new LinkedHashSet<>();
        for (String c : codes) {
            if (c != null && !c.isBlank()) {
                kept.add(c.strip());
            }
        }
        return new ArrayList<>(kept);
    }
}
