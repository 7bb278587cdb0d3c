package fr.relais.partner;

import fr.relais.security.CurrentStaff;
import fr.relais.security.Role;
import fr.relais.site.Site;
import fr.relais.site.Sites;
import fr.relais.web.Forms;
import fr.relais.web.Text;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Where a new entry belongs: a director's library (chosen among theirs when they have several); for coordination
 * and administration the whole network ("") or one library.
 */
@Singleton
class EntrySites {
    private final Sites sites;

    EntrySites(Sites sites) {
        this.sites = sites;
    }

    /** The libraries this person may create a site-local entry for. */
    List<Site> creatable(CurrentStaff me) {
        return me.role() == Role.HELPER ? List.of() : sites.visibleTo(me);
    }

    /**
     * The library chosen, checked after validation against the person's own; null for the whole network. A choice
     * that is not theirs, or no choice from a director, goes to the same errors.
     */
    @Nullable
    Long chosen(CurrentStaff me, @Nullable String typed, Forms.Errors errors) {
        String value = Text.blankToNull(typed);
        if (value == null) {
            if (me.role().belongsToSites()) {
                errors.add("siteId", "partner.error.site");
            }
            return null;
        }
        return creatable(me).stream().map(Site::id).filter(id -> String.valueOf(id).equals(value)).findFirst()
                .orElseGet(() -> {
                    errors.add("siteId", "error.choice");
                    return null;
                });
    }
}
