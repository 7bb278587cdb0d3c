package fr.relais.workshop;

import fr.relais.reference.ReferenceData;
import fr.relais.site.Site;
import fr.relais.site.Sites;
import fr.relais.web.Messages;
import fr.relais.web.NotFoundException;
import fr.relais.web.Page;
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

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The public agenda of workshops: the whole network's, or one library's. Coming sessions grouped by week, with
 * filters by theme, level and library in a plain GET form (no JavaScript needed, the choices stay in the form).
 * A filter value that is not one of the choices is ignored, never an error.
 */
@Controller
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class AgendaController {
    static final String VIEW = "workshop/public-agenda";
    private final Agenda agenda;
    private final AgendaPages pages;
    private final Sites sites;
    private final ReferenceData reference;
    private final Messages messages;

    AgendaController(Agenda agenda, AgendaPages pages, Sites sites, ReferenceData reference, Messages messages) {
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
                                   @Nullable @QueryValue String bibliotheque, Locale locale) {
        List<Site> all = sites.all();
        Optional<Site> library = all.stream().filter(s -> s.slug().equals(bibliotheque)).findFirst();
        Page page = agenda(library.map(List::of).orElse(all), theme, niveau, library.map(Site::slug).orElse(""), locale)
                .title("agenda.title").with("action", "/ateliers").with("libraries", AgendaPages.libraries(all));
        return page.ok();
    }

    @Get("/bibliotheques/{slug}/ateliers")
    MutableHttpResponse<?> library(String slug, @Nullable @QueryValue String theme, @Nullable @QueryValue String niveau,
                                   Locale locale) {
        Site site = sites.bySlug(slug).orElseThrow(NotFoundException::new);
        return agenda(List.of(site), theme, niveau, "", locale)
                .with("pageTitle", messages.get(locale, "agenda.site.title", site.name()))
                .with("site", site).with("action", "/bibliotheques/" + site.slug() + "/ateliers").ok();
    }

    private Page agenda(List<Site> libraries, @Nullable String theme, @Nullable String level, String library, Locale locale) {
        List<Agenda.Listed> coming = agenda.coming(libraries);
        String themeCode = theme != null && reference.theme(theme).isPresent() ? theme : null;
        WorkshopLevel chosenLevel = Arrays.stream(WorkshopLevel.values()).filter(l -> l.name().equals(level)).findFirst().orElse(null);
        Agenda.Filter filter = new Agenda.Filter(themeCode, chosenLevel);
        Instant now = agenda.now();
        Chosen chosen = new Chosen(themeCode == null ? "" : themeCode, chosenLevel == null ? "" : chosenLevel.name(), library);
        return Page.of(VIEW)
                .with("weeks", pages.weeks(coming.stream().filter(filter::accepts).toList(), now, locale))
                .with("chosen", chosen).with("filtered", chosen.any())
                .with("themes", pages.themes(coming, themeCode, locale)).with("levels", pages.levels(locale))
                .with("weeksAhead", Agenda.WEEKS);
    }
}
