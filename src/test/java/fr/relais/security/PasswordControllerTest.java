package fr.relais.security;

import fr.relais.staff.Staff;
import fr.relais.staff.StaffFixtures;
import fr.relais.staff.StaffRepository;
import fr.relais.testing.OnBothDatabases;
import fr.relais.testing.TestClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Changing one's own password at /compte/mot-de-passe. Each test uses an account of its own. */
@MicronautTest(environments = "demo", transactional = false)
class PasswordControllerTest extends OnBothDatabases {
    static final String CURRENT = "ancien mot de passe 2026";
    static final String NEW = "une nouvelle phrase secrète";

    @Inject
    EmbeddedServer server;
    @Inject
    StaffFixtures fixtures;
    @Inject
    StaffRepository staffRepository;
    @Inject
    PasswordHasher hasher;

    private Staff newAccount() {
        return fixtures.newAccount(Role.HELPER, "Personne", CURRENT, "mediatheque-centre");
    }

    private TestClient signedIn(Staff account) {
        return TestClient.of(server).login(account.email(), CURRENT);
    }

    private static TestClient.Answer change(TestClient browser, String current, String next, String confirmation) {
        return browser.post("/compte/mot-de-passe", Map.of("currentPassword", current, "newPassword", next,
                "confirmation", confirmation));
    }

    /** A refused form never sends a password back: every input is empty and the typed texts appear nowhere. */
    private static void noPasswordEchoed(TestClient.Answer answer, String... typed) {
        answer.html().select("input[type=password]").forEach(input -> assertEquals("", input.attr("value"), input.id()));
        assertEquals(3, answer.html().select("input[type=password]").size());
        for (String t : typed) {
            if (!t.isEmpty()) {
                assertFalse(answer.body().contains(t), "the page contains a typed password");
            }
        }
    }

    private boolean passwordIs(Staff account, String password) {
        return hasher.matches(password, staffRepository.findById(account.id()).orElseThrow().passwordHash());
    }

    @Test
    void wrongCurrentPasswordIsRefusedNextToThatField() {
        Staff account = newAccount();
        try (TestClient browser = signedIn(account)) {
            TestClient.Answer answer = change(browser, "pas le bon mot de passe", NEW, NEW);

            assertEquals(422, answer.status());
            assertEquals("Le mot de passe actuel est incorrect.", answer.fieldMessage("currentPassword"));
            assertNull(answer.fieldError("newPassword"));
            assertNull(answer.fieldError("confirmation"));
            noPasswordEchoed(answer, "pas le bon mot de passe", NEW);
            assertTrue(passwordIs(account, CURRENT), "unchanged");
        }
    }

    @Test
    void confirmationThatDiffersIsRefusedNextToTheConfirmation() {
        Staff account = newAccount();
        try (TestClient browser = signedIn(account)) {
            TestClient.Answer answer = change(browser, CURRENT, NEW, NEW + " !");

            assertEquals(422, answer.status());
            assertEquals("Les deux mots de passe ne sont pas identiques.", answer.fieldMessage("confirmation"));
            assertNull(answer.fieldError("currentPassword"));
            assertNull(answer.fieldError("newPassword"));
            noPasswordEchoed(answer, CURRENT, NEW);
            assertTrue(passwordIs(account, CURRENT));
        }
    }

    @Test
    void passwordShorterThanTwelveCharactersIsRefused() {
        Staff account = newAccount();
        try (TestClient browser = signedIn(account)) {
            TestClient.Answer answer = change(browser, CURRENT, "court-11car", "court-11car");

            assertEquals(422, answer.status());
            assertEquals("Le mot de passe doit compter au moins 12 caractères.", answer.fieldMessage("newPassword"));
            noPasswordEchoed(answer, CURRENT, "court-11car");
            assertTrue(passwordIs(account, CURRENT));
            // Twelve characters are enough.
            assertEquals(303, change(browser, CURRENT, "douze-carac!", "douze-carac!").status());
            assertTrue(passwordIs(account, "douze-carac!"));
        }
    }

    @Test
    void newPasswordSameAsTheCurrentOneIsRefused() {
        Staff account = newAccount();
        try (TestClient browser = signedIn(account)) {
            TestClient.Answer answer = change(browser, CURRENT, CURRENT, CURRENT);

            assertEquals(422, answer.status());
            assertEquals("Le nouveau mot de passe doit être différent de l’actuel.", answer.fieldMessage("newPassword"));
            noPasswordEchoed(answer, CURRENT);
        }
    }

    @Test
    void ownEmailAsPasswordIsRefused() {
        Staff account = newAccount();
        try (TestClient browser = signedIn(account)) {
            String typed = account.email().toUpperCase();
            TestClient.Answer answer = change(browser, CURRENT, typed, typed);

            assertEquals(422, answer.status());
            assertEquals("Le mot de passe ne doit pas être votre adresse e-mail.", answer.fieldMessage("newPassword"));
            assertTrue(passwordIs(account, CURRENT));
        }
    }

    @Test
    void emptyFieldsEachSayTheyAreRequired() {
        Staff account = newAccount();
        try (TestClient browser = signedIn(account)) {
            TestClient.Answer answer = change(browser, "", "", "");

            assertEquals(422, answer.status());
            for (String field : List.of("currentPassword", "newPassword", "confirmation")) {
                // An empty new password is missing, not "too short".
                assertEquals("Ce champ est obligatoire.", answer.fieldMessage(field), field);
            }
        }
    }

    @Test
    void successSaysSoKeepsThisBrowserSignedInAndSignsOutTheOthers() {
        Staff account = newAccount();
        try (TestClient browser = signedIn(account); TestClient otherBrowser = signedIn(account)) {
            assertEquals(200, otherBrowser.get("/accueil").status());

            TestClient.Answer changed = change(browser, CURRENT, NEW, NEW);

            assertEquals(303, changed.status());
            assertEquals("/compte/mot-de-passe?fait=1", changed.location());
            TestClient.Answer done = browser.get(changed.location());
            assertEquals(200, done.status());
            assertEquals(List.of("Votre mot de passe est changé."), done.texts(".flash"));
            assertEquals(200, browser.get("/accueil").status(), "this browser stays signed in");

            TestClient.Answer other = otherBrowser.get("/accueil");
            assertEquals(303, other.status(), "the other browser is signed out");
            assertEquals("/connexion?retour=%2Faccueil", other.location());

            assertTrue(passwordIs(account, NEW));
            assertEquals(422, otherBrowser.post("/connexion", Map.of("email", account.email(), "password", CURRENT)).status(),
                    "the old password no longer works");
            assertEquals(303, otherBrowser.post("/connexion", Map.of("email", account.email(), "password", NEW)).status());
        }
    }

    @Test
    void signedOutVisitorCannotChangeAPassword() {
        try (TestClient visitor = TestClient.of(server)) {
            TestClient.Answer page = visitor.get("/compte/mot-de-passe");
            assertEquals(303, page.status());
            assertEquals("/connexion?retour=%2Fcompte%2Fmot-de-passe", page.location());
            assertEquals(403, change(visitor, CURRENT, NEW, NEW).status());
        }
    }
}
