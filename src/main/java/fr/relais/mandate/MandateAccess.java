package fr.relais.mandate;

import fr.relais.security.CurrentStaff;
import fr.relais.security.Role;
import fr.relais.site.Site;
import fr.relais.site.Sites;
import jakarta.inject.Singleton;

/**
 * Who may do what with the mandates of a site. Helpers and directors of the site search, read and check codes; only
 * habilitated helpers draft, print and record signatures; habilitated helpers and directors revoke. Another site's
 * id answers like an unknown one (404); a right this person lacks answers 403.
 */
@Singleton
class MandateAccess {
    private final Sites sites;

    MandateAccess(Sites sites) {
        this.sites = sites;
    }

    /** Reading: any helper or director of the site. */
    Site reading(CurrentStaff me, long siteId) {
        return sites.manageable(me, siteId);
    }

    /** Drafting, printing and recording a signature: habilitated helpers of the site. */
    Site drafting(CurrentStaff me, long siteId) {
        Site site = sites.manageable(me, siteId);
        if (!canDraft(me, site)) {
            throw me.forbidden();
        }
        return site;
    }

    /** Revoking and printing the revocation sheet: habilitated helpers and directors of the site. */
    Site revoking(CurrentStaff me, long siteId) {
        Site site = sites.manageable(me, siteId);
        if (!canRevoke(me, site)) {
            throw me.forbidden();
        }
        return site;
    }

    static boolean canDraft(CurrentStaff me, Site site) {
        return me.role() == Role.HELPER && me.mandateHabilitated() && me.siteIds().contains(site.id());
    }

    static boolean canRevoke(CurrentStaff me, Site site) {
        return canDraft(me, site) || me.role() == Role.DIRECTOR;
    }
}
