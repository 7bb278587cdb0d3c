package fr.relais.partner;

import fr.relais.testing.OnBothDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The directory as other features read it from a library: which entries, in which order, with which lists. */
@MicronautTest(environments = "demo", transactional = false)
class PartnersTest extends OnBothDatabases {
    @Inject
    Partners partners;
    @Inject
    PartnerFixtures data;

    @Test
    void aLibrarySeesTheActiveNetworkEntriesAndItsOwnByName() {
        Partner centre = data.entry("Atelier numérique de quartier", "mediatheque-centre");
        Partner nord = data.entry("Atelier du Nord", "bibliotheque-nord");
        Partner asleep = data.entry("Association en pause", "mediatheque-centre");
        partners.setActive(asleep, false);
        long centreId = data.site("mediatheque-centre").id();

        List<PartnerSummary> seen = partners.visibleFrom(centreId);
        List<String> names = seen.stream().map(PartnerSummary::name).toList();
        assertTrue(names.contains("Atelier numérique de quartier"));
        assertFalse(names.contains("Atelier du Nord"));
        assertFalse(names.contains("Association en pause"));
        assertEquals(7, seen.size(), names.toString());
        assertEquals(List.of("Assurance maladie — accueil Sud", "Atelier numérique de quartier", "CAF — accueil Centre",
                "CCAS — antenne Nord", "Écrivain public — permanence de la maison de quartier", "Emmaüs Connect — point d'accueil",
                "France Services Est"), names, "French order: accents do not push a name to the end");

        assertTrue(partners.visible(centreId, centre.id()).isPresent());
        assertTrue(partners.visible(centreId, seen.get(0).id()).isPresent(), "a network-wide entry");
        assertTrue(partners.visible(centreId, nord.id()).isEmpty(), "another library's entry");
        assertTrue(partners.visible(centreId, asleep.id()).isEmpty(), "a deactivated entry");
        assertTrue(partners.visible(centreId, 999_999).isEmpty());
    }

    @Test
    void aFilterNarrowsWhatALibrarySees() {
        long nordId = data.site("bibliotheque-nord").id();
        List<PartnerSummary> found = partners.search(nordId, new PartnerFilter("france", null, "ADMIN_PROCEDURES", null, null, true));
        assertEquals(List.of("France Services Est"), found.stream().map(PartnerSummary::name).toList());
        assertEquals("FRANCE_SERVICES", found.get(0).kindCode());
        assertEquals(List.of("ADMIN_PROCEDURES"), found.get(0).themeCodes());
        assertTrue(found.get(0).networkWide());
    }

    @Test
    void listsComeInTheReferenceOrder() {
        // Of the Nord library, and without "France" in its name: the other tests of this class do not see it.
        Partner p = data.entry("Maison de services de test", "bibliotheque-nord", "FRANCE_SERVICES", "Lyon",
                List.of("PRINT_SCAN", "EMAIL", "ADMIN_PROCEDURES"), List.of("MONEY", "PAPERS"),
                List.of(PartnerAccess.ONLINE_APPOINTMENT, PartnerAccess.PRESENT), "Une pièce d’identité\n\n  Votre carte Vitale  ");
        assertEquals(List.of("EMAIL", "ADMIN_PROCEDURES", "PRINT_SCAN"), partners.themes(p));
        assertEquals(List.of("PAPERS", "MONEY"), partners.scopes(p));
        assertEquals(List.of(PartnerAccess.PRESENT, PartnerAccess.ONLINE_APPOINTMENT), partners.access(p));
        assertEquals(List.of("Une pièce d’identité", "Votre carte Vitale"), p.whatToBringLines());
        assertEquals(List.of("1 rue du Test", "69002 Lyon"), p.addressLines());
        assertEquals("partner.access.ONLINE_APPOINTMENT", PartnerAccess.ONLINE_APPOINTMENT.labelKey());
    }
}
