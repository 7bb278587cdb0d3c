package fr.relais.site;

import fr.relais.web.DateWords;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Turns a site's data into what its pages show: days in words, dates in words, offer lists. */
final class SiteViews {
    private SiteViews() {
    }

    /** One row per weekday; an empty {@code ranges} means closed that day. */
    static List<Map<String, Object>> week(List<OpeningHours> hours) {
        List<Map<String, Object>> week = new ArrayList<>();
        for (int day = 1; day <= 7; day++) {
            int d = day;
            List<String> ranges = hours.stream().filter(h -> h.dayOfWeek() == d)
                    .map(h -> h.opensAt() + " – " + h.closesAt()).toList();
            week.add(Map.of("dayKey", "day." + java.time.DayOfWeek.of(day).name(), "ranges", ranges,
                    "text", String.join(", ", ranges)));
        }
        return week;
    }

    static List<Map<String, Object>> closures(List<SiteClosure> closures, Locale locale) {
        return closures.stream().map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", c.id());
            m.put("label", c.label());
            m.put("from", DateWords.longDate(c.startDate(), locale));
            m.put("to", DateWords.longDate(c.endDate(), locale));
            m.put("oneDay", c.startDate().equals(c.endDate()));
            return m;
        }).collect(Collectors.toList());
    }

    static Map<String, Object> offer(Map<LibraryService, SiteOffer> offer, Map<LibraryService, List<Site>> elsewhere) {
        List<Map<String, Object>> offered = new ArrayList<>();
        List<Map<String, Object>> notOffered = new ArrayList<>();
        for (LibraryService service : LibraryService.values()) {
            SiteOffer o = offer.get(service);
            if (o == null) {
                continue;
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("labelKey", "service." + service.name());
            item.put("note", o.note());
            if (o.offered()) {
                offered.add(item);
            } else {
                item.put("elsewhere", elsewhere.getOrDefault(service, List.of()));
                notOffered.add(item);
            }
        }
        return Map.of("offered", offered, "notOffered", notOffered);
    }
}
