package fr.relais.accompaniment;

import fr.relais.security.CurrentStaff;
import fr.relais.security.Role;
import fr.relais.site.Site;
import fr.relais.web.NotFoundException;
import jakarta.inject.Singleton;

/**
 * Who may read and change which record. Helpers read and change their own records at their sites, the day they
 * logged them; directors read every record of their sites. A workshop's collective record belongs to the helper who
 * saved the session's attendance, and changes only with it. Another helper's record, another site's or an unknown
 * one answer 404 alike.
 */
@Singleton
class RecordAccess {
    private final Accompaniments accompaniments;
    private final LogTime time;

    RecordAccess(Accompaniments accompaniments, LogTime time) {
        this.accompaniments = accompaniments;
        this.time = time;
    }

    /** One's own record at this site; any other id answers 404. */
    Accompaniment own(CurrentStaff me, Site site, long id) {
        return accompaniments.find(id).filter(a -> a.siteId() == site.id() && a.helperId() == me.id())
                .orElseThrow(NotFoundException::new);
    }

    /** Helpers read their own records; directors every record of their site. */
    Accompaniment readable(CurrentStaff me, Site site, long id) {
        return accompaniments.find(id)
                .filter(a -> a.siteId() == site.id() && (me.role() == Role.DIRECTOR || a.helperId() == me.id()))
                .orElseThrow(NotFoundException::new);
    }

    /**
     * A record is corrected or deleted the day it was logged, at its site; a workshop's collective record only
     * through the session's attendance.
     */
    boolean correctable(Accompaniment a, Site site) {
        return !a.collective() && a.createdAt().atZone(site.zone()).toLocalDate().equals(time.today(site));
    }
}
