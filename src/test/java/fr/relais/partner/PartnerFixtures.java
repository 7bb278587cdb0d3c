package fr.relais.partner;

import fr.relais.site.Site;
import fr.relais.site.SiteRepository;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Directory entries for tests, of this package and of others (route security, accompaniments, referral slips),
 * made through the real service: network-wide or of one library, active.
 */
@Singleton
public class PartnerFixtures {
    private final Partners partners;
    private final SiteRepository sites;

    PartnerFixtures(Partners partners, SiteRepository sites) {
        this.partners = partners;
        this.sites = sites;
    }

    public Site site(String slug) {
        return sites.findBySlug(slug).orElseThrow();
    }

    /** An active entry of a library ({@code siteSlug}) or of the whole network (null). */
    public Partner entry(String name, String siteSlug, String kind, String town, List<String> themes, List<String> scopes,
                  List<PartnerAccess> access, String whatToBring) {
        Long siteId = siteSlug == null ? null : site(siteSlug).id();
        return partners.create(new Partner(null, siteId, null, null, name, kind, "1 rue du Test", "69002", town,
                "04 72 00 00 99", null, null, "Le mardi", whatToBring, null, true, partners.now()),
                new PartnerLinks(themes, scopes, access));
    }

    /** An association of a library ({@code siteSlug}) or of the whole network (null), reached in person. */
    public Partner entry(String name, String siteSlug) {
        return entry(name, siteSlug, "ASSOCIATION", "Lyon", List.of("EMAIL"), List.of(), List.of(PartnerAccess.PRESENT), null);
    }
}
