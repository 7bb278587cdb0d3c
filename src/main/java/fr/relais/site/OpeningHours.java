package fr.relais.site;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalTime;

/** One opening range of a weekday (ISO numbering: 1 = Monday); a day may have several. */
@MappedEntity("opening_hours")
public record OpeningHours(
        @Id @GeneratedValue @Nullable Long id,
        long siteId,
        short dayOfWeek,
        LocalTime opensAt,
        LocalTime closesAt) {
}
