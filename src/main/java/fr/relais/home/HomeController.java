package fr.relais.home;

import fr.relais.appointment.DeskDay;
import fr.relais.security.CurrentStaff;
import fr.relais.site.Site;
import fr.relais.site.Sites;
import fr.relais.web.NotFoundException;
import fr.relais.web.Page;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.util.List;
import java.util.Locale;

/**
 * The page after login, by role: a helper's desk for today, a director's site, the coordinator's network,
 * the administrator's accounts.
 */
@Controller("/accueil")
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class HomeController {
    static final String NO_SITE_VIEW = "home/no-site";
    static final String DIRECTOR_VIEW = "home/director";
    static final String NETWORK_VIEW = "home/network";
    static final String ADMIN_VIEW = "home/admin";
    private final Sites sites;
    private final DeskDay deskDay;

    HomeController(Sites sites, DeskDay deskDay) {
        this.deskDay = deskDay;
        this.sites = sites;
    }

    @Get
    MutableHttpResponse<?> home(CurrentStaff me, @Nullable @QueryValue Long site, Locale locale) {
        List<Site> mine = sites.visibleTo(me);
        return switch (me.role()) {
            case HELPER -> {
                Site current = site == null ? (mine.isEmpty() ? null : mine.get(0))
                        : mine.stream().filter(s -> s.id().equals(site)).findFirst().orElseThrow(NotFoundException::new);
                if (current == null) {
                    yield Page.of(NO_SITE_VIEW).title("home.helper.title").ok();
                }
                yield deskDay.today(me, current, locale).ok();
            }
            case DIRECTOR -> Page.of(DIRECTOR_VIEW).title("home.director.title").with("sites", mine).ok();
            case COORDINATOR -> Page.of(NETWORK_VIEW).title("home.network.title").with("sites", mine).ok();
            case ADMIN -> Page.of(ADMIN_VIEW).title("home.admin.title").with("sites", mine).ok();
        };
    }
}
