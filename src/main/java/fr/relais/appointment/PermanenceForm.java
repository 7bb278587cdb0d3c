package fr.relais.appointment;

import fr.relais.web.TypedValues;

import fr.relais.web.Forms;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A permanence as typed by a director: weekday (1 = Monday), start and end times as text ("14:00", "14h00"),
 * slot length in minutes, dates as text (24/12/2026), helpers on duty (checkboxes, staff ids).
 * Rules that span several fields are checked by {@link #parse}.
 */
@Serdeable
record PermanenceForm(
        @Nullable @NotBlank(message = "error.required") @Size(max = 2, message = "error.choice") String dayOfWeek,
        @Nullable @NotBlank(message = "error.required") @Size(max = 10, message = "error.hours.format") String startsAt,
        @Nullable @NotBlank(message = "error.required") @Size(max = 10, message = "error.hours.format") String endsAt,
        @Nullable @NotBlank(message = "error.required") @Size(max = 3, message = "error.choice") String slotMinutes,
        @Nullable @NotBlank(message = "error.required") @Size(max = 10, message = "error.date") String validFrom,
        @Nullable @Size(max = 10, message = "error.date") String validTo,
        @Nullable List<String> helpers) {

    static final List<Integer> SLOT_LENGTHS = List.of(15, 20, 30, 45, 60);

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

    /**
     * Parses what passed the field constraints and adds a message per field for the rest: end after start, at
     * least one slot in the window, end date on or after the start date, helpers among {@code team}.
     * Returns null when there is any error.
     */
    Values parse(Forms.Errors errors, Set<Long> team) {
        Integer day = errors.has("dayOfWeek") ? null : TypedValues.number(dayOfWeek, 1, 7);
        if (day == null) {
            errors.add("dayOfWeek", "error.choice");
        }
        LocalTime start = errors.has("startsAt") ? null : TypedValues.time(startsAt);
        if (start == null) {
            errors.add("startsAt", "error.hours.format");
        }
        LocalTime end = errors.has("endsAt") ? null : TypedValues.time(endsAt);
        if (end == null) {
            errors.add("endsAt", "error.hours.format");
        }
        Integer minutes = errors.has("slotMinutes") ? null : TypedValues.number(slotMinutes, 1, 240);
        if (minutes == null || !SLOT_LENGTHS.contains(minutes)) {
            errors.add("slotMinutes", "error.choice");
            minutes = null;
        }
        if (start != null && end != null) {
            if (!start.isBefore(end)) {
                errors.add("endsAt", "error.permanence.order");
            } else if (minutes != null && start.plusMinutes(minutes).isAfter(end)) {
                errors.add("endsAt", "error.permanence.tooShort", String.valueOf(minutes));
            }
        }
        LocalDate from = errors.has("validFrom") ? null : TypedValues.date(validFrom);
        if (from == null) {
            errors.add("validFrom", "error.date");
        }
        LocalDate to = null;
        if (!errors.has("validTo") && validTo != null && !validTo.isBlank()) {
            to = TypedValues.date(validTo);
            if (to == null) {
                errors.add("validTo", "error.date");
            } else if (from != null && to.isBefore(from)) {
                errors.add("validTo", "error.period.order");
            }
        }
        Set<Long> helperIds = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String h : checkedHelpers()) {
            Long id = h != null && h.matches("\\d{1,18}") ? Long.valueOf(h) : null;
            if (id == null || !team.contains(id)) {
                unknown.add(h);
            } else {
                helperIds.add(id);
            }
        }
        if (!unknown.isEmpty()) {
            errors.add("helpers", "error.choice");
        } else if (helperIds.isEmpty()) {
            errors.add("helpers", "error.permanence.helpers");
        }
        return errors.isEmpty() ? new Values(day, start, end, minutes, from, to, helperIds) : null;
    }
}
