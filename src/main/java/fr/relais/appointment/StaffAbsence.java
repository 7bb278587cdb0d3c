package fr.relais.appointment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDate;

/** A helper away (leave, training): their seats disappear from the slots of those days. */
@MappedEntity("staff_absence")
record StaffAbsence(@Id @GeneratedValue @Nullable Long id, long staffId, LocalDate startDate, LocalDate endDate,
                    @Nullable String label) {
    boolean covers(LocalDate date) {
        return !date.isBefore(startDate) && !date.isAfter(endDate);
    }
}
