package fr.relais.workshop;

import fr.relais.reference.ReferenceData;
import fr.relais.security.CurrentStaff;
import fr.relais.security.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.text.Collator;
import java.time.Clock;
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
 * The workshop catalogue and its rules. Network-wide workshops (no library) are managed by coordination and
 * administration, and every library may schedule them; a library's own workshops are managed by its directors
 * (and coordination, administration) and only that library schedules them. Helpers and directors read the
 * network's workshops and their libraries'; coordination and administration read all. Workshops are deactivated,
 * never deleted: their sessions and statistics keep pointing at them.
 */
@Singleton
public class Workshops {
    private final WorkshopRepository workshops;
    private final WorkshopTheme.Repository themes;
    private final ReferenceData reference;
    private final Clock clock;
    private final Collator collator;

    Workshops(WorkshopRepository workshops, WorkshopTheme.Repository themes, ReferenceData reference, Clock clock) {
        this.workshops = workshops;
        this.themes = themes;
        this.reference = reference;
        this.clock = clock;
        // French order whatever the database's collation: "Écrire un courriel" with the E's.
        this.collator = Collator.getInstance(Locale.FRENCH);
        this.collator.setStrength(Collator.SECONDARY);
    }

    /** What a workshop is, as typed in the catalogue. Theme codes are checked against the reference list. */
    public record Entry(String title, String description, WorkshopLevel level, List<String> themeCodes,
                       @Nullable String whatToBring, @Nullable String prerequisites, int durationMinutes, int capacity) {
        public Entry {
            themeCodes = List.copyOf(new LinkedHashSet<>(themeCodes));
        }
    }

    // ---------------------------------------------------------------- rights

    /** Who manages an entry: network-wide ones, coordination and administration; a library's, also its directors. */
    public static boolean canManage(CurrentStaff me, @Nullable Long siteId) {
        return switch (me.role()) {
            case COORDINATOR, ADMIN -> true;
            case DIRECTOR -> siteId != null && me.siteIds().contains(siteId);
            case HELPER -> false;
        };
    }

    /** Who may add entries at all: coordination and administration, and directors of at least one library. */
    public static boolean canCreate(CurrentStaff me) {
        return !me.role().belongsToSites() || (me.role() == Role.DIRECTOR && !me.siteIds().isEmpty());
    }

    /** Whether a person reads an entry: network-wide ones and their libraries' (everything for network roles). */
    static boolean canRead(CurrentStaff me, Workshop w) {
        return w.networkWide() || me.canSeeSite(w.siteId());
    }

    // ---------------------------------------------------------------- reading

    public Optional<Workshop> byId(long id) {
        return workshops.findById(id);
    }

    /** The catalogue this person reads, by title; deactivated entries only for those who manage them. */
    public List<Workshop> catalogue(CurrentStaff me) {
        List<Workshop> seen = me.role().belongsToSites()
                ? workshops.findBySiteIdIsNullOrSiteIdInOrderByTitle(me.siteIds().isEmpty() ? Set.of(-1L) : me.siteIds())
                : workshops.findAllOrderByTitle();
        return sorted(seen.stream().filter(w -> w.active() || canManage(me, w.siteId())).toList());
    }

    /** An entry this person may read; another library's answers empty, like an unknown one. */
    public Optional<Workshop> visibleTo(CurrentStaff me, long id) {
        return workshops.findById(id).filter(w -> canRead(me, w));
    }

    /** An entry this person may change; empty for one they only read, another library's, or an unknown one. */
    public Optional<Workshop> manageableBy(CurrentStaff me, long id) {
        return visibleTo(me, id).filter(w -> canManage(me, w.siteId()));
    }

    /** The active workshops a library may schedule (the network's and its own), by title. */
    public List<Workshop> schedulableAt(long siteId) {
        return sorted(workshops.findBySiteIdIsNullOrSiteIdInOrderByTitle(Set.of(siteId)).stream()
                .filter(Workshop::active).toList());
    }

    /** One workshop a library may schedule now (active, the network's or its own). */
    public Optional<Workshop> schedulable(long siteId, long workshopId) {
        return workshops.findById(workshopId).filter(w -> w.active() && w.schedulableAt(siteId));
    }

    public Map<Long, Workshop> byIds(Collection<Long> ids) {
        Map<Long, Workshop> byId = new HashMap<>();
        if (!ids.isEmpty()) {
            workshops.findByIdIn(Set.copyOf(ids)).forEach(w -> byId.put(w.id(), w));
        }
        return byId;
    }

    /** The theme codes of a workshop, in the reference list's order. */
    public List<String> themes(long workshopId) {
        return themes(List.of(workshopId)).getOrDefault(workshopId, List.of());
    }

    /** Theme codes per workshop, in the reference list's order, in one query. */
    public Map<Long, List<String>> themes(Collection<Long> workshopIds) {
        Map<Long, Set<String>> codes = new HashMap<>();
        if (!workshopIds.isEmpty()) {
            themes.findByWorkshopIdIn(Set.copyOf(workshopIds))
                    .forEach(t -> codes.computeIfAbsent(t.workshopId(), k -> new java.util.HashSet<>()).add(t.themeCode()));
        }
        List<String> order = reference.themes(Locale.FRENCH).stream().map(ReferenceData.Option::code).toList();
        Map<Long, List<String>> result = new HashMap<>();
        codes.forEach((id, set) -> result.put(id, order.stream().filter(set::contains).toList()));
        return result;
    }

    // ---------------------------------------------------------------- changing

    /** A new active entry, of a library ({@code siteId}) or of the whole network (null). */
    @Transactional
    public Workshop create(@Nullable Long siteId, Entry entry) {
        Workshop saved = workshops.save(new Workshop(null, siteId, entry.title(), entry.description(), entry.level(),
                entry.whatToBring(), entry.prerequisites(), entry.durationMinutes(), entry.capacity(), true, clock.instant()));
        saveThemes(saved.id(), entry.themeCodes());
        return saved;
    }

    /** New words and defaults; where it belongs and whether it is active do not change here. */
    @Transactional
    public Workshop update(Workshop workshop, Entry entry) {
        Workshop saved = workshops.update(new Workshop(workshop.id(), workshop.siteId(), entry.title(), entry.description(),
                entry.level(), entry.whatToBring(), entry.prerequisites(), entry.durationMinutes(), entry.capacity(),
                workshop.active(), workshop.createdAt()));
        themes.deleteByWorkshopId(workshop.id());
        saveThemes(workshop.id(), entry.themeCodes());
        return saved;
    }

    /** Deactivated: no new session; the sessions already planned stay. Reactivated: schedulable again. */
    public Workshop setActive(Workshop workshop, boolean active) {
        return workshops.update(new Workshop(workshop.id(), workshop.siteId(), workshop.title(), workshop.description(),
                workshop.level(), workshop.whatToBring(), workshop.prerequisites(), workshop.defaultDurationMinutes(),
                workshop.defaultCapacity(), active, workshop.createdAt()));
    }

    private void saveThemes(long workshopId, List<String> codes) {
        List<WorkshopTheme> rows = new ArrayList<>();
        codes.forEach(code -> rows.add(new WorkshopTheme(null, workshopId, code)));
        themes.saveAll(rows);
    }

    private List<Workshop> sorted(List<Workshop> list) {
        List<Workshop> copy = new ArrayList<>(list);
        copy.sort(Comparator.comparing(Workshop::title, collator));
        return copy;
    }
}
