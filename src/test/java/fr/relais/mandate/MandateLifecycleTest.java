package fr.relais.mandate;

import fr.relais.journal.JournalAction;
import fr.relais.security.CurrentStaff;
import fr.relais.site.Site;
import fr.relais.site.SiteRepository;
import fr.relais.site.Sites;
import fr.relais.security.Role;
import fr.relais.staff.Staff;
import fr.relais.staff.StaffRepository;
import fr.relais.testing.MutableClock;
import fr.relais.testing.OnBothDatabases;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The life of a mandate at the service level: drafted, signed, expired by the clock, revoked, superseded per
 * scope — and what the "may act for" check answers in each state.
 */
@MicronautTest(environments = "demo", transactional = false)
class MandateLifecycleTest extends OnBothDatabases {
    @Inject
    Mandates mandates;
    @Inject
    MandateAuthority authority;
    @Inject
    MandateRepository repository;
    @Inject
    SiteRepository siteRepository;
    @Inject
    Sites sites;
    @Inject
    StaffRepository staffRepository;
    @Inject
    MutableClock clock;
    @Inject
    DataSource dataSource;
    @Inject
    JournalProbe journal;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    private Site centre() {
        return siteRepository.findBySlug("mediatheque-centre").orElseThrow();
    }

    private Site nord() {
        return siteRepository.findBySlug("bibliotheque-nord").orElseThrow();
    }

    private Staff staff(String email) {
        return staffRepository.findByEmail(email).orElseThrow();
    }

    private CurrentStaff me(String email) {
        Staff s = staff(email);
        Set<Long> siteIds = email.contains("nord") ? Set.of(nord().id()) : Set.of(centre().id());
        return new CurrentStaff(s.id(), s.displayName(), s.role(), siteIds, s.mandateHabilitated(), false);
    }

    private Mandate draft(Site site, String first, String last, int days, String... scopes) {
        return mandates.draft(site.id(), staff("aidant.centre@relais.demo").id(),
                new Mandates.Draft(first, last, List.of(scopes), "Déclarer les ressources à la CAF", days,
                        sites.today(site)));
    }

    private Mandate signed(Site site, String first, String last, int days, String... scopes) {
        Mandate m = draft(site, first, last, days, scopes);
        return mandates.activate(m, staff("aidant.centre@relais.demo").id()).orElseThrow();
    }

    private Mandate reload(Mandate m) {
        return repository.findById(m.id()).orElseThrow();
    }

    private List<String> journalActions(Mandate m) {
        return journal.actionsOf(m.ref());
    }

    private Optional<MandateAuthority.Refusal> check(String email, Site site, Mandate m, String... scopes) {
        return authority.check(me(email), site.id(), m.id(), List.of(scopes));
    }

    @Test
    void aDraftIsNotEnoughThenTheSignatureMakesItActiveForItsScopesOnly() {
        Mandate m = draft(centre(), "Marie", "Durand", 31, "FAMILY", "HOUSING");
        assertEquals(MandateState.DRAFT, m.state(sites.today(centre())));
        assertEquals(Optional.of(MandateAuthority.Refusal.DRAFT), check("aidant.centre@relais.demo", centre(), m, "FAMILY"));

        Mandate active = mandates.activate(m, staff("aidant.centre@relais.demo").id()).orElseThrow();
        assertEquals(MandateState.ACTIVE, reload(active).state(sites.today(centre())));
        assertEquals(Optional.empty(), check("aidant.centre@relais.demo", centre(), m, "FAMILY"));
        assertEquals(Optional.empty(), check("aidant.centre@relais.demo", centre(), m, "FAMILY", "HOUSING"));
        assertEquals(Optional.of(MandateAuthority.Refusal.SCOPE_NOT_COVERED),
                check("aidant.centre@relais.demo", centre(), m, "TRANSPORT"));
        assertEquals(Optional.of(MandateAuthority.Refusal.SCOPE_NOT_COVERED),
                check("aidant.centre@relais.demo", centre(), m, "FAMILY", "TRANSPORT"));
        assertEquals(Optional.of(MandateAuthority.Refusal.SCOPE_NOT_COVERED), check("aidant.centre@relais.demo", centre(), m));
        // Signing twice changes nothing and says so.
        assertTrue(mandates.activate(reload(m), staff("aidant.centre@relais.demo").id()).isEmpty());
        assertEquals(List.of("MANDATE_DRAFTED", "MANDATE_ACTIVATED"), journalActions(m));
    }

    @Test
    void onlyAHabilitatedHelperOfTheSiteMayActForThePerson() {
        Mandate m = signed(centre(), "Paul", "Martin", 31, "FAMILY");
        assertEquals(Optional.of(MandateAuthority.Refusal.NOT_HABILITATED), check("benevole.centre@relais.demo", centre(), m, "FAMILY"));
        assertEquals(Optional.of(MandateAuthority.Refusal.NOT_HABILITATED), check("aidant.nord@relais.demo", centre(), m, "FAMILY"));
        assertEquals(Optional.of(MandateAuthority.Refusal.NOT_HABILITATED), check("direction.centre@relais.demo", centre(), m, "FAMILY"));
        // A mandate of another site, asked for through one's own site, is not there.
        Mandate nordMandate = mandates.draft(nord().id(), staff("aidant.nord@relais.demo").id(),
                new Mandates.Draft("Paul", "Martin", List.of("FAMILY"), "Objet", 31, sites.today(nord())));
        assertEquals(Optional.of(MandateAuthority.Refusal.OTHER_SITE),
                authority.check(me("aidant.centre@relais.demo"), centre().id(), nordMandate.id(), List.of("FAMILY")));
        assertEquals(Optional.of(MandateAuthority.Refusal.NO_MANDATE),
                authority.check(me("aidant.centre@relais.demo"), centre().id(), null, List.of("FAMILY")));
    }

    @Test
    void aMandateExpiresTheDayAfterItsEndDateByTheClockAlone() {
        Mandate oneDay = signed(centre(), "Léa", "Petit", 1, "MONEY");
        Mandate month = signed(centre(), "Léa", "Grand", 31, "MONEY");
        LocalDate today = sites.today(centre());
        assertEquals(today, oneDay.endDate());
        assertEquals(today.plusDays(30), month.endDate());
        assertEquals(Optional.empty(), check("aidant.centre@relais.demo", centre(), oneDay, "MONEY"));

        clock.advance(Duration.ofDays(1));
        assertEquals(MandateState.EXPIRED, reload(oneDay).state(sites.today(centre())));
        assertEquals(Optional.of(MandateAuthority.Refusal.EXPIRED), check("aidant.centre@relais.demo", centre(), oneDay, "MONEY"));
        assertEquals(Optional.empty(), check("aidant.centre@relais.demo", centre(), month, "MONEY"));
        // An expired mandate can be neither signed nor revoked any more.
        assertTrue(mandates.revoke(reload(oneDay), staff("aidant.centre@relais.demo").id(), RevocationKind.USER, "fin").isEmpty());

        // The journal receives the expiry once, however often the job runs.
        mandates.journalExpiries();
        mandates.journalExpiries();
        assertEquals(List.of("MANDATE_DRAFTED", "MANDATE_ACTIVATED", "MANDATE_EXPIRED"), journalActions(oneDay));
        assertFalse(journalActions(month).contains("MANDATE_EXPIRED"));

        clock.advance(Duration.ofDays(30));
        assertEquals(MandateState.EXPIRED, reload(month).state(sites.today(centre())));
        assertEquals(Optional.of(MandateAuthority.Refusal.EXPIRED), check("aidant.centre@relais.demo", centre(), month, "MONEY"));
    }

    @Test
    void aMandateStartingLaterIsNotYetInForce() {
        Site site = centre();
        Mandate later = mandates.draft(site.id(), staff("aidant.centre@relais.demo").id(),
                new Mandates.Draft("Jean", "Later", List.of("WORK"), "Objet", 31, sites.today(site).plusDays(3)));
        mandates.activate(later, staff("aidant.centre@relais.demo").id()).orElseThrow();
        assertEquals(Optional.of(MandateAuthority.Refusal.NOT_STARTED), check("aidant.centre@relais.demo", site, later, "WORK"));
        clock.advance(Duration.ofDays(3));
        assertEquals(Optional.empty(), check("aidant.centre@relais.demo", site, later, "WORK"));
    }

    @Test
    void revokedByThePersonOrTheLibraryEndsItAtOnce() {
        Mandate byUser = signed(centre(), "Ana", "Silva", 182, "SOCIAL_HEALTH");
        Mandate revoked = mandates.revoke(byUser, staff("aidant.centre@relais.demo").id(), RevocationKind.USER,
                "La personne fait seule désormais").orElseThrow();
        assertEquals(MandateState.REVOKED, reload(revoked).state(sites.today(centre())));
        assertEquals("USER", reload(revoked).revocationKind());
        assertEquals(Optional.of(MandateAuthority.Refusal.REVOKED), check("aidant.centre@relais.demo", centre(), byUser, "SOCIAL_HEALTH"));
        assertTrue(mandates.revoke(reload(byUser), staff("aidant.centre@relais.demo").id(), RevocationKind.SITE, "x").isEmpty(),
                "a revoked mandate cannot be revoked again");
        assertEquals(List.of("MANDATE_DRAFTED", "MANDATE_ACTIVATED", "MANDATE_REVOKED"), journalActions(byUser));

        Mandate draftBySite = draft(centre(), "Ana", "Costa", 31, "SOCIAL_HEALTH");
        mandates.revoke(draftBySite, staff("direction.centre@relais.demo").id(), RevocationKind.SITE, "Erreur de saisie").orElseThrow();
        assertEquals(MandateState.REVOKED, reload(draftBySite).state(sites.today(centre())));
        assertTrue(mandates.activate(reload(draftBySite), staff("aidant.centre@relais.demo").id()).isEmpty(),
                "a revoked draft cannot be signed");
    }

    @Test
    void aNewMandateForTheSamePersonTakesOverItsScopesFromTheOlderOne() {
        Mandate older = signed(centre(), "Zoé", "Müller-Fabre", 365, "FAMILY", "HOUSING");
        // The same person, typed differently: case, accents and spaces do not matter.
        Mandate newer = signed(centre(), "ZOE", "muller fabre", 182, "HOUSING");

        List<MandateScope> olderScopes = mandates.scopesOf(older.id());
        assertEquals(newer.id(), olderScopes.stream().filter(s -> s.scopeCode().equals("HOUSING")).findFirst().orElseThrow().supersededBy());
        assertTrue(olderScopes.stream().filter(s -> s.scopeCode().equals("FAMILY")).findFirst().orElseThrow().current());
        assertEquals(MandateState.ACTIVE, reload(older).state(sites.today(centre())), "still active for its other scope");
        assertEquals(Optional.empty(), check("aidant.centre@relais.demo", centre(), older, "FAMILY"));
        assertEquals(Optional.of(MandateAuthority.Refusal.SCOPE_NOT_COVERED), check("aidant.centre@relais.demo", centre(), older, "HOUSING"));
        assertEquals(Optional.empty(), check("aidant.centre@relais.demo", centre(), newer, "HOUSING"));
        assertEquals(List.of("MANDATE_DRAFTED", "MANDATE_ACTIVATED", "MANDATE_SUPERSEDED"), journalActions(older));

        // Once every scope is taken over, the older mandate is revoked as superseded.
        signed(centre(), "Zoé", "Müller-Fabre", 31, "FAMILY");
        Mandate ended = reload(older);
        assertEquals(MandateState.REVOKED, ended.state(sites.today(centre())));
        assertEquals("SUPERSEDED", ended.revocationKind());
        assertEquals(Optional.of(MandateAuthority.Refusal.REVOKED), check("aidant.centre@relais.demo", centre(), older, "FAMILY"));

        // Another person, or the same name at another site, is not superseded.
        Mandate other = signed(centre(), "Zoé", "Muller", 31, "HOUSING");
        assertEquals(Optional.empty(), check("aidant.centre@relais.demo", centre(), other, "HOUSING"));
        assertEquals(Optional.empty(), check("aidant.centre@relais.demo", centre(), newer, "HOUSING"));
    }

    @Test
    void theDeskFindsMandatesByAnyPartOfTheNameAndListsThoseEndingSoon() {
        Mandate m = signed(centre(), "Éloïse", "Dubois-Lefèvre", 1, "PAPERS");
        Mandate far = signed(centre(), "Éloïse", "Lointaine", 365, "PAPERS");
        assertTrue(mandates.search(centre().id(), "eloise dubois").stream().anyMatch(x -> x.id().equals(m.id())));
        assertTrue(mandates.search(centre().id(), "LEFEVRE").stream().anyMatch(x -> x.id().equals(m.id())));
        assertTrue(mandates.search(centre().id(), "dubois martin").isEmpty());
        assertTrue(mandates.search(nord().id(), "dubois").isEmpty(), "another site's search does not see it");
        assertTrue(mandates.search(centre().id(), "  ").isEmpty());

        List<Long> expiring = mandates.expiringSoon(centre()).stream().map(Mandate::id).toList();
        assertTrue(expiring.contains(m.id()));
        assertFalse(expiring.contains(far.id()));
        List<MandateAuthority.InForce> inForce = authority.inForce(centre().id(), "dubois");
        assertEquals(List.of("PAPERS"), inForce.stream().filter(x -> x.id() == m.id()).findFirst().orElseThrow().scopeCodes());
    }

    @Test
    void theJournalNeverReceivesThePersonsName() {
        Mandate m = signed(centre(), "Gaspard", "Inoubliable", 31, "JUSTICE");
        mandates.revoke(m, staff("aidant.centre@relais.demo").id(), RevocationKind.SITE, "Demande traitée");
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM journal_entry WHERE LOWER(COALESCE(details, '')) "
                     + "LIKE '%inoubliable%' OR LOWER(COALESCE(object_ref, '')) LIKE '%inoubliable%'");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            assertEquals(0, rs.getInt(1));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        assertEquals(3, journalActions(m).size());
        assertTrue(Role.HELPER == staff("aidant.centre@relais.demo").role());
        assertEquals(JournalAction.MANDATE_REVOKED.name(), journalActions(m).get(2));
    }
}
