package fr.relais.partner;

import fr.relais.reference.ReferenceData;
import fr.relais.security.CurrentStaff;
import fr.relais.site.Site;
import fr.relais.site.Sites;
import fr.relais.security.Role;
import fr.relais.web.Forms;
import fr.relais.web.NotFoundException;
import fr.relais.web.Page;
import fr.relais.web.Text;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The partner directory. Every signed-in person searches it and opens an entry (helpers refer people); an entry of
 * another library answers 404 like an unknown one. Directors manage their libraries' entries, coordination and
 * administration every entry, network-wide ones included; an entry one may see but not manage also answers 404 on
 * the management routes. Entries are deactivated, never deleted.
 */
@Controller("/partenaires")
@Produces(MediaType.TEXT_HTML)
@Secured({"HELPER", "DIRECTOR", "COORDINATOR", "ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
class PartnerController {
    static final String SEARCH_VIEW = "partner/search";
    static final String DETAIL_VIEW = "partner/detail";
    static final String FORM_VIEW = "partner/form";
    private final Partners partners;
    private final PartnerViews views;
    private final PartnerCsv csv;
    private final ReferenceData reference;
    private final Sites sites;
    private final Forms forms;

    PartnerController(Partners partners, PartnerViews views, PartnerCsv csv, ReferenceData reference, Sites sites, Forms forms) {
        this.partners = partners;
        this.views = views;
        this.csv = csv;
        this.reference = reference;
        this.sites = sites;
        this.forms = forms;
    }

    @Get
    MutableHttpResponse<?> search(@Nullable @QueryValue String q, @Nullable @QueryValue String kind,
                                  @Nullable @QueryValue String theme, @Nullable @QueryValue String scope,
                                  @Nullable @QueryValue String town, @Nullable @QueryValue String inactifs,
                                  Authentication authentication, HttpRequest<?> request) {
        CurrentStaff me = CurrentStaff.of(authentication);
        Locale locale = forms.locale(request);
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
    @Produces("text/csv")
    MutableHttpResponse<byte[]> export(@Nullable @QueryValue String q, @Nullable @QueryValue String kind,
                                       @Nullable @QueryValue String theme, @Nullable @QueryValue String scope,
                                       @Nullable @QueryValue String town, @Nullable @QueryValue String inactifs,
                                       Authentication authentication, HttpRequest<?> request) {
        CurrentStaff me = CurrentStaff.of(authentication);
        PartnerFilter filter = filter(me, q, kind, theme, scope, town, inactifs);
        byte[] file = csv.write(partners.find(me, filter), forms.locale(request));
        return HttpResponse.ok(file).contentType(new MediaType("text/csv; charset=utf-8"))
                .header("Content-Disposition", "attachment; filename=\"partenaires.csv\"");
    }

    @Get("/{id}")
    MutableHttpResponse<?> detail(long id, Authentication authentication, HttpRequest<?> request) {
        CurrentStaff me = CurrentStaff.of(authentication);
        Partner partner = partners.visibleTo(me, id).orElseThrow(NotFoundException::new);
        return Page.of(DETAIL_VIEW).title("partner.detail.title")
                .with("pageTitle", partner.name())
                .with("p", views.detail(partner, partners.links(partner), forms.locale(request)))
                .with("canManage", Partners.canManage(me, partner.siteId()))
                .ok();
    }

    @Get("/nouveau")
    @Secured({"DIRECTOR", "COORDINATOR", "ADMIN"})
    MutableHttpResponse<?> newForm(Authentication authentication, HttpRequest<?> request) {
        CurrentStaff me = CurrentStaff.of(authentication);
        List<Site> own = creatableSites(me);
        if (!Partners.canCreate(me)) {
            throw new NotFoundException();
        }
        String defaultSite = me.role().belongsToSites() && !own.isEmpty() ? String.valueOf(own.get(0).id()) : "";
        return formPage(me, null, PartnerForm.empty(defaultSite), Map.of(), forms.locale(request)).ok();
    }

    @Post("/nouveau")
    @Secured({"DIRECTOR", "COORDINATOR", "ADMIN"})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> create(@Body PartnerForm form, Authentication authentication, HttpRequest<?> request) {
        CurrentStaff me = CurrentStaff.of(authentication);
        if (!Partners.canCreate(me)) {
            throw new NotFoundException();
        }
        Forms.Errors errors = validate(form, request);
        Long siteId = chosenSite(me, form.siteId(), errors);
        if (!errors.isEmpty()) {
            return formPage(me, null, form, errors.asMap(), forms.locale(request)).invalid();
        }
        Partner created = partners.create(entry(form, null, siteId, null, null, true), links(form));
        return Page.seeOther("/partenaires/" + created.id() + "?enregistre=1");
    }

    @Get("/{id}/modification")
    @Secured({"DIRECTOR", "COORDINATOR", "ADMIN"})
    MutableHttpResponse<?> editForm(long id, Authentication authentication, HttpRequest<?> request) {
        CurrentStaff me = CurrentStaff.of(authentication);
        Partner partner = partners.manageableBy(me, id).orElseThrow(NotFoundException::new);
        return formPage(me, partner, PartnerForm.of(partner, partners.links(partner)), Map.of(), forms.locale(request)).ok();
    }

    @Post("/{id}/modification")
    @Secured({"DIRECTOR", "COORDINATOR", "ADMIN"})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> update(long id, @Body PartnerForm form, Authentication authentication, HttpRequest<?> request) {
        CurrentStaff me = CurrentStaff.of(authentication);
        Partner partner = partners.manageableBy(me, id).orElseThrow(NotFoundException::new);
        Forms.Errors errors = validate(form, request);
        if (!errors.isEmpty()) {
            return formPage(me, partner, form, errors.asMap(), forms.locale(request)).invalid();
        }
        // Where an entry belongs and where it was imported from do not change here.
        partners.update(entry(form, partner.id(), partner.siteId(), partner.source(), partner.sourceId(), partner.active()),
                links(form));
        return Page.seeOther("/partenaires/" + partner.id() + "?enregistre=1");
    }

    @Post("/{id}/desactivation")
    @Secured({"DIRECTOR", "COORDINATOR", "ADMIN"})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> deactivate(long id, Authentication authentication) {
        return setActive(id, false, authentication);
    }

    @Post("/{id}/reactivation")
    @Secured({"DIRECTOR", "COORDINATOR", "ADMIN"})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> reactivate(long id, Authentication authentication) {
        return setActive(id, true, authentication);
    }

    private MutableHttpResponse<?> setActive(long id, boolean active, Authentication authentication) {
        CurrentStaff me = CurrentStaff.of(authentication);
        Partner partner = partners.manageableBy(me, id).orElseThrow(NotFoundException::new);
        partners.setActive(partner, active);
        return Page.seeOther("/partenaires/" + partner.id() + "?enregistre=1");
    }

    // ---------------------------------------------------------------- helpers

    private PartnerFilter filter(CurrentStaff me, String q, String kind, String theme, String scope, String town,
                                 String inactive) {
        boolean withInactive = me.role() != Role.HELPER && "1".equals(inactive);
        return new PartnerFilter(q, kind, theme, scope, town, withInactive);
    }

    /** The filter as a query string, for the export link: the export lists what the page lists. */
    static String query(PartnerFilter f) {
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

    private Forms.Errors validate(PartnerForm form, HttpRequest<?> request) {
        Forms.Errors errors = forms.validate(form, request);
        PartnerEntries.codeErrors(form, reference).forEach(errors::add);
        return errors;
    }

    /**
     * Where a new entry belongs: a director's library (chosen among theirs when they have several); for coordination
     * and administration the whole network ("") or one library.
     */
    private Long chosenSite(CurrentStaff me, String typed, Forms.Errors errors) {
        String value = Text.blankToNull(typed);
        if (value == null) {
            if (me.role().belongsToSites()) {
                errors.add("siteId", "partner.error.site");
            }
            return null;
        }
        Optional<Site> site = creatableSites(me).stream().filter(s -> String.valueOf(s.id()).equals(value)).findFirst();
        if (site.isEmpty()) {
            errors.add("siteId", "error.choice");
            return null;
        }
        return site.get().id();
    }

    /** The libraries this person may create a site-local entry for. */
    private List<Site> creatableSites(CurrentStaff me) {
        return me.role() == Role.HELPER ? List.of() : sites.visibleTo(me);
    }

    private Partner entry(PartnerForm f, Long id, Long siteId, String source, String sourceId, boolean active) {
        return PartnerEntries.toPartner(f, id, siteId, source, sourceId, active, partners.now());
    }

    private static PartnerLinks links(PartnerForm f) {
        return PartnerEntries.links(f);
    }

    private Page formPage(CurrentStaff me, Partner partner, PartnerForm form, Map<String, String> errors, Locale locale) {
        Page page = Page.of(FORM_VIEW).title(partner == null ? "partner.new.title" : "partner.edit.title")
                .with("partner", partner)
                .with("form", form)
                .with("errors", errors)
                .with("kinds", reference.partnerKinds(locale))
                .with("themes", views.checks(reference.themes(locale), form.checkedThemes()))
                .with("scopes", views.checks(reference.scopes(locale), form.checkedScopes()))
                .with("access", views.accessChecks(form.checkedAccess()));
        if (partner == null) {
            List<Map<String, Object>> choices = new ArrayList<>();
            if (!me.role().belongsToSites()) {
                choices.add(choice("", null, "partner.scope.network", form.siteId()));
            }
            for (Site s : creatableSites(me)) {
                choices.add(choice(String.valueOf(s.id()), s.name(), null, form.siteId()));
            }
            page.with("siteChoices", choices).with("chooseSite", choices.size() > 1)
                    .with("onlySite", choices.size() == 1 ? choices.get(0) : null);
        } else {
            page.with("where", views.where(partner.siteId()));
        }
        return page;
    }

    private static Map<String, Object> choice(String value, String name, String labelKey, String selected) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", value);
        m.put("name", name);
        m.put("labelKey", labelKey);
        m.put("selected", value.equals(Text.orEmpty(selected == null ? null : selected.strip())));
        return m;
    }
}
