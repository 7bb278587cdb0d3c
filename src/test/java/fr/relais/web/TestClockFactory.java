package fr.relais.web;

import fr.relais.testing.MutableClock;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** Tests get a clock they can move forward (idle timeouts, lock durations, closures to come). */
@Factory
class TestClockFactory {
    @Singleton
    @Replaces(factory = ClockFactory.class, bean = Clock.class)
    MutableClock clock() {
        return new MutableClock();
    }
}
