package fr.relais.web;

import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.locale.CompositeHttpLocaleResolver;
import io.micronaut.http.server.util.locale.HttpLocaleResolutionConfiguration;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import jakarta.inject.Singleton;

import java.util.Locale;
import java.util.Optional;

/**
 * The language of a request, always one Relais speaks: the language cookie, then Accept-Language, then French;
 * any other language (de, es…) reads as French. A controller method gets it by declaring {@code Locale locale};
 * the layout, the forms' messages and the PDFs all use this one answer.
 */
@Singleton
@Primary
@Replaces(CompositeHttpLocaleResolver.class)
class SupportedLocaleResolver extends CompositeHttpLocaleResolver {
    private final Messages messages;

    SupportedLocaleResolver(HttpLocaleResolver[] localeResolvers, HttpLocaleResolutionConfiguration configuration,
                            Messages messages) {
        super(localeResolvers, configuration);
        this.messages = messages;
    }

    @Override
    public Optional<Locale> resolve(HttpRequest<?> request) {
        return Optional.of(messages.supported(super.resolve(request).orElse(Messages.FRENCH)));
    }
}
