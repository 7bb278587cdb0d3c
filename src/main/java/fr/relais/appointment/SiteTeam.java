package fr.relais.appointment;

import fr.relais.site.Site;
import fr.relais.staff.Staff;
import fr.relais.staff.StaffDirectory;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The helpers of a site who may be put on duty or declared absent: active HELPER accounts of the site. */
@Singleton
class SiteTeam {
    private final StaffDirectory staff;

    SiteTeam(StaffDirectory staff) {
        this.staff = staff;
    }

    /** Active helpers of the site, by name. */
    List<Staff> helpers(Site site) {
        return staff.helpersOf(site.id());
    }

    Set<Long> helperIds(Site site) {
        return helpers(site).stream().map(Staff::id).collect(Collectors.toSet());
    }

    /** Everyone attached to the site whatever their role or state: whose absences the site may see. */
    Set<Long> members(Site site) {
        return staff.membersOf(site.id());
    }
}
