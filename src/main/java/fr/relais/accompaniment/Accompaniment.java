package fr.relais.accompaniment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One act of help, as stored. Nothing here names the person helped: the anonymous profile (age bracket, first
 * visit) and what was done. Themes, procedure scopes and equipment are in the link tables ({@link Links}).
 * {@code occurredOn} is the day at the site, for "today" and the statistics without time-zone arithmetic in SQL.
 */
@MappedEntity("accompaniment")
record Accompaniment(@Id @GeneratedValue @Nullable Long id,
                     long siteId,
                     long helperId,
                     Instant occurredAt,
                     LocalDate occurredOn,
                     AccompanimentMode mode,
                     int durationMinutes,
                     String channelCode,
                     @Nullable Autonomy autonomy,
                     @Nullable String ageBracketCode,
                     @Nullable Boolean firstVisit,
                     @Nullable String note,
                     @Nullable Long appointmentId,
                     @Nullable Long mandateId,
                     @Nullable Long partnerId,
                     @Nullable String partnerKindCode,
                     Instant createdAt) {

    /** The record's page; its correction, deletion and slip are below it. */
    String path() {
        return "/accompagnements/" + siteId + "/" + id;
    }
}
