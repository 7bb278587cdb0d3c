package fr.relais.appointment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("permanence_helper")
record PermanenceHelper(@Id @GeneratedValue @Nullable Long id, long permanenceId, long staffId) {
}
