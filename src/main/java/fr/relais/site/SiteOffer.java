package fr.relais.site;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

/** Whether a site offers one service of {@link LibraryService}; no row means "not stated". */
@MappedEntity("site_service")
public record SiteOffer(
        @Id @GeneratedValue @Nullable Long id,
        long siteId,
        @MappedProperty("service_code") LibraryService service,
        boolean offered,
        @Nullable String note) {
}
