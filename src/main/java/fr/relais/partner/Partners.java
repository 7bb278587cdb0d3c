package fr.relais.partner;

import fr.relais.reference.ReferenceData;
import fr.relais.security.CurrentStaff;
import fr.relais.security.Role;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.text.Collator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The partner directory. Two ways in:
 * <ul>
 *   <li>for other features, from a library: {@link #visibleFrom(long)}, {@link #search(long, PartnerFilter)},
 *       {@link #visible(long, long)} — active entries, network-wide or of that library;</li>
 *   <li>for the directory pages, from a signed-in person: network-wide entries and those of their own libraries
 *       (all for coordination and administration); inactive ones only for those who manage them.</li>
 * </ul>
 * Entries are never deleted (accompaniments point at them): they are deactivated.
 */
@Singleton
public class Partners {
    private final PartnerRepository partners;
    private final ReferenceData reference;
    private final Clock clock;
    private final Collator collator;

    Partners(PartnerRepository partners, ReferenceData reference, Clock clock) {
        this.partners = partners;
        this.reference = reference;
        this.clock = clock;
        // French order, whatever the database's collation: "Écrivain public" between "CPAM" and "France Services".
        this.collator = Collator.getInstance(Locale.FRENCH);
        this.collator.setStrength(Collator.SECONDARY);
    }

    // ---------------------------------------------------------------- from a library (other features)

    /** The active entries a library refers people to: network-wide ones and its own, by name. */
    public List<PartnerSummary> visibleFrom(long siteId) {
        return search(siteId, PartnerFilter.NONE);
    }

    /** {@link #visibleFrom(long)} narrowed by a filter (inactive entries are never included here). */
    public List<PartnerSummary> search(long siteId, PartnerFilter filter) {
        List<Partner> found = new ArrayList<>(partners.findBySiteIdIsNull());
        found.addAll(partners.findBySiteIdIn(List.of(siteId)));
        PartnerFilter activeOnly = new PartnerFilter(filter.q(), filter.kind(), filter.theme(), filter.scope(), filter.town(), false);
        return matching(found, activeOnly).stream().map(Found::summary).toList();
    }

    /** An active entry a library may refer to (network-wide or its own); empty for anything else. */
    public Optional<Partner> visible(long siteId, long partnerId) {
        return partners.findById(partnerId)
                .filter(p -> p.active() && (p.siteId() == null || p.siteId() == siteId));
    }

    /** Theme codes, in the reference list's order. */
    public List<String> themes(Partner partner) {
        Set<String> codes = codes(partners.themesOf(List.of(partner.id()))).getOrDefault(partner.id(), Set.of());
        return reference.themes(Locale.FRENCH).stream().map(ReferenceData.Option::code).filter(codes::contains).toList();
    }

    /** Procedure scope codes, in the reference list's order. */
    public List<String> scopes(Partner partner) {
        Set<String> codes = codes(partners.scopesOf(List.of(partner.id()))).getOrDefault(partner.id(), Set.of());
        return reference.scopes(Locale.FRENCH).stream().map(ReferenceData.Option::code).filter(codes::contains).toList();
    }

    /** How to reach it, in the order of {@link PartnerAccess}. */
    public List<PartnerAccess> access(Partner partner) {
        Set<String> codes = codes(partners.accessOf(List.of(partner.id()))).getOrDefault(partner.id(), Set.of());
        return java.util.Arrays.stream(PartnerAccess.values()).filter(a -> codes.contains(a.name())).toList();
    }

    // ---------------------------------------------------------------- from a signed-in person (directory pages)

    /** What this person finds: visible entries matching the filter, by name. */
    List<PartnerSummary> search(CurrentStaff me, PartnerFilter filter) {
        return find(me, filter).stream().map(Found::summary).toList();
    }

    /** {@link #search(CurrentStaff, PartnerFilter)} with every field and list of each entry (for the export). */
    List<Found> find(CurrentStaff me, PartnerFilter filter) {
        List<Partner> seen = seenBy(me).stream().filter(p -> p.active() || canManage(me, p.siteId())).toList();
        return matching(seen, filter);
    }

    /** An entry with its lists. */
    record Found(Partner partner, PartnerLinks links) {
        PartnerSummary summary() {
            return new PartnerSummary(partner.id(), partner.siteId(), partner.name(), partner.kindCode(), partner.town(),
                    partner.phone(), links.themes(), links.scopes(), partner.active());
        }
    }

    /** Every entry this person sees. */
    private List<Partner> seenBy(CurrentStaff me) {
        if (!me.role().belongsToSites()) {
            return partners.findAll();
        }
        List<Partner> found = new ArrayList<>(partners.findBySiteIdIsNull());
        if (!me.siteIds().isEmpty()) {
            found.addAll(partners.findBySiteIdIn(me.siteIds()));
        }
        return found;
    }

    /** An entry this person may open; another library's entry answers like an unknown id. */
    Optional<Partner> visibleTo(CurrentStaff me, long id) {
        return partners.findById(id).filter(p -> sees(me, p) && (p.active() || canManage(me, p.siteId())));
    }

    /** An entry this person may change; anything else answers like an unknown id. */
    Optional<Partner> manageableBy(CurrentStaff me, long id) {
        return partners.findById(id).filter(p -> canManage(me, p.siteId()));
    }

    /** Coordination and administration manage every entry; a director the entries of their libraries. */
    static boolean canManage(CurrentStaff me, Long siteId) {
        if (me.role() == Role.COORDINATOR || me.role() == Role.ADMIN) {
            return true;
        }
        return me.role() == Role.DIRECTOR && siteId != null && me.siteIds().contains(siteId);
    }

    static boolean canCreate(CurrentStaff me) {
        return me.role() != Role.HELPER && (me.role() != Role.DIRECTOR || !me.siteIds().isEmpty());
    }

    private static boolean sees(CurrentStaff me, Partner p) {
        return p.siteId() == null || me.canSeeSite(p.siteId());
    }

    /** The full lists of several entries at once (two queries per list, whatever the number). */
    Map<Long, PartnerLinks> links(Collection<Partner> list) {
        List<Long> ids = list.stream().map(Partner::id).toList();
        Map<Long, PartnerLinks> result = new HashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        Map<Long, Set<String>> themes = codes(partners.themesOf(ids));
        Map<Long, Set<String>> scopes = codes(partners.scopesOf(ids));
        Map<Long, Set<String>> access = codes(partners.accessOf(ids));
        for (Long id : ids) {
            result.put(id, PartnerLinks.of(themes.getOrDefault(id, Set.of()), scopes.getOrDefault(id, Set.of()),
                    access.getOrDefault(id, Set.of()), reference));
        }
        return result;
    }

    PartnerLinks links(Partner partner) {
        return links(List.of(partner)).get(partner.id());
    }

    /** A new entry and its lists, as given: the directory pages check what people type before this. */
    @Transactional
    public Partner create(Partner partner, PartnerLinks links) {
        Partner saved = partners.save(partner);
        writeLinks(saved.id(), links);
        return saved;
    }

    @Transactional
    public Partner update(Partner partner, PartnerLinks links) {
        Partner saved = partners.update(partner);
        partners.clearThemes(saved.id());
        partners.clearScopes(saved.id());
        partners.clearAccess(saved.id());
        writeLinks(saved.id(), links);
        return saved;
    }

    void setActive(Partner partner, boolean active) {
        partners.update(partner.withActive(active, now()));
    }

    Instant now() {
        return clock.instant();
    }

    private void writeLinks(long id, PartnerLinks links) {
        links.themes().forEach(code -> partners.addTheme(id, code));
        links.scopes().forEach(code -> partners.addScope(id, code));
        links.access().forEach(a -> partners.addAccess(id, a.name()));
    }

    private List<Found> matching(List<Partner> list, PartnerFilter filter) {
        Map<Long, PartnerLinks> links = links(list);
        return list.stream().map(p -> new Found(p, links.get(p.id())))
                .filter(f -> filter.matches(f.summary()))
                .sorted(Comparator.comparing((Found f) -> f.partner().name(), collator).thenComparing(f -> f.partner().id()))
                .toList();
    }

    private static Map<Long, Set<String>> codes(List<PartnerCode> rows) {
        Map<Long, Set<String>> byPartner = new HashMap<>();
        rows.forEach(r -> byPartner.computeIfAbsent(r.partnerId(), k -> new LinkedHashSet<>()).add(r.code()));
        return byPartner;
    }
}
