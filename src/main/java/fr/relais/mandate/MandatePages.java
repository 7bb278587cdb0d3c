package fr.relais.mandate;

import fr.relais.reference.ProcedureScope;
import fr.relais.reference.ReferenceData;
import fr.relais.security.CurrentStaff;
import fr.relais.security.ShortCodes;
import fr.relais.site.Site;
import fr.relais.site.Sites;
import fr.relais.staff.StaffDirectory;
import fr.relais.web.DateWords;
import fr.relais.web.Messages;
import fr.relais.web.Page;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The mandate pages' models, shared by the desk's three controllers (reading, drafting, revoking), and the print. */
@Singleton
class MandatePages {
    static final String LIST = "mandate/list";
    static final String FORM = "mandate/form";
    static final String DETAIL = "mandate/detail";
    static final String REVOKE = "mandate/revoke";
    static final String VERIFY = "mandate/verify";

    private final Mandates mandates;
    private final Sites sites;
    private final StaffDirectory staff;
    private final ReferenceData reference;
    private final Messages messages;

    MandatePages(Mandates mandates, Sites sites, StaffDirectory staff, ReferenceData reference, Messages messages) {
        this.mandates = mandates;
        this.sites = sites;
        this.staff = staff;
        this.reference = reference;
        this.messages = messages;
    }

    /** A mandate as the summary and the tables show it; dates in words. */
    record Row(long id, long siteId, String name, String state, String stateKey, boolean notStarted, String start,
               String end, String durationKey, String purpose, String code, @Nullable String revocationKey,
               @Nullable String revocationReason, List<ScopeRow> scopes, List<String> activeScopes) {
    }

    /** One procedure of a mandate; {@code supersededBy}: the newer mandate that took it over. */
    record ScopeRow(String label, @Nullable String examples, boolean current, @Nullable Long supersededBy) {
    }

    /**
     * A radio button or check box of {@code partials/choices}; {@code optionId} when its id does not end with the
     * code, {@code optionHint} a line read with it.
     */
    record Choice(String code, String label, boolean checked, @Nullable String optionId, @Nullable String optionHint) {
    }

    /** One of the five confirmations, each a check box with its own message. */
    record Confirmation(String name, String key, boolean checked, @Nullable String error) {
    }

    /** A mandate's page. */
    static String path(Mandate m) {
        return "/mandats/" + m.siteId() + "/" + m.id();
    }

    Page form(Site site, MandateForm form, Map<String, String> errors, Locale locale) {
        List<Choice> scopes = reference.scopes(locale).stream().map(o -> new Choice(o.code(), o.label(),
                form.checkedScopes().contains(o.code()), null, examples(o.code()))).toList();
        List<Choice> durations = Mandates.DURATIONS.stream().map(String::valueOf).map(d -> new Choice(d,
                messages.get(locale, "mandate.duration." + d), d.equals(form.durationDays()), null, null)).toList();
        List<Confirmation> confirmations = MandateForm.CONFIRMATIONS.stream().map(c -> new Confirmation(c,
                "mandate.confirm." + c, form.confirmed(c), errors.get(c))).toList();
        return Page.of(FORM).title("mandate.new.title").with("site", site).with("form", form).with("errors", errors)
                .with("scopes", scopes).with("durations", durations).with("confirmations", confirmations)
                .with("confirmationsMissing", MandateForm.CONFIRMATIONS.stream().anyMatch(errors::containsKey));
    }

    Page detail(CurrentStaff me, Site site, Mandate m, Locale locale) {
        MandateState state = m.state(sites.today(site));
        boolean drafting = MandateAccess.canDraft(me, site);
        boolean revoking = MandateAccess.canRevoke(me, site);
        boolean open = state == MandateState.DRAFT || state == MandateState.ACTIVE;
        return Page.of(DETAIL).title("mandate.detail.title").with("site", site).with("mandate", row(m, site, locale))
                .with("canPrint", drafting)
                .with("canSign", drafting && state == MandateState.DRAFT)
                .with("canRevoke", open && revoking)
                .with("canPrintRevocation", revoking && m.hasRevocationSheet())
                .with("draftedBy", staff.name(m.draftedBy()));
    }

    Page revoke(Site site, Mandate m, RevocationForm form, Map<String, String> errors, Locale locale) {
        List<Choice> by = List.of(RevocationKind.USER, RevocationKind.SITE).stream().map(k -> new Choice(k.name(),
                messages.get(locale, "mandate.revoke.by." + k.name()), k.name().equals(form.by()),
                k.name().toLowerCase(Locale.ROOT), null)).toList();
        return Page.of(REVOKE).title("mandate.revoke.title").with("site", site).with("mandate", row(m, site, locale))
                .with("form", form).with("errors", errors).with("by", by);
    }

    List<Row> rows(List<Mandate> found, Site site, Locale locale) {
        Map<Long, List<MandateScope>> scopes = mandates.scopesOf(found.stream().map(Mandate::id).toList());
        return found.stream().map(m -> row(m, site, locale, scopes.getOrDefault(m.id(), List.of()))).toList();
    }

    Row row(Mandate m, Site site, Locale locale) {
        return row(m, site, locale, mandates.scopesOf(m.id()));
    }

    private Row row(Mandate m, Site site, Locale locale, List<MandateScope> scopes) {
        LocalDate today = sites.today(site);
        MandateState state = m.state(today);
        List<ScopeRow> scopeRows = scopes.stream().map(s -> new ScopeRow(reference.scopeLabel(s.scopeCode(), locale),
                examples(s.scopeCode()), s.current(), s.supersededBy())).toList();
        List<String> active = state != MandateState.ACTIVE ? List.of() : scopes.stream().filter(MandateScope::current)
                .map(s -> reference.scopeLabel(s.scopeCode(), locale)).toList();
        return new Row(m.id(), m.siteId(), m.fullName(), state.name(), "mandate.state." + state.name(),
                state == MandateState.ACTIVE && m.startDate().isAfter(today),
                DateWords.longDate(m.startDate(), locale), DateWords.longDate(m.endDate(), locale),
                "mandate.duration." + m.durationDays(), m.purpose(), ShortCodes.display(m.verificationCode()),
                m.revocationKind() == null ? null : "mandate.revokedBy." + m.revocationKind(), m.revocationReason(),
                scopeRows, active);
    }

    /** What the printed mandate says, in the reader's language. */
    MandatePrint print(Site site, Mandate m, Locale locale) {
        List<MandatePrint.ScopeLine> lines = mandates.scopesOf(m.id()).stream()
                .map(s -> new MandatePrint.ScopeLine(reference.scopeLabel(s.scopeCode(), locale), examples(s.scopeCode())))
                .toList();
        return new MandatePrint(site.name(), List.of(site.addressLine(), site.postcode() + " " + site.town()),
                site.phone(), site.town(), m.firstName(), m.lastName(), staff.name(m.draftedBy()), lines, m.purpose(),
                m.durationDays(), m.startDate(), m.endDate(), ShortCodes.display(m.verificationCode()),
                sites.today(site));
    }

    /** What the revocation sheet says: the mandate, who ended it, why, and from when. */
    RevocationPrint revocation(Site site, Mandate m, Locale locale) {
        return new RevocationPrint(print(site, m, locale), RevocationKind.USER.name().equals(m.revocationKind()),
                m.revocationReason(), m.revokedAt().atZone(site.zone()).toLocalDate());
    }

    private @Nullable String examples(String scopeCode) {
        return reference.scope(scopeCode).map(ProcedureScope::examplesFr).orElse(null);
    }
}
