package fr.relais.workshop;

import fr.relais.reference.ReferenceData;
import fr.relais.site.Site;
import fr.relais.site.Sites;
import fr.relais.web.Messages;
import jakarta.inject.Singleton;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the catalogue pages show: entries in words, where they belong, their themes. */
@Singleton
class CatalogueViews {
    private final Workshops workshops;
    private final ReferenceData reference;
    private final Sites sites;
    private final Messages messages;

    CatalogueViews(Workshops workshops, ReferenceData reference, Sites sites, Messages messages) {
        this.workshops = workshops;
        this.reference = reference;
        this.sites = sites;
        this.messages = messages;
    }

    /** One line of the catalogue; {@code where} is the library's name, or null for the whole network. */
    record Row(long id, String title, String levelKey, String where, String themes, int durationMinutes, int capacity,
               boolean active) {
    }

    /** An entry in full; lists are one thing per line. */
    record Detail(long id, String title, String description, String levelKey, List<String> themes, List<String> whatToBring,
                  List<String> prerequisites, int durationMinutes, int capacity, String where, boolean active) {
    }

    List<Row> rows(List<Workshop> list, Locale locale) {
        Map<Long, List<String>> themes = workshops.themes(list.stream().map(Workshop::id).toList());
        Map<Long, String> siteNames = siteNames();
        return list.stream().map(w -> new Row(w.id(), w.title(), SessionViews.levelKey(w.level()), where(w, siteNames),
                String.join(", ", labels(themes.getOrDefault(w.id(), List.of()), locale)), w.defaultDurationMinutes(),
                w.defaultCapacity(), w.active())).toList();
    }

    Detail detail(Workshop w, Locale locale) {
        return new Detail(w.id(), w.title(), w.description(), SessionViews.levelKey(w.level()),
                labels(workshops.themes(w.id()), locale), lines(w.whatToBring()), lines(w.prerequisites()),
                w.defaultDurationMinutes(), w.defaultCapacity(), where(w, siteNames()), w.active());
    }

    /** The reference themes as check boxes, those typed checked. */
    List<SessionViews.Choice> themeChoices(List<String> checked, Locale locale) {
        return reference.themes(locale).stream().map(o -> new SessionViews.Choice(o.code(), o.label(), checked.contains(o.code())))
                .toList();
    }

    /** The three levels as radio buttons, the typed one checked. */
    List<SessionViews.Choice> levelChoices(String typed, Locale locale) {
        return Arrays.stream(WorkshopLevel.values())
                .map(l -> new SessionViews.Choice(l.name(), messages.get(locale, SessionViews.levelKey(l)), l.name().equals(typed)))
                .toList();
    }

    private List<String> labels(List<String> codes, Locale locale) {
        return codes.stream().map(c -> reference.themeLabel(c, locale)).toList();
    }

    private static String where(Workshop w, Map<Long, String> siteNames) {
        return w.networkWide() ? null : siteNames.get(w.siteId());
    }

    private Map<Long, String> siteNames() {
        Map<Long, String> names = new HashMap<>();
        for (Site s : sites.all()) {
            names.put(s.id(), s.name());
        }
        return names;
    }

    static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
