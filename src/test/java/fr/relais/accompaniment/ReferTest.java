package fr.relais.accompaniment;

import fr.relais.partner.Partner;
import fr.relais.partner.PartnerLinks;
import fr.relais.partner.PartnerSummary;
import fr.relais.partner.Partners;
import fr.relais.pdf.PdfInspection;
import fr.relais.pdf.PdfUaValidator;
import fr.relais.site.Site;
import fr.relais.site.Sites;
import fr.relais.testing.OnBothDatabases;
import fr.relais.testing.TestClient;
import fr.relais.web.Messages;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

import static fr.relais.accompaniment.AccompanimentFixtures.refer;
import static fr.relais.accompaniment.AccompanimentFixtures.savedId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Orienter": a partner of the directory is required (network-wide or the site's own); the referral slip is printed
 * from what the helper types on the saved record's page — the person's name, the reasons, the lines to bring —
 * and none of it is stored.
 */
@MicronautTest(environments = "demo", transactional = false)
class ReferTest extends OnBothDatabases {
    @Inject
    EmbeddedServer server;
    @Inject
    Sites sites;
    @Inject
    Partners partners;
    @Inject
    AccompanimentRepository records;
    @Inject
    Messages messages;
    @Inject
    DatabaseProbe database;

    TestClient sami;
    TestClient jeanne;
    Site centre;
    Site nord;
    PartnerSummary caf;

    @BeforeAll
    void signIn() {
        sami = TestClient.of(server).loginDemo("aidant.centre@relais.demo");
        jeanne = TestClient.of(server).loginDemo("benevole.centre@relais.demo");
        centre = sites.bySlug("mediatheque-centre").orElseThrow();
        nord = sites.bySlug("bibliotheque-nord").orElseThrow();
        caf = partners.visibleFrom(centre.id()).stream().filter(p -> p.name().equals("CAF — accueil Centre")).findFirst()
                .orElseThrow(() -> new AssertionError("the demo directory has the CAF"));
    }

    @AfterAll
    void closeBrowsers() {
        sami.close();
        jeanne.close();
    }

    private String newPath() {
        return AccompanimentFixtures.newPath(centre);
    }

    private String msg(String key) {
        return messages.get(Locale.FRENCH, key);
    }

    private Partner siteLocal(Site site, String name) {
        return partners.create(new Partner(null, site.id(), null, null, name, "ASSOCIATION", "3 rue du Test", "69000",
                "Lyon", "04 00 00 00 09", null, null, null, "Une enveloppe timbrée", null, true, Instant.now()),
                new PartnerLinks(List.of("EMAIL"), List.of(), List.of()));
    }

    @Test
    void referringNeedsAPartnerOfTheDirectoryVisibleFromTheSite() {
        long before = records.count();
        TestClient.Answer none = sami.post(newPath(), refer(null, "HEALTH"));
        assertEquals(422, none.status());
        assertEquals(msg("accompaniment.error.partner.required"), none.fieldMessage("partnerId"));
        assertTrue(none.html().selectFirst("#f-mode-REFER").hasAttr("checked"));
        Partner ofNord = siteLocal(nord, "Association du Nord");
        TestClient.Answer otherSite = sami.post(newPath(), refer(ofNord.id(), "HEALTH"));
        assertEquals(msg("error.choice"), otherSite.fieldMessage("partnerId"));
        assertEquals(msg("error.choice"), sami.post(newPath(), refer(999999, "HEALTH")).fieldMessage("partnerId"));
        assertEquals(msg("error.choice"), sami.post(newPath(), refer("abc", "HEALTH")).fieldMessage("partnerId"));
        assertEquals(before, records.count());

        // The form lists the network's partners and the site's own, not another site's.
        Partner ofCentre = siteLocal(centre, "Association du Centre");
        Document form = sami.get(newPath() + "?mode=REFER").html();
        List<String> offered = form.select("#f-partnerId option").eachAttr("value");
        assertTrue(offered.contains(String.valueOf(caf.id())), offered.toString());
        assertTrue(offered.contains(String.valueOf(ofCentre.id())));
        assertFalse(offered.contains(String.valueOf(ofNord.id())));
        assertNotNull(form.selectFirst("#f-partnerId optgroup[label^=CAF]"), "grouped by kind");

        long id = savedId(sami.post(newPath(), refer(ofCentre.id(), "EMAIL")));
        Accompaniment a = records.findById(id).orElseThrow();
        assertEquals(ofCentre.id(), a.partnerId());
        assertEquals("ASSOCIATION", a.partnerKindCode());
    }

    @Test
    void theSlipIsPrintedFromWhatIsTypedAndNothingOfItIsStored() throws Exception {
        Map<String, Object> form = refer(caf.id(), "ADMIN_PROCEDURES", "EMAIL");
        form.put("scopes", "FAMILY");
        long id = savedId(sami.post(newPath(), form));
        Accompaniment a = records.findById(id).orElseThrow();
        assertEquals(caf.id(), a.partnerId());
        assertEquals("CAF", a.partnerKindCode());

        String base = "/accompagnements/" + centre.id() + "/" + id;
        Document page = sami.get(base + "?nouveau=1").html();
        assertEquals("CAF — accueil Centre", page.selectFirst("dd.partner-name").text());
        assertEquals(List.of("S:FAMILY", "T:EMAIL"), page.select("input[name=reasons]").eachAttr("value"));
        assertEquals(2, page.select("input[name=reasons][checked]").size(), "every reason is printed unless unticked");
        String bring = page.selectFirst("#f-bring").text();
        assertTrue(bring.contains("allocataire CAF"), "the scope's lines: " + bring);
        assertEquals("Imprimer la fiche d’orientation", page.selectFirst("form[action$=/fiche-orientation] button").text());

        Map<String, Object> print = new LinkedHashMap<>();
        print.put("personName", "Mme Zoé Martinot");
        print.put("reasons", "S:FAMILY");
        print.put("bring", "Le courrier de la CAF\nUn justificatif de domicile");
        Pdf pdf = postForPdf(sami, base + "/fiche-orientation", print);
        assertEquals(200, pdf.status());
        assertTrue(pdf.contentType().startsWith("application/pdf"), pdf.contentType());
        assertEquals("no-store", pdf.cacheControl());
        PdfUaValidator.assertCompliant(pdf.bytes(), "referral slip from the log");
        String text = PdfInspection.squash(new PdfInspection(pdf.bytes()).text);
        for (String expected : List.of("CAF — accueil Centre", "Mme Zoé Martinot", "Le courrier de la CAF",
                "Un justificatif de domicile", "Famille - Scolarité", "Médiathèque du Centre")) {
            assertTrue(text.contains(PdfInspection.squash(expected)), expected + " in " + text);
        }
        assertFalse(text.contains(PdfInspection.squash("Courriel (e-mail)")), "an unticked reason is not printed");
        assertEquals(List.of(), database.rowsMentioning("Martinot", List.of("flyway_schema_history")), "the name typed is stored nowhere");
        assertEquals(List.of(), database.rowsMentioning("justificatif de domicile", List.of("flyway_schema_history")), "nor the lines typed");
    }

    @Test
    void aSlipWithSensitiveTextOrNoReasonComesBackWithMessages() throws Exception {
        long id = savedId(sami.post(newPath(), refer(caf.id(), "HEALTH")));
        String base = "/accompagnements/" + centre.id() + "/" + id;
        TestClient.Answer refused = sami.post(base + "/fiche-orientation",
                Map.of("personName", "M. Duval", "bring", "Carte Vitale 1 84 12 76 451 089 46"));
        assertEquals(422, refused.status());
        assertEquals(msg("accompaniment.error.note.sensitive"), refused.fieldMessage("bring"));
        assertEquals(msg("accompaniment.error.reason.required"), refused.fieldMessage("reasons"));
        assertEquals("M. Duval", refused.fieldValue("personName"), "what was typed is kept");
        TestClient.Answer unknownReason = sami.post(base + "/fiche-orientation", Map.of("reasons", "T:EMAIL"));
        assertEquals(msg("error.choice"), unknownReason.fieldMessage("reasons"));
        TestClient.Answer tooLong = sami.post(base + "/fiche-orientation", Map.of("reasons", "T:HEALTH", "personName", "x".repeat(81)));
        assertEquals(422, tooLong.status());
        assertEquals(messages.get(Locale.FRENCH, "error.tooLong", 80), tooLong.fieldMessage("personName"));
        String lines = String.join("\n", java.util.Collections.nCopies(21, "Une ligne"));
        TestClient.Answer tooManyLines = sami.post(base + "/fiche-orientation", Map.of("reasons", "T:HEALTH", "bring", lines));
        assertEquals(422, tooManyLines.status());
        assertEquals(messages.get(Locale.FRENCH, "accompaniment.error.bring.lines", 20), tooManyLines.fieldMessage("bring"));
    }

    @Test
    void onlyTheHelperWhoReferredPrintsAndOnlyForAReferral() throws Exception {
        long referral = savedId(sami.post(newPath(), refer(caf.id(), "HEALTH")));
        Map<String, Object> print = Map.of("reasons", "T:HEALTH");
        assertEquals(404, postForPdf(jeanne, "/accompagnements/" + centre.id() + "/" + referral + "/fiche-orientation", print).status());
        long doWith = savedId(sami.post(newPath(), Map.of("mode", "DO_WITH", "themes", "HEALTH")));
        assertEquals(404, postForPdf(sami, "/accompagnements/" + centre.id() + "/" + doWith + "/fiche-orientation", print).status());
        assertTrue(sami.get("/accompagnements/" + centre.id() + "/" + doWith).html().select("form[action$=/fiche-orientation]").isEmpty());
        assertEquals(404, postForPdf(sami, "/accompagnements/" + nord.id() + "/" + referral + "/fiche-orientation", print).status());
        // Without the form's token: refused like every form.
        TestClient.Answer forged = sami.postRaw("/accompagnements/" + centre.id() + "/" + referral + "/fiche-orientation", print);
        assertEquals(403, forged.status());
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    record Pdf(int status, String contentType, String cacheControl, byte[] bytes) {
    }

    /** Posts a form with this browser's cookies and token, and reads the answer as bytes (a PDF is not text). */
    private Pdf postForPdf(TestClient browser, String path, Map<String, ?> form) throws IOException, InterruptedException {
        Map<String, Object> withToken = new LinkedHashMap<>(form);
        withToken.put("csrfToken", browser.csrfToken());
        StringJoiner body = new StringJoiner("&");
        withToken.forEach((k, v) -> {
            Collection<?> values = v instanceof Collection<?> c ? c : List.of(v);
            values.forEach(one -> body.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(String.valueOf(one), StandardCharsets.UTF_8)));
        });
        String cookies = "relais_session=" + browser.cookie("relais_session").orElseThrow() + "; relais_csrf=" + browser.csrfToken();
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookies)
                .header("Accept", "application/pdf,text/html;q=0.9")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        HttpResponse<byte[]> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        return new Pdf(answer.statusCode(), answer.headers().firstValue("Content-Type").orElse(""),
                answer.headers().firstValue("Cache-Control").orElse(""), answer.body());
    }

}
