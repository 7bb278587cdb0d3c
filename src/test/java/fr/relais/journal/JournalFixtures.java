package fr.relais.journal;

import fr.relais.site.Site;
import fr.relais.site.Sites;
import fr.relais.staff.Staff;
import fr.relais.staff.StaffDirectory;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.UUID;

/** Journal entries for tests of any package, written through the real journal on the demo data. */
@Singleton
public class JournalFixtures {
    private final Journal journal;
    private final Sites sites;
    private final StaffDirectory staff;

    JournalFixtures(Journal journal, Sites sites, StaffDirectory staff) {
        this.journal = journal;
        this.sites = sites;
        this.staff = staff;
    }

    /** One entry of each demo library and one of the whole network. */
    public record Written(JournalEntry centre, JournalEntry nord, JournalEntry network) {
    }

    /**
     * With references no other test uses: at the Médiathèque du Centre, {@code centreAction} by Sami; at the
     * Bibliothèque Nord, a revocation by Nour; for the whole network, a purge by Relais itself.
     */
    public Written writeForBothSitesAndTheNetwork(JournalAction centreAction, @Nullable String centreDetails) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        return new Written(
                journal.record(centreAction, id("aidant.centre@relais.demo"), site("mediatheque-centre"), "mandat:c-" + tag,
                        centreDetails),
                journal.record(JournalAction.MANDATE_REVOKED, id("aidant.nord@relais.demo"), site("bibliotheque-nord"),
                        "mandat:n-" + tag, "à la demande"),
                journal.record(JournalAction.PURGE, null, null, "purge:" + tag, "12 rendez-vous effacés"));
    }

    private long id(String email) {
        return staff.byEmail(email).map(Staff::id).orElseThrow();
    }

    private long site(String slug) {
        return sites.bySlug(slug).map(Site::id).orElseThrow();
    }
}
