package fr.relais.accompaniment;

import fr.relais.site.Site;
import fr.relais.web.Forms;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Time at a site, from the injected clock: what "now" and "today" are for the log, and how far back a record may
 * be logged ({@value AccompanimentForm#DAYS_BACK} days, and not ahead of now).
 */
@Singleton
class LogTime {
    private final Clock clock;

    LogTime(Clock clock) {
        this.clock = clock;
    }

    ZonedDateTime now(Site site) {
        return ZonedDateTime.now(clock.withZone(site.zone()));
    }

    LocalDate today(Site site) {
        return today(site.zone());
    }

    LocalDate today(ZoneId zone) {
        return LocalDate.now(clock.withZone(zone));
    }

    /** The appointment's time when it can be logged with it; otherwise now (honoured early, or long ago). */
    ZonedDateTime loggable(Site site, Instant startsAt) {
        ZonedDateTime now = now(site);
        ZonedDateTime at = startsAt.atZone(site.zone());
        boolean future = startsAt.isAfter(now.toInstant().plus(AccompanimentForm.GRACE));
        boolean tooOld = at.toLocalDate().isBefore(now.toLocalDate().minusDays(AccompanimentForm.DAYS_BACK));
        return future || tooOld ? now : at;
    }

    /**
     * The moment typed is past and at most {@value AccompanimentForm#DAYS_BACK} days back, seen from {@code now} at
     * the site; the message goes on the date, or on the time for later today. Call once both passed their
     * constraints.
     */
    static void checkMoment(AccompanimentForm form, ZonedDateTime now, Forms.Errors errors) {
        ZonedDateTime at = form.occurredAt(now);
        if (at.toInstant().isAfter(now.toInstant().plus(AccompanimentForm.GRACE))) {
            errors.add(at.toLocalDate().isAfter(now.toLocalDate()) ? "date" : "time", "accompaniment.error.future");
        } else if (at.toLocalDate().isBefore(now.toLocalDate().minusDays(AccompanimentForm.DAYS_BACK))) {
            errors.add("date", "accompaniment.error.tooOld", AccompanimentForm.DAYS_BACK);
        }
    }
}
