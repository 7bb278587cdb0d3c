package fr.relais.security;

import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthorizationException;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Who is signed in, as read from the {@link Authentication} the session built. */
public record CurrentStaff(long id, String displayName, Role role, Set<Long> siteIds,
                           boolean mandateHabilitated, boolean mustChangePassword) {
    static final String ID = "staffId";
    static final String NAME = "displayName";
    static final String SITES = "siteIds";
    static final String HABILITATED = "mandateHabilitated";
    static final String MUST_CHANGE = "mustChangePassword";

    public static CurrentStaff of(Authentication authentication) {
        Map<String, Object> a = authentication.getAttributes();
        Object sites = a.get(SITES);
        Set<Long> siteIds = sites instanceof Collection<?> c
                ? c.stream().map(o -> ((Number) o).longValue()).collect(Collectors.toUnmodifiableSet())
                : Set.of();
        Role role = Role.valueOf(authentication.getRoles().iterator().next());
        return new CurrentStaff(((Number) a.get(ID)).longValue(), (String) a.get(NAME), role, siteIds,
                Boolean.TRUE.equals(a.get(HABILITATED)), Boolean.TRUE.equals(a.get(MUST_CHANGE)));
    }

    static Authentication toAuthentication(long id, String displayName, Role role, List<Long> siteIds,
                                           boolean habilitated, boolean mustChange) {
        return Authentication.build(String.valueOf(id), List.of(role.name()), Map.of(
                ID, id, NAME, displayName, SITES, siteIds, HABILITATED, habilitated, MUST_CHANGE, mustChange));
    }

    /**
     * The refusal of a page this signed-in person may not open (403, not a redirect to the login page): for a right
     * that depends on the site or a flag, checked in the controller rather than by the route's roles.
     */
    public AuthorizationException forbidden() {
        return new AuthorizationException(toAuthentication(id, displayName, role, List.copyOf(siteIds),
                mandateHabilitated, mustChangePassword));
    }

    /** Network-wide roles see every site; helpers and directors only theirs. */
    public boolean canSeeSite(long siteId) {
        return !role.belongsToSites() || siteIds.contains(siteId);
    }
}
