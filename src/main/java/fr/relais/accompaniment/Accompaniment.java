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
 * A workshop session's collective record ({@code workshopSessionId} set, written by {@link WorkshopRecords}) counts
 * its {@code participants}; an individual record counts one.
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
                     Instant createdAt,
                     int participants,
                     @Nullable Long workshopSessionId) {
    /** The one person of a record typed at the desk. */
    static final int ONE = 1;

    /** The record's page; its correction, deletion and slip are below it. */
    String path() {
        return "/accompagnements/" + siteId + "/" + id;
    }

    /** Written from a workshop session's attendance: corrected there, never through the record's own form. */
    boolean collective() {
        return workshopSessionId != null;
    }

    /** The attendance of the session a collective record comes from, where it is corrected. */
    String attendancePath() {
        return "/bureau/ateliers/seances/" + workshopSessionId + "/presences";
    }
}
