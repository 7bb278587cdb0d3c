package fr.relais.workshop;

import fr.relais.security.ShortCodes;
import fr.relais.site.Site;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Uid;

import java.util.Locale;

/** What a person takes home after registering: the slip (PDF) and the calendar file (iCalendar, RFC 5545). */
@Singleton
class RegistrationDocuments {
    /** Where the slip sends people to cancel (with the code and the first name). */
    static final String CANCEL_PAGE = "/ateliers/inscription/annulation";
    private final RegistrationSlip slip;
    private final AgendaWords words;
    private final String publicUrl;

    RegistrationDocuments(RegistrationSlip slip, AgendaWords words,
                          @Value("${relais.public-url:`http://localhost:8080`}") String publicUrl) {
        this.slip = slip;
        this.words = words;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** The slip of a registration as it stands now (seated, or waiting with its place in line). */
    byte[] slip(Registration r, Agenda.Listed listed, int position, RegistrationSlip.Format format, Locale locale) {
        Site site = listed.site();
        WorkshopSession s = listed.session();
        Workshop w = listed.workshop();
        return slip.render(new RegistrationSlip.Data(site.name(), site.addressLine(), site.postcode(), site.town(),
                site.phone(), site.directions(), site.accessibility(), s.sessionDate(), s.startTime(), s.durationMinutes(),
                w.title(), w.level(), s.room(), w.whatToBring(), w.prerequisites(), r.firstName(), r.seats(), r.status(),
                position, ShortCodes.display(r.code()), publicUrl + CANCEL_PAGE), format, locale);
    }

    /** The person's calendar file: the workshop, when, where, and the code; no name. */
    String calendar(Registration r, Agenda.Listed listed, int position, Locale locale) {
        Site site = listed.site();
        WorkshopSession s = listed.session();
        VEvent event = new VEvent(s.startsAt(), s.endsAt(),
                words.get(locale, "agenda.calendar.title", listed.workshop().title(), site.name()));
        event.add(new Uid("relais-inscription-" + r.id() + "@relais"));
        event.add(new Location(site.name() + ", " + site.addressLine() + ", " + site.postcode() + " " + site.town()));
        String code = words.get(locale, "agenda.calendar.code", ShortCodes.display(r.code()));
        event.add(new Description(position > 0 ? code + "\n" + words.position(position, locale) : code));
        Calendar calendar = new Calendar().withProdId("-//Relais//Ateliers//FR").withDefaults().getFluentTarget();
        calendar.add(event);
        return calendar.toString();
    }
}
