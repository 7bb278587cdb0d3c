package fr.relais.reference;

import fr.relais.web.Messages;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The accompaniment's short lists read in the page's language: every code has its words in both bundles. */
@MicronautTest(transactional = false)
class ShortListsTest {
    @Inject
    ShortLists lists;
    @Inject
    Messages messages;

    @Test
    void everyCodeHasItsFrenchAndEnglishLabel() {
        check("channel", lists.channels(), lists::channels);
        check("age", lists.ageBrackets(), lists::ageBrackets);
        check("equipment", lists.equipment(), lists::equipment);
        assertEquals("Sans rendez-vous", ShortLists.label(lists.channels(Locale.FRENCH), "WALK_IN"));
        assertEquals("Walk-in", ShortLists.label(lists.channels(Locale.ENGLISH), "WALK_IN"));
        assertEquals("70 and over", ShortLists.label(lists.ageBrackets(Locale.ENGLISH), "70_PLUS"));
        assertEquals("Tablet", ShortLists.label(lists.equipment(Locale.ENGLISH), "TABLET"));
    }

    private void check(String list, List<ReferenceData.Option> seeded, Function<Locale, List<ReferenceData.Option>> shown) {
        assertTrue(seeded.size() >= 4, list + " is seeded");
        for (ReferenceData.Option o : seeded) {
            String key = "list." + list + "." + o.code();
            assertTrue(messages.has(Locale.FRENCH, key) && messages.has(Locale.ENGLISH, key), key);
            // The French words are the seed data's own.
            assertEquals(o.label(), messages.get(Locale.FRENCH, key), key);
        }
        assertEquals(seeded.stream().map(ReferenceData.Option::code).toList(),
                shown.apply(Locale.ENGLISH).stream().map(ReferenceData.Option::code).toList(), "same codes, same order");
    }
}
