package fr.relais.site;

import fr.relais.web.DateWords;
import io.micronaut.core.annotation.Nullable;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns a site's data into what its pages show: days in words, dates in words, offer lists. */
final class SiteViews {
    private SiteViews() {
    }

    /** One weekday's hours; no {@code ranges} means closed that day. */
    record DayHours(String dayKey, List<String> ranges, String text) {
    }

    /** A closure in words; {@code oneDay} when it starts and ends the same day. */
    record Closure(long id, String label, String from, String to, boolean oneDay) {
    }

    /** One service stated; {@code elsewhere}: for one not offered, the libraries that offer it. */
    record OfferItem(String labelKey, @Nullable String note, List<Site> elsewhere) {
    }

    /** What the library offers and what it does not; services not stated are in neither list. */
    record Offer(List<OfferItem> offered, List<OfferItem> notOffered) {
    }

    static List<DayHours> week(List<OpeningHours> hours) {
        List<DayHours> week = new ArrayList<>();
        for (int day = 1; day <= 7; day++) {
            int d = day;
            List<String> ranges = hours.stream().filter(h -> h.dayOfWeek() == d)
                    .map(h -> h.opensAt() + " – " + h.closesAt()).toList();
            week.add(new DayHours("day." + DayOfWeek.of(day).name(), ranges, String.join(", ", ranges)));
        }
        return week;
    }

    static List<Closure> closures(List<SiteClosure> closures, Locale locale) {
        return closures.stream().map(c -> new Closure(c.id(), c.label(), DateWords.longDate(c.startDate(), locale),
                DateWords.longDate(c.endDate(), locale), c.startDate().equals(c.endDate()))).toList();
    }

    static Offer offer(Map<LibraryService, SiteOffer> offer, Map<LibraryService, List<Site>> elsewhere) {
        List<OfferItem> offered = new ArrayList<>();
        List<OfferItem> notOffered = new ArrayList<>();
        for (LibraryService service : LibraryService.values()) {
            SiteOffer o = offer.get(service);
            if (o == null) {
                continue;
            }
            String labelKey = "service." + service.name();
            if (o.offered()) {
                offered.add(new OfferItem(labelKey, o.note(), List.of()));
            } else {
                notOffered.add(new OfferItem(labelKey, o.note(), elsewhere.getOrDefault(service, List.of())));
            }
        }
        return new Offer(offered, notOffered);
    }
}
