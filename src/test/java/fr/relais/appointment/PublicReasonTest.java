package fr.relais.appointment;

import fr.relais.testing.OnBothDatabases;
import fr.relais.testing.TestClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The public form follows the desk's rules for the reason: a procedure goes with "aide aux démarches" only. */
@MicronautTest(transactional = false)
class PublicReasonTest extends OnBothDatabases {
    @Inject
    EmbeddedServer server;
    @Inject
    AppointmentFixtures fixtures;
    @Inject
    AppointmentRepository appointments;

    @Test
    void procedureScopeIsRequiredWithProceduresAndRefusedOtherwise() {
        AppointmentFixtures.Desk desk = fixtures.desk("motif-public", 1);
        String path = "/bibliotheques/" + desk.site().slug() + "/rendez-vous/" + desk.slot().key();
        try (TestClient visitor = TestClient.of(server)) {
            TestClient.Answer noScope = visitor.post(path, Map.of("firstName", "Marie", "themeCode", "ADMIN_PROCEDURES", "scopeCode", ""));
            assertEquals(422, noScope.status());
            assertEquals("Erreur : Choisissez la démarche concernée.", noScope.fieldError("scopeCode"));
            TestClient.Answer scopeWithEmail = visitor.post(path, Map.of("firstName", "Marie", "themeCode", "EMAIL", "scopeCode", "HOUSING"));
            assertEquals(422, scopeWithEmail.status());
            assertEquals("Erreur : Une démarche ne se choisit qu’avec le motif « Aide aux démarches en ligne ».",
                    scopeWithEmail.fieldError("scopeCode"));
            assertEquals(0, appointments.findBySiteIdAndSlotDateOrderBySlotTime(desk.site().id(), desk.slot().date()).size());
            assertEquals(303, visitor.post(path, Map.of("firstName", "Marie", "themeCode", "ADMIN_PROCEDURES", "scopeCode", "HOUSING")).status());
        }
    }
}
