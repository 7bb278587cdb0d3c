package fr.relais.partner;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The documented mapping of data·inclusion words to the directory's codes. Plain JUnit. */
class DataInclusionMappingTest {
    private static DataInclusion.Structure structure(String name, List<String> networks, String typology) {
        return new DataInclusion.Structure("s", "1", name, null, null, null, null, null, null, null, null, networks, typology);
    }

    @Test
    void theKindComesFromTheNetworkThenTheTypologyThenTheName() {
        assertEquals("CAF", DataInclusionMapping.kind(structure("Accueil", List.of("caf"), null)));
        assertEquals("FRANCE_SERVICES", DataInclusionMapping.kind(structure("Accueil", List.of("autre", "france-service"), "CCAS")));
        assertEquals("MISSION_LOCALE", DataInclusionMapping.kind(structure("Accueil", List.of("Mission-Locale"), null)));
        assertEquals("CCAS", DataInclusionMapping.kind(structure("Accueil", List.of(), "CIAS")));
        assertEquals("PUBLIC_WRITER", DataInclusionMapping.kind(structure("Écrivain public — permanence", null, null)));
        assertEquals("TOWN_HALL", DataInclusionMapping.kind(structure("MAIRIE du 8e", null, null)));
        assertEquals("PREFECTURE", DataInclusionMapping.kind(structure("Sous-préfecture de Villefranche", null, null)));
        assertEquals("OTHER", DataInclusionMapping.kind(structure("Succursale", List.of("inconnu"), "XYZ")));
        assertEquals("OTHER", DataInclusionMapping.kind(structure(null, null, null)));
    }

    @Test
    void thematiquesGiveThemesAndScopes() {
        assertEquals(Set.of("ADMIN_PROCEDURES"), DataInclusionMapping.codes(List.of(
                "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives")));
        assertEquals(Set.of("HEALTH", "SOCIAL_HEALTH"), DataInclusionMapping.codes(List.of("numerique--accompagner-les-demarches-de-sante")));
        assertEquals(Set.of("SOCIAL_HEALTH"), DataInclusionMapping.codes(List.of("sante--acces-aux-soins")));
        assertEquals(Set.of("ACCESS", "MONEY"), DataInclusionMapping.codes(List.of("difficultes-financieres--acquisition-fournitures-numeriques")));
        assertEquals(Set.of("HOUSING"), DataInclusionMapping.codes(List.of("logement-hebergement")));
        assertEquals(Set.of(), DataInclusionMapping.codes(List.of("numerique", "inconnu--truc")));
        assertEquals(Set.of(), DataInclusionMapping.codes(null));
    }

    @Test
    void modesDeMobilisationGiveTheWaysToReach() {
        assertEquals(Set.of(PartnerAccess.PRESENT, PartnerAccess.PHONE, PartnerAccess.EMAIL, PartnerAccess.ONLINE_APPOINTMENT),
                DataInclusionMapping.access(List.of("se-presenter", "telephoner", "envoyer-un-mail", "utiliser-lien-mobilisation")));
        assertEquals(Set.of(), DataInclusionMapping.access(List.of("autre")));
    }
}
