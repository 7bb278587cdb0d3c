package fr.relais.appointment;

import fr.relais.staff.StaffDirectory;
import fr.relais.pdf.AppointmentSlip;
import fr.relais.pdf.SlipData;
import fr.relais.reference.ReferenceData;
import fr.relais.site.Site;
import fr.relais.staff.Staff;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Uid;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** What a person takes home: the slip (PDF) and the calendar file (iCalendar, RFC 5545). */
@Singleton
class AppointmentDocuments {
    private final AppointmentSlip slip;
    private final ReferenceData reference;
    private final StaffDirectory staff;
    private final String publicUrl;

    AppointmentDocuments(AppointmentSlip slip, ReferenceData reference, StaffDirectory staff,
                         @Value("${relais.public-url:`http://localhost:8080`}") String publicUrl) {
        this.slip = slip;
        this.reference = reference;
        this.staff = staff;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** Relais' public address ({@code relais.public-url}), without a trailing slash: printed on slips and feeds. */
    String publicUrl() {
        return publicUrl;
    }

    /** The slip's size a link asks for ({@code format=TICKET}, any case); A4 for anything else. */
    static AppointmentSlip.Format slipFormat(String format) {
        return "TICKET".equalsIgnoreCase(format) ? AppointmentSlip.Format.TICKET : AppointmentSlip.Format.A4;
    }

    byte[] slip(Site site, Appointment a, AppointmentSlip.Format format, Locale locale) {
        String helper = a.helperId() == null ? null : staff.byId(a.helperId()).map(Staff::displayName).orElse(null);
        SlipData data = new SlipData(site.name(), site.addressLine(), site.postcode(), site.town(), site.phone(),
                site.directions(), site.accessibility(), a.slotDate(), a.slotTime(),
                (int) Duration.between(a.startsAt(), a.endsAt()).toMinutes(), helper, a.firstName(),
                reference.reason(a.themeCode(), a.scopeCode(), locale),
                reference.whatToBring(a.themeCode(), a.scopeCode()), BookingCodes.display(a.code()),
                publicUrl + "/rendez-vous/annulation");
        return slip.render(data, format, locale);
    }

    /** The person's calendar file: when, where, and the code; no name. */
    String personCalendar(Site site, Appointment a, String title) {
        VEvent event = new VEvent(a.startsAt(), a.endsAt(), title);
        event.add(new Uid("relais-rendez-vous-" + a.id() + "@relais"));
        event.add(new Location(site.name() + ", " + site.addressLine() + ", " + site.postcode() + " " + site.town()));
        event.add(new Description(BookingCodes.display(a.code())));
        return calendar(List.of(event));
    }

    /** A helper's feed: "Rendez-vous — theme" events, without the person's name or contact. */
    String helperFeed(List<Appointment> appointments, String titlePrefix, Locale locale) {
        return calendar(appointments.stream().map(a -> {
            VEvent event = new VEvent(a.startsAt(), a.endsAt(), titlePrefix + " — " + reference.themeLabel(a.themeCode(), locale));
            event.add(new Uid("relais-rendez-vous-" + a.id() + "@relais"));
            return event;
        }).toList());
    }

    private static String calendar(List<VEvent> events) {
        Calendar calendar = new Calendar().withProdId("-//Relais//Rendez-vous//FR").withDefaults().getFluentTarget();
        events.forEach(calendar::add);
        return calendar.toString();
    }
}
