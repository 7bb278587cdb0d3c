package fr.relais.workshop;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * Who came to a session: the seated registrations ticked present (the others were absent), or "everyone was
 * there" ({@code everyone}, the button that ticks them all), and the walk-in participants as a count, never names.
 */
@Serdeable
record AttendanceForm(
        @Nullable List<String> present,
        @Nullable @WholeNumber(min = 0, max = 500, message = "workshop.error.walkIns") String walkIns,
        @Nullable String everyone) {

    List<String> ticked() {
        return present == null ? List.of() : present;
    }

    boolean everyoneCame() {
        return everyone != null && !everyone.isBlank();
    }

    int typedWalkIns() {
        return walkIns == null || walkIns.isBlank() ? 0 : fr.relais.web.TypedValues.number(walkIns, 0, 500);
    }
}
