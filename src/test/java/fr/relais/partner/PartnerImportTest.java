package fr.relais.partner;

import fr.relais.testing.OnBothDatabases;
import fr.relais.testing.TestClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Importing data·inclusion files: the files as data·inclusion publishes them (structures.json alone, or with
 * services.json, whose themes and ways to reach are merged into their structures; a page of its API; files of schema
 * v0), the sample directory (created, then updated in place), a file with bad rows (each left out with its reason, the
 * good ones saved), services whose structure is missing (reported), files that are not JSON or not of these shapes, or
 * services alone (nothing changes), and the three pages a coordinator goes through, upload form included (multipart
 * with two files and its CSRF token).
 */
@MicronautTest(environments = "demo", transactional = false)
class PartnerImportTest extends OnBothDatabases {
    @Inject
    EmbeddedServer server;
    @Inject
    PartnerImport imports;
    @Inject
    PartnerRepository repository;
    @Inject
    Partners partners;

    TestClient coordinator;

    @BeforeAll
    void signIn() {
        coordinator = TestClient.of(server).loginDemo("coordination@relais.demo");
    }

    @AfterAll
    void close() {
        coordinator.close();
    }

    static String sample() {
        try (InputStream in = PartnerImportTest.class.getResourceAsStream("/reference/partners-sample.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The sample as another source would publish it: the same structures, new to the directory. */
    static String sampleFrom(String source) {
        return sample().replace("\"source\": \"exemple\"", "\"source\": \"" + source + "\"");
    }

    /** A file of src/test/resources/data-inclusion, as published, its sources renamed so that each test has its own entries. */
    static String published(String file, String suffix) {
        try (InputStream in = PartnerImportTest.class.getResourceAsStream("/data-inclusion/" + file)) {
            String content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String source : List.of("dora", "mediation-numerique", "soliguide")) {
                content = content.replace("\"source\": \"" + source + "\"", "\"source\": \"" + source + "-" + suffix + "\"");
            }
            return content;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PartnerImport.Upload structures(String content) {
        return new PartnerImport.Upload("file", content);
    }

    private static PartnerImport.Upload services(String content) {
        return new PartnerImport.Upload("services", content);
    }

    private static TestClient.FilePart file(String name, String content) {
        return new TestClient.FilePart(name, "application/json", content.getBytes(StandardCharsets.UTF_8));
    }

    private long count() {
        return repository.count();
    }

    // ---------------------------------------------------------------- the service

    @Test
    void theDemoStartImportedTheSampleNetworkWide() {
        List<Partner> sample = repository.findBySource("exemple");
        assertEquals(6, sample.size());
        assertTrue(sample.stream().allMatch(p -> p.siteId() == null && p.active()));
    }

    @Test
    void thePublishedStructuresFileImportsAlone() throws Exception {
        long before = count();
        PartnerImport.Outcome preview = imports.preview(List.of(structures(published("structures.json", "a"))), java.util.Locale.FRENCH);
        assertEquals(6, preview.count(PartnerImport.Action.CREATE), preview.lines().toString());
        assertEquals(0, preview.count(PartnerImport.Action.UPDATE));
        assertEquals(List.of(new PartnerImport.Line(7, "dora--cpam-venissieux", "Accueil Assurance maladie de Vénissieux",
                PartnerImport.Action.REJECT, "Téléphone\u00A0: Numéro de téléphone non reconnu. Exemples : 04 72 00 00 00, ou un numéro court comme 3230.")),
                preview.lines(PartnerImport.Action.REJECT));
        assertEquals(0, preview.servicesRead());
        assertEquals(before, count(), "nothing saved by the preview");

        PartnerImport.Outcome done = imports.apply(List.of(structures(published("structures.json", "a"))), java.util.Locale.FRENCH);
        assertEquals(6, done.count(PartnerImport.Action.CREATE));
        assertEquals(before + 6, count());
        Partner ccas = repository.findBySourceAndSourceId("dora-a", "dora--ccas-villeurbanne").orElseThrow();
        assertEquals("CCAS de Villeurbanne", ccas.name());
        assertEquals("CCAS", ccas.kindCode());
        assertEquals("12 rue du Docteur Dolard, Rez-de-chaussée", ccas.address());
        assertEquals("69100", ccas.postcode());
        assertEquals("Villeurbanne", ccas.town());
        assertEquals("+33472000011", ccas.phone());
        assertEquals("ccas@example.org", ccas.email());
        assertEquals("https://www.example.org/ccas", ccas.website());
        assertEquals("Mo-Fr 08:30-12:00,13:30-17:00; PH off", ccas.openingHours());
        assertNull(ccas.siteId(), "network-wide");
        assertEquals(List.of(), partners.themes(ccas), "without the services file, no themes");
        assertEquals(List.of(), partners.access(ccas));
        assertEquals("FRANCE_SERVICES", repository.findBySourceAndSourceId("dora-a", "dora--france-services-vaulx").orElseThrow().kindCode());
        assertEquals("DIGITAL_MEDIATION", repository.findBySourceAndSourceId("mediation-numerique-a", "mediation-numerique--epn-gerland")
                .orElseThrow().kindCode());
        assertEquals("LEGAL_AID", repository.findBySourceAndSourceId("dora-a", "dora--point-justice-bron").orElseThrow().kindCode());
        assertEquals("PUBLIC_WRITER", repository.findBySourceAndSourceId("soliguide-a", "soliguide--ecrivain-public-bonnefoi")
                .orElseThrow().kindCode());
        assertTrue(repository.findBySourceAndSourceId("dora-a", "dora--cpam-venissieux").isEmpty(), "the rejected row is not saved");
    }

    @Test
    void structuresAndServicesImportTogetherWithTheServicesThemesMerged() throws Exception {
        long before = count();
        PartnerImport.Outcome done = imports.apply(List.of(structures(published("structures.json", "b")),
                services(published("services.json", "b"))), java.util.Locale.FRENCH);
        assertEquals(6, done.count(PartnerImport.Action.CREATE));
        assertEquals(1, done.count(PartnerImport.Action.REJECT));
        assertEquals(8, done.servicesRead());
        assertEquals(before + 6, count());

        // Two services: their themes, scopes and ways to reach, merged.
        Partner ccas = repository.findBySourceAndSourceId("dora-b", "dora--ccas-villeurbanne").orElseThrow();
        assertEquals(List.of("ADMIN_PROCEDURES"), partners.themes(ccas));
        assertEquals(List.of("MONEY"), partners.scopes(ccas));
        assertEquals(List.of(PartnerAccess.PRESENT, PartnerAccess.PHONE, PartnerAccess.EMAIL), partners.access(ccas));
        Partner epn = repository.findBySourceAndSourceId("mediation-numerique-b", "mediation-numerique--epn-gerland").orElseThrow();
        assertEquals(Set.of("EQUIPMENT_BASICS", "WEB_BROWSING", "EMAIL", "ACCESS"), Set.copyOf(partners.themes(epn)));
        assertEquals(List.of(PartnerAccess.PRESENT), partners.access(epn));
        Partner fs = repository.findBySourceAndSourceId("dora-b", "dora--france-services-vaulx").orElseThrow();
        assertEquals(List.of("ADMIN_PROCEDURES"), partners.themes(fs));
        assertEquals(List.of("SOCIAL_HEALTH"), partners.scopes(fs));
        assertEquals(List.of(PartnerAccess.PRESENT, PartnerAccess.PHONE, PartnerAccess.ONLINE_APPOINTMENT), partners.access(fs));
        Partner youth = repository.findBySourceAndSourceId("dora-b", "dora--mission-locale-lyon-sud").orElseThrow();
        assertEquals("MISSION_LOCALE", youth.kindCode());
        assertEquals(Set.of("WORK", "TRANSPORT"), Set.copyOf(partners.scopes(youth)));
        Partner writer = repository.findBySourceAndSourceId("soliguide-b", "soliguide--ecrivain-public-bonnefoi").orElseThrow();
        assertEquals(List.of(), partners.themes(writer), "no service of its own in the file");

        // The service whose structure is not in the structures file is reported, not dropped silently.
        assertEquals(List.of(new PartnerImport.Line(8, "dora--centre-social-des-etats-unis-atelier-cv",
                "Atelier CV et lettre de motivation", PartnerImport.Action.REJECT,
                "Sa structure « dora--centre-social-des-etats-unis » n’est pas dans le fichier des structures : ses "
                        + "thématiques et ses façons de joindre ne sont pas reprises.")), done.servicesLeftOut());
    }

    @Test
    void whichFileIsWhichIsReadFromTheRecordsNotFromTheFieldOrTheOrder() throws Exception {
        PartnerImport.Outcome swapped = imports.preview(List.of(new PartnerImport.Upload("file", published("services.json", "c")),
                new PartnerImport.Upload("services", published("structures.json", "c"))), java.util.Locale.FRENCH);
        assertEquals(6, swapped.count(PartnerImport.Action.CREATE));
        assertEquals(8, swapped.servicesRead());
        assertEquals(1, swapped.servicesLeftOut().size());
    }

    @Test
    void aPageOfTheApiIsReadLikeTheFile() throws Exception {
        long before = count();
        String items = published("structures.json", "d").strip();
        String page = "{\"items\": " + items + ", \"total\": 7, \"page\": 1, \"size\": 500, \"pages\": 1}";
        String servicesPage = "{\"items\": " + published("services.json", "d").strip() + ", \"total\": 8, \"page\": 1, \"size\": 500}";
        PartnerImport.Outcome done = imports.apply(List.of(structures(page), services(servicesPage)), java.util.Locale.FRENCH);
        assertEquals(6, done.count(PartnerImport.Action.CREATE));
        assertEquals(before + 6, count());
        assertEquals(List.of("ADMIN_PROCEDURES"), partners.themes(
                repository.findBySourceAndSourceId("dora-d", "dora--ccas-villeurbanne").orElseThrow()));
    }

    /** Files downloaded before schema v1: renamed fields are read too. */
    @Test
    void filesOfSchemaV0AreReadToo() throws Exception {
        String structuresV0 = """
                [{"source": "essai-v0", "id": "mairie-8", "nom": "Mairie du 8e arrondissement", "typologie": "MUNI",
                  "horaires_ouverture": "Mo-Fr 08:45-16:45", "code_postal": "69008", "commune": "Lyon",
                  "labels_nationaux": [], "thematiques": ["difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives"],
                  "antenne": false, "presentation_resume": "Accueil de la mairie d’arrondissement."},
                 {"source": "essai-v0", "id": "pij", "nom": "Point information jeunesse", "typologie": "PIJ_BIJ",
                  "labels_nationaux": ["france-service"]}]
                """;
        String servicesV0 = """
                [{"source": "essai-v0", "structure_id": "pij", "id": "pij-1", "nom": "Aide aux démarches",
                  "thematiques": ["numerique--acceder-a-des-services-en-ligne"], "types": ["accompagnement"],
                  "modes_orientation_beneficiaire": ["se-presenter", "telephoner"],
                  "modes_orientation_accompagnateur": ["envoyer-un-mail"], "prise_rdv": "https://rdv.example.org/pij"}]
                """;
        imports.apply(List.of(structures(structuresV0), services(servicesV0)), java.util.Locale.FRENCH);
        Partner mairie = repository.findBySourceAndSourceId("essai-v0", "mairie-8").orElseThrow();
        assertEquals("TOWN_HALL", mairie.kindCode());
        assertEquals("Mo-Fr 08:45-16:45", mairie.openingHours());
        assertEquals(List.of("ADMIN_PROCEDURES"), partners.themes(mairie), "a v0 structure's own thematiques");
        Partner pij = repository.findBySourceAndSourceId("essai-v0", "pij").orElseThrow();
        assertEquals("FRANCE_SERVICES", pij.kindCode());
        assertEquals(List.of(PartnerAccess.PRESENT, PartnerAccess.PHONE, PartnerAccess.EMAIL, PartnerAccess.ONLINE_APPOINTMENT),
                partners.access(pij));
    }

    @Test
    void aServicesFileAloneIsRefusedAndChangesNothing() {
        long before = count();
        PartnerImport.UnreadableFile refused = org.junit.jupiter.api.Assertions.assertThrows(PartnerImport.UnreadableFile.class,
                () -> imports.apply(List.of(services(published("services.json", "e"))), java.util.Locale.FRENCH));
        assertEquals("partner.import.error.servicesOnly", refused.messageKey());
        assertEquals("file", refused.field(), "said next to the structures file, the one missing");
        assertEquals(before, count());
    }

    @Test
    void aMalformedServicesFileChangesNothingEvenWithGoodStructures() {
        long before = count();
        for (String bad : List.of("[{\"source\": \"dora\", \"structure_id\": ", "{\"autre\": 1}", "[1, 2]")) {
            PartnerImport.UnreadableFile refused = org.junit.jupiter.api.Assertions.assertThrows(PartnerImport.UnreadableFile.class,
                    () -> imports.apply(List.of(structures(published("structures.json", "f")), services(bad)), java.util.Locale.FRENCH),
                    bad);
            assertEquals("services", refused.field(), "said next to the services file");
        }
        assertEquals(before, count());
    }

    @Test
    void controlCharactersInARecordAreNotStored() throws Exception {
        // A NUL (which PostgreSQL refuses to store) or a stray escape in a producer's data: the rest is kept.
        imports.apply("""
                [{"source": "essai-nul", "id": "a\\u0000b", "nom": "Mairie\\u0000 annexe\\u0007", "commune": "Lyon\\u0000"}]
                """, java.util.Locale.FRENCH);
        Partner mairie = repository.findBySourceAndSourceId("essai-nul", "ab").orElseThrow();
        assertEquals("Mairie annexe", mairie.name());
        assertEquals("Lyon", mairie.town());
    }

    @Test
    void theSampleIsCreatedThenUpdatedInPlace() throws Exception {
        long before = count();
        PartnerImport.Outcome first = imports.apply(sampleFrom("essai-a"), java.util.Locale.FRENCH);
        assertEquals(6, first.count(PartnerImport.Action.CREATE));
        assertEquals(0, first.count(PartnerImport.Action.UPDATE));
        assertEquals(0, first.count(PartnerImport.Action.REJECT), first.lines().toString());
        assertEquals(before + 6, count());

        PartnerImport.Outcome again = imports.apply(sampleFrom("essai-a"), java.util.Locale.FRENCH);
        assertEquals(0, again.count(PartnerImport.Action.CREATE));
        assertEquals(6, again.count(PartnerImport.Action.UPDATE));
        assertEquals(before + 6, count(), "updated in place, nothing added");
    }

    @Test
    void fieldsThemesScopesAndWaysToReachAreMapped() throws Exception {
        imports.apply(sampleFrom("essai-b"), java.util.Locale.FRENCH);
        Partner caf = repository.findBySourceAndSourceId("essai-b", "caf-centre").orElseThrow();
        assertEquals("CAF — accueil Centre", caf.name());
        assertEquals("CAF", caf.kindCode());
        assertEquals("12 rue des Allocations", caf.address());
        assertEquals("69003", caf.postcode());
        assertEquals("Lyon", caf.town());
        assertEquals("3230", caf.phone());
        assertNull(caf.email());
        assertEquals("https://www.caf.fr", caf.website());
        assertEquals("Mo-Fr 08:30-12:00", caf.openingHours(), "kept as published; said in words where it is shown");
        assertEquals(List.of("ADMIN_PROCEDURES"), partners.themes(caf));
        assertEquals(List.of(PartnerAccess.PHONE, PartnerAccess.ONLINE_APPOINTMENT), partners.access(caf));

        Partner fs = repository.findBySourceAndSourceId("essai-b", "fs-est").orElseThrow();
        assertEquals("FRANCE_SERVICES", fs.kindCode());
        assertEquals("Mo-Fr 09:00-12:30,13:30-17:00; Sa 09:00-12:00", fs.openingHours());
        assertEquals(List.of(PartnerAccess.PRESENT, PartnerAccess.PHONE), partners.access(fs));

        Partner cpam = repository.findBySourceAndSourceId("essai-b", "cpam-sud").orElseThrow();
        assertEquals("CPAM", cpam.kindCode());
        assertEquals(List.of("SOCIAL_HEALTH"), partners.scopes(cpam));

        assertEquals("CCAS", repository.findBySourceAndSourceId("essai-b", "ccas-nord").orElseThrow().kindCode());
        assertEquals("EMMAUS_CONNECT", repository.findBySourceAndSourceId("essai-b", "emmaus-connect").orElseThrow().kindCode());
        Partner writer = repository.findBySourceAndSourceId("essai-b", "ecrivain-public").orElseThrow();
        assertEquals("PUBLIC_WRITER", writer.kindCode(), "no network: the kind comes from the name");
        assertEquals(List.of(PartnerAccess.PRESENT), partners.access(writer));
    }

    @Test
    void anUpdateKeepsWhatTheNetworkAddedAndTheActiveFlag() throws Exception {
        imports.apply(sampleFrom("essai-c"), java.util.Locale.FRENCH);
        Partner ccas = repository.findBySourceAndSourceId("essai-c", "ccas-nord").orElseThrow();
        partners.update(new Partner(ccas.id(), ccas.siteId(), ccas.source(), ccas.sourceId(), "Ancien nom", ccas.kindCode(),
                ccas.address(), ccas.postcode(), ccas.town(), ccas.phone(), ccas.email(), ccas.website(), ccas.openingHours(),
                "Justificatif de domicile", "Demander l’accueil social", ccas.active(), ccas.updatedAt()), partners.links(ccas));
        partners.setActive(repository.findById(ccas.id()).orElseThrow(), false);

        imports.apply(sampleFrom("essai-c"), java.util.Locale.FRENCH);
        Partner after = repository.findById(ccas.id()).orElseThrow();
        assertEquals("CCAS — antenne Nord", after.name(), "what data·inclusion describes is replaced");
        assertEquals("Justificatif de domicile", after.whatToBring());
        assertEquals("Demander l’accueil social", after.helperNotes());
        assertFalse(after.active(), "a deactivated entry stays deactivated");
    }

    static final String BAD_ROWS = """
            {"structures": [
              {"source": "essai-d", "id": "bon-1", "nom": "Mairie annexe du 8e", "code_postal": "69008", "commune": "Lyon",
               "telephone": "04 72 00 00 10", "courriel": "mairie8@example.org", "site_web": "https://www.example.org"},
              {"source": "essai-d", "id": "sans-nom", "nom": "  ", "code_postal": "69008"},
              {"source": "essai-d", "nom": "Sans identifiant"},
              {"source": "essai-d", "id": "cp-faux", "nom": "Code postal faux", "code_postal": "6900"},
              {"source": "essai-d", "id": "mail-faux", "nom": "Courriel faux", "courriel": "pas-une-adresse"},
              {"source": "essai-d", "id": "site-faux", "nom": "Site faux", "site_web": "www.example.org"},
              {"source": "essai-d", "id": "bon-1", "nom": "Doublon"},
              "pas une structure",
              {"source": "essai-d", "id": "bon-2", "nom": "Point-justice du quartier", "code_postal": "69007",
               "reseaux_porteurs": ["inconnu"]}
            ],
             "services": [
              {"source": "essai-d", "structure_id": "bon-2", "id": "s1",
               "thematiques": ["acces-aux-droits-et-citoyennete--accompagnement-juridique", "numerique--inconnu"],
               "modes_mobilisation": ["envoyer-un-mail", "autre-chose"]},
              {"structure_id": "ailleurs", "id": "s2", "thematiques": ["famille--garde"]},
              42
             ]}
            """;

    @Test
    void badRowsAreLeftOutWithTheirReasonAndGoodRowsAreSaved() throws Exception {
        long before = count();
        PartnerImport.Outcome outcome = imports.apply(BAD_ROWS, java.util.Locale.FRENCH);
        assertEquals(2, outcome.count(PartnerImport.Action.CREATE), outcome.lines().toString());
        assertEquals(before + 2, count());
        Map<Integer, String> reasons = new java.util.TreeMap<>();
        outcome.lines(PartnerImport.Action.REJECT).forEach(l -> reasons.put(l.number(), l.reason()));
        assertEquals(List.of(2, 3, 4, 5, 6, 7, 8), List.copyOf(reasons.keySet()));
        assertEquals("Nom\u00A0: Ce champ est obligatoire.", reasons.get(2));
        assertEquals("Il manque la source ou l’identifiant de la structure : un prochain import ne pourrait pas la mettre à jour.",
                reasons.get(3));
        assertEquals("Code postal\u00A0: Le code postal compte 5 chiffres, par exemple 69001.", reasons.get(4));
        assertEquals("Adresse e-mail\u00A0: Adresse e-mail non reconnue. Exemple : prenom.nom@exemple.fr.", reasons.get(5));
        assertTrue(reasons.get(6).startsWith("Site internet\u00A0: Adresse de site non reconnue"), reasons.get(6));
        assertEquals("L’identifiant « bon-1 » figure déjà plus haut dans le fichier : seule la première structure est gardée.",
                reasons.get(7));
        assertEquals("Entrée illisible : ce n’est pas une structure au format attendu.", reasons.get(8));

        Partner mairie = repository.findBySourceAndSourceId("essai-d", "bon-1").orElseThrow();
        assertEquals("Mairie annexe du 8e", mairie.name(), "the first of two rows with one id is kept");
        assertEquals("TOWN_HALL", mairie.kindCode());
        Partner justice = repository.findBySourceAndSourceId("essai-d", "bon-2").orElseThrow();
        assertEquals("LEGAL_AID", justice.kindCode());
        assertEquals(List.of("JUSTICE"), partners.scopes(justice));
        assertEquals(List.of(), partners.themes(justice));
        assertEquals(List.of(PartnerAccess.EMAIL), partners.access(justice));
    }

    @Test
    void aFileThatCannotBeReadChangesNothing() {
        long before = count();
        for (Map.Entry<String, String> bad : List.of(
                Map.entry("pas du JSON", "partner.import.error.json"),
                Map.entry("{\"structures\": [{\"source\": \"x\", \"id\": \"1\", \"nom\": \"Coupé", "partner.import.error.json"),
                Map.entry("[1, 2]", "partner.import.error.shape"),
                Map.entry("\"structures\"", "partner.import.error.shape"),
                Map.entry("{\"items\": 3, \"total\": 3}", "partner.import.error.shape"),
                Map.entry("[]", "partner.import.error.none"),
                Map.entry("[{\"source\": \"x\", \"structure_id\": \"1\", \"id\": \"s\"}]", "partner.import.error.servicesOnly"),
                Map.entry("{\"structures\": {\"source\": \"x\"}}", "partner.import.error.shape"),
                Map.entry("{\"autre\": []}", "partner.import.error.shape"),
                Map.entry("{\"structures\": [], \"services\": []}", "partner.import.error.none"),
                Map.entry("{\"structures\": [{\"source\": \"x\", \"id\": \"1\", \"nom\": \"A\"}], \"services\": 3}", "partner.import.error.shape"),
                Map.entry("   ", "partner.import.error.empty"))) {
            PartnerImport.UnreadableFile refused = org.junit.jupiter.api.Assertions.assertThrows(PartnerImport.UnreadableFile.class,
                    () -> imports.apply(bad.getKey(), java.util.Locale.FRENCH), bad.getKey());
            assertEquals(bad.getValue(), refused.messageKey(), bad.getKey());
        }
        assertEquals(before, count());
    }

    // ---------------------------------------------------------------- through the pages

    @Test
    void theCoordinatorUploadsChecksThenConfirms() {
        assertEquals(200, coordinator.get("/partenaires/import").status());
        long before = count();
        TestClient.Answer preview = coordinator.post("/partenaires/import",
                Map.of("file", file("annuaire.json", sampleFrom("essai-e"))));
        assertEquals(200, preview.status(), preview.h1());
        assertEquals("Vérifier l’import", preview.h1());
        Document page = preview.html();
        assertEquals("À créer (6)", page.getElementById("a-creer").text());
        assertEquals("À mettre à jour (0)", page.getElementById("a-modifier").text());
        assertTrue(preview.texts("td, th").contains("Écrivain public — permanence de la maison de quartier"));
        assertEquals(before, count(), "nothing saved by the preview");

        Element content = page.selectFirst("form[action=/partenaires/import/confirmation] input[name=content]");
        assertNotNull(content);
        TestClient.Answer report = coordinator.post("/partenaires/import/confirmation",
                TestClient.multipart(Map.of("content", content.attr("value"))));
        assertEquals(200, report.status(), report.h1());
        assertEquals("Import terminé", report.h1());
        assertTrue(report.texts("h2").contains("Créées (6)"), report.texts("h2").toString());
        assertEquals(before + 6, count());

        TestClient.Answer again = coordinator.post("/partenaires/import/confirmation",
                TestClient.multipart(Map.of("content", content.attr("value"))));
        assertTrue(again.texts("h2").contains("Mises à jour (6)"), again.texts("h2").toString());
        assertEquals(before + 6, count(), "posting the confirmation again changes nothing more");
    }

    @Test
    void theCoordinatorUploadsBothPublishedFilesInOneFormChecksThenConfirms() {
        long before = count();
        TestClient.Answer preview = coordinator.post("/partenaires/import", Map.of(
                "file", file("structures.json", published("structures.json", "g")),
                "services", file("services.json", published("services.json", "g"))));
        assertEquals(200, preview.status(), preview.body());
        assertEquals("Vérifier l’import", preview.h1());
        String main = preview.html().select("main").text();
        assertTrue(main.contains("Fichiers lus : structures.json, services.json"), main);
        assertEquals("Structures lues : 7. Services lus : 8.", preview.html().getElementById("lus").text());
        assertEquals(List.of("À créer (6)", "À mettre à jour (0)", "Laissées de côté (1)", "Services laissés de côté (1)"),
                preview.texts("main h2"));
        assertTrue(preview.texts("td").contains("Téléphone : Numéro de téléphone non reconnu. Exemples : 04 72 00 00 00, "
                + "ou un numéro court comme 3230."), preview.texts("td").toString());
        assertTrue(preview.texts("td").contains("dora--centre-social-des-etats-unis-atelier-cv"), preview.texts("td").toString());
        assertTrue(preview.texts("td").contains("Sa structure « dora--centre-social-des-etats-unis » n’est pas dans le fichier des "
                + "structures : ses thématiques et ses façons de joindre ne sont pas reprises."), preview.texts("td").toString());
        assertEquals(before, count(), "nothing saved by the preview");

        Element content = preview.html().selectFirst("form[action=/partenaires/import/confirmation] input[name=content]");
        assertNotNull(content);
        TestClient.Answer report = coordinator.post("/partenaires/import/confirmation",
                TestClient.multipart(Map.of("content", content.attr("value"))));
        assertEquals(200, report.status(), report.h1());
        assertEquals(List.of("Créées (6)", "Mises à jour (0)", "Laissées de côté (1)", "Services laissés de côté (1)"),
                report.texts("main h2"));
        assertEquals(before + 6, count());
        Partner ccas = repository.findBySourceAndSourceId("dora-g", "dora--ccas-villeurbanne").orElseThrow();
        assertEquals(List.of(PartnerAccess.PRESENT, PartnerAccess.PHONE, PartnerAccess.EMAIL), partners.access(ccas),
                "the services' ways to reach, merged");
    }

    @Test
    void aServicesFileAloneComesBackWithAClearMessageAndNothingChanges() {
        long before = count();
        String expected = "Ce fichier contient des services mais aucune structure : choisissez aussi le fichier des structures "
                + "(structures.json) du même téléchargement, auquel ces services sont rattachés. Rien n’a été modifié.";
        for (String field : List.of("services", "file")) {
            TestClient.Answer answer = coordinator.post("/partenaires/import",
                    Map.of(field, file("services.json", published("services.json", "h"))));
            assertEquals(422, answer.status(), field);
            assertEquals("Importer des partenaires (data·inclusion)", answer.h1());
            assertEquals(expected, answer.fieldError("file").replace("Erreur : ", ""), field);
        }
        assertEquals(before, count());
    }

    @Test
    void aMalformedServicesFileIsSaidNextToItsFieldAndNothingChanges() {
        long before = count();
        TestClient.Answer answer = coordinator.post("/partenaires/import", Map.of(
                "file", file("structures.json", published("structures.json", "i")),
                "services", file("services.json", "[{\"source\": \"dora\", \"structure_id\": ")));
        assertEquals(422, answer.status());
        assertEquals("Ce fichier n’est pas au format JSON : il ne peut pas être lu. Vérifiez que vous avez choisi le bon "
                + "fichier (extension .json). Rien n’a été modifié.", answer.fieldError("services").replace("Erreur : ", ""));
        assertNull(answer.html().getElementById("f-file-error"), "the structures file was fine");
        assertEquals(before, count());
    }

    @Test
    void thePreviewListsEachRejectionWithItsReason() {
        TestClient.Answer preview = coordinator.post("/partenaires/import", Map.of("file", file("lignes.json", BAD_ROWS)));
        assertEquals(200, preview.status());
        assertTrue(preview.texts("h2").contains("Laissées de côté (7)"), preview.texts("h2").toString());
        // (jsoup reads the no-break space before the colon as a space)
        assertTrue(preview.texts("td").contains("Code postal : Le code postal compte 5 chiffres, par exemple 69001."),
                preview.texts("td").toString());
        assertTrue(preview.texts("td").contains("cp-faux"));
    }

    @Test
    void aMalformedFileComesBackWithAClearMessageAndNothingChanges() {
        long before = count();
        TestClient.Answer answer = coordinator.post("/partenaires/import", Map.of("file", file("faux.json", "{pas du json")));
        assertEquals(422, answer.status());
        assertEquals("Ce fichier n’est pas au format JSON : il ne peut pas être lu. Vérifiez que vous avez choisi le bon "
                + "fichier (extension .json). Rien n’a été modifié.", answer.fieldError("file").replace("Erreur : ", ""));
        TestClient.Answer shape = coordinator.post("/partenaires/import", Map.of("file", file("liste.json", "[1, 2]")));
        assertEquals(422, shape.status());
        assertTrue(shape.fieldError("file").contains("n’est pas au format data·inclusion attendu"), shape.fieldError("file"));
        TestClient.Answer tampered = coordinator.post("/partenaires/import/confirmation",
                TestClient.multipart(Map.of("content", "{\"structures\": 3}")));
        assertEquals(422, tampered.status());
        assertEquals(before, count());
    }

    @Test
    void noFileChosenIsAskedFor() {
        TestClient.Answer answer = coordinator.post("/partenaires/import", TestClient.multipart(Map.of()));
        assertEquals(422, answer.status(), answer.body());
        assertTrue(answer.fieldError("file").endsWith("Choisissez un fichier à importer."), answer.fieldError("file"));
        TestClient.Answer empty = coordinator.post("/partenaires/import", Map.of("file", file("vide.json", "")));
        assertEquals(422, empty.status());
        assertTrue(empty.fieldError("file").endsWith("Choisissez un fichier à importer."), empty.fieldError("file"));
    }

    /** What a browser sends when the form is submitted without choosing a file: a file part with no name, empty. */
    @Test
    void aBrowserFormSentWithoutAFileIsAskedForOne() throws Exception {
        String boundary = "----relaisBoundary7MA4YWxkTrZu0gW";
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"csrfToken\"\r\n\r\n" + coordinator.csrfToken() + "\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n\r\n"
                + "--" + boundary + "--\r\n";
        String cookies = "relais_session=" + coordinator.cookie("relais_session").orElseThrow()
                + "; relais_csrf=" + coordinator.csrfToken();
        java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(server.getURI().resolve("/partenaires/import"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .header("Cookie", cookies)
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(422, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("Choisissez un fichier à importer."));
    }

    @Test
    void aFileLargerThanTheServerTakesIsRefusedWithAPageNotAnError() {
        long before = count();
        String big = "{\"structures\": [], \"x\": \"" + "x".repeat(1_100_000) + "\"}";
        TestClient.Answer answer = coordinator.post("/partenaires/import", Map.of("file", file("gros.json", big)));
        assertEquals(413, answer.status());
        assertEquals("Envoi trop volumineux", answer.h1());
        assertEquals(before, count());
    }

    @Test
    void anUploadWithoutItsCsrfTokenIsRefusedAndSavesNothing() {
        long before = count();
        TestClient.Answer noToken = coordinator.postMultipartRaw("/partenaires/import/confirmation",
                Map.of("content", sampleFrom("essai-f")));
        assertEquals(403, noToken.status());
        TestClient.Answer forged = coordinator.postMultipartRaw("/partenaires/import/confirmation",
                Map.of("content", sampleFrom("essai-f"), "csrfToken", "forged"));
        assertEquals(403, forged.status());
        assertEquals("Le formulaire n’a pas pu être envoyé", forged.h1());
        assertEquals(before, count());
        // The same post with the browser's token goes through: the refusal was the token.
        assertEquals(200, coordinator.post("/partenaires/import/confirmation",
                TestClient.multipart(Map.of("content", sampleFrom("essai-f")))).status());
        assertEquals(before + 6, count());
    }

    @Test
    void onlyCoordinationAndAdministrationImport() {
        try (TestClient director = TestClient.of(server).loginDemo("direction.centre@relais.demo");
             TestClient helper = TestClient.of(server).loginDemo("aidant.centre@relais.demo")) {
            long before = count();
            assertEquals(403, director.get("/partenaires/import").status());
            assertEquals(403, director.post("/partenaires/import", Map.of("file", file("a.json", sampleFrom("essai-g")))).status());
            assertEquals(403, helper.post("/partenaires/import/confirmation",
                    TestClient.multipart(Map.of("content", sampleFrom("essai-g")))).status());
            assertEquals(before, count());
        }
    }
}
