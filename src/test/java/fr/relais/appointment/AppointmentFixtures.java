package fr.relais.appointment;

import fr.relais.security.PasswordHasher;
import fr.relais.site.Site;
import fr.relais.site.Sites;
import fr.relais.security.Role;
import fr.relais.staff.StaffAccounts;
import jakarta.inject.Singleton;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Sites, helpers and permanences made for a test, with a slot a week ahead. */
@Singleton
class AppointmentFixtures {
    static final String PASSWORD = "fixture-password-2026";
    private final Sites sites;
    private final StaffAccounts accounts;
    private final Permanences permanences;
    private final Slots slots;
    private final String passwordHash;

    AppointmentFixtures(Sites sites, StaffAccounts accounts, Permanences permanences, Slots slots, PasswordHasher hasher) {
        this.sites = sites;
        this.accounts = accounts;
        this.permanences = permanences;
        this.slots = slots;
        this.passwordHash = hasher.hash(PASSWORD);
    }

    record Desk(Site site, List<String> helperEmails, Slot slot) {
    }

    /** A site with {@code helpers} helpers on one permanence next week; its first slot. */
    Desk desk(String slug, int helpers) {
        Site site = sites.create(new Site(null, slug, "Bibliothèque " + slug, "1 rue des Tests", "69001", "Lyon",
                "04 72 00 00 09", null, "Entrée rue des Tests", "Plain-pied", Sites.DEFAULT_ZONE, Instant.now()));
        List<String> emails = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= helpers; i++) {
            String email = "aidant" + i + "@" + slug + ".test";
            emails.add(email);
            ids.add(accounts.create(email, "Aidant" + i, Role.HELPER, false, passwordHash, false, Set.of(site.id())).id());
        }
        LocalDate day = sites.today(site).plusDays(7);
        DayOfWeek weekday = day.getDayOfWeek();
        permanences.create(site, weekday.getValue(), LocalTime.of(14, 0), LocalTime.of(16, 0), 30,
                day.minusDays(14), null, ids);
        return new Desk(site, emails, slots.between(site, day, day).get(0));
    }
}
