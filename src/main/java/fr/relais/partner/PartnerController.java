package fr.relais.partner;

import fr.relais.reference.ReferenceData;
import fr.relais.security.CurrentStaff;
import fr.relais.security.Role;
import fr.relais.web.Downloads;
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

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * Reading the partner directory. Every signed-in person searches it, exports what they found and opens an entry
 * (helpers refer people); an entry of another library answers 404 like an unknown one. Deactivated entries are
 * listed only for those who manage them, on request. Managing entries: {@link PartnerEditController}.
 */
@Controller("/partenaires")
@Produces(MediaType.TEXT_HTML)
@Secured({"HELPER", "DIRECTOR", "COORDINATOR", "ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
class PartnerController {
    static final String SEARCH_VIEW = "partner/search";
    static final String DETAIL_VIEW = "partner/detail";
    private final Partners partners;
    private final PartnerViews views;
    private final PartnerCsv csv;
    private final ReferenceData reference;

    PartnerController(Partners partners, PartnerViews views, PartnerCsv csv, ReferenceData reference) {
        this.partners = partners;
        this.views = views;
        this.csv = csv;
        this.reference = reference;
    }

    @Get
    MutableHttpResponse<?> search(@Nullable @QueryValue String q, @Nullable @QueryValue String kind,
                                  @Nullable @QueryValue String theme, @Nullable @QueryValue String scope,
                                  @Nullable @QueryValue String town, @Nullable @QueryValue String inactifs,
                                  CurrentStaff me, Locale locale) {
        PartnerFilter filter = filter(me, q, kind, theme, scope, town, inactifs);
        List<PartnerSummary> found = partners.search(me, filter);
        return Page.of(SEARCH_VIEW).title("partner.search.title")
                .with("filter", filter)
                .with("kinds", reference.partnerKinds(locale))
                .with("themes", reference.themes(locale))
                .with("scopes", reference.scopes(locale))
                .with("towns", views.towns(partners.search(me, PartnerFilter.NONE)))
                .with("results", views.rows(found, locale))
                .with("count", found.size())
                .with("countKey", found.isEmpty() ? "partner.search.count.none"
                        : found.size() == 1 ? "partner.search.count.one" : "partner.search.count.many")
                .with("filtered", filter.any() || filter.withInactive())
                .with("canCreate", Partners.canCreate(me))
                .with("canImport", !me.role().belongsToSites())
                .with("canSeeInactive", me.role() != Role.HELPER)
                .with("exportHref", "/partenaires/export.csv" + query(filter))
                .ok();
    }

    @Get("/export.csv")
    @Produces(Downloads.CSV)
    MutableHttpResponse<byte[]> export(@Nullable @QueryValue String q, @Nullable @QueryValue String kind,
                                       @Nullable @QueryValue String theme, @Nullable @QueryValue String scope,
                                       @Nullable @QueryValue String town, @Nullable @QueryValue String inactifs,
                                       CurrentStaff me, Locale locale) {
        PartnerFilter filter = filter(me, q, kind, theme, scope, town, inactifs);
        return Downloads.csv(csv.write(partners.find(me, filter), locale), "partenaires.csv");
    }

    @Get("/{id}")
    MutableHttpResponse<?> detail(long id, CurrentStaff me, Locale locale) {
        Partner partner = partners.visibleTo(me, id).orElseThrow(NotFoundException::new);
        return Page.of(DETAIL_VIEW).title("partner.detail.title")
                .with("pageTitle", partner.name())
                .with("p", views.detail(partner, partners.links(partner), locale))
                .with("canManage", Partners.canManage(me, partner.siteId()))
                .ok();
    }

    /** Deactivated entries only for those who manage some. */
    private static PartnerFilter filter(CurrentStaff me, String q, String kind, String theme, String scope, String town,
                                        String inactive) {
        boolean withInactive = me.role() != Role.HELPER && "1".equals(inactive);
        return new PartnerFilter(q, kind, theme, scope, town, withInactive);
    }

    /** The filter as a query string, for the export link: the export lists what the page lists. */
    private static String query(PartnerFilter f) {
        StringJoiner out = new StringJoiner("&", "?", "").setEmptyValue("");
        add(out, "q", f.q());
        add(out, "kind", f.kind());
        add(out, "theme", f.theme());
        add(out, "scope", f.scope());
        add(out, "town", f.town());
        if (f.withInactive()) {
            out.add("inactifs=1");
        }
        return out.toString();
    }

    private static void add(StringJoiner out, String name, String value) {
        if (value != null) {
            out.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }
}
