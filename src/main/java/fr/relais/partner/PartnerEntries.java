package fr.relais.partner;

import fr.relais.web.Text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** From a checked {@link PartnerForm} to an entry and its lists. */
final class PartnerEntries {
    private PartnerEntries() {
    }

    static Partner toPartner(PartnerForm f, Long id, Long siteId, String source, String sourceId, boolean active, Instant now) {
        return new Partner(id, siteId, source, sourceId, f.name().strip(), f.kindCode().strip(), Text.blankToNull(f.address()),
                Text.blankToNull(f.postcode()), Text.blankToNull(f.town()), Text.blankToNull(f.phone()),
                Text.blankToNull(f.email()), Text.blankToNull(f.website()), Text.blankToNull(f.openingHours()),
                lines(f.whatToBring()), Text.blankToNull(f.helperNotes()), active, now);
    }

    /** The form's lists, without repeats; only valid codes reach here. */
    static PartnerLinks links(PartnerForm f) {
        List<PartnerAccess> access = new ArrayList<>();
        new LinkedHashSet<>(f.checkedAccess()).forEach(c -> PartnerAccess.parse(c).ifPresent(access::add));
        return new PartnerLinks(new ArrayList<>(new LinkedHashSet<>(f.checkedThemes())),
                new ArrayList<>(new LinkedHashSet<>(f.checkedScopes())), access);
    }

    /** One thing per line, blank lines dropped, Windows line ends made plain: what to bring as stored. */
    static String lines(String text) {
        String value = Text.blankToNull(text);
        if (value == null) {
            return null;
        }
        List<String> lines = value.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        return String.join("\n", lines);
    }
}
