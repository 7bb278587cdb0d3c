package fr.relais.appointment;

import fr.relais.site.Site;
import fr.relais.security.Role;
import fr.relais.staff.Staff;
import fr.relais.staff.StaffRepository;
import fr.relais.staff.StaffSite;
import fr.relais.staff.StaffSiteRepository;
import jakarta.inject.Singleton;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The helpers of a site who may be put on duty or declared absent: active HELPER accounts of the site. */
@Singleton
class SiteTeam {
    private final StaffSiteRepository staffSites;
    private final StaffRepository staff;

    SiteTeam(StaffSiteRepository staffSites, StaffRepository staff) {
        this.staffSites = staffSites;
        this.staff = staff;
    }

    /** Active helpers of the site, by name. */
    List<Staff> helpers(Site site) {
        Set<Long> ids = staffSites.findBySiteIdIn(Set.of(site.id())).stream().map(StaffSite::staffId)
                .collect(Collectors.toSet());
        return ids.isEmpty() ? List.of() : staff.findByIdIn(ids).stream()
                .filter(s -> s.role() == Role.HELPER && s.active())
                .sorted(Comparator.comparing(Staff::displayName, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    Set<Long> helperIds(Site site) {
        return helpers(site).stream().map(Staff::id).collect(Collectors.toSet());
    }

    /** Everyone attached to the site whatever their role or state: whose absences the site may see. */
    Set<Long> members(Site site) {
        return staffSites.findBySiteIdIn(Set.of(site.id())).stream().map(StaffSite::staffId).collect(Collectors.toSet());
    }
}
