package fr.relais.site;

import jakarta.inject.Singleton;

import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Libraries and typed forms for the tests of this package. */
@Singleton
class SiteFixtures {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private final Sites sites;
    private final Clock clock;

    SiteFixtures(Sites sites, Clock clock) {
        this.sites = sites;
        this.clock = clock;
    }

    /** A library of its own for one test, created directly (not the subject of the test). */
    Site newSite(String name) {
        String slug = "test-" + COUNTER.incrementAndGet() + "-" + System.nanoTime() % 100000;
        return sites.create(new Site(null, slug, name, "1 rue du Test", "69002", "Lyon", null, null, null, null,
                Sites.DEFAULT_ZONE, clock.instant()));
    }

    /**
     * A form record as a browser posts it: the fields given (name, value, name, value…), every other one absent
     * (null), names the record does not have ignored.
     */
    static <R extends Record> R typed(Class<R> form, String... fieldsAndValues) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            typed.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        RecordComponent[] components = form.getRecordComponents();
        try {
            return form.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new)).newInstance(Arrays.stream(components).map(c -> typed.get(c.getName())).toArray());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
