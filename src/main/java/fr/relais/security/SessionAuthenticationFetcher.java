package fr.relais.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.util.Optional;
import java.util.concurrent.ExecutorService;

/** Reads the session cookie and looks the session up in the database, off the event loop. */
@Singleton
class SessionAuthenticationFetcher implements AuthenticationFetcher<HttpRequest<?>> {
    private final StaffSessions sessions;
    private final SecurityProperties.Session settings;
    private final Scheduler blocking;

    SessionAuthenticationFetcher(StaffSessions sessions, SecurityProperties.Session settings,
                                 @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        this.sessions = sessions;
        this.settings = settings;
        this.blocking = Schedulers.fromExecutorService(executor);
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        Optional<String> token = request.getCookies().findCookie(settings.getCookieName()).map(Cookie::getValue);
        if (token.isEmpty()) {
            return Mono.empty();
        }
        return Mono.fromCallable(() -> sessions.authenticate(token.get()).orElse(null)).subscribeOn(blocking);
    }
}
