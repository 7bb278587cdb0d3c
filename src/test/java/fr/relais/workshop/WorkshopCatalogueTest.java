package fr.relais.workshop;

import fr.relais.testing.OnBothDatabases;
import fr.relais.testing.TestClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The workshop catalogue through HTTP: coordination adds network-wide entries, a director their library's own, a
 * helper only reads; another library's entry answers 404 like an unknown one; entries are deactivated, never deleted.
 */
@MicronautTest(environments = "demo", transactional = false)
class WorkshopCatalogueTest extends OnBothDatabases {
    @Inject
    EmbeddedServer server;
    @Inject
    SessionFixtures data;
    @Inject
    Workshops workshops;
    @Inject
    WorkshopRepository repository;

    TestClient helperCentre;
    TestClient directorCentre;
    TestClient coordinator;
    TestClient helperNord;

    @BeforeAll
    void signIn() {
        helperCentre = TestClient.of(server).loginDemo("aidant.centre@relais.demo");
        directorCentre = TestClient.of(server).loginDemo("direction.centre@relais.demo");
        coordinator = TestClient.of(server).loginDemo("coordination@relais.demo");
        helperNord = TestClient.of(server).loginDemo("aidant.nord@relais.demo");
    }

    @AfterAll
    void close() {
        List.of(helperCentre, directorCentre, coordinator, helperNord).forEach(TestClient::close);
    }

    static Map<String, Object> form(String title, String siteId) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("siteId", siteId);
        form.put("title", title);
        form.put("description", "Créer une adresse, lire et envoyer un message.");
        form.put("level", "BEGINNER");
        form.put("themes", List.of("EMAIL", "SECURITY"));
        form.put("whatToBring", "Votre téléphone portable\r\n\r\nUne pièce d’identité");
        form.put("prerequisites", "Savoir utiliser une souris");
        form.put("durationMinutes", "90");
        form.put("capacity", "8");
        return form;
    }

    private static long idOf(TestClient.Answer created) {
        assertEquals(303, created.status(), created.h1());
        return Long.parseLong(created.location().replaceAll("^/gestion/ateliers/(\\d+)\\?enregistre=1$", "$1"));
    }

    @Test
    void coordinationAddsANetworkWideWorkshopThatEveryLibraryReadsAndSchedules() {
        long id = idOf(coordinator.post("/gestion/ateliers/nouveau", form("Découvrir sa boîte mail", "")));
        Workshop saved = workshops.byId(id).orElseThrow();
        assertTrue(saved.networkWide());
        assertEquals(List.of("EMAIL", "SECURITY"), workshops.themes(id));
        assertEquals("Votre téléphone portable\nUne pièce d’identité", saved.whatToBring());

        TestClient.Answer detail = helperNord.get("/gestion/ateliers/" + id);
        assertEquals(200, detail.status());
        assertEquals("Découvrir sa boîte mail", detail.h1());
        assertTrue(detail.body().contains("Tout le réseau"));
        assertTrue(detail.texts("a").contains("Programmer une séance à Bibliothèque Nord"), detail.texts("a").toString());
        // A helper reads, and finds neither the edit link nor the buttons.
        assertTrue(detail.html().select("a[href$=/modification], form[action$=/desactivation]").isEmpty());
        assertTrue(helperCentre.get("/gestion/ateliers").texts("tbody th a").contains("Découvrir sa boîte mail"));
        // The director of a library does not manage the network's entries: unknown to them on the management routes.
        assertEquals(404, directorCentre.get("/gestion/ateliers/" + id + "/modification").status());
        assertEquals(404, directorCentre.post("/gestion/ateliers/" + id + "/desactivation", Map.of()).status());
    }

    @Test
    void aDirectorAddsTheirLibrarysOwnWorkshopWhichAnotherLibraryDoesNotSee() {
        String centreId = String.valueOf(data.site("mediatheque-centre").id());
        TestClient.Answer blank = directorCentre.get("/gestion/ateliers/nouveau");
        assertEquals(centreId, blank.html().selectFirst("input[name=siteId]").attr("value"));
        long id = idOf(directorCentre.post("/gestion/ateliers/nouveau", form("Sauvegarder ses photos", centreId)));
        assertEquals(data.site("mediatheque-centre").id(), workshops.byId(id).orElseThrow().siteId());

        assertEquals(200, helperCentre.get("/gestion/ateliers/" + id).status());
        TestClient.Answer other = helperNord.get("/gestion/ateliers/" + id);
        assertEquals(404, other.status());
        assertEquals(helperNord.get("/gestion/ateliers/999999").html().selectFirst("main").text(),
                other.html().selectFirst("main").text(), "another library's entry answers like an unknown one");
        assertFalse(helperNord.get("/gestion/ateliers").texts("tbody th a").contains("Sauvegarder ses photos"));
        // A director cannot put an entry under another library, nor under the whole network.
        String nordId = String.valueOf(data.site("bibliotheque-nord").id());
        assertEquals("Ce choix n’est pas possible. Choisissez dans la liste.",
                directorCentre.post("/gestion/ateliers/nouveau", form("Ailleurs", nordId)).fieldMessage("siteId"));
        assertEquals("Choisissez la bibliothèque qui propose cet atelier.",
                directorCentre.post("/gestion/ateliers/nouveau", form("Réseau", "")).fieldMessage("siteId"));
    }

    @Test
    void aHelperOnlyReads() {
        assertEquals(403, helperCentre.get("/gestion/ateliers/nouveau").status());
        assertEquals(403, helperCentre.post("/gestion/ateliers/nouveau", form("Non", "")).status());
        assertTrue(helperCentre.get("/gestion/ateliers").html().select("a[href=/gestion/ateliers/nouveau]").isEmpty());
    }

    @Test
    void wrongValuesComeBackWithAMessageNextToEachFieldAndNothingSaved() {
        long before = repository.count();
        Map<String, Object> form = form("x".repeat(121), "");
        form.put("description", "");
        form.put("level", "EXPERT");
        form.put("themes", List.of("EMAIL", "PAS_UN_THEME"));
        form.put("durationMinutes", "5");
        form.put("capacity", "deux");
        TestClient.Answer answer = coordinator.post("/gestion/ateliers/nouveau", form);
        assertEquals(422, answer.status());
        assertEquals("Ce texte est trop long : 120 caractères au plus.", answer.fieldMessage("title"));
        assertEquals("Ce champ est obligatoire.", answer.fieldMessage("description"));
        assertEquals("Ce choix n’est pas possible. Choisissez dans la liste.", answer.fieldMessage("level"));
        assertEquals("Ce choix n’est pas possible. Choisissez dans la liste.", answer.fieldMessage("themes"));
        assertEquals("Tapez une durée en minutes, de 15 à 480.", answer.fieldMessage("durationMinutes"));
        assertEquals("Tapez un nombre de places de 1 à 200.", answer.fieldMessage("capacity"));
        assertEquals("deux", answer.fieldValue("capacity"));
        assertTrue(answer.html().selectFirst("#f-themes-EMAIL").hasAttr("checked"), "typed values kept");
        form.put("themes", List.of());
        assertEquals("Cochez au moins un thème.", coordinator.post("/gestion/ateliers/nouveau", form).fieldMessage("themes"));
        assertEquals(before, repository.count(), "nothing saved");
    }

    @Test
    void aDeactivatedWorkshopIsNoLongerSchedulableButStaysAndComesBack() {
        Workshop w = data.workshop("Mes démarches en ligne", "mediatheque-centre");
        long centre = data.site("mediatheque-centre").id();
        assertEquals(303, directorCentre.post("/gestion/ateliers/" + w.id() + "/desactivation", Map.of()).status());
        assertFalse(workshops.byId(w.id()).orElseThrow().active());
        assertTrue(workshops.schedulableAt(centre).stream().noneMatch(s -> s.id().equals(w.id())));
        // Helpers no longer find it in the list; the director finds it among the deactivated ones.
        assertFalse(helperCentre.get("/gestion/ateliers").texts("tbody th a").contains("Mes démarches en ligne"));
        TestClient.Answer list = directorCentre.get("/gestion/ateliers");
        assertTrue(list.texts("#inactive-caption").size() == 1 && list.body().contains("Mes démarches en ligne"));
        // Scheduling it by an edited form is refused.
        TestClient.Answer refused = helperCentre.post("/bureau/" + centre + "/ateliers/nouvelle", Map.of("workshopId", w.id(),
                "firstDate", "01/01/2099", "startTime", "10:00", "repeat", "NONE"));
        assertEquals("Ce choix n’est pas possible. Choisissez dans la liste.", refused.fieldMessage("workshopId"));
        assertEquals(303, directorCentre.post("/gestion/ateliers/" + w.id() + "/reactivation", Map.of()).status());
        assertTrue(workshops.byId(w.id()).orElseThrow().active());
    }

    @Test
    void editingKeepsWhereItBelongsAndRewritesItsThemes() {
        Workshop w = data.workshop("Utiliser son smartphone", "mediatheque-centre", List.of("EQUIPMENT_BASICS"));
        TestClient.Answer edit = directorCentre.get("/gestion/ateliers/" + w.id() + "/modification");
        assertEquals(200, edit.status());
        assertEquals("Utiliser son smartphone", edit.fieldValue("title"));
        Map<String, Object> form = form("Utiliser son smartphone (suite)", "");
        form.put("themes", List.of("EMAIL"));
        assertEquals(303, directorCentre.post("/gestion/ateliers/" + w.id() + "/modification", form).status());
        Workshop saved = workshops.byId(w.id()).orElseThrow();
        assertEquals("Utiliser son smartphone (suite)", saved.title());
        assertEquals(w.siteId(), saved.siteId(), "an edited siteId does not move the entry");
        assertEquals(List.of("EMAIL"), workshops.themes(w.id()));
    }
}
