package fr.relais.web;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;

/** In production, refuse to start without a real CSRF signing secret rather than fail on every request. */
@Context
@Requires(env = "prod")
class ProductionSettings {
    static final int MIN_SECRET_LENGTH = 32;

    ProductionSettings(@Value("${micronaut.security.csrf.signature-key:}") String secret) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH || secret.startsWith("relais-development-only")) {
            throw new ConfigurationException("RELAIS_CSRF_SECRET must be set to a random value of at least "
                    + MIN_SECRET_LENGTH + " characters in production");
        }
    }
}
