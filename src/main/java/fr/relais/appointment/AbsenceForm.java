package fr.relais.appointment;

import fr.relais.web.TypedValues;

import fr.relais.privacy.NoSensitiveData;
import fr.relais.web.Forms;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * An absence as typed: first and last day (24/12/2026), an optional short label ("Congés", "Formation").
 * {@code staffId} is only read on a site's permanences page, where a director declares it for a helper of the
 * site; a helper's own page ignores it.
 */
@Serdeable
record AbsenceForm(
        @Nullable @Size(max = 20, message = "error.choice") String staffId,
        @Nullable @NotBlank(message = "error.required") @Size(max = 10, message = "error.date") String startDate,
        @Nullable @NotBlank(message = "error.required") @Size(max = 10, message = "error.date") String endDate,
        @Nullable @Size(max = 120, message = "error.tooLong") @NoSensitiveData String label) {
    /** Longer than this is most likely a typo in a year (2062 for 2026). */
    static final int MAX_DAYS = 366;

    static AbsenceForm empty() {
        return new AbsenceForm("", "", "", "");
    }

    record Values(LocalDate start, LocalDate end, @Nullable String label) {
    }

    /** The dates, or null with a message next to each wrong field; an absence already over is refused. */
    Values parse(LocalDate today, Forms.Errors errors) {
        LocalDate start = errors.has("startDate") ? null : TypedValues.date(startDate);
        if (start == null) {
            errors.add("startDate", "error.date");
        }
        LocalDate end = errors.has("endDate") ? null : TypedValues.date(endDate);
        if (end == null) {
            errors.add("endDate", "error.date");
        }
        if (start != null && end != null) {
            if (end.isBefore(start)) {
                errors.add("endDate", "error.period.order");
            } else if (end.isBefore(today)) {
                errors.add("endDate", "error.absence.past");
            } else if (start.plusDays(MAX_DAYS).isBefore(end)) {
                errors.add("endDate", "error.absence.tooLong");
            }
        }
        return errors.isEmpty() ? new Values(start, end, fr.relais.web.Text.blankToNull(label)) : null;
    }
}
