package fr.relais.staff;

import fr.relais.security.Role;
import fr.relais.site.SiteRepository;
import fr.relais.testing.OnBothDatabases;
import fr.relais.testing.TestClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Accounts through HTTP: who creates whom, one-time passwords, the mandate flag, deactivation and what it does to
 * sessions. Tests that change an account use one created for them, so that they do not depend on each other.
 */
@MicronautTest(environments = "demo", transactional = false)
class StaffAdminControllerTest extends OnBothDatabases {
    static final String TEST_PASSWORD = StaffFixtures.PASSWORD;
    static final String LOGIN_FAILED = "Adresse e-mail ou mot de passe incorrect.";
    static final String NOT_POSSIBLE = "Ce choix n’est pas possible. Choisissez dans la liste.";
    static final Pattern ONE_TIME = Pattern.compile("[a-km-zA-HJ-NP-Z2-9]{4}(-[a-km-zA-HJ-NP-Z2-9]{4}){3}");

    @Inject
    EmbeddedServer server;
    @Inject
    StaffRepository staffRepository;
    @Inject
    StaffSiteRepository staffSiteRepository;
    @Inject
    SiteRepository siteRepository;
    @Inject
    StaffAccounts accounts;
    @Inject
    StaffFixtures fixtures;

    TestClient admin;
    TestClient coordinator;
    TestClient director;

    @BeforeAll
    void signIn() {
        admin = TestClient.of(server).loginDemo("admin@relais.demo");
        coordinator = TestClient.of(server).loginDemo("coordination@relais.demo");
        director = TestClient.of(server).loginDemo("direction.centre@relais.demo");
    }

    @AfterAll
    void closeBrowsers() {
        admin.close();
        coordinator.close();
        director.close();
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private long siteId(String slug) {
        return siteRepository.findBySlug(slug).orElseThrow().id();
    }

    private Staff staff(String email) {
        return staffRepository.findByEmail(email).orElseThrow();
    }

    private Staff reload(Staff account) {
        return staffRepository.findById(account.id()).orElseThrow();
    }

    private Staff newHelper(String name, String... siteSlugs) {
        return fixtures.newHelper(name, siteSlugs);
    }

    private static Map<String, Object> accountForm(String email, String name, String role, Object sites) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("email", email);
        form.put("displayName", name);
        form.put("role", role);
        form.put("siteIds", sites);
        return form;
    }

    private static String oneTimePassword(TestClient.Answer page) {
        Element code = page.html().selectFirst("code.one-time");
        assertNotNull(code, "the page shows a one-time password");
        assertTrue(ONE_TIME.matcher(code.text()).matches(), code.text());
        return code.text();
    }

    private TestClient.Answer tryLogin(TestClient browser, String email, String password) {
        return browser.post("/connexion", Map.of("email", email, "password", password));
    }

    private static List<String> listedEmails(TestClient.Answer list) {
        return list.texts("table tbody tr td:nth-of-type(1)");
    }

    private static Element row(TestClient.Answer list, String email) {
        return list.html().select("table tbody tr").stream()
                .filter(tr -> tr.select("td").first().text().equals(email)).findFirst().orElse(null);
    }

    // ---- creating an account and the first sign-in --------------------------------------------------------

    @Test
    void adminCreatesAnAccountWhoseOneTimePasswordMustBeChangedFirst() {
        long centre = siteId("mediatheque-centre");
        Map<String, Object> form = accountForm("Lea.Martin@Relais.demo", "Léa", "HELPER", List.of(String.valueOf(centre)));
        form.put("mandateHabilitated", "true");
        TestClient.Answer created = admin.post("/gestion/comptes", form);

        assertEquals(200, created.status());
        assertEquals("Compte créé", created.h1());
        assertTrue(created.body().contains("Le compte de Léa est créé."));
        assertEquals("no-store", created.header("Cache-Control"), "the one-time password page is never cached");
        String oneTime = oneTimePassword(created);
        Staff saved = staff("lea.martin@relais.demo");
        assertEquals("lea.martin@relais.demo", created.html().select("dl.credentials dd").get(0).text(),
                "the e-mail is stored and shown in lower case");
        assertEquals(Role.HELPER, saved.role());
        assertTrue(saved.mandateHabilitated());
        assertTrue(saved.active());
        assertTrue(saved.mustChangePassword());
        assertFalse(saved.passwordHash().contains(oneTime), "only a hash is stored");
        assertEquals(Set.of(centre), accounts.siteIds(saved.id()));

        try (TestClient lea = TestClient.of(server)) {
            TestClient.Answer login = tryLogin(lea, "lea.martin@relais.demo", oneTime);
            assertEquals(303, login.status());
            assertEquals("/compte/mot-de-passe", login.location());
            for (String page : List.of("/accueil", "/", "/bibliotheques/mediatheque-centre")) {
                TestClient.Answer elsewhere = lea.get(page);
                assertEquals(303, elsewhere.status(), page);
                assertEquals("/compte/mot-de-passe", elsewhere.location(), page);
            }
            TestClient.Answer passwordPage = lea.get("/compte/mot-de-passe");
            assertEquals(200, passwordPage.status());
            assertTrue(passwordPage.texts(".notice").get(0).startsWith("Vous utilisez un mot de passe provisoire."));

            TestClient.Answer changed = lea.post("/compte/mot-de-passe", Map.of("currentPassword", oneTime,
                    "newPassword", "une phrase facile à retenir", "confirmation", "une phrase facile à retenir"));
            assertEquals(303, changed.status());
            assertEquals("/compte/mot-de-passe?fait=1", changed.location());
            TestClient.Answer home = lea.get("/accueil");
            assertEquals(200, home.status());
            assertEquals("Mon bureau du jour", home.h1());
            assertFalse(reload(saved).mustChangePassword());
        }
        try (TestClient again = TestClient.of(server)) {
            TestClient.Answer old = tryLogin(again, "lea.martin@relais.demo", oneTime);
            assertEquals(422, old.status(), "the one-time password no longer works");
            assertEquals(LOGIN_FAILED, old.texts(".error-summary").get(0));
            TestClient.Answer fresh = tryLogin(again, "lea.martin@relais.demo", "une phrase facile à retenir");
            assertEquals(303, fresh.status());
            assertEquals("/accueil", fresh.location());
        }
    }

    @Test
    void invalidNewAccountIsRefusedWithMessagesKeepsWhatWasTypedAndSavesNothing() {
        long before = staffRepository.count();
        String longName = "N".repeat(81);
        TestClient.Answer answer = admin.post("/gestion/comptes", accountForm("pas-une-adresse", longName, "HELPER", List.of()));

        assertEquals(422, answer.status());
        assertEquals("Nouveau compte", answer.h1());
        assertEquals("Adresse e-mail non reconnue. Exemple : prenom.nom@exemple.fr.", answer.fieldMessage("email"));
        assertEquals("Ce texte est trop long : 80 caractères au plus.", answer.fieldMessage("displayName"));
        assertEquals("Cochez au moins une bibliothèque.", answer.fieldMessage("siteIds"));
        assertEquals("pas-une-adresse", answer.fieldValue("email"));
        assertEquals(longName, answer.fieldValue("displayName"), "the typed name comes back whole");
        assertEquals(before, staffRepository.count());

        TestClient.Answer empty = admin.post("/gestion/comptes", accountForm("", "", "HELPER", List.of()));
        assertEquals(422, empty.status());
        assertEquals("Ce champ est obligatoire.", empty.fieldMessage("email"));
        assertEquals("Ce champ est obligatoire.", empty.fieldMessage("displayName"));
        assertEquals(before, staffRepository.count());
    }

    @Test
    void duplicateEmailIsRefusedWhateverItsCase() {
        long before = staffRepository.count();
        TestClient.Answer answer = admin.post("/gestion/comptes", accountForm("AIDANT.Centre@Relais.DEMO", "Sami bis",
                "HELPER", List.of(String.valueOf(siteId("mediatheque-centre")))));

        assertEquals(422, answer.status());
        assertEquals("Un compte existe déjà avec cette adresse e-mail.", answer.fieldMessage("email"));
        assertEquals("AIDANT.Centre@Relais.DEMO", answer.fieldValue("email"));
        assertEquals("Sami bis", answer.fieldValue("displayName"));
        assertEquals(before, staffRepository.count());
        assertEquals("Sami", staff("aidant.centre@relais.demo").displayName());
    }

    // ---- coordination --------------------------------------------------------------------------------------

    @Test
    void coordinatorCreatesDirectorsHelpersAndCoordinatorsButNoAdministrator() {
        long nord = siteId("bibliotheque-nord");
        TestClient.Answer form = coordinator.get("/gestion/comptes/nouveau");
        assertEquals(List.of("HELPER", "DIRECTOR", "COORDINATOR"), form.html().select("#f-role option").eachAttr("value"));

        Map<String, Role> created = Map.of("direction.nord@relais.test", Role.DIRECTOR,
                "aidant.nouveau@relais.test", Role.HELPER, "coordination2@relais.test", Role.COORDINATOR);
        created.forEach((email, role) -> {
            TestClient.Answer answer = coordinator.post("/gestion/comptes",
                    accountForm(email, "Compte " + role, role.name(), List.of(String.valueOf(nord))));
            assertEquals(200, answer.status(), email);
            oneTimePassword(answer);
            Staff saved = staff(email);
            assertEquals(role, saved.role());
            assertEquals(role == Role.COORDINATOR ? Set.of() : Set.of(nord), accounts.siteIds(saved.id()),
                    "a coordinator belongs to no library");
        });

        long before = staffRepository.count();
        TestClient.Answer refused = coordinator.post("/gestion/comptes",
                accountForm("admin2@relais.test", "Admin bis", "ADMIN", List.of()));
        assertEquals(422, refused.status());
        assertEquals(NOT_POSSIBLE, refused.fieldMessage("role"));
        assertEquals("admin2@relais.test", refused.fieldValue("email"));
        assertEquals(before, staffRepository.count());
        assertTrue(staffRepository.findByEmail("admin2@relais.test").isEmpty());

        // Nor by editing an account.
        Staff helper = newHelper("Futur admin", "bibliotheque-nord");
        TestClient.Answer promoted = coordinator.post("/gestion/comptes/" + helper.id(),
                accountForm(helper.email(), "Futur admin", "ADMIN", List.of(String.valueOf(nord))));
        assertEquals(422, promoted.status());
        assertEquals(NOT_POSSIBLE, promoted.fieldMessage("role"));
        assertEquals(Role.HELPER, reload(helper).role());
    }

    @Test
    void coordinatorCannotSeeOrTouchAnAdministratorAccount() {
        Staff adminAccount = staff("admin@relais.demo");
        String base = "/gestion/comptes/" + adminAccount.id();
        TestClient.Answer unknown = coordinator.get("/gestion/comptes/999999");
        TestClient.Answer get = coordinator.get(base);
        assertEquals(404, get.status());
        assertEquals(unknown.h1(), get.h1());
        assertEquals(404, coordinator.post(base, accountForm("", "Alex renommé", "COORDINATOR", List.of())).status());
        assertEquals(404, coordinator.post(base + "/desactivation", Map.of()).status());
        assertEquals(404, coordinator.post(base + "/mot-de-passe-provisoire", Map.of()).status());

        Staff after = reload(adminAccount);
        assertEquals(adminAccount, after, "the administrator's account is unchanged");
        assertFalse(listedEmails(coordinator.get("/gestion/comptes")).contains("admin@relais.demo"));
        assertEquals(200, admin.get("/accueil").status(), "the administrator is still signed in");
    }

    // ---- directors -----------------------------------------------------------------------------------------

    @Test
    void directorListsOnlyTheHelpersOfTheirLibrary() {
        long centre = siteId("mediatheque-centre");
        TestClient.Answer list = director.get("/gestion/comptes");

        assertEquals(200, list.status());
        List<String> emails = listedEmails(list);
        assertTrue(emails.containsAll(List.of("aidant.centre@relais.demo", "benevole.centre@relais.demo")), emails.toString());
        for (String other : List.of("aidant.nord@relais.demo", "admin@relais.demo", "coordination@relais.demo",
                "direction.centre@relais.demo")) {
            assertFalse(emails.contains(other), other);
        }
        for (String email : emails) {
            Staff s = staff(email);
            assertEquals(Role.HELPER, s.role(), email);
            assertTrue(accounts.siteIds(s.id()).contains(centre), email);
        }
    }

    @Test
    void directorCreatesAHelperForTheirLibraryButNotForAnotherNorADirector() {
        long centre = siteId("mediatheque-centre");
        long nord = siteId("bibliotheque-nord");
        TestClient.Answer form = director.get("/gestion/comptes/nouveau");
        assertEquals(List.of("HELPER"), form.html().select("#f-role option").eachAttr("value"));
        assertEquals(List.of(String.valueOf(centre)), form.html().select("input[name=siteIds]").eachAttr("value"));

        TestClient.Answer created = director.post("/gestion/comptes",
                accountForm("stagiaire.centre@relais.test", "Yanis", "HELPER", List.of(String.valueOf(centre))));
        assertEquals(200, created.status());
        oneTimePassword(created);
        Staff saved = staff("stagiaire.centre@relais.test");
        assertEquals(Role.HELPER, saved.role());
        assertEquals(Set.of(centre), accounts.siteIds(saved.id()));
        assertTrue(listedEmails(director.get("/gestion/comptes")).contains("stagiaire.centre@relais.test"));

        long before = staffRepository.count();
        TestClient.Answer otherSite = director.post("/gestion/comptes",
                accountForm("aidant.ailleurs@relais.test", "Inès", "HELPER", List.of(String.valueOf(nord))));
        assertEquals(422, otherSite.status());
        assertEquals(NOT_POSSIBLE, otherSite.fieldMessage("siteIds"));
        assertEquals("aidant.ailleurs@relais.test", otherSite.fieldValue("email"));

        TestClient.Answer asDirector = director.post("/gestion/comptes",
                accountForm("direction.adjointe@relais.test", "Inès", "DIRECTOR", List.of(String.valueOf(centre))));
        assertEquals(422, asDirector.status());
        assertEquals(NOT_POSSIBLE, asDirector.fieldMessage("role"));

        TestClient.Answer noSite = director.post("/gestion/comptes",
                accountForm("aidant.sans.site@relais.test", "Inès", "HELPER", List.of()));
        assertEquals(422, noSite.status());
        assertEquals("Cochez au moins une bibliothèque.", noSite.fieldMessage("siteIds"));
        assertEquals(before, staffRepository.count(), "none of the refused accounts was saved");
    }

    @Test
    void directorSetsTheMandateFlagOnAVolunteerAndTheListShowsIt() {
        Staff jeanne = staff("benevole.centre@relais.demo");
        long centre = siteId("mediatheque-centre");
        assertFalse(jeanne.mandateHabilitated());
        TestClient.Answer form = director.get("/gestion/comptes/" + jeanne.id());
        assertEquals(200, form.status());
        assertFalse(form.html().selectFirst("#f-mandateHabilitated").hasAttr("checked"));

        Map<String, Object> edit = accountForm("changement@relais.test", "Jeanne", "HELPER", List.of(String.valueOf(centre)));
        edit.put("mandateHabilitated", "true");
        TestClient.Answer saved = director.post("/gestion/comptes/" + jeanne.id(), edit);

        assertEquals(303, saved.status());
        assertEquals("/gestion/comptes?enregistre=1", saved.location());
        TestClient.Answer list = director.get(saved.location());
        assertEquals("Les modifications sont enregistrées.", list.texts(".flash").get(0));
        assertEquals("oui", row(list, "benevole.centre@relais.demo").select("td").get(3).text());
        Staff after = reload(jeanne);
        assertTrue(after.mandateHabilitated());
        assertEquals("benevole.centre@relais.demo", after.email(), "the e-mail (the login) is not changed here");
        assertTrue(director.get("/gestion/comptes/" + jeanne.id()).html().selectFirst("#f-mandateHabilitated").hasAttr("checked"));

        edit.remove("mandateHabilitated");
        assertEquals(303, director.post("/gestion/comptes/" + jeanne.id(), edit).status());
        assertFalse(reload(jeanne).mandateHabilitated());
        assertEquals("non", row(director.get("/gestion/comptes"), "benevole.centre@relais.demo").select("td").get(3).text());
    }

    @Test
    void directorEditingAHelperKeepsTheLibrariesTheyDoNotManage() {
        Staff both = newHelper("Camille partagée", "mediatheque-centre", "bibliotheque-nord");
        long centre = siteId("mediatheque-centre");
        TestClient.Answer saved = director.post("/gestion/comptes/" + both.id(),
                accountForm(both.email(), "Camille", "HELPER", List.of(String.valueOf(centre))));
        assertEquals(303, saved.status());
        assertEquals(Set.of(centre, siteId("bibliotheque-nord")), accounts.siteIds(both.id()));
        assertEquals("Camille", reload(both).displayName());
    }

    @Test
    void directorTakesASharedHelperOffTheirLibraryWithoutTouchingTheOther() {
        // A volunteer also working at the north library stops helping at the centre: the centre's director unticks
        // the centre; the north library keeps them (deactivating the account would have cut them off there too).
        Staff both = newHelper("Alix partagée", "mediatheque-centre", "bibliotheque-nord");
        TestClient.Answer saved = director.post("/gestion/comptes/" + both.id(),
                accountForm(both.email(), "Alix partagée", "HELPER", List.of()));
        assertEquals(303, saved.status(), () -> String.valueOf(saved.fieldError("siteIds")));
        assertEquals(Set.of(siteId("bibliotheque-nord")), accounts.siteIds(both.id()));
        assertTrue(reload(both).active());
        assertNull(row(director.get("/gestion/comptes"), both.email()), "no longer in the centre's team");
        assertEquals(404, director.get("/gestion/comptes/" + both.id()).status());

        // A helper of the centre only must keep at least one library.
        Staff only = newHelper("Sacha", "mediatheque-centre");
        TestClient.Answer refused = director.post("/gestion/comptes/" + only.id(),
                accountForm(only.email(), "Sacha", "HELPER", List.of()));
        assertEquals(422, refused.status());
        assertEquals("Cochez au moins une bibliothèque.", refused.fieldMessage("siteIds"));
        assertEquals(Set.of(siteId("mediatheque-centre")), accounts.siteIds(only.id()));
    }

    @Test
    void deactivationEndsTheHelpersOpenSessionAtOnceAndReactivationLetsThemBackIn() {
        Staff helper = newHelper("Hugo", "mediatheque-centre");
        try (TestClient hugo = TestClient.of(server).login(helper.email(), TEST_PASSWORD)) {
            assertEquals(200, hugo.get("/accueil").status());

            TestClient.Answer deactivated = director.post("/gestion/comptes/" + helper.id() + "/desactivation", Map.of());
            assertEquals(303, deactivated.status());
            assertEquals("/gestion/comptes?enregistre=1", deactivated.location());

            TestClient.Answer kickedOut = hugo.get("/accueil");
            assertEquals(303, kickedOut.status(), "the open session stops working at once");
            assertEquals("/connexion?retour=%2Faccueil", kickedOut.location());
            TestClient.Answer login = tryLogin(hugo, helper.email(), TEST_PASSWORD);
            assertEquals(422, login.status());
            assertEquals(LOGIN_FAILED, login.texts(".error-summary").get(0), "the same message as a wrong password");
        }
        Staff stored = reload(helper);
        assertFalse(stored.active());
        assertEquals(helper.email(), stored.email(), "the account is kept, only deactivated");
        TestClient.Answer list = director.get("/gestion/comptes");
        assertEquals("désactivé", row(list, helper.email()).select("td").get(4).text());
        assertNotNull(row(list, helper.email()).selectFirst("form[action=/gestion/comptes/" + helper.id() + "/reactivation]"));

        TestClient.Answer reactivated = director.post("/gestion/comptes/" + helper.id() + "/reactivation", Map.of());
        assertEquals(303, reactivated.status());
        assertTrue(reload(helper).active());
        try (TestClient hugo = TestClient.of(server)) {
            TestClient.Answer back = tryLogin(hugo, helper.email(), TEST_PASSWORD);
            assertEquals(303, back.status());
            assertEquals("/accueil", back.location());
        }
    }

    @Test
    void passwordResetShowsAOneTimePasswordAndClosesTheHelpersSessions() {
        Staff helper = newHelper("Rose", "mediatheque-centre");
        try (TestClient rose = TestClient.of(server).login(helper.email(), TEST_PASSWORD)) {
            TestClient.Answer reset = director.post("/gestion/comptes/" + helper.id() + "/mot-de-passe-provisoire", Map.of());
            assertEquals(200, reset.status());
            assertEquals("Mot de passe provisoire", reset.h1());
            assertTrue(reset.body().contains("Voici un nouveau mot de passe provisoire pour Rose."));
            String oneTime = oneTimePassword(reset);

            TestClient.Answer closed = rose.get("/accueil");
            assertEquals(303, closed.status(), "the helper's session is closed");
            assertTrue(closed.location().startsWith("/connexion"));
            assertEquals(422, tryLogin(rose, helper.email(), TEST_PASSWORD).status(), "the old password is replaced");
            TestClient.Answer withOneTime = tryLogin(rose, helper.email(), oneTime);
            assertEquals(303, withOneTime.status());
            assertEquals("/compte/mot-de-passe", withOneTime.location());
        }
        assertTrue(reload(helper).mustChangePassword());
        assertNotEquals(helper.passwordHash(), reload(helper).passwordHash());
    }

    @Test
    void directorCannotManageAHelperOfAnotherLibrary() {
        Staff nour = staff("aidant.nord@relais.demo");
        String base = "/gestion/comptes/" + nour.id();
        TestClient.Answer unknown = director.get("/gestion/comptes/999999");
        TestClient.Answer get = director.get(base);
        assertEquals(404, get.status());
        assertEquals(unknown.h1(), get.h1());
        assertEquals("Page introuvable", get.h1());
        assertEquals(404, director.post(base, accountForm("", "Nour modifiée", "HELPER",
                List.of(String.valueOf(siteId("mediatheque-centre"))))).status());
        assertEquals(404, director.post(base + "/desactivation", Map.of()).status());
        assertEquals(404, director.post(base + "/reactivation", Map.of()).status());
        assertEquals(404, director.post(base + "/mot-de-passe-provisoire", Map.of()).status());

        assertEquals(nour, reload(nour), "nothing changed: name, state, password");
        assertEquals(Set.of(siteId("bibliotheque-nord")), accounts.siteIds(nour.id()));
        assertNull(row(director.get("/gestion/comptes"), "aidant.nord@relais.demo"));
    }

    @Test
    void nobodyDeactivatesOrResetsTheirOwnAccount() {
        Staff adminAccount = staff("admin@relais.demo");
        Staff coordination = staff("coordination@relais.demo");
        Staff dominique = staff("direction.centre@relais.demo");

        assertEquals(404, admin.post("/gestion/comptes/" + adminAccount.id() + "/desactivation", Map.of()).status());
        assertEquals(404, admin.post("/gestion/comptes/" + adminAccount.id() + "/mot-de-passe-provisoire", Map.of()).status());
        assertEquals(404, coordinator.post("/gestion/comptes/" + coordination.id() + "/desactivation", Map.of()).status());
        assertEquals(404, director.post("/gestion/comptes/" + dominique.id() + "/desactivation", Map.of()).status());

        for (Staff s : List.of(adminAccount, coordination, dominique)) {
            assertEquals(s, reload(s), s.email() + " unchanged");
        }
        assertEquals(200, admin.get("/accueil").status());
        assertEquals(200, coordinator.get("/accueil").status());
        assertEquals(200, director.get("/accueil").status());
        // Their own row in the list offers no such button.
        Element own = row(admin.get("/gestion/comptes"), "admin@relais.demo");
        assertNotNull(own);
        assertTrue(own.select("form").isEmpty(), own.html());
    }

    @Test
    void anAdministratorsOwnRoleCannotBeChangedFromTheForm() {
        Staff adminAccount = staff("admin@relais.demo");
        TestClient.Answer saved = admin.post("/gestion/comptes/" + adminAccount.id(),
                accountForm(adminAccount.email(), "Alex (administration)", "HELPER", List.of()));
        assertEquals(303, saved.status());
        assertEquals(Role.ADMIN, reload(adminAccount).role(), "one cannot lock oneself out");
        assertEquals(200, admin.get("/gestion/comptes").status());
    }
}
