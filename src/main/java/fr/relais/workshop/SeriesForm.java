package fr.relais.workshop;

import fr.relais.web.Text;
import fr.relais.web.TypedDate;
import fr.relais.web.TypedTime;
import fr.relais.web.TypedValues;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * One session or a series as typed: the workshop, the first date and the start time, the length and capacity (blank:
 * the workshop's), the room, the helpers leading it, public or not, and how it repeats (every week or every 2 weeks,
 * 1 to 26 times). The page shows the dates first; {@code confirm} is set by the button that creates them.
 */
@Serdeable
@RepeatCount
record SeriesForm(
        @Nullable @NotBlank(message = "workshop.error.workshop") @Pattern(regexp = "\\d{1,18}", message = "error.choice")
        String workshopId,
        @Nullable @NotBlank(message = "error.required") @TypedDate String firstDate,
        @Nullable @NotBlank(message = "error.required") @TypedTime String startTime,
        @Nullable @WholeNumber(min = 15, max = 480, message = "workshop.error.duration") String durationMinutes,
        @Nullable @WholeNumber(min = 1, max = 200, message = "workshop.error.capacity") String capacity,
        @Nullable @Size(max = 80, message = "error.tooLong") String room,
        @Nullable List<String> helpers,
        @Nullable String publicListing,
        @Nullable @NotBlank(message = "error.required") @Pattern(regexp = "NONE|WEEKLY|FORTNIGHTLY", message = "error.choice")
        String repeat,
        @Nullable @WholeNumber(min = 1, max = WorkshopSessions.MAX_OCCURRENCES, message = "workshop.error.occurrences")
        String occurrences,
        @Nullable String confirm) implements RepeatCount.Typed {

    static SeriesForm empty(String workshopId, LocalDate firstDate) {
        return new SeriesForm(workshopId, TypedValues.shown(firstDate), "", "", "", "", List.of(), "on", "NONE", "", null);
    }

    List<String> checkedHelpers() {
        return helpers == null ? List.of() : helpers;
    }

    boolean confirmed() {
        return confirm != null && !confirm.isBlank();
    }

    boolean listed() {
        return publicListing != null && !publicListing.isBlank();
    }

    /** 0: once; 1: every week; 2: every 2 weeks. */
    int everyWeeks() {
        return switch (repeat) {
            case "WEEKLY" -> 1;
            case "FORTNIGHTLY" -> 2;
            default -> 0;
        };
    }

    int count() {
        return everyWeeks() == 0 ? 1 : TypedValues.number(occurrences, 1, WorkshopSessions.MAX_OCCURRENCES);
    }

    /** The schedule as typed, with the workshop's defaults where nothing was typed; call only without errors. */
    WorkshopSessions.Schedule values(Workshop workshop, List<Long> helperIds) {
        int duration = durationMinutes == null || durationMinutes.isBlank() ? workshop.defaultDurationMinutes()
                : TypedValues.number(durationMinutes, 15, 480);
        int seats = capacity == null || capacity.isBlank() ? workshop.defaultCapacity() : TypedValues.number(capacity, 1, 200);
        return new WorkshopSessions.Schedule(workshop.id(), TypedValues.date(firstDate), TypedValues.time(startTime), duration,
                seats, Text.blankToNull(Text.squeeze(room)), helperIds, listed(), everyWeeks(), count());
    }
}
