package fr.relais.web;

import fr.relais.appointment.DeskDay;
import fr.relais.security.CurrentStaff;
import fr.relais.site.Site;
import fr.relais.site.Sites;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;

import java.util.List;

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
    private final Forms forms;
    private final DeskDay deskDay;

    HomeController(Sites sites, Forms forms, DeskDay deskDay) {
        this.deskDay = deskDay;
        this.sites = sites;
        this.forms = forms;
    }

    @Get
    MutableHttpResponse<?> home(Authentication authentication, @Nullable @QueryValue Long site, HttpRequest<?> request) {
        CurrentStaff me = CurrentStaff.of(authentication);
        List<Site> mine = sites.visibleTo(me);
        return switch (me.role()) {
            case HELPER -> {
                Site current = site == null ? (mine.isEmpty() ? null : mine.get(0))
                        : mine.stream().filter(s -> s.id().equals(site)).findFirst().orElseThrow(NotFoundException::new);
                if (current == null) {
                    yield Page.of(NO_SITE_VIEW).title("home.helper.title").ok();
                }
                yield deskDay.today(me, current, forms.locale(request)).ok();
            }
            case DIRECTOR -> Page.of(DIRECTOR_VIEW).title("home.director.title").with("sites", mine).ok();
            case COORDINATOR -> Page.of(NETWORK_VIEW).title("home.network.title").with("sites", mine).ok();
            case ADMIN -> Page.of(ADMIN_VIEW).title("home.admin.title").with("sites", mine).ok();
        };
    }
}
