package fr.relais.workshop;

import fr.relais.web.Text;
import fr.relais.web.TypedDate;
import fr.relais.web.TypedTime;
import fr.relais.web.TypedValues;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A session's changes as typed: date, start time and length (moved only while nobody is registered), capacity (never
 * below the seats taken), room, helpers, public or not.
 */
@Serdeable
record SessionForm(
        @Nullable @NotBlank(message = "error.required") @TypedDate String sessionDate,
        @Nullable @NotBlank(message = "error.required") @TypedTime String startTime,
        @Nullable @NotBlank(message = "error.required")
        @WholeNumber(min = 15, max = 480, message = "workshop.error.duration") String durationMinutes,
        @Nullable @NotBlank(message = "error.required")
        @WholeNumber(min = 1, max = 200, message = "workshop.error.capacity") String capacity,
        @Nullable @Size(max = 80, message = "error.tooLong") String room,
        @Nullable List<String> helpers,
        @Nullable String publicListing) {

    static SessionForm of(WorkshopSession s, List<Long> helperIds) {
        return new SessionForm(TypedValues.shown(s.sessionDate()), TypedValues.shown(s.startTime()),
                String.valueOf(s.durationMinutes()), String.valueOf(s.capacity()), Text.orEmpty(s.room()),
                helperIds.stream().map(String::valueOf).toList(), s.publicListing() ? "on" : null);
    }

    List<String> checkedHelpers() {
        return helpers == null ? List.of() : helpers;
    }

    int typedCapacity() {
        return TypedValues.number(capacity, 1, 200);
    }

    /** The changes as typed; call only on a form without errors. */
    WorkshopSessions.Changes values(List<Long> helperIds) {
        return new WorkshopSessions.Changes(TypedValues.date(sessionDate), TypedValues.time(startTime),
                TypedValues.number(durationMinutes, 15, 480), typedCapacity(), Text.blankToNull(Text.squeeze(room)), helperIds,
                publicListing != null && !publicListing.isBlank());
    }
}
