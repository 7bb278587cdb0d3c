package fr.relais.partner;

import fr.relais.testing.OnBothDatabases;
import fr.relais.testing.TestClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CSV export, read back as a spreadsheet would: header, one row per entry one may see, accents intact. */
@MicronautTest(environments = "demo", transactional = false)
class PartnerExportTest extends OnBothDatabases {
    @Inject
    EmbeddedServer server;
    @Inject
    PartnerFixtures data;
    @Inject
    OpeningHoursText hours;

    TestClient helperCentre;
    TestClient helperNord;

    @BeforeAll
    void signIn() {
        helperCentre = TestClient.of(server).loginDemo("aidant.centre@relais.demo");
        helperNord = TestClient.of(server).loginDemo("aidant.nord@relais.demo");
    }

    @AfterAll
    void close() {
        helperCentre.close();
        helperNord.close();
    }

    /** The file's rows (header first), read with ";" and the byte-order mark checked then left out. */
    private static List<CSVRecord> rows(TestClient.Answer answer) throws IOException {
        assertEquals(200, answer.status());
        assertTrue(answer.header("Content-Type").startsWith("text/csv"), answer.header("Content-Type"));
        assertTrue(answer.header("Content-Disposition").contains("attachment; filename=\"partenaires.csv\""));
        String body = answer.body();
        assertEquals('\uFEFF', body.charAt(0), "UTF-8 with a byte-order mark, for spreadsheets");
        try (CSVParser parser = CSVFormat.RFC4180.builder().setDelimiter(';').get().parse(new StringReader(body.substring(1)))) {
            return parser.getRecords();
        }
    }

    private static Map<String, String> byHeader(List<CSVRecord> rows, String name) {
        List<String> header = rows.get(0).toList();
        CSVRecord row = rows.stream().filter(r -> r.get(header.indexOf("Nom")).equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + name));
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            m.put(header.get(i), row.get(i));
        }
        return m;
    }

    @Test
    void everyFieldHasAColumnAndAccentsSurvive() throws IOException {
        data.entry("Maison de l’emploi — Vénissieux", null, "OTHER", "Vénissieux", List.of("EMPLOYMENT", "EMAIL"), List.of("WORK"),
                List.of(PartnerAccess.PRESENT, PartnerAccess.EMAIL), "Votre CV\nVotre identifiant France Travail");
        List<CSVRecord> rows = rows(helperCentre.get("/partenaires/export.csv"));
        assertEquals(List.of("Numéro", "Visible par", "Nom", "Code du type", "Type de structure", "Adresse", "Code postal", "Commune",
                "Téléphone", "E-mail", "Site internet", "Horaires d’ouverture", "Thématiques", "Démarches", "Comment les joindre",
                "À apporter", "Notes pour les aidants", "Active", "Source de l’import", "Identifiant dans la source", "Mise à jour le"),
                rows.get(0).toList());
        Map<String, String> row = byHeader(rows, "Maison de l’emploi — Vénissieux");
        assertEquals("Tout le réseau", row.get("Visible par"));
        assertEquals("Vénissieux", row.get("Commune"));
        assertEquals("Courriel (e-mail) | Insertion professionnelle", row.get("Thématiques"));
        assertEquals("Travail - Formation", row.get("Démarches"));
        assertEquals("Se présenter sur place | Envoyer un courriel", row.get("Comment les joindre"));
        assertEquals("Votre CV | Votre identifiant France Travail", row.get("À apporter"));
        assertEquals("oui", row.get("Active"));
        Map<String, String> emmaus = byHeader(rows, "Emmaüs Connect — point d'accueil");
        assertEquals("EMMAUS_CONNECT", emmaus.get("Code du type"));
        assertEquals("exemple", emmaus.get("Source de l’import"));
        assertEquals("emmaus-connect", emmaus.get("Identifiant dans la source"));
        assertEquals(String.join(" | ", hours.lines("We 14:00-18:00", java.util.Locale.FRENCH)), emmaus.get("Horaires d’ouverture"),
                "in words, as on the entry's page");
        assertTrue(emmaus.get("Horaires d’ouverture").toLowerCase(java.util.Locale.FRENCH).contains("mercredi"));
    }

    @Test
    void theExportListsWhatTheSearchListsForThisPerson() throws IOException {
        data.entry("Permanence exportée du Centre", "mediatheque-centre");
        List<CSVRecord> centre = rows(helperCentre.get("/partenaires/export.csv"));
        List<CSVRecord> nord = rows(helperNord.get("/partenaires/export.csv"));
        assertTrue(centre.stream().anyMatch(r -> r.get(2).equals("Permanence exportée du Centre")));
        assertFalse(nord.stream().anyMatch(r -> r.get(2).equals("Permanence exportée du Centre")), "another library's entry");
        assertEquals(helperNord.get("/partenaires").texts("tbody th a").size() + 1, nord.size(), "header + the rows listed");

        List<CSVRecord> caf = rows(helperCentre.get("/partenaires/export.csv?kind=CAF"));
        assertEquals(2, caf.size());
        assertEquals("CAF — accueil Centre", caf.get(1).get(2));
    }

    @Test
    void aCellASpreadsheetWouldRunIsDefused() throws IOException {
        data.entry("=HYPERLINK(\"http://example.org\")", "mediatheque-centre");
        List<CSVRecord> rows = rows(helperCentre.get("/partenaires/export.csv?q=hyperlink"));
        assertEquals(2, rows.size());
        assertEquals("'=HYPERLINK(\"http://example.org\")", rows.get(1).get(2));
    }
}
