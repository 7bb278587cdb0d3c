package fr.relais.workshop;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Where a workshop session's attendance becomes its collective accompaniment record (mode "faire avec", channel
 * "en atelier collectif", no names): one record per session, written again when attendance is corrected and
 * removed when nobody came. Implemented by the accompaniment feature, so that this package does not depend on it.
 * Called inside the transaction that saves the attendance: both exist together or not at all.
 */
public interface CollectiveRecords {

    /**
     * What the record says.
     *
     * @param sessionId    the session; one record per session
     * @param helperId     the helper who saved the attendance
     * @param occurredAt   when the session started
     * @param day          the session's day at the library
     * @param participants seats of the people present plus walk-in participants, at least 1
     * @param themeCodes   the workshop's themes, at least one
     */
    record Facts(long sessionId, long siteId, long helperId, Instant occurredAt, LocalDate day, int durationMinutes,
                 int participants, List<String> themeCodes) {
        public Facts {
            if (participants < 1) {
                throw new IllegalArgumentException("a collective record counts at least one participant");
            }
            themeCodes = List.copyOf(themeCodes);
        }
    }

    /** Writes the session's record, or rewrites it when it exists. */
    void save(Facts facts);

    /** Removes the session's record, if any. */
    void remove(long sessionId);
}
