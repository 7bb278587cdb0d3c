package fr.relais.workshop;

import fr.relais.reference.ReferenceData;
import fr.relais.site.Site;
import fr.relais.site.Sites;
import fr.relais.web.Messages;
import fr.relais.web.NotFoundException;
import fr.relais.web.Page;
import fr.relais.web.TypedValues;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The public agenda of workshops: the whole network's, or one library's. Coming sessions grouped by week, with
 * filters by theme, level and library in a plain GET form (no JavaScript needed, the choices stay in the form).
 * A filter value that is not one of the choices is ignored, never an error. A page shows a few weeks
 * ({@link #NETWORK_WEEKS_PER_PAGE}), with plain links to the weeks before and after that keep the filters.
 */
@Controller
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class AgendaController {
    static final String VIEW = "workshop/public-agenda";
    /** The Monday a page of the agenda starts with, as 2026-12-21 (another day shows its week). */
    static final String FROM = "a-partir-du";
    /*
     * How many weeks one page shows. The network's agenda lists every library's sessions: two weeks at a time keep
     * the page short enough to read on a phone or with a screen reader (and light to send). One library's agenda
     * (its own page, or the network's filtered to it) holds a few sessions a week: its twelve weeks fit on one
     * page, and nobody has to page through them.
     */
    static final int NETWORK_WEEKS_PER_PAGE = 2;
    static final int ONE_LIBRARY_WEEKS_PER_PAGE = Agenda.WEEKS;
    private final Agenda agenda;
    private final AgendaPages pages;
    private final Sites sites;
    private final ReferenceData reference;
    private final Messages messages;
    private final AgendaWords words;

    AgendaController(Agenda agenda, AgendaPages pages, Sites sites, ReferenceData reference, Messages messages,
                     AgendaWords words) {
        this.words = words;
        this.agenda = agenda;
        this.pages = pages;
        this.sites = sites;
        this.reference = reference;
        this.messages = messages;
    }

    /** The filters as chosen, each one of the offered values or empty: the form shows them back. */
    record Chosen(String theme, String level, String library) {
        boolean any() {
            return !theme.isEmpty() || !level.isEmpty() || !library.isEmpty();
        }
    }

    @Get("/ateliers")
    MutableHttpResponse<?> network(@Nullable @QueryValue String theme, @Nullable @QueryValue String niveau,
                                   @Nullable @QueryValue String bibliotheque,
                                   @Nullable @QueryValue(FROM) String from, Locale locale) {
        List<Site> all = sites.all();
        Optional<Site> library = all.stream().filter(s -> s.slug().equals(bibliotheque)).findFirst();
        LocalDate today = LocalDate.ofInstant(agenda.now(), ZoneId.of(Sites.DEFAULT_ZONE));
        String heading = messages.get(locale, "agenda.title");
        int weeksPerPage = library.isPresent() ? ONE_LIBRARY_WEEKS_PER_PAGE : NETWORK_WEEKS_PER_PAGE;
        return agenda(library.map(List::of).orElse(all), weeksPerPage, today, theme, niveau, library.map(Site::slug).orElse(""),
                from, "/ateliers", heading, locale).with("libraries", AgendaPages.libraries(all)).ok();
    }

    @Get("/bibliotheques/{slug}/ateliers")
    MutableHttpResponse<?> library(String slug, @Nullable @QueryValue String theme, @Nullable @QueryValue String niveau,
                                   @Nullable @QueryValue(FROM) String from, Locale locale) {
        Site site = sites.bySlug(slug).orElseThrow(NotFoundException::new);
        return agenda(List.of(site), ONE_LIBRARY_WEEKS_PER_PAGE, sites.today(site), theme, niveau, "", from,
                "/bibliotheques/" + site.slug() + "/ateliers", messages.get(locale, "agenda.site.title", site.name()), locale)
                .with("site", site).ok();
    }

    private Page agenda(List<Site> libraries, int weeksPerPage, LocalDate today, @Nullable String theme,
                        @Nullable String level, String library, @Nullable String from, String action, String heading, Locale locale) {
        // A date that is not one (hand-edited) shows the current weeks, like a filter value that is not a choice.
        Agenda.Window window = Agenda.Window.of(today, TypedValues.date(from), weeksPerPage);
        String themeCode = theme != null && reference.theme(theme).isPresent() ? theme : null;
        WorkshopLevel chosenLevel = Arrays.stream(WorkshopLevel.values()).filter(l -> l.name().equals(level)).findFirst().orElse(null);
        Agenda.Filter filter = new Agenda.Filter(themeCode, chosenLevel);
        Instant now = agenda.now();
        Chosen chosen = new Chosen(themeCode == null ? "" : themeCode, chosenLevel == null ? "" : chosenLevel.name(), library);
        List<AgendaPages.Week> weeks = pages.weeks(agenda.coming(libraries, window).stream().filter(filter::accepts).toList(),
                now, locale);
        Optional<LocalDate> later = agenda.firstAfter(libraries, window, filter);
        String days = words.days(window.from(), window.until(), today, locale);
        LocalDate previous = window.previous();
        String next = later.isPresent() ? link(action, chosen, window.until().plusDays(1)) : null;
        return Page.of(VIEW)
                .with("heading", heading)
                .with("pageTitle", messages.get(locale, "agenda.pageTitle", heading, days))
                .with("action", action)
                .with("days", messages.get(locale, "agenda.days.heading", days))
                .with("weeks", weeks)
                .with("firstPage", window.first())
                .with("previous", previous == null ? null : link(action, chosen, previous))
                .with("next", next).with("paged", previous != null || next != null)
                // Weeks without a session, later ones with: straight to the first of those.
                .with("nextWithSessions", weeks.isEmpty() ? later.map(d -> new NextWeek(
                        link(action, chosen, AgendaWords.monday(d)), words.week(d, today, locale))).orElse(null) : null)
                .with("chosen", chosen).with("filtered", chosen.any())
                .with("themes", pages.themes(agenda.themeCodes(libraries, window), themeCode, locale))
                .with("levels", pages.levels(locale))
                .with("weeksAhead", Agenda.WEEKS);
    }

    /** The first week after the page's that has sessions: its link and its name ("semaine du lundi 4 janvier"). */
    record NextWeek(String href, String week) {
    }

    /** The same agenda from another Monday, its filters kept. */
    static String link(String action, Chosen chosen, LocalDate monday) {
        StringBuilder query = new StringBuilder();
        param(query, "theme", chosen.theme());
        param(query, "niveau", chosen.level());
        param(query, "bibliotheque", chosen.library());
        param(query, FROM, monday.toString());
        return action + "?" + query;
    }

    private static void param(StringBuilder query, String name, String value) {
        if (!value.isEmpty()) {
            query.append(query.isEmpty() ? "" : "&").append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }
}
