package fr.relais.partner;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The documented mapping of data·inclusion words to the directory's codes. Plain JUnit. */
class DataInclusionMappingTest {
    private static DataInclusion.Structure structure(String name, List<String> networks, String typology) {
        return new DataInclusion.Structure("s", "1", name, null, null, null, null, null, null, null, null, networks, typology,
                null, null, null);
    }

    /** A structure as schema v0 described it: labels instead of networks. */
    private static DataInclusion.Structure v0(String name, List<String> labels, String typology) {
        return new DataInclusion.Structure("s", "1", name, null, null, null, null, null, null, null, null, null, typology,
                null, labels, null);
    }

    private static DataInclusion.Service service(List<String> mobilisation, List<String> beneficiary, List<String> helper,
                                                 String appointmentLink) {
        return new DataInclusion.Service("s", "2", "Service", "1", List.of(), mobilisation, beneficiary, helper, appointmentLink);
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
    void theNetworkNamesOfSchemaV1AndTheLabelsOfSchemaV0GiveTheKind() {
        assertEquals("LEGAL_AID", DataInclusionMapping.kind(structure("Accueil", List.of("points-justice"), null)));
        assertEquals("DIGITAL_MEDIATION", DataInclusionMapping.kind(structure("Accueil", List.of("conseillers-numeriques"), null)));
        assertEquals("DIGITAL_MEDIATION", DataInclusionMapping.kind(structure("Accueil", List.of("espaces-publics-numeriques"), null)));
        assertEquals("CPAM", DataInclusionMapping.kind(structure("Accueil", List.of("cnam"), null)));
        assertEquals("TOWN_HALL", DataInclusionMapping.kind(structure("Accueil", List.of("communes"), null)));
        // Aidants Connect is carried by many kinds of places: it says nothing of the kind, the next network does.
        assertEquals("FRANCE_SERVICES", DataInclusionMapping.kind(structure("Accueil", List.of("aidants-connect", "france-service"), null)));
        assertEquals("DIGITAL_MEDIATION", DataInclusionMapping.kind(v0("Accueil", List.of("conseiller-numerique"), null)));
        assertEquals("LEGAL_AID", DataInclusionMapping.kind(v0("Accueil", List.of("point-justice"), "ASSO")), "the label before the typology");
        assertEquals("FRANCE_SERVICES", DataInclusionMapping.kind(v0("Accueil", null, "MSAP")));
        assertEquals("EMMAUS_CONNECT", DataInclusionMapping.kind(v0("Emmaüs Connect Lyon", List.of("emmaus"), null)));
    }

    @Test
    void thematiquesOfSchemaV1GiveThemesAndScopes() {
        assertEquals(Set.of("EQUIPMENT_BASICS", "WEB_BROWSING", "EMAIL"),
                DataInclusionMapping.codes(List.of("numerique--maitriser-les-fondamentaux-du-numerique")));
        assertEquals(Set.of("ADMIN_PROCEDURES"), DataInclusionMapping.codes(List.of(
                "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits")));
        assertEquals(Set.of("PAPERS"), DataInclusionMapping.codes(List.of(
                "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-a-la-citoyennete")));
        assertEquals(Set.of("SOCIAL_HEALTH"), DataInclusionMapping.codes(List.of("sante--constituer-un-dossier-mdph-invalidite")));
        assertEquals(Set.of("WORK"), DataInclusionMapping.codes(List.of("creer-une-entreprise--developper-son-entreprise")));
        assertEquals(Set.of("TRANSPORT"), DataInclusionMapping.codes(List.of("mobilite--preparer-un-permis")));
    }

    @Test
    void theWaysToReachComeFromEveryModeOfBothSchemas() {
        assertEquals(Set.of(PartnerAccess.PRESENT, PartnerAccess.EMAIL),
                DataInclusionMapping.access(service(List.of("se-presenter", "envoyer-un-courriel"), null, null, null)));
        // v0: the person's ways and the helper's ways (v1 merged both into modes_mobilisation), and an appointment link.
        assertEquals(Set.of(PartnerAccess.PRESENT, PartnerAccess.PHONE, PartnerAccess.EMAIL, PartnerAccess.ONLINE_APPOINTMENT),
                DataInclusionMapping.access(service(null, List.of("se-presenter", "prendre-rdv"), List.of("telephoner", "envoyer-un-mail"),
                        "https://rdv.example.org")));
        assertEquals(Set.of(), DataInclusionMapping.access(service(null, List.of("autre", "completer-le-formulaire-dadhesion"), null, " ")));
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
