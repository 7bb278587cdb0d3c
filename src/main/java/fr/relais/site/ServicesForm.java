package fr.relais.site;

import fr.relais.web.Text;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A library's service offer as typed: for each {@link LibraryService}, {@code offer_CODE} ("yes", "no", or empty
 * for not stated) and an optional short {@code note_CODE}. A note needs a choice ({@link ServiceChoices}).
 */
@Serdeable
@ServiceChoices
record ServicesForm(
        @Nullable @Pattern(regexp = CHOICE, message = "error.choice") String offer_FREE_COMPUTERS,
        @Nullable @Size(max = NOTE, message = "error.tooLong") String note_FREE_COMPUTERS,
        @Nullable @Pattern(regexp = CHOICE, message = "error.choice") String offer_WIFI,
        @Nullable @Size(max = NOTE, message = "error.tooLong") String note_WIFI,
        @Nullable @Pattern(regexp = CHOICE, message = "error.choice") String offer_PRINT_SCAN,
        @Nullable @Size(max = NOTE, message = "error.tooLong") String note_PRINT_SCAN,
        @Nullable @Pattern(regexp = CHOICE, message = "error.choice") String offer_INDIVIDUAL_APPOINTMENTS,
        @Nullable @Size(max = NOTE, message = "error.tooLong") String note_INDIVIDUAL_APPOINTMENTS,
        @Nullable @Pattern(regexp = CHOICE, message = "error.choice") String offer_WORKSHOPS,
        @Nullable @Size(max = NOTE, message = "error.tooLong") String note_WORKSHOPS,
        @Nullable @Pattern(regexp = CHOICE, message = "error.choice") String offer_PROCEDURE_HELP,
        @Nullable @Size(max = NOTE, message = "error.tooLong") String note_PROCEDURE_HELP,
        @Nullable @Pattern(regexp = CHOICE, message = "error.choice") String offer_MANDATE_PROCEDURES,
        @Nullable @Size(max = NOTE, message = "error.tooLong") String note_MANDATE_PROCEDURES,
        @Nullable @Pattern(regexp = CHOICE, message = "error.choice") String offer_EQUIPMENT_LOAN,
        @Nullable @Size(max = NOTE, message = "error.tooLong") String note_EQUIPMENT_LOAN,
        @Nullable @Pattern(regexp = CHOICE, message = "error.choice") String offer_ADAPTED_WORKSTATION,
        @Nullable @Size(max = NOTE, message = "error.tooLong") String note_ADAPTED_WORKSTATION) {
    static final String CHOICE = "yes|no|";
    static final int NOTE = 300;

    static String offerField(LibraryService service) {
        return "offer_" + service.name();
    }

    static String noteField(LibraryService service) {
        return "note_" + service.name();
    }

    /** The saved offer; a service without a row is not stated. */
    static ServicesForm of(Map<LibraryService, SiteOffer> offer) {
        String[] v = new String[LibraryService.values().length * 2];
        for (LibraryService service : LibraryService.values()) {
            SiteOffer o = offer.get(service);
            v[service.ordinal() * 2] = o == null ? "" : o.offered() ? "yes" : "no";
            v[service.ordinal() * 2 + 1] = o == null ? "" : Text.orEmpty(o.note());
        }
        return new ServicesForm(
                v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13], v[14], v[15],
                v[16], v[17]);
    }

    /** "yes", "no" or empty (not stated). */
    String choice(LibraryService service) {
        return Text.orEmpty(typed().get(service.ordinal() * 2));
    }

    String note(LibraryService service) {
        return Text.orEmpty(typed().get(service.ordinal() * 2 + 1));
    }

    /** The services stated, offered or not; call only on a form without errors. */
    List<SiteOffer> offer(long siteId) {
        List<SiteOffer> offer = new ArrayList<>();
        for (LibraryService service : LibraryService.values()) {
            if (!choice(service).isEmpty()) {
                offer.add(new SiteOffer(null, siteId, service, choice(service).equals("yes"),
                        Text.blankToNull(note(service))));
            }
        }
        return offer;
    }

    /** One service of the page: its fields' names, what they hold and their messages. */
    record Row(String code, String labelKey, String offerField, String noteField, String choice, String note,
               @Nullable String choiceError, @Nullable String noteError) {
    }

    List<Row> rows(Map<String, String> errors) {
        return Arrays.stream(LibraryService.values()).map(s -> new Row(s.name(), "service." + s.name(), offerField(s),
                noteField(s), choice(s), note(s), errors.get(offerField(s)), errors.get(noteField(s)))).toList();
    }

    /** The fields in the order of {@link LibraryService}: offer then note. */
    private List<String> typed() {
        return Arrays.asList(
                offer_FREE_COMPUTERS, note_FREE_COMPUTERS, offer_WIFI, note_WIFI, offer_PRINT_SCAN, note_PRINT_SCAN,
                offer_INDIVIDUAL_APPOINTMENTS, note_INDIVIDUAL_APPOINTMENTS, offer_WORKSHOPS, note_WORKSHOPS,
                offer_PROCEDURE_HELP, note_PROCEDURE_HELP, offer_MANDATE_PROCEDURES, note_MANDATE_PROCEDURES,
                offer_EQUIPMENT_LOAN, note_EQUIPMENT_LOAN, offer_ADAPTED_WORKSTATION, note_ADAPTED_WORKSTATION);
    }
}
