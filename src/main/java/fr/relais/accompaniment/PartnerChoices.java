package fr.relais.accompaniment;

import fr.relais.partner.Partner;
import fr.relais.partner.PartnerAccess;
import fr.relais.partner.PartnerSummary;
import fr.relais.partner.Partners;
import fr.relais.reference.ReferenceData;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** What the log takes from the partner directory: the partners a site refers to, grouped by kind for the form. */
@Singleton
class PartnerChoices {
    private final Partners partners;
    private final ReferenceData reference;

    PartnerChoices(Partners partners, ReferenceData reference) {
        this.partners = partners;
        this.reference = reference;
    }

    /** One group of the drop-down list: a kind of partner and its entries. */
    record Group(String label, List<Choice> options) {
    }

    /** The active partners of the site and of the network, grouped by kind in the kinds' order, by name within. */
    List<Group> groups(long siteId, Locale locale) {
        Map<String, List<Choice>> byKind = new LinkedHashMap<>();
        reference.partnerKinds(locale).forEach(k -> byKind.put(k.code(), new ArrayList<>()));
        for (PartnerSummary p : partners.visibleFrom(siteId)) {
            String label = p.town() == null || p.town().isBlank() ? p.name() : p.name() + " (" + p.town() + ")";
            byKind.computeIfAbsent(p.kindCode(), k -> new ArrayList<>()).add(Choice.of(String.valueOf(p.id()), label, false));
        }
        List<Group> groups = new ArrayList<>();
        byKind.forEach((kind, choices) -> {
            if (!choices.isEmpty()) {
                groups.add(new Group(reference.partnerKindLabel(kind, locale), choices));
            }
        });
        return groups;
    }

    /** An active partner the site may refer to; empty for another site's, an inactive or an unknown one. */
    Optional<Partner> visible(long siteId, long partnerId) {
        return partners.visible(siteId, partnerId);
    }

    List<PartnerAccess> access(Partner partner) {
        return partners.access(partner);
    }
}
