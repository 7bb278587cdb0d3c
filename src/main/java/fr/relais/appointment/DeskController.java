package fr.relais.appointment;

import fr.relais.reference.ReferenceData;
import fr.relais.security.CurrentStaff;
import fr.relais.site.Site;
import fr.relais.site.Sites;
import fr.relais.web.DateWords;
import fr.relais.web.Forms;
import fr.relais.web.NotFoundException;
import fr.relais.web.Page;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The desk: a helper's day and week at one of their sites, the day's printed list, and booking a free slot for
 * someone at the desk. Helpers only: the pages show first names, which directors and coordinators never see.
 * Another site's ids answer 404. What happens to one appointment afterwards is {@link DeskAppointmentController}.
 */
@Controller("/bureau")
@Produces(MediaType.TEXT_HTML)
@Secured("HELPER")
@ExecuteOn(TaskExecutors.BLOCKING)
class DeskController {
    static final String BOOK_VIEW = "appointment/book";
    static final String PRINT_VIEW = "appointment/print-day";
    private final Sites sites;
    private final Slots slots;
    private final Bookings bookings;
    private final AppointmentRepository appointments;
    private final AppointmentViews views;
    private final ReferenceData reference;
    private final DeskDay deskDay;
    private final DeskWeek deskWeek;
    private final BookingRules rules;
    private final Forms forms;

    DeskController(Sites sites, Slots slots, Bookings bookings, AppointmentRepository appointments, AppointmentViews views,
                   ReferenceData reference, DeskDay deskDay, DeskWeek deskWeek, BookingRules rules, Forms forms) {
        this.sites = sites;
        this.slots = slots;
        this.bookings = bookings;
        this.appointments = appointments;
        this.views = views;
        this.reference = reference;
        this.deskDay = deskDay;
        this.deskWeek = deskWeek;
        this.rules = rules;
        this.forms = forms;
    }

    @Get
    MutableHttpResponse<?> today(CurrentStaff me) {
        List<Site> mine = sites.visibleTo(me);
        if (mine.isEmpty()) {
            throw new NotFoundException();
        }
        Site site = mine.get(0);
        return Page.seeOther("/bureau/" + site.id() + "/jour/" + sites.today(site));
    }

    @Get("/{siteId}/jour/{date}")
    MutableHttpResponse<?> day(long siteId, String date, CurrentStaff me, Locale locale) {
        return deskDay.page(me, sites.manageable(me, siteId), parseDate(date), locale).ok();
    }

    @Get("/{siteId}/jour/{date}/impression")
    MutableHttpResponse<?> printDay(long siteId, String date, CurrentStaff me, Locale locale) {
        Site site = sites.manageable(me, siteId);
        LocalDate day = parseDate(date);
        List<Appointment> live = appointments.findBySiteIdAndSlotDateOrderBySlotTime(site.id(), day).stream()
                .filter(a -> !a.status().cancelled()).toList();
        return Page.of(PRINT_VIEW).title("desk.print.title").with("site", site)
                .with("date", DateWords.longDate(day, locale)).with("isoDate", day.toString())
                .with("appointments", views.list(live, locale)).ok();
    }

    @Get("/{siteId}/semaine/{date}")
    MutableHttpResponse<?> week(long siteId, String date, @Nullable @QueryValue Long aidant, CurrentStaff me, Locale locale) {
        return deskWeek.page(me, sites.manageable(me, siteId), parseDate(date), aidant, locale).ok();
    }

    @Get("/{siteId}/reserver/{slot}")
    MutableHttpResponse<?> bookForm(long siteId, String slot, CurrentStaff me, Locale locale) {
        Site site = sites.manageable(me, siteId);
        Slot found = bookableSlot(site, slot);
        SlotUnavailableException.Reason gone = rules.unavailable(found);
        if (gone != null) {
            return slotTakenPage(site, gone, locale);
        }
        return bookPage(site, found, BookingForm.empty(), Map.of(), locale).ok();
    }

    @Post("/{siteId}/reserver/{slot}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> book(long siteId, String slot, @Body BookingForm form, CurrentStaff me, Locale locale) {
        Site site = sites.manageable(me, siteId);
        Slot.Key key = Slot.parse(slot).orElseThrow(NotFoundException::new);
        Forms.Errors errors = forms.validate(form, locale);
        if (!errors.isEmpty()) {
            Slot found = slots.find(site, key).orElseThrow(NotFoundException::new);
            return bookPage(site, found, form, errors.asMap(), locale).invalid();
        }
        try {
            Appointment booked = bookings.book(site, key, form.toRequest(), me.id());
            return Page.seeOther("/bureau/rendez-vous/" + booked.id() + "?nouveau=1");
        } catch (SlotUnavailableException e) {
            if (e.reason() == SlotUnavailableException.Reason.UNKNOWN) {
                throw new NotFoundException();
            }
            return slotTakenPage(site, e.reason(), locale);
        }
    }

    private Slot bookableSlot(Site site, String slot) {
        Slot.Key key = Slot.parse(slot).orElseThrow(NotFoundException::new);
        return slots.find(site, key).orElseThrow(NotFoundException::new);
    }

    /** A day from the address: four-digit years only ("+999999999-12-31" is a date, but the day after it is not). */
    private static LocalDate parseDate(String text) {
        if (text == null || !text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw new NotFoundException();
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new NotFoundException();
        }
    }

    private Page bookPage(Site site, Slot slot, BookingForm form, Map<String, String> errors, Locale locale) {
        return Page.of(BOOK_VIEW).title("desk.book.title").with("site", site).with("form", form).with("errors", errors)
                .with("slotKey", slot.key()).with("date", DateWords.longDate(slot.date(), locale))
                .with("isoDate", slot.date().toString()).with("time", DateWords.time(slot.time(), locale))
                .with("themes", reference.themes(locale)).with("scopes", reference.scopes(locale));
    }

    private MutableHttpResponse<?> slotTakenPage(Site site, SlotUnavailableException.Reason reason, Locale locale) {
        return rules.slotTaken(site, reason, "/bureau/" + site.id() + "/reserver/", locale);
    }
}
