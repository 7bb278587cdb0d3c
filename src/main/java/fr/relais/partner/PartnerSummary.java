package fr.relais.partner;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * One line of the directory: enough to list, filter and choose a partner. Codes, not labels: labels come from
 * {@link fr.relais.reference.ReferenceData} in the page's language.
 */
public record PartnerSummary(long id, @Nullable Long siteId, String name, String kindCode, @Nullable String town,
                             @Nullable String phone, List<String> themeCodes, List<String> scopeCodes, boolean active) {
    public boolean networkWide() {
        return siteId == null;
    }
}
