package fr.relais.mandate;

import fr.relais.security.Role;
import fr.relais.site.Site;
import fr.relais.site.SiteRepository;
import fr.relais.staff.Staff;
import fr.relais.staff.StaffFixtures;
import fr.relais.testing.OnBothDatabases;
import fr.relais.testing.TestClient;
import fr.relais.web.NuHtmlChecker;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mandates through HTTP, as the desk uses them: the form and its confirmations, who may draft, sign, revoke, search
 * and check a code, and what each refusal looks like.
 */
@MicronautTest(environments = "demo", transactional = false)
class MandateControllerTest extends OnBothDatabases {
    @Inject
    EmbeddedServer server;
    @Inject
    SiteRepository siteRepository;
    @Inject
    MandateRepository mandates;
    @Inject
    StaffFixtures staffFixtures;
    @Inject
    JournalProbe journal;

    private long centre() {
        return siteRepository.findBySlug("mediatheque-centre").map(Site::id).orElseThrow();
    }

    private long nord() {
        return siteRepository.findBySlug("bibliotheque-nord").map(Site::id).orElseThrow();
    }

    private TestClient as(String email) {
        return TestClient.of(server).loginDemo(email);
    }

    static Map<String, Object> validForm(String first, String last) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("firstName", first);
        form.put("lastName", last);
        form.put("scopes", List.of("FAMILY", "HOUSING"));
        form.put("purpose", "Déclarer les ressources trimestrielles à la CAF");
        form.put("durationDays", "31");
        form.put("startDate", "");
        for (String c : MandateForm.CONFIRMATIONS) {
            form.put(c, "on");
        }
        return form;
    }

    private Map<String, Object> valid(String first, String last) {
        Map<String, Object> form = validForm(first, last);
        form.put("startDate", java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris"))
                .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        return form;
    }

    private long count() {
        return mandates.count();
    }

    /** Drafts through the form and returns the new mandate's page address. */
    private String drafted(TestClient helper, String first, String last) {
        TestClient.Answer answer = helper.post("/mandats/" + centre() + "/nouveau", valid(first, last));
        assertEquals(303, answer.status(), answer.body());
        Matcher m = Pattern.compile("^(/mandats/\\d+/\\d+)\\?enregistre=1$").matcher(answer.location());
        assertTrue(m.matches(), answer.location());
        return m.group(1);
    }

    @Test
    void aHabilitatedHelperDraftsPrintsAndRecordsTheSignature() {
        try (TestClient sami = as("aidant.centre@relais.demo")) {
            String path = drafted(sami, "Marie", "Durand");
            Document page = sami.get(path).html();
            assertTrue(page.text().contains("Marie Durand"));
            assertTrue(page.text().contains("À signer"));
            assertTrue(page.text().contains("Famille - Scolarité"));
            assertTrue(page.text().contains("Logement"));
            String code = page.select(".code").text();
            assertTrue(code.matches("[0-9A-Z]{4}-[0-9A-Z]{4}"), code);

            TestClient.Answer pdf = sami.get(path + "/mandat.pdf");
            assertEquals(200, pdf.status());
            assertEquals("application/pdf", pdf.header("Content-Type"));

            TestClient.Answer signed = sami.post(path + "/signature", Map.of());
            assertEquals(303, signed.status());
            assertTrue(sami.get(path).html().text().contains("Actif"));
            // Signing twice: a clear message, not an error page.
            TestClient.Answer again = sami.post(path + "/signature", Map.of());
            assertEquals(409, again.status());
            assertTrue(again.html().text().contains("n’est plus à signer"), again.body());

            // Found by name, with its active scopes and end date; checked by its code.
            Document search = sami.get("/mandats/" + centre() + "?nom=durand").html();
            assertTrue(search.select("table").text().contains("Marie Durand"), search.text());
            assertTrue(search.select("table").text().contains("Logement"));
            Document check = sami.get("/mandats/" + centre() + "/verification?code=" + code.toLowerCase()).html();
            assertTrue(check.text().contains("Ce mandat est Actif"), check.text());

            // Every step is in the journal under the mandate's number, never with the person's name.
            List<String> actions = journal.actionsOf("mandat:" + path.substring(path.lastIndexOf('/') + 1));
            assertEquals(List.of("MANDATE_DRAFTED", "PERSONAL_DATA_OPENED", "MANDATE_PRINTED", "MANDATE_ACTIVATED",
                    "PERSONAL_DATA_OPENED", "MANDATE_CHECKED"), actions);
        }
    }

    static List<String> confirmations() {
        return MandateForm.CONFIRMATIONS;
    }

    @ParameterizedTest
    @MethodSource("confirmations")
    void everyConfirmationIsRequired(String confirmation) {
        try (TestClient sami = as("aidant.centre@relais.demo")) {
            long before = count();
            Map<String, Object> form = valid("Louis", "Bernard");
            form.remove(confirmation);
            TestClient.Answer answer = sami.post("/mandats/" + centre() + "/nouveau", form);
            assertEquals(422, answer.status());
            assertEquals("Cochez cette case après l’avoir dit à la personne.", answer.fieldMessage(confirmation));
            assertEquals("Louis", answer.fieldValue("firstName"), "what was typed is kept");
            assertEquals("Déclarer les ressources trimestrielles à la CAF", answer.html().select("#f-purpose").text());
            assertFalse(answer.html().select("#f-scope-FAMILY").attr("checked").isEmpty() && answer.html().select("#f-scope-FAMILY[checked]").isEmpty());
            assertEquals(before, count(), "nothing saved");
        }
    }

    @Test
    void badInputIsExplainedNextToEachFieldAndNothingIsSaved() {
        try (TestClient sami = as("aidant.centre@relais.demo")) {
            long before = count();
            Map<String, Object> form = valid("Jean2", "");
            form.put("scopes", List.of());
            form.put("purpose", "Refaire la carte, numéro 1 85 05 78 006 084 91");
            form.put("durationDays", "30");
            form.put("startDate", "01/01/2020");
            TestClient.Answer answer = sami.post("/mandats/" + centre() + "/nouveau", form);
            assertEquals(422, answer.status());
            assertEquals("Écrivez un nom avec des lettres seulement.", answer.fieldMessage("firstName"));
            assertNotNull(answer.fieldError("lastName"));
            assertEquals("Cochez au moins une démarche.", answer.fieldMessage("scopes"));
            assertTrue(answer.fieldError("purpose").contains("sécurité sociale"), answer.fieldError("purpose"));
            assertNotNull(answer.fieldError("durationDays"));
            assertEquals("La date de début ne peut pas être passée.", answer.fieldMessage("startDate"));
            assertEquals("Jean2", answer.fieldValue("firstName"));
            assertEquals(before, count());
            assertNoHtmlError(answer);
        }
    }

    @Test
    void aHelperWithoutTheFlagCannotDraftSignOrPrint() {
        String path;
        try (TestClient sami = as("aidant.centre@relais.demo")) {
            path = drafted(sami, "Nina", "Roux");
        }
        try (TestClient jeanne = as("benevole.centre@relais.demo")) {
            long before = count();
            assertEquals(403, jeanne.get("/mandats/" + centre() + "/nouveau").status());
            assertEquals(403, jeanne.post("/mandats/" + centre() + "/nouveau", valid("Paul", "Roux")).status());
            assertEquals(403, jeanne.get(path + "/mandat.pdf").status());
            assertEquals(403, jeanne.post(path + "/signature", Map.of()).status());
            assertEquals(403, jeanne.post(path + "/revocation", Map.of("by", "USER", "reason", "x")).status());
            assertEquals(before, count());
            // She may still find a mandate and check a code: she needs to know whether it is valid.
            assertEquals(200, jeanne.get("/mandats/" + centre() + "?nom=roux").status());
            assertFalse(jeanne.get("/mandats/" + centre()).html().select("a[href$=/nouveau]").hasText());
        }
    }

    @Test
    void anotherSitesHelperOrDirectorIsRefusedAndNetworkRolesDoNotSeeNames() {
        String path;
        try (TestClient sami = as("aidant.centre@relais.demo")) {
            path = drafted(sami, "Hugo", "Lambert");
        }
        Staff nordDirector = staffFixtures.newAccount(Role.DIRECTOR, "Direction Nord", StaffFixtures.PASSWORD,
                "bibliotheque-nord");
        try (TestClient nour = as("aidant.nord@relais.demo");
             TestClient director = TestClient.of(server).login(nordDirector.email(), StaffFixtures.PASSWORD)) {
            for (TestClient other : List.of(nour, director)) {
                long before = count();
                assertEquals(404, other.get("/mandats/" + centre()).status());
                assertEquals(404, other.get(path).status());
                assertEquals(404, other.get("/mandats/" + centre() + "/nouveau").status());
                assertEquals(404, other.post("/mandats/" + centre() + "/nouveau", valid("Paul", "Roux")).status());
                assertEquals(404, other.post(path + "/signature", Map.of()).status());
                assertEquals(404, other.post(path + "/revocation", Map.of("by", "USER", "reason", "Demande")).status());
                // Through their own site, a centre mandate is unknown.
                assertEquals(404, other.get(path.replace("/mandats/" + centre(), "/mandats/" + nord())).status());
                assertEquals(before, count());
            }
            assertFalse(director.get("/mandats/" + nord() + "?nom=lambert").html().text().contains("Hugo Lambert"));
        }
        for (String network : List.of("coordination@relais.demo", "admin@relais.demo")) {
            try (TestClient client = as(network)) {
                assertEquals(403, client.get(path).status());
                assertEquals(403, client.get("/mandats/" + centre() + "?nom=lambert").status());
            }
        }
    }

    @Test
    void theDirectorReadsAndRevokesButDoesNotDraft() {
        String path;
        try (TestClient sami = as("aidant.centre@relais.demo")) {
            path = drafted(sami, "Rose", "Leroy");
            sami.post(path + "/signature", Map.of());
        }
        try (TestClient director = as("direction.centre@relais.demo")) {
            assertEquals(403, director.get("/mandats/" + centre() + "/nouveau").status());
            assertEquals(403, director.get(path + "/mandat.pdf").status());
            assertTrue(director.get(path).html().text().contains("Rose Leroy"));

            TestClient.Answer empty = director.post(path + "/revocation", Map.of("by", "", "reason", ""));
            assertEquals(422, empty.status());
            assertNotNull(empty.fieldError("by"));
            assertNotNull(empty.fieldError("reason"));
            assertNoHtmlError(empty);

            TestClient.Answer revoked = director.post(path + "/revocation", Map.of("by", "SITE", "reason", "Démarche terminée"));
            assertEquals(303, revoked.status());
            Document page = director.get(path).html();
            assertTrue(page.text().contains("Révoqué"), page.text());
            assertTrue(page.text().contains("par la bibliothèque"));
            TestClient.Answer sheet = director.get(path + "/revocation.pdf");
            assertEquals(200, sheet.status());
            assertEquals("application/pdf", sheet.header("Content-Type"));
            // Revoking again: a clear message.
            assertEquals(409, director.post(path + "/revocation", Map.of("by", "SITE", "reason", "Encore")).status());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ABC", "trop-long-pour-un-code-de-mandat", "%27%3B", "MK7Q-4XZ!"})
    void aMalformedCodeIsExplainedAndAnUnknownOneSaysSo(String code) {
        try (TestClient sami = as("aidant.centre@relais.demo")) {
            TestClient.Answer answer = sami.get("/mandats/" + centre() + "/verification?code=" + code);
            assertEquals(422, answer.status());
            assertTrue(answer.fieldMessage("code").startsWith("Ce code n’a pas la bonne forme"), answer.fieldError("code"));
            TestClient.Answer unknown = sami.get("/mandats/" + centre() + "/verification?code=0000-0000");
            assertEquals(200, unknown.status());
            assertTrue(unknown.html().text().contains("Aucun mandat de cette bibliothèque"));
        }
    }

    /** The Nu checker finds no error in the page (a form sent back with its messages, here). */
    private static void assertNoHtmlError(TestClient.Answer answer) {
        assertEquals(List.of(), NuHtmlChecker.check(answer.body()).stream().filter(NuHtmlChecker.Problem::error).toList());
    }

    /** A control character in the address is no code anyone types: the address itself is refused (ADR 0014). */
    @Test
    void aControlCharacterInTheCodeIsAnAddressError() {
        try (TestClient sami = as("aidant.centre@relais.demo")) {
            TestClient.Answer answer = sami.get("/mandats/" + centre() + "/verification?code=%00%27");
            assertEquals(400, answer.status());
            assertTrue(answer.html().text().contains("Adresse incorrecte"), answer.html().text());
        }
    }
}
