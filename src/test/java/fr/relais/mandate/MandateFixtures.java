package fr.relais.mandate;

import fr.relais.site.Sites;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.List;

/**
 * Mandates for tests of other packages (route security, accompaniments), through the real services: drafted,
 * signed or revoked exactly as the desk does it, with their journal entries.
 */
@Singleton
public class MandateFixtures {
    private final Mandates mandates;
    private final Sites sites;

    MandateFixtures(Mandates mandates, Sites sites) {
        this.mandates = mandates;
        this.sites = sites;
    }

    /** A mandate to be signed, starting today at the site, for {@code days} days. */
    public long draft(long siteId, long helperId, String firstName, String lastName, int days, String... scopes) {
        return draftFrom(siteId, helperId, firstName, lastName, mandates.today(siteId), days, scopes);
    }

    public long draftFrom(long siteId, long helperId, String firstName, String lastName, LocalDate start, int days,
                          String... scopes) {
        return mandates.draft(siteId, helperId, new Mandates.Draft(firstName, lastName, List.of(scopes),
                "Faire les démarches en ligne avec la personne", days, start)).id();
    }

    /** A signed (ACTIVE) mandate starting today. */
    public long active(long siteId, long helperId, String firstName, String lastName, int days, String... scopes) {
        long id = draft(siteId, helperId, firstName, lastName, days, scopes);
        mandates.activate(mandates.find(siteId, id).orElseThrow(), helperId).orElseThrow();
        return id;
    }

    /** A signed mandate then revoked at the person's request. */
    public long revoked(long siteId, long helperId, String firstName, String lastName, String... scopes) {
        long id = active(siteId, helperId, firstName, lastName, 31, scopes);
        mandates.revoke(mandates.find(siteId, id).orElseThrow(), helperId, RevocationKind.USER, "Demande de la personne")
                .orElseThrow();
        return id;
    }

    /** The printed verification code, as shown (e.g. MK7Q-4XZ2). */
    public String code(long siteId, long mandateId) {
        return fr.relais.security.ShortCodes.display(mandates.find(siteId, mandateId).orElseThrow().verificationCode());
    }

    public LocalDate today(long siteId) {
        return mandates.today(siteId);
    }

    public Sites sites() {
        return sites;
    }
}
