package fr.relais.accompaniment;

import fr.relais.privacy.NoSensitiveData;
import fr.relais.web.Text;
import fr.relais.web.TypedDate;
import fr.relais.web.TypedTime;
import fr.relais.web.TypedValues;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The accompaniment as typed at the desk. Only the mode and one theme are required; everything else has a
 * default. {@code mandateSearch} is a name typed to find a mandate: it is used for that search and for nothing
 * else — never stored, never logged. There is no name, phone or e-mail field.
 * <p>
 * The constraints check each field and the rules between fields; what needs the site, the directory or the mandates
 * is checked after them ({@link RecordRules}). Ticked boxes arrive without blanks or repeats, in the order sent.
 */
@Serdeable
@ScopesFitThemes
@DurationGiven
@PartnerWhenReferring
record AccompanimentForm(
        @Nullable @NotBlank(message = "accompaniment.error.mode.required") @Size(max = 10, message = "error.choice")
        @Listed(Listed.Of.MODES) String mode,
        @Nullable @NotEmpty(message = "accompaniment.error.theme.required") @Size(max = 30, message = "error.choice")
        @Listed(Listed.Of.THEMES) List<String> themes,
        @Nullable @Size(max = 20, message = "error.choice") @Listed(Listed.Of.SCOPES) List<String> scopes,
        @Nullable @Size(max = 10, message = "error.date") @TypedDate String date,
        @Nullable @Size(max = 10, message = "error.hours.format") @TypedTime(message = "error.hours.format") String time,
        @Nullable @Size(max = 5, message = "error.choice") String duration,
        @Nullable @Size(max = 5, message = "accompaniment.error.duration") @Minutes String durationOther,
        @Nullable @Size(max = 20, message = "error.choice") @Listed(Listed.Of.CHANNELS)
        @IndividualChannel String channel,
        @Nullable @Size(max = 20, message = "error.choice") @Listed(Listed.Of.AUTONOMY) String autonomy,
        @Nullable @Size(max = 10, message = "error.choice") @Listed(Listed.Of.EQUIPMENT) List<String> equipment,
        @Nullable @Size(max = 20, message = "error.choice") @Listed(Listed.Of.AGE_BRACKETS) String ageBracket,
        @Nullable @Size(max = 5, message = "error.choice") @Listed(Listed.Of.FIRST_VISIT) String firstVisit,
        @Nullable @Size(max = 300, message = "error.tooLong")
        @NoSensitiveData(message = "accompaniment.error.note.sensitive") String note,
        @Nullable @Size(max = 20, message = "error.choice") @Pattern(regexp = ID, message = "error.choice") String mandateId,
        @Nullable @Size(max = 100, message = "error.tooLong") String mandateSearch,
        @Nullable @Size(max = 20, message = "error.choice") @Pattern(regexp = ID, message = "error.choice") String partnerId,
        @Nullable @Size(max = 10, message = "error.choice") String action) {

    /** The durations offered as one choice; any other number of minutes (1–480) is typed. */
    static final List<Integer> DURATIONS = List.of(15, 30, 45, 60, 90, 120);
    static final int DEFAULT_DURATION = 30;
    static final int MAX_MINUTES = 480;
    /** How far back a record may be logged late. */
    static final int DAYS_BACK = 7;
    /** The time shown in the form was "now" when the page was opened: a minute of grace. */
    static final Duration GRACE = Duration.ofMinutes(1);
    static final String WALK_IN = "WALK_IN";
    static final String APPOINTMENT = "APPOINTMENT";
    static final String SEARCH = "search";
    /** "En atelier collectif": the channel of a workshop's collective record, never typed in this form. */
    static final String COLLECTIVE_CHANNEL = WorkshopRecords.CHANNEL;
    /** The id of a mandate or a partner chosen in the form; blank for none. */
    static final String ID = "\\s*(\\d{1,15})?\\s*";

    AccompanimentForm {
        themes = codes(themes);
        scopes = codes(scopes);
        equipment = codes(equipment);
    }

    /** What a valid form holds. */
    record Values(AccompanimentMode mode, List<String> themes, List<String> scopes, Instant occurredAt,
                  LocalDate occurredOn, int durationMinutes, String channel, @Nullable Autonomy autonomy,
                  List<String> equipment, @Nullable String ageBracket, @Nullable Boolean firstVisit,
                  @Nullable String note, @Nullable Long mandateId, @Nullable Long partnerId) {
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
    static AccompanimentForm of(Accompaniment a, Accompaniments.Detail d, ZoneId zone) {
        ZonedDateTime at = a.occurredAt().atZone(zone);
        boolean offered = DURATIONS.contains(a.durationMinutes());
        return new AccompanimentForm(a.mode().name(), d.themes(), d.scopes(), TypedValues.shown(at.toLocalDate()),
                TypedValues.shown(at.toLocalTime()), offered ? String.valueOf(a.durationMinutes()) : "",
                offered ? "" : String.valueOf(a.durationMinutes()), a.channelCode(),
                a.autonomy() == null ? "" : a.autonomy().name(), d.equipment(),
                Text.orEmpty(a.ageBracketCode()), a.firstVisit() == null ? "" : a.firstVisit() ? "YES" : "NO",
                Text.orEmpty(a.note()), a.mandateId() == null ? "" : String.valueOf(a.mandateId()), "",
                a.partnerId() == null ? "" : String.valueOf(a.partnerId()), null);
    }

    /** Whether this channel code is the collective one (surrounding spaces ignored, as the lists read codes). */
    static boolean collectiveChannel(@Nullable String code) {
        return code != null && COLLECTIVE_CHANNEL.equals(code.strip());
    }

    boolean is(AccompanimentMode m) {
        return mode != null && m.name().equals(mode.strip());
    }

    boolean hasSearch() {
        return mandateSearch != null && !mandateSearch.isBlank();
    }

    /** "Chercher" — or Enter in the name field before any mandate is chosen: a search, nothing to save. */
    boolean searchesOnly() {
        return SEARCH.equals(action) || (is(AccompanimentMode.DO_FOR) && hasSearch() && Text.blankToNull(mandateId) == null);
    }

    /** The mandate chosen; call once its field passed its constraints. */
    @Nullable
    Long mandate() {
        return id(mandateId);
    }

    /** The partner chosen; call once its field passed its constraints. */
    @Nullable
    Long partner() {
        return id(partnerId);
    }

    /** When it happened at the site: the day and time typed, today and now where left blank. */
    ZonedDateTime occurredAt(ZonedDateTime now) {
        LocalDate day = Text.blankToNull(date) == null ? now.toLocalDate() : TypedValues.date(date);
        LocalTime at = Text.blankToNull(time) == null ? now.toLocalTime() : TypedValues.time(time);
        return day.atTime(at).atZone(now.getZone());
    }

    /** Minutes typed win over the list; the default duration when neither is given. */
    private int minutes() {
        String chosen = Text.blankToNull(durationOther) != null ? durationOther : duration;
        return Text.blankToNull(chosen) == null ? DEFAULT_DURATION : TypedValues.number(chosen, 1, MAX_MINUTES);
    }

    /**
     * The record as typed, once the form passed its constraints and rules. {@code now} is the time at the site;
     * the channel is {@code defaultChannel} when none is chosen. A mandate and a partner are kept for their own
     * mode only.
     */
    Values values(ZonedDateTime now, String defaultChannel) {
        AccompanimentMode m = AccompanimentMode.parse(mode.strip()).orElseThrow();
        ZonedDateTime at = occurredAt(now);
        String chosenChannel = Text.blankToNull(channel);
        String seen = Text.blankToNull(autonomy);
        String visit = Text.blankToNull(firstVisit);
        return new Values(m, themes, scopes, at.toInstant(), at.toLocalDate(), minutes(),
                chosenChannel == null ? defaultChannel : chosenChannel,
                seen == null ? null : Autonomy.parse(seen).orElseThrow(), equipment, Text.blankToNull(ageBracket),
                visit == null ? null : "YES".equals(visit), Text.blankToNull(note),
                m == AccompanimentMode.DO_FOR ? mandate() : null, m == AccompanimentMode.REFER ? partner() : null);
    }

    private static Long id(String text) {
        String digits = Text.blankToNull(text);
        return digits == null ? null : Long.parseLong(digits);
    }

    /** Ticked boxes, without blanks or repeats, in the order sent. */
    private static List<String> codes(List<String> codes) {
        if (codes == null) {
            return List.of();
        }
        Set<String> kept = new LinkedHashSet<>();
        for (String c : codes) {
            if (c != null && !c.isBlank()) {
                kept.add(c.strip());
            }
        }
        return List.copyOf(kept);
    }
}
