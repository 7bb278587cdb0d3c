package fr.relais.mandate;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/**
 * Writes mandate expiries to the journal, hourly. Correctness never waits for it: a mandate is expired the
 * day after its end date whatever this job has done; the job only leaves the trace.
 */
@Singleton
@Requires(property = "relais.mandates.expiry-journal", notEquals = "false")
class MandateExpiry {
    private final Mandates mandates;

    MandateExpiry(Mandates mandates) {
        this.mandates = mandates;
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "1m")
    void journalExpiries() {
        mandates.journalExpiries();
    }
}
