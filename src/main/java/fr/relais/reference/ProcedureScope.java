package fr.relais.reference;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("procedure_scope")
public record ProcedureScope(@Id String code, String labelFr, @Nullable String labelEn, @Nullable String examplesFr,
                             int position) {
}
