package fr.relais.appointment;

import fr.relais.security.CurrentStaff;
import fr.relais.security.Hashing;
import fr.relais.web.Downloads;
import fr.relais.web.Messages;
import fr.relais.web.NotFoundException;
import fr.relais.web.Page;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * A helper's appointments in their own calendar application, by a secret address that only they know.
 * Events say "Rendez-vous — theme": no name, phone or e-mail leaves Relais this way. The address is shown
 * once; a new one replaces it; it can be revoked. Only the SHA-256 of the secret is stored.
 */
@Controller
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class CalendarFeedController {
    static final String VIEW = "appointment/calendar-feed";
    private final CalendarFeedRepository feeds;
    private final AppointmentRepository appointments;
    private final AppointmentDocuments documents;
    private final Messages messages;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    CalendarFeedController(CalendarFeedRepository feeds, AppointmentRepository appointments, AppointmentDocuments documents,
                           Messages messages, Clock clock) {
        this.feeds = feeds;
        this.appointments = appointments;
        this.documents = documents;
        this.messages = messages;
        this.clock = clock;
    }

    @Get("/compte/agenda")
    @Secured("HELPER")
    MutableHttpResponse<?> page(CurrentStaff me) {
        return Page.of(VIEW).title("feed.title").with("exists", feeds.findByStaffId(me.id()).isPresent()).ok();
    }

    /** Creates the address (replacing any earlier one) and shows it once, straight from the POST. */
    @Post("/compte/agenda")
    @Secured("HELPER")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> create(CurrentStaff me) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        feeds.replace(me.id(), Hashing.sha256(token), clock.instant());
        return Page.of(VIEW).title("feed.title").with("exists", true)
                .with("url", documents.publicUrl() + "/agenda/" + token + ".ics").ok();
    }

    @Post("/compte/agenda/suppression")
    @Secured("HELPER")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> revoke(CurrentStaff me) {
        feeds.deleteByStaffId(me.id());
        return Page.seeOther("/compte/agenda?supprime=1");
    }

    /** The feed a calendar application reads: the last week's appointments and those to come. */
    @Get("/agenda/{file}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Produces(Downloads.CALENDAR)
    MutableHttpResponse<byte[]> feed(String file, Locale locale) {
        if (!file.endsWith(".ics") || file.length() > 80) {
            throw new NotFoundException();
        }
        CalendarFeed feed = feeds.findByTokenHash(Hashing.sha256(file.substring(0, file.length() - 4)))
                .orElseThrow(NotFoundException::new);
        Instant since = clock.instant().minus(Duration.ofDays(7));
        List<Appointment> mine = appointments.findByHelperIdAndStatusInAndStartsAtGreaterThan(feed.staffId(),
                List.of(AppointmentStatus.BOOKED, AppointmentStatus.DONE, AppointmentStatus.NO_SHOW), since);
        String ics = documents.helperFeed(mine, messages.get(locale, "feed.event"), locale);
        // Read by calendar applications, not saved by a browser: no attachment file name.
        return HttpResponse.ok(ics.getBytes(StandardCharsets.UTF_8)).contentType(new MediaType(Downloads.CALENDAR + "; charset=utf-8"));
    }
}
