package fr.relais.appointment;

import fr.relais.journal.Journal;
import fr.relais.journal.JournalAction;
import fr.relais.reference.ReferenceData;
import fr.relais.security.CurrentStaff;
import fr.relais.site.Site;
import fr.relais.site.Sites;
import fr.relais.web.DateWords;
import fr.relais.web.Forms;
import fr.relais.web.NotFoundException;
import fr.relais.web.Page;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
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
import io.micronaut.security.authentication.Authentication;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The desk: a helper's day and week at one of their sites, booking a free slot for someone at the desk,
 * and what happens to an appointment (honoured, absent, cancelled, moved). Helpers only: the pages show
 * first names, which directors and coordinators never see. Another site's ids answer 404.
 */
@Controller("/bureau")
@Produces(MediaType.TEXT_HTML)
@Secured("HELPER")
@ExecuteOn(TaskExecutors.BLOCKING)
class DeskController {
    static final String WEEK_VIEW = "appointment/week";
    static final String BOOK_VIEW = "appointment/book";
    static final String DETAIL_VIEW = "appointment/detail";
    static final String CANCEL_VIEW = "appointment/cancel";
    static final String MOVE_VIEW = "appointment/move";
    static final String PRINT_VIEW = "appointment/print-day";
    private final Sites sites;
    private final Slots slots;
    private final Bookings bookings;
    private final AppointmentRepository appointments;
    private final AppointmentViews views;
    private final ReferenceData reference;
    private final Forms forms;
    private final DeskDay deskDay;
    private final AppointmentDocuments documents;
    private final BookingRules rules;
    private final Journal journal;

    DeskController(Sites sites, Slots slots, Bookings bookings, AppointmentRepository appointments, AppointmentViews views,
                   ReferenceData reference, Forms forms, DeskDay deskDay, AppointmentDocuments documents,
                   BookingRules rules, Journal journal) {
        this.journal = journal;
        this.rules = rules;
        this.documents = documents;
        this.deskDay = deskDay;
        this.sites = sites;
        this.slots = slots;
        this.bookings = bookings;
        this.appointments = appointments;
        this.views = views;
        this.reference = reference;
        this.forms = forms;
    }

    @Get
    MutableHttpResponse<?> today(Authentication authentication) {
        List<Site> mine = sites.visibleTo(CurrentStaff.of(authentication));
        if (mine.isEmpty()) {
            throw new NotFoundException();
        }
        Site site = mine.get(0);
        return Page.seeOther("/bureau/" + site.id() + "/jour/" + sites.today(site));
    }

    @Get("/{siteId}/jour/{date}")
    MutableHttpResponse<?> day(long siteId, String date, Authentication authentication, HttpRequest<?> request) {
        CurrentStaff me = CurrentStaff.of(authentication);
        return deskDay.page(me, sites.manageable(me, siteId), parseDate(date), forms.locale(request)).ok();
    }

    @Get("/{siteId}/jour/{date}/impression")
    MutableHttpResponse<?> printDay(long siteId, String date, Authentication authentication, HttpRequest<?> request) {
        Site site = sites.manageable(CurrentStaff.of(authentication), siteId);
        LocalDate day = parseDate(date);
        Locale locale = forms.locale(request);
        List<Appointment> live = appointments.findBySiteIdAndSlotDateOrderBySlotTime(site.id(), day).stream()
                .filter(a -> !a.status().cancelled()).toList();
        return Page.of(PRINT_VIEW).title("desk.print.title").with("site", site)
                .with("date", DateWords.longDate(day, locale)).with("isoDate", day.toString())
                .with("appointments", views.list(live, locale)).ok();
    }

    @Get("/{siteId}/semaine/{date}")
    MutableHttpResponse<?> week(long siteId, String date, @Nullable @QueryValue Long aidant, Authentication authentication,
                                HttpRequest<?> request) {
        CurrentStaff me = CurrentStaff.of(authentication);
        Site site = sites.manageable(me, siteId);
        LocalDate monday = parseDate(date).with(DayOfWeek.MONDAY);
        LocalDate sunday = monday.plusDays(6);
        long helper = aidant == null ? me.id() : aidant;
        Locale locale = forms.locale(request);
        List<Slot> weekSlots = slots.between(site, monday, sunday);
        List<Appointment> ofWeek = appointments.findBySiteIdAndSlotDateBetweenOrderByStartsAt(site.id(), monday, sunday).stream()
                .filter(a -> a.helperId() != null && a.helperId() == helper && !a.status().cancelled()).toList();
        List<Long> helpersOfSite = weekSlots.stream().flatMap(s -> s.helpers().stream()).distinct().toList();
        List<Map<String, Object>> days = new ArrayList<>();
        java.time.Instant now = sites.now();
        for (LocalDate d = monday; !d.isAfter(sunday); d = d.plusDays(1)) {
            LocalDate day = d;
            // Slots still free: a past slot cannot be booked any more.
            long freeSeats = weekSlots.stream().filter(s -> s.date().equals(day) && s.helpers().contains(helper))
                    .filter(s -> s.free() > 0 && s.startsAt().isAfter(now)).count();
            days.add(Map.of("date", DateWords.longDate(day, locale), "isoDate", day.toString(), "free", freeSeats,
                    "appointments", views.list(ofWeek.stream().filter(a -> a.slotDate().equals(day)).toList(), locale)));
        }
        Map<Long, String> names = views.names(new ArrayList<>(helpersOfSite) {{ add(me.id()); }});
        List<Map<String, Object>> helperOptions = names.entrySet().stream()
                .map(e -> Map.<String, Object>of("id", e.getKey(), "name", e.getValue())).toList();
        return Page.of(WEEK_VIEW).title("desk.week.title").with("site", site)
                .with("helperName", names.getOrDefault(helper, "")).with("helperId", helper).with("helpers", helperOptions)
                .with("from", DateWords.longDate(monday, locale)).with("to", DateWords.longDate(sunday, locale))
                .with("previous", monday.minusWeeks(1).toString()).with("next", monday.plusWeeks(1).toString())
                .with("monday", monday.toString()).with("days", days).ok();
    }

    @Get("/{siteId}/reserver/{slot}")
    MutableHttpResponse<?> bookForm(long siteId, String slot, Authentication authentication, HttpRequest<?> request) {
        Site site = sites.manageable(CurrentStaff.of(authentication), siteId);
        Slot found = bookableSlot(site, slot);
        // An old link (back button, another tab): say so now, not after the whole form is typed.
        if (!found.startsAt().isAfter(sites.now())) {
            return slotTakenPage(site, new SlotUnavailableException(SlotUnavailableException.Reason.PAST), forms.locale(request));
        }
        if (found.free() == 0) {
            return slotTakenPage(site, new SlotUnavailableException(SlotUnavailableException.Reason.FULL), forms.locale(request));
        }
        return bookPage(site, found, BookingForm.empty(), Map.of(), forms.locale(request)).ok();
    }

    @Post("/{siteId}/reserver/{slot}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> book(long siteId, String slot, @Body BookingForm form, Authentication authentication,
                                HttpRequest<?> request) {
        CurrentStaff me = CurrentStaff.of(authentication);
        Site site = sites.manageable(me, siteId);
        Locale locale = forms.locale(request);
        Slot.Key key = Slot.parse(slot).orElseThrow(NotFoundException::new);
        Forms.Errors errors = rules.validate(form, request);
        if (!errors.isEmpty()) {
            Slot found = slots.find(site, key).orElseThrow(NotFoundException::new);
            return bookPage(site, found, form, errors.asMap(), locale).invalid();
        }
        try {
            Appointment booked = bookings.book(site, key, request(form), me.id());
            return Page.seeOther("/bureau/rendez-vous/" + booked.id() + "?nouveau=1");
        } catch (SlotUnavailableException e) {
            if (e.reason() == SlotUnavailableException.Reason.UNKNOWN) {
                throw new NotFoundException();
            }
            return slotTakenPage(site, e, locale);
        }
    }

    @Get("/rendez-vous/{id}")
    MutableHttpResponse<?> detail(long id, @Nullable @QueryValue String nouveau, Authentication authentication, HttpRequest<?> request) {
        Appointment a = mine(id, authentication);
        Site site = sites.manageable(CurrentStaff.of(authentication), a.siteId());
        Locale locale = forms.locale(request);
        if (a.phone() != null || a.email() != null) {
            // The person's phone or e-mail is on this page: who opened it goes to the journal.
            journal.record(JournalAction.PERSONAL_DATA_OPENED, CurrentStaff.of(authentication).id(), site.id(),
                    "rendez-vous:" + a.id(), null);
        }
        return Page.of(DETAIL_VIEW).title("desk.detail.title").with("site", site)
                .with("appointment", views.appointment(a, views.names(java.util.Collections.singletonList(a.helperId())), locale))
                .with("justBooked", nouveau != null)
                .ok();
    }

    /** The slip, A4 or ticket, printed at once at the desk. */
    @Get("/rendez-vous/{id}/convocation.pdf")
    @Produces("application/pdf")
    MutableHttpResponse<byte[]> slip(long id, @Nullable @QueryValue String format, Authentication authentication,
                                     HttpRequest<?> request) {
        Appointment a = mine(id, authentication);
        Site site = sites.manageable(CurrentStaff.of(authentication), a.siteId());
        return PublicBookingController.pdf(documents.slip(site, a, PublicBookingController.format(format), forms.locale(request)),
                "convocation-" + a.slotDate() + ".pdf");
    }

    @Post("/rendez-vous/{id}/statut")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> mark(long id, @Body Map<String, String> form, Authentication authentication) {
        Appointment a = mine(id, authentication);
        AppointmentStatus status = switch (form.getOrDefault("status", "")) {
            case "DONE" -> AppointmentStatus.DONE;
            case "NO_SHOW" -> AppointmentStatus.NO_SHOW;
            default -> throw new NotFoundException();
        };
        if (a.status().cancelled()) {
            throw new NotFoundException();
        }
        bookings.setStatus(a, status, null);
        if (status == AppointmentStatus.DONE) {
            // Honoured: the accompaniment log opens, prefilled from the appointment and linked to it.
            return Page.seeOther("/accompagnements/" + a.siteId() + "/rendez-vous/" + a.id());
        }
        return Page.seeOther("/bureau/" + a.siteId() + "/jour/" + a.slotDate() + "?enregistre=1");
    }

    @Get("/rendez-vous/{id}/annulation")
    MutableHttpResponse<?> cancelForm(long id, Authentication authentication, HttpRequest<?> request) {
        Appointment a = cancellable(id, authentication);
        return cancelPage(a, "", Map.of(), forms.locale(request)).ok();
    }

    @Post("/rendez-vous/{id}/annulation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> cancel(long id, @Body Map<String, String> form, Authentication authentication, HttpRequest<?> request) {
        Appointment a = cancellable(id, authentication);
        String reason = form.getOrDefault("reason", "").strip();
        Forms.Errors errors = forms.errors(request);
        if (reason.isEmpty()) {
            errors.add("reason", "error.cancel.reason");
        } else if (reason.length() > 300) {
            errors.add("reason", "error.tooLong", 300);
        } else if (!fr.relais.privacy.SensitiveDataGuard.isClean(reason)) {
            errors.add("reason", "error.sensitive");
        }
        if (!errors.isEmpty()) {
            return cancelPage(a, reason, errors.asMap(), forms.locale(request)).invalid();
        }
        bookings.setStatus(a, AppointmentStatus.CANCELLED_BY_SITE, reason);
        return Page.seeOther("/bureau/" + a.siteId() + "/jour/" + a.slotDate() + "?enregistre=1");
    }

    @Get("/rendez-vous/{id}/deplacement")
    MutableHttpResponse<?> moveForm(long id, Authentication authentication, HttpRequest<?> request) {
        Appointment a = cancellable(id, authentication);
        Site site = sites.manageable(CurrentStaff.of(authentication), a.siteId());
        return movePage(site, a, null, forms.locale(request)).ok();
    }

    @Post("/rendez-vous/{id}/deplacement")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> move(long id, @Body Map<String, String> form, Authentication authentication, HttpRequest<?> request) {
        Appointment a = cancellable(id, authentication);
        Site site = sites.manageable(CurrentStaff.of(authentication), a.siteId());
        Locale locale = forms.locale(request);
        var key = Slot.parse(form.get("slot"));
        if (key.isEmpty()) {
            return movePage(site, a, forms.errors(request).add("slot", "error.slot.choose").asMap().get("slot"), locale).invalid();
        }
        try {
            bookings.move(site, a, key.get());
            return Page.seeOther("/bureau/rendez-vous/" + a.id() + "?nouveau=1");
        } catch (SlotUnavailableException e) {
            if (e.reason() == SlotUnavailableException.Reason.UNKNOWN) {
                throw new NotFoundException(); // a key edited by hand, as when booking
            }
            String message = e.reason() == SlotUnavailableException.Reason.PAST ? "error.slot.past" : "error.slot.taken";
            return movePage(site, a, forms.errors(request).add("slot", message).asMap().get("slot"), locale)
                    .status(HttpStatus.CONFLICT);
        }
    }

    static Bookings.Request request(BookingForm form) {
        return new Bookings.Request(form.firstName().strip(), form.normalizedPhone(), form.normalizedEmail(),
                form.themeCode(), form.scopeCode(), form.helperNote());
    }

    private Slot bookableSlot(Site site, String slot) {
        Slot.Key key = Slot.parse(slot).orElseThrow(NotFoundException::new);
        return slots.find(site, key).orElseThrow(NotFoundException::new);
    }

    private Appointment mine(long id, Authentication authentication) {
        CurrentStaff me = CurrentStaff.of(authentication);
        return appointments.findById(id).filter(a -> me.canSeeSite(a.siteId())).orElseThrow(NotFoundException::new);
    }

    private Appointment cancellable(long id, Authentication authentication) {
        Appointment a = mine(id, authentication);
        if (a.status() != AppointmentStatus.BOOKED) {
            throw new NotFoundException();
        }
        return a;
    }

    private static LocalDate parseDate(String text) {
        try {
            // Four-digit years only: "+999999999-12-31" is a date, but the day after it is not.
            if (text == null || !text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw new NotFoundException();
            }
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

    private MutableHttpResponse<?> slotTakenPage(Site site, SlotUnavailableException e, Locale locale) {
        return rules.slotTaken(site, e.reason(), "/bureau/" + site.id() + "/reserver/", locale);
    }

    private Page cancelPage(Appointment a, String reason, Map<String, String> errors, Locale locale) {
        return Page.of(CANCEL_VIEW).title("desk.cancel.title")
                .with("appointment", views.appointment(a, Map.of(), locale)).with("reason", reason).with("errors", errors);
    }

    private Page movePage(Site site, Appointment a, String error, Locale locale) {
        LocalDate today = sites.today(site);
        int weeks = bookings.settings(site).bookingWeeks();
        return Page.of(MOVE_VIEW).title("desk.move.title").with("site", site)
                .with("appointment", views.appointment(a, Map.of(), locale))
                .with("days", views.freeByDay(slots.between(site, today, today.plusWeeks(weeks)), locale))
                .with("error", error);
    }
}
