package fr.relais.site;

import fr.relais.security.CurrentStaff;
import fr.relais.web.NotFoundException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Sites, their hours, closures and service offer; and who may manage which. */
@Singleton
public class Sites {
    public static final String DEFAULT_ZONE = "Europe/Paris";
    private final SiteRepository sites;
    private final OpeningHoursRepository hours;
    private final SiteClosureRepository closures;
    private final SiteOfferRepository offers;
    private final Clock clock;

    Sites(SiteRepository sites, OpeningHoursRepository hours, SiteClosureRepository closures,
          SiteOfferRepository offers, Clock clock) {
        this.sites = sites;
        this.hours = hours;
        this.closures = closures;
        this.offers = offers;
        this.clock = clock;
    }

    public List<Site> all() {
        return sites.findAllOrderByName();
    }

    public Optional<Site> byId(long id) {
        return sites.findById(id);
    }

    public Optional<Site> bySlug(String slug) {
        return slug == null || slug.length() > 60 ? Optional.empty() : sites.findBySlug(slug);
    }

    /** The sites this person works for: their own, or all for network roles. */
    public List<Site> visibleTo(CurrentStaff me) {
        return me.role().belongsToSites() ? sites.findByIdInOrderByName(me.siteIds()) : all();
    }

    /** A site this person may manage; another site's id answers like an unknown one. */
    public Site manageable(CurrentStaff me, long siteId) {
        return sites.findById(siteId).filter(s -> me.canSeeSite(s.id())).orElseThrow(NotFoundException::new);
    }

    public LocalDate today(Site site) {
        return LocalDate.now(clock.withZone(site.zone()));
    }

    public boolean slugTaken(String slug, Long exceptId) {
        return exceptId == null ? sites.existsBySlug(slug) : sites.existsBySlugAndIdNotEqual(slug, exceptId);
    }

    public Site create(Site site) {
        return sites.save(site);
    }

    public Site update(Site site) {
        return sites.update(site);
    }

    public List<OpeningHours> hours(Site site) {
        return hours.findBySiteId(site.id()).stream()
                .sorted(java.util.Comparator.comparing(OpeningHours::dayOfWeek).thenComparing(OpeningHours::opensAt))
                .toList();
    }

    /** Replaces the week's hours in one transaction: nothing is half-saved. */
    @Transactional
    public void replaceHours(Site site, List<OpeningHours> week) {
        hours.deleteBySiteId(site.id());
        hours.saveAll(week);
    }

    public List<SiteClosure> upcomingClosures(Site site) {
        return closures.findBySiteIdAndEndDateGreaterThanEqualsOrderByStartDate(site.id(), today(site));
    }

    /** Closures overlapping a date range. */
    public List<SiteClosure> closuresBetween(Site site, LocalDate from, LocalDate to) {
        return closures.findBySiteIdAndEndDateGreaterThanEqualsOrderByStartDate(site.id(), from).stream()
                .filter(c -> !c.startDate().isAfter(to)).toList();
    }

    public List<SiteClosure> allClosures(Site site) {
        return closures.findBySiteIdOrderByStartDateDesc(site.id());
    }

    public SiteClosure addClosure(SiteClosure closure) {
        return closures.save(closure);
    }

    public void removeClosure(Site site, long closureId) {
        SiteClosure closure = closures.findByIdAndSiteId(closureId, site.id()).orElseThrow(NotFoundException::new);
        closures.delete(closure);
    }

    public Map<LibraryService, SiteOffer> offer(Site site) {
        Map<LibraryService, SiteOffer> byService = new EnumMap<>(LibraryService.class);
        offers.findBySiteId(site.id()).forEach(o -> byService.put(o.service(), o));
        return byService;
    }

    @Transactional
    public void replaceOffer(Site site, List<SiteOffer> offer) {
        offers.deleteBySiteId(site.id());
        offers.saveAll(offer);
    }

    /** For each service, the libraries that offer it, except the given one: two queries, whatever the network size. */
    public Map<LibraryService, List<Site>> offeredElsewhere(Site except) {
        Map<Long, Site> byId = new java.util.HashMap<>();
        sites.findAll().forEach(s -> byId.put(s.id(), s));
        Map<LibraryService, List<Site>> result = new EnumMap<>(LibraryService.class);
        for (SiteOffer o : offers.findByOffered(true)) {
            Site site = byId.get(o.siteId());
            if (site != null && !site.id().equals(except.id())) {
                result.computeIfAbsent(o.service(), k -> new java.util.ArrayList<>()).add(site);
            }
        }
        result.values().forEach(l -> l.sort(java.util.Comparator.comparing(Site::name)));
        return result;
    }
}
