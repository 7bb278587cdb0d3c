package fr.relais.workshop;

import fr.relais.web.Downloads;
import fr.relais.web.NotFoundException;
import fr.relais.web.Page;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.util.Locale;

/**
 * A person's own registration, reached by the keyed link given after registering or finding it: its page (the
 * code, a reserved place or the place on the waiting list as it is now), the slip and the calendar file. Without
 * the right key, 404 like an unknown id.
 */
@Controller("/ateliers/inscriptions")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class MyRegistrationController {
    static final String VIEW = "workshop/public-confirmation";
    private final Agenda agenda;
    private final AgendaPages pages;
    private final RegistrationLinks links;
    private final RegistrationDocuments documents;

    MyRegistrationController(Agenda agenda, AgendaPages pages, RegistrationLinks links, RegistrationDocuments documents) {
        this.agenda = agenda;
        this.pages = pages;
        this.links = links;
        this.documents = documents;
    }

    @Get("/{id}")
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> page(long id, @Nullable @QueryValue String cle, Locale locale) {
        Registration r = byLink(id, cle);
        Agenda.Listed listed = agenda.sessionOf(r);
        AgendaPages.Mine mine = pages.mine(r, agenda.position(r), locale);
        String title = mine.cancelled() ? "agenda.mine.cancelled.title"
                : mine.waiting() ? "agenda.mine.waiting.title" : "agenda.mine.seated.title";
        return Page.of(VIEW).title(title).with("mine", mine).with("session", pages.detail(listed, agenda.now(), locale))
                .with("site", listed.site()).with("links", links.all(r))
                .with("cancellable", r.status().live() && !listed.closed(agenda.now()))
                .ok();
    }

    @Get("/{id}/bulletin.pdf")
    @Produces(Downloads.PDF)
    MutableHttpResponse<byte[]> slip(long id, @Nullable @QueryValue String cle, @Nullable @QueryValue String format, Locale locale) {
        Registration r = byLink(id, cle);
        Agenda.Listed listed = agenda.sessionOf(r);
        return Downloads.pdf(documents.slip(r, listed, agenda.position(r), RegistrationSlip.Format.of(format), locale),
                "inscription-atelier-" + listed.session().sessionDate() + ".pdf");
    }

    @Get("/{id}/agenda.ics")
    @Produces(Downloads.CALENDAR)
    MutableHttpResponse<byte[]> calendar(long id, @Nullable @QueryValue String cle, Locale locale) {
        Registration r = byLink(id, cle);
        return Downloads.calendar(documents.calendar(r, agenda.sessionOf(r), agenda.position(r), locale), "atelier.ics");
    }

    private Registration byLink(long id, @Nullable String key) {
        return agenda.registration(id).filter(r -> links.matches(r, key)).orElseThrow(NotFoundException::new);
    }
}
