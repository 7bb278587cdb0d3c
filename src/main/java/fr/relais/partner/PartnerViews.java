package fr.relais.partner;

import fr.relais.reference.ReferenceData;
import fr.relais.site.Site;
import fr.relais.site.Sites;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.text.Collator;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** What the directory's search and entry pages show: labels in the page's language, rows ready for the templates. */
@Singleton
class PartnerViews {
    private final ReferenceData reference;
    private final Sites sites;
    private final OpeningHoursText hours;

    PartnerViews(ReferenceData reference, Sites sites, OpeningHoursText hours) {
        this.reference = reference;
        this.sites = sites;
        this.hours = hours;
    }

    /** A line of the search results; {@code siteName} is null for a network-wide entry. */
    record Row(long id, String name, String kind, @Nullable String town, @Nullable String phone,
               @Nullable String phoneLink, List<String> themes, @Nullable String siteName, boolean active) {
    }

    /** An entry's page; {@code access} holds message keys ("Téléphoner"…). */
    record Detail(long id, String name, String kind, @Nullable String siteName, @Nullable String address,
                  @Nullable String postcode, @Nullable String town, boolean hasAddress, @Nullable String phone,
                  @Nullable String phoneLink, @Nullable String email, @Nullable String website,
                  List<String> openingHours, List<String> themes, List<String> scopes, List<String> access,
                  List<String> bring, List<String> helperNotes, boolean active, @Nullable String source,
                  @Nullable String sourceId) {
    }

    List<Row> rows(List<PartnerSummary> found, Locale locale) {
        Map<Long, String> siteNames = siteNames();
        return found.stream().map(p -> new Row(p.id(), p.name(), reference.partnerKindLabel(p.kindCode(), locale),
                p.town(), p.phone(), p.phone() == null ? null : p.phone().replaceAll("[^+0-9]", ""),
                p.themeCodes().stream().map(c -> reference.themeLabel(c, locale)).toList(),
                p.siteId() == null ? null : siteNames.get(p.siteId()), p.active())).toList();
    }

    Detail detail(Partner p, PartnerLinks links, Locale locale) {
        return new Detail(p.id(), p.name(), reference.partnerKindLabel(p.kindCode(), locale), where(p.siteId()),
                p.address(), p.postcode(), p.town(), !p.addressLines().isEmpty(), p.phone(), p.phoneLink(), p.email(),
                p.website(), hours.lines(p.openingHours(), locale),
                links.themes().stream().map(c -> reference.themeLabel(c, locale)).toList(),
                links.scopes().stream().map(c -> reference.scopeLabel(c, locale)).toList(),
                links.access().stream().map(PartnerAccess::labelKey).toList(), p.whatToBringLines(),
                p.helperNotes() == null ? List.of()
                        : p.helperNotes().lines().map(String::strip).filter(l -> !l.isEmpty()).toList(),
                p.active(), p.source(), p.sourceId());
    }

    /** The towns of the entries one sees, for the search form's list (French order, each town once). */
    List<ReferenceData.Option> towns(Collection<PartnerSummary> visible) {
        Collator collator = Collator.getInstance(Locale.FRENCH);
        collator.setStrength(Collator.PRIMARY);
        TreeSet<String> towns = new TreeSet<>(collator);
        visible.stream().map(PartnerSummary::town).filter(t -> t != null && !t.isBlank()).forEach(towns::add);
        return towns.stream().map(t -> new ReferenceData.Option(t, t)).toList();
    }

    /** The library an entry belongs to, or null for a network-wide one. */
    @Nullable
    String where(@Nullable Long siteId) {
        return siteId == null ? null : siteNames().get(siteId);
    }

    private Map<Long, String> siteNames() {
        return sites.all().stream().collect(Collectors.toMap(Site::id, Site::name));
    }
}
