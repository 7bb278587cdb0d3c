package fr.relais.appointment;

import fr.relais.security.PasswordHasher;
import fr.relais.site.Site;
import fr.relais.site.Sites;
import fr.relais.security.Role;
import fr.relais.staff.StaffAccounts;
import fr.relais.testing.OnBothDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** When a permanence's team changes after some bookings, a new booking goes to a helper who is still free. */
@MicronautTest(transactional = false)
class SeatingTest extends OnBothDatabases {
    @Inject
    Sites sites;
    @Inject
    StaffAccounts accounts;
    @Inject
    Permanences permanences;
    @Inject
    Slots slots;
    @Inject
    Bookings bookings;
    @Inject
    PasswordHasher hasher;

    @Test
    void aHelperAddedLaterGetsTheNextBookingNotTheBusyOne() {
        Site site = sites.create(new Site(null, "equipe-changeante", "Bibliothèque Équipe", "1 rue A", "69001", "Lyon",
                null, null, null, null, Sites.DEFAULT_ZONE, Instant.now()));
        String hash = hasher.hash("un-mot-de-passe-de-test");
        // Created first: the lower id, which a plain "seat n → n-th helper by id" rule would always pick first.
        long early = accounts.create("premiere@equipe.test", "Première", Role.HELPER, false, hash, false, Set.of(site.id())).id();
        long busy = accounts.create("occupee@equipe.test", "Occupée", Role.HELPER, false, hash, false, Set.of(site.id())).id();
        LocalDate day = sites.today(site).plusDays(7);
        Permanence p = permanences.create(site, day.getDayOfWeek().getValue(), LocalTime.of(14, 0), LocalTime.of(14, 30), 30,
                day.minusDays(7), null, List.of(busy));
        Slot slot = slots.between(site, day, day).get(0);
        Appointment first = bookings.book(site, Slot.parse(slot.key()).orElseThrow(),
                new Bookings.Request("Ana", null, null, "EMAIL", null, null), null);
        assertEquals(busy, first.helperId());

        permanences.update(p, List.of(early, busy));
        Appointment second = bookings.book(site, Slot.parse(slot.key()).orElseThrow(),
                new Bookings.Request("Bo", null, null, "EMAIL", null, null), null);
        assertEquals(early, second.helperId(), "the free helper, not the one already with Ana");
        assertNotEquals(first.seat(), second.seat());
    }
}
