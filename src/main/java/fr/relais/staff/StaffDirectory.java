package fr.relais.staff;

import fr.relais.security.Role;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who works where, for the other features: display names of helpers (the desk, the slips, the journal) and the
 * team of a site. Read-only; accounts are changed through {@link StaffAccounts}.
 */
@Singleton
public class StaffDirectory {
    private final StaffRepository staff;
    private final StaffSiteRepository staffSites;

    StaffDirectory(StaffRepository staff, StaffSiteRepository staffSites) {
        this.staff = staff;
        this.staffSites = staffSites;
    }

    public Optional<Staff> byId(long id) {
        return staff.findById(id);
    }

    public Optional<Staff> byEmail(String email) {
        return staff.findByEmail(StaffAccounts.normalizeEmail(email));
    }

    /** The display name of an account, or empty text for an unknown or missing one. */
    public String name(Long id) {
        return id == null ? "" : staff.findById(id).map(Staff::displayName).orElse("");
    }

    /** Display names by account id, in one query; unknown or null ids are absent from the map. */
    public Map<Long, String> names(Collection<Long> ids) {
        Set<Long> wanted = ids.stream().filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        Map<Long, String> names = new HashMap<>();
        if (!wanted.isEmpty()) {
            staff.findByIdIn(wanted).forEach(s -> names.put(s.id(), s.displayName()));
        }
        return names;
    }

    /** Active helpers of a site, by name: who may be on duty there. */
    public List<Staff> helpersOf(long siteId) {
        Set<Long> ids = membersOf(siteId);
        return ids.isEmpty() ? List.of() : staff.findByIdIn(ids).stream()
                .filter(s -> s.role() == Role.HELPER && s.active())
                .sorted(Comparator.comparing(Staff::displayName, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    /** Everyone attached to a site, whatever their role or state. */
    public Set<Long> membersOf(long siteId) {
        return staffSites.findBySiteIdIn(Set.of(siteId)).stream().map(StaffSite::staffId).collect(Collectors.toSet());
    }
}
