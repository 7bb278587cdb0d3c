package fr.relais.accompaniment;

import fr.relais.reference.ReferenceData;
import fr.relais.security.CurrentStaff;
import fr.relais.security.Role;
import fr.relais.site.Site;
import fr.relais.site.Sites;
import fr.relais.staff.StaffDirectory;
import fr.relais.web.DateWords;
import fr.relais.web.Messages;
import fr.relais.web.Page;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * "Mes accompagnements": a helper's own records, or a director's sites' records, of today or this week, by mode
 * and theme. Unknown filter values are ignored rather than refused: they come from an address that may have been
 * edited.
 */
@Singleton
class RecordListPage {
    static final String VIEW = "accompaniment/list";
    static final String PERIOD_TODAY = "jour";
    static final String PERIOD_WEEK = "semaine";
    private final Accompaniments accompaniments;
    private final ReferenceData reference;
    private final StaffDirectory staff;
    private final RecordAccess access;
    private final RecordWords words;
    private final LogTime time;
    private final Messages messages;

    RecordListPage(Accompaniments accompaniments, ReferenceData reference, StaffDirectory staff, RecordAccess access,
                   RecordWords words, LogTime time, Messages messages) {
        this.accompaniments = accompaniments;
        this.reference = reference;
        this.staff = staff;
        this.access = access;
        this.words = words;
        this.time = time;
        this.messages = messages;
    }

    Page page(CurrentStaff me, List<Site> mySites, @Nullable String period, @Nullable String mode, @Nullable String theme,
              Locale locale) {
        boolean director = me.role() == Role.DIRECTOR;
        LocalDate today = mySites.isEmpty() ? time.today(ZoneId.of(Sites.DEFAULT_ZONE)) : time.today(mySites.get(0));
        String p = PERIOD_WEEK.equals(period) ? PERIOD_WEEK : PERIOD_TODAY;
        LocalDate from = p.equals(PERIOD_WEEK) ? today.with(DayOfWeek.MONDAY) : today;
        LocalDate to = p.equals(PERIOD_WEEK) ? from.plusDays(6) : today;
        AccompanimentMode m = AccompanimentMode.parse(mode).orElse(null);
        String t = theme != null && reference.theme(theme).isPresent() ? theme : null;

        List<Accompaniment> found = director
                ? accompaniments.ofSites(mySites.stream().map(Site::id).toList(), from, to)
                : accompaniments.ofHelper(me.id(), from, to);
        Map<Long, Accompaniments.Detail> details = accompaniments.details(found.stream().map(Accompaniment::id).toList());
        found = found.stream().filter(a -> m == null || a.mode() == m)
                .filter(a -> t == null || details.get(a.id()).themes().contains(t)).toList();
        Map<Long, Site> siteById = mySites.stream().collect(Collectors.toMap(Site::id, Function.identity()));
        Map<Long, String> names = director ? staff.names(found.stream().map(Accompaniment::helperId).toList()) : Map.of();

        List<RecordWords.Row> rows = new ArrayList<>();
        for (Accompaniment a : found) {
            Site site = siteById.get(a.siteId());
            if (site != null) { // else a site this person no longer belongs to
                rows.add(words.row(a, details.get(a.id()), site, names.getOrDefault(a.helperId(), ""),
                        !director && access.correctable(a, site), locale));
            }
        }
        List<Choice> periods = List.of(
                Choice.of(PERIOD_TODAY, messages.get(locale, "accompaniment.list.period.today"), false),
                Choice.of(PERIOD_WEEK, messages.get(locale, "accompaniment.list.period.week"), false));
        List<Choice> modes = new ArrayList<>();
        for (AccompanimentMode each : AccompanimentMode.values()) {
            modes.add(Choice.of(each.name(), messages.get(locale, each.labelKey()), false));
        }
        return Page.of(VIEW)
                .title(director ? "accompaniment.list.site.title" : "accompaniment.list.title")
                .with("director", director).with("rows", rows).with("count", rows.size())
                .with("week", p.equals(PERIOD_WEEK)).with("period", p)
                .with("from", DateWords.longDate(from, locale)).with("to", DateWords.longDate(to, locale))
                .with("periods", periods).with("modes", modes).with("mode", m == null ? "" : m.name())
                .with("themes", reference.themes(locale)).with("theme", t == null ? "" : t)
                .with("filtered", m != null || t != null)
                .with("severalSites", mySites.size() > 1)
                .with("sites", mySites);
    }
}
