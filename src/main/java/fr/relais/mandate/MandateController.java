package fr.relais.mandate;

import fr.relais.staff.StaffDirectory;
import fr.relais.reference.ProcedureScope;
import fr.relais.reference.ReferenceData;
import fr.relais.security.CurrentStaff;
import fr.relais.security.ShortCodes;
import fr.relais.site.Site;
import fr.relais.site.Sites;
import fr.relais.security.Role;
import fr.relais.web.Forms;
import fr.relais.web.NotFoundException;
import fr.relais.web.Page;
import fr.relais.web.Text;
import fr.relais.web.TypedValues;
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
import io.micronaut.security.authentication.AuthorizationException;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Mandates at the desk of one site. Helpers and directors of the site search, read and check codes; only
 * habilitated helpers draft, print and record signatures; habilitated helpers and directors revoke.
 * Network roles do not see mandates: they hold names. Another site's mandate answers like an unknown one.
 */
@Controller("/mandats")
@Produces(MediaType.TEXT_HTML)
@Secured({"HELPER", "DIRECTOR"})
@ExecuteOn(TaskExecutors.BLOCKING)
class MandateController {
    static final String LIST = "mandate/list";
    static final String FORM = "mandate/form";
    static final String DETAIL = "mandate/detail";
    static final String REVOKE = "mandate/revoke";
    static final String VERIFY = "mandate/verify";

    private final Mandates mandates;
    private final MandateDocuments documents;
    private final Sites sites;
    private final StaffDirectory staff;
    private final ReferenceData reference;
    private final Forms forms;

    MandateController(Mandates mandates, MandateDocuments documents, Sites sites, StaffDirectory staff,
                      ReferenceData reference, Forms forms) {
        this.mandates = mandates;
        this.documents = documents;
        this.sites = sites;
        this.staff = staff;
        this.reference = reference;
        this.forms = forms;
    }

    /** The first of one's sites. */
    @Get
    MutableHttpResponse<?> start(Authentication authentication) {
        CurrentStaff me = CurrentStaff.of(authentication);
        return sites.visibleTo(me).stream().findFirst()
                .<MutableHttpResponse<?>>map(s -> Page.seeOther("/mandats/" + s.id()))
                .orElseThrow(NotFoundException::new);
    }

    @Get("/{siteId}")
    MutableHttpResponse<?> list(long siteId, @Nullable @QueryValue String nom, Authentication authentication,
                                HttpRequest<?> request) {
        CurrentStaff me = CurrentStaff.of(authentication);
        Site site = sites.manageable(me, siteId);
        Locale locale = forms.locale(request);
        String typed = nom == null ? "" : nom.length() > 120 ? nom.substring(0, 120) : nom;
        Page page = Page.of(LIST).title("mandate.list.title").with("site", site)
                .with("sites", sites.visibleTo(me))
                .with("canDraft", canDraft(me, site))
                .with("nom", typed)
                .with("searched", !typed.isBlank())
                .with("expiring", rows(mandates.expiringSoon(site), site, locale));
        if (!typed.isBlank()) {
            page.with("results", rows(mandates.search(site.id(), typed), site, locale));
        }
        return page.ok();
    }

    @Get("/{siteId}/nouveau")
    MutableHttpResponse<?> blank(long siteId, Authentication authentication, HttpRequest<?> request) {
        Site site = draftingSite(authentication, siteId);
        return form(site, MandateForm.empty(sites.today(site)), Map.of(), forms.locale(request)).ok();
    }

    @Post("/{siteId}/nouveau")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> draft(long siteId, @Body MandateForm form, Authentication authentication,
                                 HttpRequest<?> request) {
        Site site = draftingSite(authentication, siteId);
        Forms.Errors errors = forms.validate(form, request);
        Mandates.Draft draft = form.parse(sites.today(site), reference, errors);
        if (draft == null) {
            return form(site, form, errors.asMap(), forms.locale(request)).invalid();
        }
        Mandate saved = mandates.draft(site.id(), CurrentStaff.of(authentication).id(), draft);
        return Page.seeOther(path(saved) + "?enregistre=1");
    }

    @Get("/{siteId}/{mandateId}")
    MutableHttpResponse<?> detail(long siteId, long mandateId, Authentication authentication, HttpRequest<?> request) {
        CurrentStaff me = CurrentStaff.of(authentication);
        Site site = sites.manageable(me, siteId);
        Mandate m = mandates.find(site.id(), mandateId).orElseThrow(NotFoundException::new);
        mandates.opened(m, me.id());
        return detailPage(me, site, m, forms.locale(request)).ok();
    }

    @Get(value = "/{siteId}/{mandateId}/mandat.pdf", produces = "application/pdf")
    HttpResponse<byte[]> print(long siteId, long mandateId, Authentication authentication, HttpRequest<?> request) {
        Site site = draftingSite(authentication, siteId);
        Mandate m = mandates.find(site.id(), mandateId).orElseThrow(NotFoundException::new);
        mandates.printed(m, CurrentStaff.of(authentication).id());
        byte[] pdf = documents.mandate(print(site, m, forms.locale(request)), forms.locale(request));
        return pdf(pdf, "mandat-" + m.id() + ".pdf");
    }

    @Post("/{siteId}/{mandateId}/signature")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> signed(long siteId, long mandateId, Authentication authentication, HttpRequest<?> request) {
        Site site = draftingSite(authentication, siteId);
        CurrentStaff me = CurrentStaff.of(authentication);
        Mandate m = mandates.find(site.id(), mandateId).orElseThrow(NotFoundException::new);
        if (mandates.activate(m, me.id()).isEmpty()) {
            return detailPage(me, site, m, forms.locale(request)).with("actionError", "mandate.error.notDraft")
                    .status(io.micronaut.http.HttpStatus.CONFLICT);
        }
        return Page.seeOther(path(m) + "?enregistre=1");
    }

    @Get("/{siteId}/{mandateId}/revocation")
    MutableHttpResponse<?> revocationForm(long siteId, long mandateId, Authentication authentication,
                                          HttpRequest<?> request) {
        Site site = revokingSite(authentication, siteId);
        Mandate m = mandates.find(site.id(), mandateId).orElseThrow(NotFoundException::new);
        return revokePage(site, m, RevocationForm.empty(), Map.of(), forms.locale(request)).ok();
    }

    @Post("/{siteId}/{mandateId}/revocation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> revoke(long siteId, long mandateId, @Body RevocationForm form,
                                  Authentication authentication, HttpRequest<?> request) {
        Site site = revokingSite(authentication, siteId);
        CurrentStaff me = CurrentStaff.of(authentication);
        Mandate m = mandates.find(site.id(), mandateId).orElseThrow(NotFoundException::new);
        Forms.Errors errors = forms.validate(form, request);
        RevocationKind kind = form.kind(errors);
        if (!errors.isEmpty()) {
            return revokePage(site, m, form, errors.asMap(), forms.locale(request)).invalid();
        }
        if (mandates.revoke(m, me.id(), kind, form.cleanReason()).isEmpty()) {
            return detailPage(me, site, m, forms.locale(request)).with("actionError", "mandate.error.ended")
                    .status(io.micronaut.http.HttpStatus.CONFLICT);
        }
        return Page.seeOther(path(m) + "?enregistre=1");
    }

    @Get(value = "/{siteId}/{mandateId}/revocation.pdf", produces = "application/pdf")
    HttpResponse<byte[]> printRevocation(long siteId, long mandateId, Authentication authentication,
                                         HttpRequest<?> request) {
        Site site = revokingSite(authentication, siteId);
        Mandate m = mandates.find(site.id(), mandateId).orElseThrow(NotFoundException::new);
        if (m.revocationKind() == null || RevocationKind.SUPERSEDED.name().equals(m.revocationKind())) {
            throw new NotFoundException();
        }
        Locale locale = forms.locale(request);
        RevocationPrint sheet = new RevocationPrint(print(site, m, locale),
                RevocationKind.USER.name().equals(m.revocationKind()), m.revocationReason(),
                m.revokedAt().atZone(site.zone()).toLocalDate());
        return pdf(documents.revocation(sheet, locale), "revocation-mandat-" + m.id() + ".pdf");
    }

    @Get("/{siteId}/verification")
    MutableHttpResponse<?> verify(long siteId, @Nullable @QueryValue String code, Authentication authentication,
                                  HttpRequest<?> request) {
        CurrentStaff me = CurrentStaff.of(authentication);
        Site site = sites.manageable(me, siteId);
        Locale locale = forms.locale(request);
        Page page = Page.of(VERIFY).title("mandate.verify.title").with("site", site).with("code", Text.orEmpty(code));
        if (code == null || code.isBlank()) {
            return page.ok();
        }
        Optional<String> normalized = ShortCodes.normalize(code, Mandates.CODE_LENGTH);
        if (normalized.isEmpty()) {
            return page.with("errors", forms.errors(request).add("code", "mandate.error.code").asMap()).invalid();
        }
        Optional<Mandate> found = mandates.byCode(site.id(), normalized.get());
        if (found.isEmpty()) {
            return page.with("notFound", true).ok();
        }
        mandates.checked(found.get(), me.id());
        return page.with("result", row(found.get(), site, locale, mandates.scopesOf(found.get().id()))).ok();
    }

    // ---------------------------------------------------------------- access rules

    private static boolean canDraft(CurrentStaff me, Site site) {
        return me.role() == Role.HELPER && me.mandateHabilitated() && me.siteIds().contains(site.id());
    }

    /** Drafting, printing and recording a signature: habilitated helpers of the site. */
    private Site draftingSite(Authentication authentication, long siteId) {
        CurrentStaff me = CurrentStaff.of(authentication);
        Site site = sites.manageable(me, siteId);
        if (!canDraft(me, site)) {
            throw new AuthorizationException(authentication);
        }
        return site;
    }

    /** Revoking: habilitated helpers and directors of the site. */
    private Site revokingSite(Authentication authentication, long siteId) {
        CurrentStaff me = CurrentStaff.of(authentication);
        Site site = sites.manageable(me, siteId);
        if (!canDraft(me, site) && me.role() != Role.DIRECTOR) {
            throw new AuthorizationException(authentication);
        }
        return site;
    }

    // ---------------------------------------------------------------- pages

    private static String path(Mandate m) {
        return "/mandats/" + m.siteId() + "/" + m.id();
    }

    private static HttpResponse<byte[]> pdf(byte[] pdf, String fileName) {
        return HttpResponse.ok(pdf).contentType("application/pdf")
                .header("Content-Disposition", "inline; filename=\"" + fileName + "\"");
    }

    private Page form(Site site, MandateForm form, Map<String, String> errors, Locale locale) {
        List<Map<String, Object>> scopes = reference.scopes(locale).stream().map(o -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", o.code());
            m.put("label", o.label());
            m.put("examples", reference.scope(o.code()).map(ProcedureScope::examplesFr).orElse(null));
            m.put("checked", form.checkedScopes().contains(o.code()));
            return m;
        }).toList();
        List<Map<String, Object>> durations = Mandates.DURATIONS.stream().map(d -> Map.<String, Object>of(
                "value", String.valueOf(d), "key", "mandate.duration." + d,
                "checked", String.valueOf(d).equals(form.durationDays()))).toList();
        List<Map<String, Object>> confirmations = MandateForm.CONFIRMATIONS.stream().map(c -> Map.<String, Object>of(
                "name", c, "key", "mandate.confirm." + c, "checked", form.confirmed(c),
                "error", Text.orEmpty(errors.get(c)))).toList();
        return Page.of(FORM).title("mandate.new.title").with("site", site).with("form", form).with("errors", errors)
                .with("scopes", scopes).with("durations", durations).with("confirmations", confirmations)
                .with("confirmationsMissing", MandateForm.CONFIRMATIONS.stream().anyMatch(errors::containsKey));
    }

    private Page detailPage(CurrentStaff me, Site site, Mandate m, Locale locale) {
        Map<String, Object> row = row(m, site, locale, mandates.scopesOf(m.id()));
        MandateState state = m.state(sites.today(site));
        boolean drafting = canDraft(me, site);
        boolean open = state == MandateState.DRAFT || state == MandateState.ACTIVE;
        return Page.of(DETAIL).title("mandate.detail.title").with("site", site).with("mandate", row)
                .with("canPrint", drafting)
                .with("canSign", drafting && state == MandateState.DRAFT)
                .with("canRevoke", open && (drafting || me.role() == Role.DIRECTOR))
                .with("canPrintRevocation", (drafting || me.role() == Role.DIRECTOR) && m.revocationKind() != null
                        && !RevocationKind.SUPERSEDED.name().equals(m.revocationKind()))
                .with("draftedBy", staff.name(m.draftedBy()));
    }

    private Page revokePage(Site site, Mandate m, RevocationForm form, Map<String, String> errors, Locale locale) {
        return Page.of(REVOKE).title("mandate.revoke.title").with("site", site)
                .with("mandate", row(m, site, locale, mandates.scopesOf(m.id())))
                .with("form", form).with("errors", errors);
    }

    private List<Map<String, Object>> rows(List<Mandate> found, Site site, Locale locale) {
        Map<Long, List<MandateScope>> scopes = mandates.scopesOf(found.stream().map(Mandate::id).toList());
        return found.stream().map(m -> row(m, site, locale, scopes)).toList();
    }

    private Map<String, Object> row(Mandate m, Site site, Locale locale, Map<Long, List<MandateScope>> scopes) {
        return row(m, site, locale, scopes.getOrDefault(m.id(), List.of()));
    }

    private Map<String, Object> row(Mandate m, Site site, Locale locale, List<MandateScope> scopes) {
        LocalDate today = sites.today(site);
        MandateState state = m.state(today);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", m.id());
        row.put("siteId", m.siteId());
        row.put("name", m.fullName());
        row.put("state", state.name());
        row.put("stateKey", "mandate.state." + state.name());
        row.put("notStarted", state == MandateState.ACTIVE && m.startDate().isAfter(today));
        row.put("start", longDate(m.startDate(), locale));
        row.put("end", longDate(m.endDate(), locale));
        row.put("durationKey", "mandate.duration." + m.durationDays());
        row.put("purpose", m.purpose());
        row.put("code", ShortCodes.display(m.verificationCode()));
        row.put("revocationKey", m.revocationKind() == null ? null : "mandate.revokedBy." + m.revocationKind());
        row.put("revocationReason", m.revocationReason());
        row.put("scopes", scopes.stream().map(s -> {
            Map<String, Object> scope = new LinkedHashMap<>();
            scope.put("label", reference.scopeLabel(s.scopeCode(), locale));
            scope.put("examples", reference.scope(s.scopeCode()).map(ProcedureScope::examplesFr).orElse(null));
            scope.put("current", s.current());
            scope.put("supersededBy", s.supersededBy());
            return scope;
        }).toList());
        row.put("activeScopes", state == MandateState.ACTIVE
                ? scopes.stream().filter(MandateScope::current).map(s -> reference.scopeLabel(s.scopeCode(), locale))
                .toList() : List.of());
        return row;
    }

    private static String longDate(LocalDate date, Locale locale) {
        return date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
    }

    private MandatePrint print(Site site, Mandate m, Locale locale) {
        List<MandatePrint.ScopeLine> lines = mandates.scopesOf(m.id()).stream()
                .map(s -> new MandatePrint.ScopeLine(reference.scopeLabel(s.scopeCode(), locale),
                        reference.scope(s.scopeCode()).map(ProcedureScope::examplesFr).orElse("")))
                .toList();
        return new MandatePrint(site.name(), List.of(site.addressLine(), site.postcode() + " " + site.town()),
                site.phone(), site.town(), m.firstName(), m.lastName(),
                staff.name(m.draftedBy()), lines, m.purpose(),
                m.durationDays(), m.startDate(), m.endDate(), ShortCodes.display(m.verificationCode()),
                sites.today(site));
    }
}
