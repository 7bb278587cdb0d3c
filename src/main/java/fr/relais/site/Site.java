package fr.relais.site;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.ZoneId;

@MappedEntity("site")
public record Site(
        @Id @GeneratedValue @Nullable Long id,
        String slug,
        String name,
        String addressLine,
        String postcode,
        String town,
        @Nullable String phone,
        @Nullable String email,
        @Nullable String directions,
        @Nullable String accessibility,
        String timeZone,
        Instant createdAt) {

    /** The site's time zone: slot times and dates are wall-clock times there. */
    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    /** The phone number for a tel: link (no spaces or dots). */
    public String phoneLink() {
        return phone == null ? null : phone.replaceAll("[^+0-9]", "");
    }
}
