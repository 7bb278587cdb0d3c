package fr.relais.reference;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("theme")
public record Theme(@Id String code, String labelFr, @Nullable String labelEn, String charterAxis, int position) {
}
