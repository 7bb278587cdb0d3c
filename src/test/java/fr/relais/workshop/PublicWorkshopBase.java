package fr.relais.workshop;

import fr.relais.testing.OnBothDatabases;
import fr.relais.testing.TestClient;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;

/**
 * What the HTTP tests of the public workshop pages share: the server, the fixtures, and one anonymous visitor's
 * browser for the whole class.
 */
abstract class PublicWorkshopBase extends OnBothDatabases {
    @Inject
    EmbeddedServer server;
    @Inject
    AgendaFixtures fixtures;

    private TestClient visitor;

    /** The visitor's browser, opened at first use. */
    TestClient visitor() {
        if (visitor == null) {
            visitor = TestClient.of(server);
        }
        return visitor;
    }

    @AfterAll
    void closeVisitor() {
        if (visitor != null) {
            visitor.close();
        }
    }
}
