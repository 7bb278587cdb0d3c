package fr.relais.site;

import fr.relais.web.Forms;
import fr.relais.web.NotFoundException;
import fr.relais.web.Page;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The public pages: the network's libraries, and one library's page. No login. */
@Controller
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class PublicSiteController {
    static final String HOME_VIEW = "site/public-home";
    static final String SITE_VIEW = "site/public-site";
    private final Sites sites;
    private final Forms forms;

    PublicSiteController(Sites sites, Forms forms) {
        this.sites = sites;
        this.forms = forms;
    }

    @Get
    MutableHttpResponse<?> home() {
        List<Map<String, Object>> libraries = sites.all().stream().map(s -> Map.<String, Object>of(
                "site", s, "week", SiteViews.week(sites.hours(s)))).toList();
        return Page.of(HOME_VIEW).title("public.home.title").with("libraries", libraries).ok();
    }

    @Get("/bibliotheques/{slug}")
    MutableHttpResponse<?> site(String slug, HttpRequest<?> request) {
        Site site = sites.bySlug(slug).orElseThrow(NotFoundException::new);
        Locale locale = forms.locale(request);
        return Page.of(SITE_VIEW).with("pageTitle", site.name())
                .with("site", site)
                .with("week", SiteViews.week(sites.hours(site)))
                .with("closures", SiteViews.closures(sites.upcomingClosures(site), locale))
                .with("offer", SiteViews.offer(sites.offer(site), sites.offeredElsewhere(site)))
                .ok();
    }
}
