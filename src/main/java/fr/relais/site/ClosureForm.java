package fr.relais.site;

import fr.relais.web.DateRange;
import fr.relais.web.TypedDate;
import fr.relais.web.TypedValues;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A closure as typed: first and last day (24/12/2026, or 2026-12-24 from a date field) and a short label. */
@Serdeable
@DateRange(message = "error.closure.order")
record ClosureForm(
        @Nullable @NotBlank(message = "error.required") @TypedDate String startDate,
        @Nullable @NotBlank(message = "error.required") @TypedDate String endDate,
        @Nullable @NotBlank(message = "error.required") @Size(max = 120, message = "error.tooLong") String label)
        implements DateRange.Typed {

    static ClosureForm empty() {
        return new ClosureForm("", "", "");
    }

    /** The closure as typed; call only on a form without errors. */
    SiteClosure closure(long siteId) {
        return new SiteClosure(null, siteId, TypedValues.date(startDate), TypedValues.date(endDate), label.strip());
    }
}
