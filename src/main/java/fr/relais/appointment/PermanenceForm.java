package fr.relais.appointment;

import fr.relais.web.TypedDate;
import fr.relais.web.TypedTime;
import fr.relais.web.TypedValues;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A permanence as typed by a director: weekday (1 = Monday), start and end times as text ("14:00", "14h00"),
 * slot length in minutes, dates as text (24/12/2026), helpers on duty (checkboxes, staff ids). Whether the
 * helpers are of the site, and whether the window holds a slot, are checked after validation
 * ({@link PermanenceRules}).
 */
@Serdeable
@PermanenceOrder
record PermanenceForm(
        @Nullable @NotBlank(message = "error.required") @WholeNumber(min = 1, max = 7, message = "error.choice") String dayOfWeek,
        @Nullable @NotBlank(message = "error.required") @TypedTime(message = "error.hours.format") String startsAt,
        @Nullable @NotBlank(message = "error.required") @TypedTime(message = "error.hours.format") String endsAt,
        @Nullable @NotBlank(message = "error.required")
        @Pattern(regexp = "\\s*(" + PermanenceForm.SLOT_LENGTH_CHOICES + ")?\\s*", message = "error.choice") String slotMinutes,
        @Nullable @NotBlank(message = "error.required") @TypedDate String validFrom,
        @Nullable @TypedDate String validTo,
        @Nullable @NotEmpty(message = "error.permanence.helpers") List<String> helpers) {

    /** The slot lengths offered, in minutes. */
    static final String SLOT_LENGTH_CHOICES = "15|20|30|45|60";
    static final List<Integer> SLOT_LENGTHS = Arrays.stream(SLOT_LENGTH_CHOICES.split("\\|")).map(Integer::valueOf).toList();

    /** What a valid form holds. */
    record Values(int dayOfWeek, LocalTime startsAt, LocalTime endsAt, int slotMinutes, LocalDate validFrom,
                  @Nullable LocalDate validTo, Set<Long> helperIds) {
    }

    static PermanenceForm empty(LocalDate today) {
        return new PermanenceForm("", "", "", String.valueOf(Permanences.DEFAULT_SLOT_MINUTES), TypedValues.shown(today),
                "", List.of());
    }

    static PermanenceForm of(Permanence p, Collection<Long> helperIds) {
        return new PermanenceForm(String.valueOf(p.dayOfWeek()), TypedValues.shown(p.startsAt()),
                TypedValues.shown(p.endsAt()), String.valueOf(p.slotMinutes()), TypedValues.shown(p.validFrom()),
                TypedValues.shown(p.validTo()), helperIds.stream().map(String::valueOf).toList());
    }

    List<String> checkedHelpers() {
        return helpers == null ? List.of() : helpers;
    }

    /** The permanence as typed; call only on a form without errors (its helpers checked against the team). */
    Values values() {
        Set<Long> helperIds = new LinkedHashSet<>();
        checkedHelpers().forEach(h -> helperIds.add(Long.valueOf(h)));
        return new Values(Integer.parseInt(dayOfWeek.strip()), TypedValues.time(startsAt), TypedValues.time(endsAt),
                Integer.parseInt(slotMinutes.strip()), TypedValues.date(validFrom), TypedValues.date(validTo), helperIds);
    }
}
