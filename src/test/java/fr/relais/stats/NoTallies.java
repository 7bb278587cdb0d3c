package fr.relais.stats;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** The aggregates switched off, for the benchmark that measures what keeping them costs a write. */
@Singleton
@Replaces(Tallies.class)
@Requires(env = "no-tallies")
class NoTallies extends Tallies {
    NoTallies(TallyRows rows, javax.sql.DataSource dataSource) {
        super(rows, dataSource);
    }

    @Override
    public void lock(long siteId) {
    }

    @Override
    public void change(Fact before, Fact after) {
    }
}
