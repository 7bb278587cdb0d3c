package fr.relais.appointment;

import fr.relais.web.TypedValues;

import fr.relais.privacy.NoSensitiveData;
import fr.relais.web.DateRange;
import fr.relais.web.Text;
import fr.relais.web.TypedDate;
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
@DateRange(endFromToday = true, pastMessage = "error.absence.past", maxDays = AbsenceForm.MAX_DAYS,
        tooLongMessage = "error.absence.tooLong")
record AbsenceForm(
        @Nullable @Size(max = 20, message = "error.choice") String staffId,
        @Nullable @NotBlank(message = "error.required") @TypedDate String startDate,
        @Nullable @NotBlank(message = "error.required") @TypedDate String endDate,
        @Nullable @Size(max = 120, message = "error.tooLong") @NoSensitiveData String label) implements DateRange.Typed {
    /** Longer than this is most likely a typo in a year (2062 for 2026). */
    static final int MAX_DAYS = 366;

    static AbsenceForm empty() {
        return new AbsenceForm("", "", "", "");
    }

    record Values(LocalDate start, LocalDate end, @Nullable String label) {
    }

    /** The absence as typed; call only on a form without errors. */
    Values values() {
        return new Values(TypedValues.date(startDate), TypedValues.date(endDate), Text.blankToNull(label));
    }
}
