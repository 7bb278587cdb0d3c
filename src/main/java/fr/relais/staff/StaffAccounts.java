package fr.relais.staff;

import fr.relais.security.Role;
import fr.relais.security.CurrentStaff;
import fr.relais.web.NotFoundException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Accounts and who may manage which: administrators all; coordinators all but administrators;
 * directors the helpers of their own sites. Accounts are deactivated, never deleted.
 */
@Singleton
public class StaffAccounts {
    private final StaffRepository staff;
    private final StaffSiteRepository staffSites;
    private final Clock clock;

    StaffAccounts(StaffRepository staff, StaffSiteRepository staffSites, Clock clock) {
        this.staff = staff;
        this.staffSites = staffSites;
        this.clock = clock;
    }

    public static String normalizeEmail(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    /** Roles this person may give. */
    public Set<Role> grantableRoles(CurrentStaff me) {
        return switch (me.role()) {
            case ADMIN -> EnumSet.allOf(Role.class);
            case COORDINATOR -> EnumSet.of(Role.HELPER, Role.DIRECTOR, Role.COORDINATOR);
            case DIRECTOR -> EnumSet.of(Role.HELPER);
            case HELPER -> EnumSet.noneOf(Role.class);
        };
    }

    public Set<Long> siteIds(long staffId) {
        return staffSites.findByStaffId(staffId).stream().map(StaffSite::siteId).collect(Collectors.toSet());
    }

    boolean canManage(CurrentStaff me, Staff target, Set<Long> targetSites) {
        return switch (me.role()) {
            case ADMIN -> true;
            case COORDINATOR -> target.role() != Role.ADMIN;
            case DIRECTOR -> target.role() == Role.HELPER && targetSites.stream().anyMatch(me.siteIds()::contains);
            case HELPER -> false;
        };
    }

    /** The accounts this person manages, by name. */
    public List<Staff> manageableBy(CurrentStaff me) {
        if (me.role() == Role.DIRECTOR) {
            Set<Long> ids = staffSites.findBySiteIdIn(me.siteIds()).stream().map(StaffSite::staffId).collect(Collectors.toSet());
            return staff.findAllOrderByDisplayName().stream()
                    .filter(s -> ids.contains(s.id()) && s.role() == Role.HELPER).toList();
        }
        return staff.findAllOrderByDisplayName().stream().filter(s -> canManage(me, s, Set.of())).toList();
    }

    /** An account this person may manage; any other id answers like an unknown one. */
    public Staff manageable(CurrentStaff me, long id) {
        return staff.findById(id).filter(s -> canManage(me, s, siteIds(s.id()))).orElseThrow(NotFoundException::new);
    }

    public boolean emailTaken(String email) {
        return staff.existsByEmail(normalizeEmail(email));
    }

    @Transactional
    public Staff create(String email, String displayName, Role role, boolean habilitated, String passwordHash,
                        boolean mustChange, Collection<Long> siteIds) {
        Staff saved = staff.save(new Staff(null, normalizeEmail(email), displayName.strip(), passwordHash, role,
                habilitated, true, mustChange, clock.instant()));
        if (role.belongsToSites()) {
            siteIds.forEach(siteId -> staffSites.save(new StaffSite(null, saved.id(), siteId)));
        }
        return saved;
    }

    @Transactional
    public Staff update(Staff account, Collection<Long> siteIds) {
        Staff saved = staff.update(account);
        staffSites.deleteByStaffId(saved.id());
        if (saved.role().belongsToSites()) {
            siteIds.forEach(siteId -> staffSites.save(new StaffSite(null, saved.id(), siteId)));
        }
        return saved;
    }

    public Staff save(Staff account) {
        return staff.update(account);
    }
}
