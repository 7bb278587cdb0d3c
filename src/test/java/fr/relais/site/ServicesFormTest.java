package fr.relais.site;

import fr.relais.testing.OnBothDatabases;
import fr.relais.testing.Violations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The service-offer form: a choice and a note per service, and a note only with a choice. */
@MicronautTest
class ServicesFormTest extends OnBothDatabases {
    private static final long SITE = 7L;

    @Inject
    Validator validator;

    private static ServicesForm form(String... fieldsAndValues) {
        return SiteFixtures.typed(ServicesForm.class, fieldsAndValues);
    }

    @Test
    void theFormHasAChoiceAndANoteForEachServiceInTheirOrder() {
        List<String> expected = new ArrayList<>();
        for (LibraryService service : LibraryService.values()) {
            expected.add(ServicesForm.offerField(service));
            expected.add(ServicesForm.noteField(service));
        }
        assertEquals(expected, Arrays.stream(ServicesForm.class.getRecordComponents()).map(RecordComponent::getName).toList());
    }

    @Test
    void aServiceIsOfferedNotOfferedOrNotStated() {
        assertEquals(Map.of(), Violations.of(validator, form("offer_WIFI", "yes", "offer_WORKSHOPS", "no",
                "offer_PRINT_SCAN", "", "note_WIFI", "Code à l’accueil")));
        Violations.assertOnly(validator, form("offer_WIFI", "peut-être"), "offer_WIFI", "error.choice");
    }

    @Test
    void aNoteIsThreeHundredCharactersAtMost() {
        assertEquals(Map.of(), Violations.of(validator, form("offer_WIFI", "yes", "note_WIFI", "n".repeat(300))));
        Violations.assertOnly(validator, form("offer_WIFI", "yes", "note_WIFI", "n".repeat(301)), "note_WIFI",
                "error.tooLong");
    }

    @Test
    void aNoteNeedsTheChoiceNextToIt() {
        Violations.assertOnly(validator, form("offer_WORKSHOPS", "", "note_WORKSHOPS", "Le samedi"), "offer_WORKSHOPS",
                "error.service.choose");
        assertEquals(Map.of(), Violations.of(validator, form("note_WORKSHOPS", "  ")), "a blank note is no note");
    }

    @Test
    void theOfferHoldsTheServicesStatedWithTheirNotes() {
        ServicesForm form = form("offer_WIFI", "yes", "note_WIFI", " Code à l’accueil ", "offer_EQUIPMENT_LOAN", "no",
                "note_EQUIPMENT_LOAN", " ", "offer_PRINT_SCAN", "");
        assertEquals(List.of(new SiteOffer(null, SITE, LibraryService.WIFI, true, "Code à l’accueil"),
                new SiteOffer(null, SITE, LibraryService.EQUIPMENT_LOAN, false, null)), form.offer(SITE));
    }

    @Test
    void theSavedOfferComesBackAsTheForm() {
        Map<LibraryService, SiteOffer> saved = new EnumMap<>(LibraryService.class);
        saved.put(LibraryService.WIFI, new SiteOffer(1L, SITE, LibraryService.WIFI, true, "Code à l’accueil"));
        saved.put(LibraryService.WORKSHOPS, new SiteOffer(2L, SITE, LibraryService.WORKSHOPS, false, null));
        ServicesForm form = ServicesForm.of(saved);
        assertEquals("yes", form.choice(LibraryService.WIFI));
        assertEquals("Code à l’accueil", form.note(LibraryService.WIFI));
        assertEquals("no", form.choice(LibraryService.WORKSHOPS));
        assertEquals("", form.choice(LibraryService.PRINT_SCAN), "not stated");
        assertEquals(List.of(new SiteOffer(null, SITE, LibraryService.WIFI, true, "Code à l’accueil"),
                new SiteOffer(null, SITE, LibraryService.WORKSHOPS, false, null)), form.offer(SITE));
    }
}
