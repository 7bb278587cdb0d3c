package fr.relais.testing;

import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

/**
 * Base of every test that touches the database: each test class gets its own empty database, on H2 in the
 * first test run and on PostgreSQL in the second (tag "db").
 */
@Tag("db")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class OnBothDatabases implements TestPropertyProvider {
    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new java.util.HashMap<>();
        TestDatabase.fresh(getClass().getSimpleName()).forEach((k, v) -> props.put(k, String.valueOf(v)));
        props.putAll(extraProperties());
        return props;
    }

    /** Settings a test class needs on top of its database. */
    protected Map<String, String> extraProperties() {
        return Map.of();
    }
}
