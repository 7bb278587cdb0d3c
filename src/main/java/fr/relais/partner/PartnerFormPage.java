package fr.relais.partner;

import fr.relais.reference.ReferenceData;
import fr.relais.security.CurrentStaff;
import fr.relais.site.Site;
import fr.relais.web.Messages;
import fr.relais.web.Page;
import fr.relais.web.Text;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A directory entry's form, new or edited: the lists of codes with their boxes ticked as typed. */
@Singleton
class PartnerFormPage {
    static final String VIEW = "partner/form";
    private final ReferenceData reference;
    private final EntrySites entrySites;
    private final PartnerViews views;
    private final Messages messages;

    PartnerFormPage(ReferenceData reference, EntrySites entrySites, PartnerViews views, Messages messages) {
        this.reference = reference;
        this.entrySites = entrySites;
        this.views = views;
        this.messages = messages;
    }

    /** A box of one of the form's groups ({@code partials/choices}). */
    record Check(String code, String label, boolean checked) {
    }

    /** {@code partner}: the entry edited, or null for a new one (where it belongs is then chosen). */
    Page page(CurrentStaff me, @Nullable Partner partner, PartnerForm form, Map<String, String> errors, Locale locale) {
        Page page = Page.of(VIEW).title(partner == null ? "partner.new.title" : "partner.edit.title")
                .with("partner", partner)
                .with("form", form)
                .with("errors", errors)
                .with("kinds", reference.partnerKinds(locale))
                .with("themes", checks(reference.themes(locale), form.checkedThemes()))
                .with("scopes", checks(reference.scopes(locale), form.checkedScopes()))
                .with("access", Arrays.stream(PartnerAccess.values()).map(a -> new Check(a.name(),
                        messages.get(locale, a.labelKey()), form.checkedAccess().contains(a.name()))).toList());
        if (partner != null) {
            return page.with("where", views.where(partner.siteId()));
        }
        List<ReferenceData.Option> choices = new ArrayList<>();
        if (!me.role().belongsToSites()) {
            choices.add(new ReferenceData.Option("", messages.get(locale, "partner.scope.network")));
        }
        for (Site s : entrySites.creatable(me)) {
            choices.add(new ReferenceData.Option(String.valueOf(s.id()), s.name()));
        }
        return page.with("siteChoices", choices).with("chooseSite", choices.size() > 1)
                .with("onlySite", choices.size() == 1 ? choices.get(0) : null)
                .with("chosenSite", Text.orEmpty(Text.blankToNull(form.siteId())));
    }

    private static List<Check> checks(List<ReferenceData.Option> options, List<String> checked) {
        return options.stream().map(o -> new Check(o.code(), o.label(), checked.contains(o.code()))).toList();
    }
}
