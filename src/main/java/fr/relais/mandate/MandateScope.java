package fr.relais.mandate;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** One procedure scope of a mandate; {@code supersededBy} once a newer mandate took this scope over. */
@MappedEntity("mandate_scope")
record MandateScope(@Id @GeneratedValue @Nullable Long id,
                    long mandateId,
                    String scopeCode,
                    @Nullable Long supersededBy,
                    @Nullable Instant supersededAt) {

    boolean current() {
        return supersededBy == null;
    }
}
