package fr.relais.site;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDate;

/** A closure, both dates included (e.g. summer holidays). */
@MappedEntity("site_closure")
public record SiteClosure(
        @Id @GeneratedValue @Nullable Long id,
        long siteId,
        LocalDate startDate,
        LocalDate endDate,
        String label) {
}
