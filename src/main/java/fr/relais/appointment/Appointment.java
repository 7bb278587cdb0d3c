package fr.relais.appointment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/** A person's booking of one seat of a slot. Contact data are optional and erased later (privacy issue). */
@MappedEntity("appointment")
public record Appointment(
        @Id @GeneratedValue @Nullable Long id,
        long siteId,
        long permanenceId,
        LocalDate slotDate,
        LocalTime slotTime,
        @Nullable Short seat,
        Instant startsAt,
        Instant endsAt,
        @Nullable Long helperId,
        String firstName,
        @Nullable String phone,
        @Nullable String email,
        String themeCode,
        @Nullable String scopeCode,
        @Nullable String helperNote,
        String code,
        AppointmentStatus status,
        @Nullable String cancelReason,
        @Nullable Long bookedBy,
        Instant createdAt) {

    Appointment withStatus(AppointmentStatus newStatus, @Nullable String reason) {
        Short newSeat = newStatus.cancelled() ? null : seat;
        return new Appointment(id, siteId, permanenceId, slotDate, slotTime, newSeat, startsAt, endsAt, helperId,
                firstName, phone, email, themeCode, scopeCode, helperNote, code, newStatus, reason, bookedBy, createdAt);
    }

    Appointment movedTo(Slot slot, short newSeat, @Nullable Long newHelper) {
        return new Appointment(id, siteId, slot.permanenceId(), slot.date(), slot.time(), newSeat, slot.startsAt(),
                slot.endsAt(), newHelper, firstName, phone, email, themeCode, scopeCode, helperNote, code, status,
                cancelReason, bookedBy, createdAt);
    }
}
