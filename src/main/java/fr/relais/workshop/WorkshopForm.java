package fr.relais.workshop;

import fr.relais.web.Text;
import fr.relais.web.TypedValues;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A catalogue entry as typed: title, a short description in plain words, the level, one or more themes, what to
 * bring, what one should already know, and the defaults of its sessions. {@code siteId} is read only when an entry
 * is created: "" for the whole network (coordination and administration), or a library.
 */
@Serdeable
record WorkshopForm(
        @Nullable @NotBlank(message = "error.required") @Size(max = 120, message = "error.tooLong") String title,
        @Nullable @NotBlank(message = "error.required") @Size(max = 600, message = "error.tooLong") String description,
        @Nullable @NotBlank(message = "workshop.error.level") @Pattern(regexp = LEVELS, message = "error.choice") String level,
        @Nullable @NotEmpty(message = "workshop.error.themes") @KnownThemes List<String> themes,
        @Nullable @Size(max = 400, message = "error.tooLong") String whatToBring,
        @Nullable @Size(max = 300, message = "error.tooLong") String prerequisites,
        @Nullable @NotBlank(message = "error.required")
        @WholeNumber(min = 15, max = 480, message = "workshop.error.duration") String durationMinutes,
        @Nullable @NotBlank(message = "error.required")
        @WholeNumber(min = 1, max = 200, message = "workshop.error.capacity") String capacity,
        @Nullable @Size(max = 20, message = "error.choice") String siteId) {
    static final String LEVELS = "BEGINNER|INTERMEDIATE|ADVANCED";

    static WorkshopForm empty(String siteId) {
        return new WorkshopForm("", "", "", List.of(), "", "", "90", "8", siteId);
    }

    static WorkshopForm of(Workshop w, List<String> themes) {
        return new WorkshopForm(w.title(), w.description(), w.level().name(), themes, Text.orEmpty(w.whatToBring()),
                Text.orEmpty(w.prerequisites()), String.valueOf(w.defaultDurationMinutes()), String.valueOf(w.defaultCapacity()),
                w.siteId() == null ? "" : String.valueOf(w.siteId()));
    }

    List<String> checkedThemes() {
        return themes == null ? List.of() : themes;
    }

    /** The entry as typed; call only on a form without errors. */
    Workshops.Entry values() {
        return new Workshops.Entry(Text.squeeze(title), description.strip(), WorkshopLevel.valueOf(level), checkedThemes(),
                lines(whatToBring), lines(prerequisites), TypedValues.number(durationMinutes, 15, 480),
                TypedValues.number(capacity, 1, 200));
    }

    /** One thing per line, blank lines dropped: how lists typed in a text box are kept. */
    static String lines(String text) {
        String value = Text.blankToNull(text);
        return value == null ? null : String.join("\n", value.lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
    }
}
