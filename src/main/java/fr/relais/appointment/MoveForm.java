package fr.relais.appointment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;

/** The free slot chosen to move an appointment to (a radio button per slot, its value the slot's key). */
@Serdeable
record MoveForm(@Nullable @NotBlank(message = "error.slot.choose") @SlotKey String slot) {
    /** The slot chosen; call only on a form without errors. */
    Slot.Key key() {
        return Slot.parse(slot).orElseThrow();
    }
}
