package fr.relais.appointment;

import fr.relais.site.Site;
import fr.relais.site.Sites;
import fr.relais.web.DateWords;
import fr.relais.web.Messages;
import fr.relais.web.Page;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The pages of a site's permanences: the list (with the booking settings and the team's absences, each a form
 * of its own that re-renders this page when refused) and the form of one permanence.
 */
@Singleton
class PermanencePages {
    static final String LIST_VIEW = "appointment/permanences";
    static final String FORM_VIEW = "appointment/permanence-form";
    private final Sites sites;
    private final Permanences permanences;
    private final Bookings bookings;
    private final SiteTeam team;
    private final Absences absences;
    private final AppointmentViews views;
    private final Messages messages;

    PermanencePages(Sites sites, Permanences permanences, Bookings bookings, SiteTeam team, Absences absences,
                    AppointmentViews views, Messages messages) {
        this.sites = sites;
        this.permanences = permanences;
        this.bookings = bookings;
        this.team = team;
        this.absences = absences;
        this.views = views;
        this.messages = messages;
    }

    /** A row of the permanences table; {@code ended}: its last day is today or past, there is nothing left to end. */
    record PermanenceRow(long id, String dayKey, String hours, String label, String slotMinutes, String helpers,
                         int capacity, String from, @Nullable String to, boolean ended, String stateKey) {
    }

    static String listPath(Site site) {
        return "/gestion/sites/" + site.id() + "/permanences";
    }

    /** The list page with the saved settings and an empty absence form; callers replace what was typed. */
    Page list(Site site, Locale locale) {
        LocalDate today = sites.today(site);
        List<Permanence> all = permanences.of(site);
        Map<Long, List<Long>> onDuty = permanences.helpersOf(all.stream().map(Permanence::id).toList());
        List<StaffAbsence> away = absences.upcomingOf(team.members(site));
        List<Long> named = new ArrayList<>();
        onDuty.values().forEach(named::addAll);
        away.forEach(a -> named.add(a.staffId()));
        Map<Long, String> names = views.names(named);
        List<PermanenceRow> rows = all.stream().map(p -> row(p, onDuty.getOrDefault(p.id(), List.of()), names, today, locale))
                .toList();
        return Page.of(LIST_VIEW).title("permanences.title").with("site", site).with("tab", "permanences")
                .with("permanences", rows)
                .with("settings", BookingSettingsForm.of(bookings.settings(site))).with("settingsErrors", Map.of())
                .with("absences", away.stream().map(a -> AbsenceRow.of(a, names.getOrDefault(a.staffId(), ""), 0, locale)).toList())
                .with("absence", AbsenceForm.empty()).with("absenceErrors", Map.of())
                .with("team", team.helpers(site).stream().map(s -> Choice.of(String.valueOf(s.id()), s.displayName())).toList())
                .with("hasErrors", false);
    }

    private static PermanenceRow row(Permanence p, List<Long> helpers, Map<Long, String> names, LocalDate today, Locale locale) {
        String hours = DateWords.time(p.startsAt(), locale) + " – " + DateWords.time(p.endsAt(), locale);
        DayOfWeek day = DayOfWeek.of(p.dayOfWeek());
        boolean ended = p.validTo() != null && p.validTo().isBefore(today);
        boolean ending = p.validTo() != null && !p.validTo().isAfter(today);
        return new PermanenceRow(p.id(), "day." + day.name(), hours, day.getDisplayName(TextStyle.FULL, locale) + " " + hours,
                String.valueOf(p.slotMinutes()),
                helpers.stream().map(h -> names.getOrDefault(h, "")).sorted(String.CASE_INSENSITIVE_ORDER).collect(Collectors.joining(", ")),
                helpers.size(), DateWords.longDate(p.validFrom(), locale),
                p.validTo() == null ? null : DateWords.longDate(p.validTo(), locale), ending,
                ended ? "permanences.state.ended" : p.validFrom().isAfter(today) ? "permanences.state.upcoming" : "permanences.state.current");
    }

    /** The form of a new permanence ({@code p} null) or of an existing one. */
    Page form(Site site, @Nullable Permanence p, PermanenceForm form, Map<String, String> errors, Locale locale) {
        List<Choice> days = Arrays.stream(DayOfWeek.values())
                .map(d -> Choice.of(String.valueOf(d.getValue()), messages.get(locale, "day." + d.name()))).toList();
        List<Choice> lengths = PermanenceForm.SLOT_LENGTHS.stream().map(String::valueOf)
                .map(m -> Choice.of(m, messages.get(locale, "permanences.minutes", m))).toList();
        List<String> checked = form.checkedHelpers();
        List<Choice> helpers = team.helpers(site).stream()
                .map(s -> new Choice(String.valueOf(s.id()), s.displayName(), checked.contains(String.valueOf(s.id())))).toList();
        return Page.of(FORM_VIEW).title(p == null ? "permanences.new.title" : "permanences.edit.title")
                .with("site", site).with("tab", "permanences").with("permanence", p)
                .with("form", form).with("errors", errors)
                .with("days", days).with("lengths", lengths).with("helpers", helpers);
    }
}
