package fr.relais.workshop;

import fr.relais.security.CurrentStaff;
import fr.relais.site.Site;
import fr.relais.site.Sites;
import fr.relais.web.NotFoundException;
import jakarta.inject.Singleton;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds what a page is about for the signed-in person: a session or a registration of one of their libraries,
 * with its library and workshop. Another library's id answers 404, exactly like an unknown one.
 */
@Singleton
class SessionAccess {
    private final WorkshopSessions sessions;
    private final Workshops workshops;
    private final Sites sites;

    SessionAccess(WorkshopSessions sessions, Workshops workshops, Sites sites) {
        this.sessions = sessions;
        this.workshops = workshops;
        this.sites = sites;
    }

    /** A session with its library and workshop. */
    record Found(Site site, WorkshopSession session, Workshop workshop) {
    }

    /** A session of one of this person's libraries. */
    Found session(CurrentStaff me, long sessionId) {
        WorkshopSession session = sessions.byId(sessionId).filter(s -> me.canSeeSite(s.siteId()))
                .orElseThrow(NotFoundException::new);
        return found(sites.manageable(me, session.siteId()), session);
    }

    /** A session of this library, reached through the library's address ({@code /bureau/{siteId}/ateliers/…}). */
    Found session(CurrentStaff me, long siteId, long sessionId) {
        Site site = sites.manageable(me, siteId);
        return found(site, sessions.atSite(site.id(), sessionId).orElseThrow(NotFoundException::new));
    }

    /** A registration of one of this person's libraries, with its session. */
    Registration registration(CurrentStaff me, long registrationId) {
        return sessions.registration(registrationId).filter(r -> me.canSeeSite(r.siteId())).orElseThrow(NotFoundException::new);
    }

    /**
     * Registrations of this session promoted by the change just made: their ids come in the address after the
     * redirect ({@code promus=12-13}); only those of this session that now hold seats after a promotion count.
     */
    List<Registration> promoted(WorkshopSession session, String ids) {
        if (ids == null || !ids.matches("\\d{1,18}(-\\d{1,18}){0,199}")) {
            return List.of();
        }
        Set<Long> wanted = Arrays.stream(ids.split("-")).map(Long::valueOf).collect(Collectors.toSet());
        return sessions.registrations(session.id()).stream()
                .filter(r -> wanted.contains(r.id()) && r.status() == RegistrationStatus.SEATED && r.promotedAt() != null).toList();
    }

    private Found found(Site site, WorkshopSession session) {
        return new Found(site, session, workshops.byId(session.workshopId()).orElseThrow());
    }
}
