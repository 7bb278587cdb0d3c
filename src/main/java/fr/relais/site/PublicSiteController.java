package fr.relais.site;

import fr.relais.web.NotFoundException;
import fr.relais.web.Page;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.util.Locale;

/** The public pages: the network's libraries, and one library's page. No login. */
@Controller
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class PublicSiteController {
    static final String HOME_VIEW = "site/public-home";
    static final String SITE_VIEW = "site/public-site";
    private final Sites sites;

    PublicSiteController(Sites sites) {
        this.sites = sites;
    }

    @Get
    MutableHttpResponse<?> home() {
        return Page.of(HOME_VIEW).title("public.home.title").with("libraries", sites.all()).ok();
    }

    @Get("/bibliotheques/{slug}")
    MutableHttpResponse<?> site(String slug, Locale locale) {
        Site site = sites.bySlug(slug).orElseThrow(NotFoundException::new);
        return Page.of(SITE_VIEW).with("pageTitle", site.name())
                .with("site", site)
                .with("week", SiteViews.week(sites.hours(site)))
                .with("closures", SiteViews.closures(sites.upcomingClosures(site), locale))
                .with("offer", SiteViews.offer(sites.offer(site), sites.offeredElsewhere(site)))
                .ok();
    }
}
