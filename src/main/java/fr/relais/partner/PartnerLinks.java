package fr.relais.partner;

import fr.relais.reference.ReferenceData;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** A partner's lists: theme codes and scope codes (in the reference order), ways to reach it (in enum order). */
public record PartnerLinks(List<String> themes, List<String> scopes, List<PartnerAccess> access) {
    public PartnerLinks {
        themes = List.copyOf(themes);
        scopes = List.copyOf(scopes);
        access = List.copyOf(access);
    }

    static PartnerLinks of(Collection<String> themes, Collection<String> scopes, Collection<String> access,
                           ReferenceData reference) {
        return new PartnerLinks(
                reference.themes(Locale.FRENCH).stream().map(ReferenceData.Option::code).filter(themes::contains).toList(),
                reference.scopes(Locale.FRENCH).stream().map(ReferenceData.Option::code).filter(scopes::contains).toList(),
                Arrays.stream(PartnerAccess.values()).filter(a -> access.contains(a.name())).toList());
    }
}
