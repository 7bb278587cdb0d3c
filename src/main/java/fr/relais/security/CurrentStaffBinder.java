package fr.relais.security;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

/**
 * Lets a controller method declare {@code CurrentStaff me}: the signed-in person, read once from the session's
 * {@link Authentication}. A route that takes it is never anonymous, so the value is always there.
 */
@Singleton
class CurrentStaffBinder implements TypedRequestArgumentBinder<CurrentStaff> {
    @Override
    public Argument<CurrentStaff> argumentType() {
        return Argument.of(CurrentStaff.class);
    }

    @Override
    public BindingResult<CurrentStaff> bind(ArgumentConversionContext<CurrentStaff> context, HttpRequest<?> request) {
        return () -> request.getUserPrincipal(Authentication.class).map(CurrentStaff::of);
    }
}
