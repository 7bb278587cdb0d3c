package fr.relais.partner;

import fr.relais.testing.OnBothDatabases;
import fr.relais.testing.TestClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The directory through HTTP, as each kind of staff member uses it: who sees which entry, the search filters, and
 * managing entries (forms with their French messages, deactivation).
 */
@MicronautTest(environments = "demo", transactional = false)
class PartnerControllerTest extends OnBothDatabases {
    static final String REQUIRED = "Ce champ est obligatoire.";

    @Inject
    EmbeddedServer server;
    @Inject
    PartnerRepository repository;
    @Inject
    PartnerFixtures data;

    TestClient helperCentre;
    TestClient helperNord;
    TestClient directorCentre;
    TestClient coordinator;

    @BeforeAll
    void signIn() {
        helperCentre = TestClient.of(server).loginDemo("aidant.centre@relais.demo");
        helperNord = TestClient.of(server).loginDemo("aidant.nord@relais.demo");
        directorCentre = TestClient.of(server).loginDemo("direction.centre@relais.demo");
        coordinator = TestClient.of(server).loginDemo("coordination@relais.demo");
    }

    @AfterAll
    void close() {
        List.of(helperCentre, helperNord, directorCentre, coordinator).forEach(TestClient::close);
    }

    private static List<String> names(TestClient.Answer answer) {
        return answer.texts("tbody th a");
    }

    private static String search(String query) {
        return "/partenaires?" + query;
    }

    private static Map<String, Object> form(String name) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("kindCode", "ASSOCIATION");
        form.put("address", "3 rue des Écoles");
        form.put("postcode", "69004");
        form.put("town", "Lyon");
        form.put("phone", "04 72 00 00 50");
        form.put("email", "contact@asso.example.org");
        form.put("website", "https://asso.example.org");
        form.put("openingHours", "Le jeudi de 14 h à 17 h");
        form.put("access", List.of("PRESENT", "PHONE"));
        form.put("themes", List.of("EMAIL", "SECURITY"));
        form.put("scopes", List.of("HOUSING"));
        form.put("whatToBring", "Une pièce d’identité\r\n\r\nVotre téléphone");
        form.put("helperNotes", "Demander Léa à l’accueil");
        return form;
    }

    private long savedId(TestClient.Answer created) {
        assertEquals(303, created.status(), created.h1());
        String location = created.location();
        assertTrue(location.matches("/partenaires/\\d+\\?enregistre=1"), location);
        return Long.parseLong(location.replaceAll("\\D+(\\d+)\\?.*", "$1"));
    }

    // ---------------------------------------------------------------- who sees what

    @Test
    void helpersSeeNetworkEntriesAndTheirOwnLibrarysOnly() {
        Partner centre = data.entry("Permanence locale Centre", "mediatheque-centre");
        Partner nord = data.entry("Permanence locale Nord", "bibliotheque-nord");

        List<String> seenByCentre = names(helperCentre.get("/partenaires"));
        assertTrue(seenByCentre.contains("Permanence locale Centre"));
        assertFalse(seenByCentre.contains("Permanence locale Nord"));
        assertTrue(seenByCentre.contains("CAF — accueil Centre"), "network-wide entries: " + seenByCentre);
        List<String> seenByNord = names(helperNord.get("/partenaires"));
        assertFalse(seenByNord.contains("Permanence locale Centre"));
        assertTrue(seenByNord.contains("Permanence locale Nord"));

        assertEquals(200, helperCentre.get("/partenaires/" + centre.id()).status());
        TestClient.Answer other = helperNord.get("/partenaires/" + centre.id());
        TestClient.Answer unknown = helperNord.get("/partenaires/999999");
        assertEquals(404, other.status());
        assertEquals(404, unknown.status());
        assertEquals(unknown.html().selectFirst("main").text(), other.html().selectFirst("main").text(),
                "another library's entry answers exactly like an unknown one");
        assertEquals(200, coordinator.get("/partenaires/" + nord.id()).status(), "coordination sees every entry");
        List<String> seenByCoordination = names(coordinator.get("/partenaires"));
        assertTrue(seenByCoordination.containsAll(List.of("Permanence locale Centre", "Permanence locale Nord")));
    }

    @Test
    void theDetailPageShowsEverythingAHelperNeeds() {
        Partner p = data.entry("Maison des solidarités", null, "SOCIAL_WORKER", "Lyon", List.of("HEALTH"),
                List.of("HOUSING", "FAMILY"), List.of(PartnerAccess.PHONE, PartnerAccess.ONLINE_APPOINTMENT),
                "Votre dernier avis d’imposition\nVotre bail");
        TestClient.Answer page = helperCentre.get("/partenaires/" + p.id());
        assertEquals(200, page.status());
        assertEquals("Maison des solidarités", page.h1());
        String text = page.html().selectFirst("main").text();
        assertTrue(text.contains("Travailleur social / assistante sociale"), text);
        assertTrue(text.contains("Tout le réseau"), text);
        assertTrue(page.texts("li").containsAll(List.of("Téléphoner", "Prendre rendez-vous en ligne", "Santé en ligne",
                "Famille - Scolarité", "Logement", "Votre dernier avis d’imposition", "Votre bail")), page.texts("li").toString());
        assertEquals("tel:0472000099", page.html().selectFirst("a[href^=tel:]").attr("href"));
        assertTrue(page.html().select("a[href$=/modification]").isEmpty(), "a helper manages nothing");
        Partner caf = repository.findBySourceAndSourceId("exemple", "caf-centre").orElseThrow();
        String hours = helperCentre.get("/partenaires/" + caf.id()).html().selectFirst("dl").text();
        assertTrue(hours.contains("lundi") && !hours.contains("Mo-Fr"), "imported hours are said in words: " + hours);
        assertTrue(page.html().select("form[action$=/desactivation]").isEmpty());
    }

    @Test
    void directorsManageTheirLibrarysEntriesNotTheNetworksNorAnotherLibrarys() {
        Partner network = repository.findBySourceAndSourceId("exemple", "caf-centre").orElseThrow();
        Partner nord = data.entry("Association du Nord", "bibliotheque-nord");
        Partner own = data.entry("Association du Centre", "mediatheque-centre");

        TestClient.Answer detail = directorCentre.get("/partenaires/" + network.id());
        assertEquals(200, detail.status(), "a director sees network-wide entries");
        assertTrue(detail.html().select("a[href$=/modification]").isEmpty());
        for (String path : List.of("/partenaires/" + network.id(), "/partenaires/" + nord.id())) {
            assertEquals(404, directorCentre.get(path + "/modification").status(), path);
            assertEquals(404, directorCentre.post(path + "/modification", form("Changé")).status(), path);
            assertEquals(404, directorCentre.post(path + "/desactivation", Map.of()).status(), path);
        }
        assertEquals("CAF — accueil Centre", repository.findById(network.id()).orElseThrow().name());
        assertTrue(repository.findById(network.id()).orElseThrow().active());

        assertEquals(200, directorCentre.get("/partenaires/" + own.id() + "/modification").status());
        assertEquals(303, directorCentre.post("/partenaires/" + own.id() + "/modification", form("Association du Centre (renommée)")).status());
        assertEquals("Association du Centre (renommée)", repository.findById(own.id()).orElseThrow().name());
        assertEquals(200, coordinator.get("/partenaires/" + nord.id() + "/modification").status(), "coordination manages all");
    }

    // ---------------------------------------------------------------- managing entries

    @Test
    void aDirectorCreatesAnEntryForTheirLibrary() {
        TestClient.Answer page = directorCentre.get("/partenaires/nouveau");
        assertEquals(200, page.status());
        assertNull(page.html().getElementById("f-siteId"), "one library: nothing to choose");
        Map<String, Object> form = form("Point numérique du Centre");
        form.put("siteId", page.html().selectFirst("input[name=siteId]").attr("value"));
        long id = savedId(directorCentre.post("/partenaires/nouveau", form));

        Partner saved = repository.findById(id).orElseThrow();
        assertEquals(data.site("mediatheque-centre").id(), saved.siteId());
        assertEquals("69004", saved.postcode());
        assertEquals("Une pièce d’identité\nVotre téléphone", saved.whatToBring(), "one thing per line, blank lines dropped");
        TestClient.Answer detail = directorCentre.get("/partenaires/" + id + "?enregistre=1");
        assertEquals("Les modifications sont enregistrées.", detail.html().selectFirst(".flash").text());
        assertTrue(detail.texts("li").containsAll(List.of("Se présenter sur place", "Téléphoner", "Courriel (e-mail)", "Logement")));
        assertEquals(404, helperNord.get("/partenaires/" + id).status());
    }

    @Test
    void aDirectorCannotCreateForTheNetworkNorForAnotherLibrary() {
        long before = repository.count();
        Map<String, Object> network = form("Pour tout le réseau");
        network.put("siteId", "");
        TestClient.Answer answer = directorCentre.post("/partenaires/nouveau", network);
        assertEquals(422, answer.status());
        assertTrue(answer.body().contains("Choisissez la bibliothèque dont l’équipe verra cette fiche."));
        Map<String, Object> other = form("Pour le Nord");
        other.put("siteId", String.valueOf(data.site("bibliotheque-nord").id()));
        assertEquals(422, directorCentre.post("/partenaires/nouveau", other).status());
        assertEquals(before, repository.count());
        assertEquals(403, helperCentre.get("/partenaires/nouveau").status());
        assertEquals(403, helperCentre.post("/partenaires/nouveau", form("Par un aidant")).status());
        assertEquals(before, repository.count());
    }

    @Test
    void theCoordinationChoosesTheNetworkOrALibrary() {
        TestClient.Answer page = coordinator.get("/partenaires/nouveau");
        List<String> choices = page.texts("#f-siteId option");
        assertEquals(List.of("Tout le réseau", "Bibliothèque Nord", "Médiathèque du Centre"), choices);
        Map<String, Object> network = form("Association du réseau");
        network.put("siteId", "");
        assertNull(repository.findById(savedId(coordinator.post("/partenaires/nouveau", network))).orElseThrow().siteId());
        Map<String, Object> nord = form("Association pour le Nord");
        nord.put("siteId", String.valueOf(data.site("bibliotheque-nord").id()));
        long id = savedId(coordinator.post("/partenaires/nouveau", nord));
        assertEquals(data.site("bibliotheque-nord").id(), repository.findById(id).orElseThrow().siteId());
    }

    @Test
    void anInvalidFormComesBackWithFrenchMessagesAndWhatWasTyped() {
        long before = repository.count();
        Map<String, Object> form = form("");
        form.put("siteId", "");
        form.put("kindCode", "");
        form.put("postcode", "690");
        form.put("phone", "04 72");
        form.put("email", "pas-une-adresse");
        form.put("website", "www.exemple.fr");
        form.put("town", "Saint-Étienne-des-Oullières");
        TestClient.Answer answer = coordinator.post("/partenaires/nouveau", form);
        assertEquals(422, answer.status());
        assertEquals(REQUIRED, answer.fieldMessage("name"));
        assertEquals("Choisissez le type de structure.", answer.fieldMessage("kindCode"));
        assertEquals("Le code postal compte 5 chiffres, par exemple 69001.", answer.fieldMessage("postcode"));
        assertTrue(answer.fieldMessage("phone").startsWith("Numéro de téléphone non reconnu."), answer.fieldMessage("phone"));
        assertEquals("Adresse e-mail non reconnue. Exemple : prenom.nom@exemple.fr.", answer.fieldMessage("email"));
        assertTrue(answer.fieldMessage("website").contains("https://"), answer.fieldMessage("website"));
        assertEquals("690", answer.fieldValue("postcode"));
        assertEquals("04 72", answer.fieldValue("phone"));
        assertEquals("pas-une-adresse", answer.fieldValue("email"));
        assertEquals("Saint-Étienne-des-Oullières", answer.fieldValue("town"));
        assertEquals("Demander Léa à l’accueil", answer.fieldValue("helperNotes"));
        assertTrue(answer.html().getElementById("f-theme-SECURITY").hasAttr("checked"), "ticked boxes stay ticked");
        assertTrue(answer.html().getElementById("f-access-PHONE").hasAttr("checked"));
        assertFalse(answer.html().getElementById("f-access-EMAIL").hasAttr("checked"));
        assertFalse(answer.html().select(".error-summary").isEmpty());
        assertEquals(before, repository.count());
    }

    @Test
    void codesEditedByHandAreRefusedNotAServerError() {
        Map<String, Object> form = form("Codes inventés");
        form.put("siteId", "");
        form.put("kindCode", "NOPE");
        form.put("themes", List.of("EMAIL", "NOPE"));
        form.put("scopes", "NOPE");
        form.put("access", "TELEPATHY");
        TestClient.Answer answer = coordinator.post("/partenaires/nouveau", form);
        assertEquals(422, answer.status());
        for (String field : List.of("kindCode", "themes", "scopes", "access")) {
            assertEquals("Ce choix n’est pas possible. Choisissez dans la liste.", answer.fieldMessage(field), field);
        }
        form.put("kindCode", "OTHER");
        form.remove("themes");
        form.remove("scopes");
        form.remove("access");
        form.put("siteId", "999999");
        assertEquals(422, coordinator.post("/partenaires/nouveau", form).status());
        assertEquals(404, coordinator.get("/partenaires/abc").status());
        assertEquals(404, coordinator.post("/partenaires/abc/modification", form).status());
    }

    @Test
    void editingReplacesTheListsAndKeepsWhereTheEntryBelongs() {
        Partner p = data.entry("Association à modifier", "bibliotheque-nord");
        TestClient.Answer page = coordinator.get("/partenaires/" + p.id() + "/modification");
        assertEquals("Association à modifier", page.fieldValue("name"));
        assertTrue(page.html().getElementById("f-theme-EMAIL").hasAttr("checked"));
        Map<String, Object> form = form("Association modifiée");
        form.put("themes", List.of("PRINT_SCAN"));
        form.put("siteId", "");
        assertEquals(303, coordinator.post("/partenaires/" + p.id() + "/modification", form).status());
        Partner after = repository.findById(p.id()).orElseThrow();
        assertEquals(data.site("bibliotheque-nord").id(), after.siteId(), "not moved to the network by a form field");
        assertEquals(List.of("PRINT_SCAN"), repository.themesOf(List.of(p.id())).stream().map(PartnerCode::code).toList());
        TestClient.Answer invalid = coordinator.post("/partenaires/" + p.id() + "/modification", Map.of("name", ""));
        assertEquals(422, invalid.status());
        assertEquals(REQUIRED, invalid.fieldMessage("name"));
    }

    @Test
    void aDeactivatedEntryIsHiddenFromSearchButStillThereForItsManagers() {
        Partner p = data.entry("Association en sommeil", "mediatheque-centre");
        assertEquals("/partenaires/" + p.id() + "?enregistre=1",
                directorCentre.post("/partenaires/" + p.id() + "/desactivation", Map.of()).location());
        assertFalse(repository.findById(p.id()).orElseThrow().active());

        assertFalse(names(helperCentre.get("/partenaires")).contains("Association en sommeil"));
        assertFalse(names(helperCentre.get("/partenaires?inactifs=1")).contains("Association en sommeil"),
                "helpers never list deactivated entries");
        assertEquals(404, helperCentre.get("/partenaires/" + p.id()).status());
        assertFalse(names(directorCentre.get("/partenaires")).contains("Association en sommeil"), "hidden by default");
        assertTrue(names(directorCentre.get("/partenaires?inactifs=1")).contains("Association en sommeil"));
        TestClient.Answer detail = directorCentre.get("/partenaires/" + p.id());
        assertEquals(200, detail.status());
        assertTrue(detail.html().selectFirst(".notice").text().startsWith("Cette fiche est désactivée"));
        assertTrue(names(coordinator.get("/partenaires?inactifs=1")).contains("Association en sommeil"));

        assertEquals(303, directorCentre.post("/partenaires/" + p.id() + "/reactivation", Map.of()).status());
        assertTrue(names(helperCentre.get("/partenaires")).contains("Association en sommeil"));
    }

    // ---------------------------------------------------------------- search

    @Test
    void theSearchIsAPlainGetForm() {
        TestClient.Answer page = helperCentre.get("/partenaires");
        Element form = page.html().selectFirst("form[role=search]");
        assertEquals("get", form.attr("method"));
        assertEquals("/partenaires", form.attr("action"));
        assertTrue(page.html().select("#f-inactifs").isEmpty(), "helpers are not offered deactivated entries");
        assertFalse(directorCentre.get("/partenaires").html().select("#f-inactifs").isEmpty());
    }

    @Test
    void theNameIsFoundWithoutCaseOrAccents() {
        assertEquals(List.of("Emmaüs Connect — point d'accueil"), names(helperCentre.get(search("q=emmaus"))));
        assertEquals(List.of("Écrivain public — permanence de la maison de quartier"), names(helperCentre.get(search("q=ECRIVAIN"))));
        assertEquals(List.of("Écrivain public — permanence de la maison de quartier"),
                names(helperCentre.get(search("q=" + URLEncoder.encode("  écrivain   PUBLIC ", StandardCharsets.UTF_8)))));
        TestClient.Answer none = helperCentre.get(search("q=introuvable"));
        assertEquals(List.of(), names(none));
        assertEquals("Aucun partenaire trouvé", none.html().getElementById("resultats").text());
    }

    @Test
    void kindThemeScopeAndTownNarrowTheList() {
        assertEquals(List.of("CAF — accueil Centre"), names(helperCentre.get(search("kind=CAF"))));
        assertEquals(List.of("CAF — accueil Centre", "Écrivain public — permanence de la maison de quartier", "France Services Est"),
                names(helperCentre.get(search("theme=ADMIN_PROCEDURES"))));
        assertEquals(List.of("Assurance maladie — accueil Sud"), names(helperCentre.get(search("scope=SOCIAL_HEALTH"))));
        assertEquals(List.of("France Services Est"), names(helperCentre.get(search("town=V%C3%A9nissieux"))));
        assertEquals(List.of("France Services Est"), names(helperCentre.get(search("town=venissieux"))));
        assertEquals(List.of("CAF — accueil Centre"),
                names(helperCentre.get(search("theme=ADMIN_PROCEDURES&town=Lyon&q=caf"))));
        assertEquals(List.of(), names(helperCentre.get(search("kind=INVENTE"))), "an edited address finds nothing, no error");
        TestClient.Answer page = helperCentre.get(search("kind=CAF&theme=ADMIN_PROCEDURES"));
        assertEquals("1 partenaire trouvé", page.html().getElementById("resultats").text());
        assertEquals("CAF", page.html().selectFirst("#f-kind option[selected]").attr("value"), "the criteria stay chosen");
        assertEquals("/partenaires/export.csv?kind=CAF&theme=ADMIN_PROCEDURES",
                page.html().selectFirst("a[href^=/partenaires/export.csv]").attr("href"));
        assertTrue(page.texts("#f-town option").containsAll(List.of("Lyon", "Vénissieux", "Caluire-et-Cuire")));
    }
}
