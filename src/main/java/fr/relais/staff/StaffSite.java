package fr.relais.staff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("staff_site")
public record StaffSite(@Id @GeneratedValue @Nullable Long id, long staffId, long siteId) {
}
