package fr.relais.partner;

import fr.relais.reference.ReferenceData;
import fr.relais.site.Site;
import fr.relais.site.Sites;
import jakarta.inject.Singleton;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** What the directory pages show: labels in the page's language, lists ready for the templates. */
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

    List<Map<String, Object>> rows(List<PartnerSummary> found, Locale locale) {
        Map<Long, String> siteNames = siteNames();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (PartnerSummary p : found) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", p.id());
            row.put("name", p.name());
            row.put("kind", reference.partnerKindLabel(p.kindCode(), locale));
            row.put("town", p.town());
            row.put("phone", p.phone());
            row.put("phoneLink", p.phone() == null ? null : p.phone().replaceAll("[^+0-9]", ""));
            row.put("themes", p.themeCodes().stream().map(c -> reference.themeLabel(c, locale)).toList());
            row.put("siteName", p.siteId() == null ? null : siteNames.get(p.siteId()));
            row.put("active", p.active());
            rows.add(row);
        }
        return rows;
    }

    Map<String, Object> detail(Partner p, PartnerLinks links, Locale locale) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("name", p.name());
        m.put("kind", reference.partnerKindLabel(p.kindCode(), locale));
        m.put("siteName", p.siteId() == null ? null : siteNames().get(p.siteId()));
        m.put("address", p.address());
        m.put("postcode", p.postcode());
        m.put("town", p.town());
        m.put("hasAddress", !p.addressLines().isEmpty());
        m.put("phone", p.phone());
        m.put("phoneLink", p.phoneLink());
        m.put("email", p.email());
        m.put("website", p.website());
        m.put("openingHours", hours.lines(p.openingHours(), locale));
        m.put("themes", links.themes().stream().map(c -> reference.themeLabel(c, locale)).toList());
        m.put("scopes", links.scopes().stream().map(c -> reference.scopeLabel(c, locale)).toList());
        m.put("access", links.access().stream().map(PartnerAccess::labelKey).toList());
        m.put("bring", p.whatToBringLines());
        m.put("helperNotes", p.helperNotes() == null ? List.of()
                : p.helperNotes().lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
        m.put("active", p.active());
        m.put("source", p.source());
        m.put("sourceId", p.sourceId());
        return m;
    }

    /** The towns of the entries one sees, for the search form's list (French order, each town once). */
    List<String> towns(Collection<PartnerSummary> visible) {
        Collator collator = Collator.getInstance(Locale.FRENCH);
        collator.setStrength(Collator.PRIMARY);
        TreeSet<String> towns = new TreeSet<>(collator);
        visible.stream().map(PartnerSummary::town).filter(t -> t != null && !t.isBlank()).forEach(towns::add);
        return new ArrayList<>(towns);
    }

    /** Checkboxes of a reference list, checked as typed. */
    List<Map<String, Object>> checks(List<ReferenceData.Option> options, List<String> checked) {
        return options.stream().map(o -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", o.code());
            m.put("label", o.label());
            m.put("checked", checked.contains(o.code()));
            return m;
        }).toList();
    }

    List<Map<String, Object>> accessChecks(List<String> checked) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (PartnerAccess a : PartnerAccess.values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", a.name());
            m.put("labelKey", a.labelKey());
            m.put("checked", checked.contains(a.name()));
            list.add(m);
        }
        return list;
    }

    /** The library an entry belongs to, or null for a network-wide one. */
    String where(Long siteId) {
        return siteId == null ? null : siteNames().get(siteId);
    }

    private Map<Long, String> siteNames() {
        Map<Long, String> names = new LinkedHashMap<>();
        for (Site s : sites.all()) {
            names.put(s.id(), s.name());
        }
        return names;
    }
}
