package fr.relais.appointment;

import fr.relais.security.CurrentStaff;
import fr.relais.site.Site;
import fr.relais.site.SiteClosure;
import fr.relais.site.Sites;
import fr.relais.staff.StaffDirectory;
import fr.relais.web.DateWords;
import fr.relais.web.Messages;
import fr.relais.web.Page;
import fr.relais.workshop.WorkshopSession;
import fr.relais.workshop.WorkshopSessions;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** The desk day view: a helper's home page for today, and any day from the desk's navigation. */
@Singleton
public class DeskDay {
    static final String VIEW = "appointment/day";
    private final Sites sites;
    private final Slots slots;
    private final AppointmentRepository appointments;
    private final AppointmentViews views;
    private final WorkshopSessions workshopSessions;
    private final StaffDirectory staff;
    private final Messages messages;

    DeskDay(Sites sites, Slots slots, AppointmentRepository appointments, AppointmentViews views,
            WorkshopSessions workshopSessions, StaffDirectory staff, Messages messages) {
        this.sites = sites;
        this.slots = slots;
        this.appointments = appointments;
        this.views = views;
        this.workshopSessions = workshopSessions;
        this.staff = staff;
        this.messages = messages;
    }

    /**
     * A workshop session of the day as the desk lists it: its fill level in words ("4 places prises sur 8",
     * "complet, 2 en liste d’attente", "séance annulée"), and whether it is for a group, off the public agenda.
     */
    record SessionRow(long id, String time, String title, String room, String helpers, String fill, boolean full,
                      boolean cancelled, boolean group) {
    }

    /** Today at the given site of this helper (their first site when none is given). */
    public Page today(CurrentStaff me, Site site, Locale locale) {
        return page(me, site, sites.today(site), locale);
    }

    Page page(CurrentStaff me, Site site, LocalDate day, Locale locale) {
        List<Appointment> ofDay = appointments.findBySiteIdAndSlotDateOrderBySlotTime(site.id(), day);
        LocalDate today = sites.today(site);
        return Page.of(VIEW).title(day.equals(today) ? "home.helper.title" : "desk.day.title")
                .with("site", site).with("sites", sites.visibleTo(me))
                .with("isToday", day.equals(today))
                .with("date", DateWords.longDate(day, locale)).with("isoDate", day.toString())
                .with("previous", day.minusDays(1).toString()).with("next", day.plusDays(1).toString())
                .with("todayIso", today.toString())
                .with("rows", views.dayRows(slots.between(site, day, day), ofDay, locale))
                .with("cancelled", views.list(ofDay.stream().filter(a -> a.status().cancelled()).toList(), locale))
                .with("workshops", sessionRows(workshopSessions.ofDay(site, day), locale))
                .with("closed", sites.closuresBetween(site, day, day).stream().findFirst().map(SiteClosure::label).orElse(null));
    }

    private List<SessionRow> sessionRows(List<WorkshopSessions.Listed> listed, Locale locale) {
        Map<Long, String> names = staff.names(listed.stream().flatMap(l -> l.helperIds().stream()).distinct().toList());
        return listed.stream().map(l -> {
            WorkshopSession s = l.session();
            String helpers = l.helperIds().stream().map(names::get).filter(Objects::nonNull).sorted()
                    .collect(Collectors.joining(", "));
            return new SessionRow(s.id(), DateWords.time(s.startTime(), locale), l.workshop().title(), s.room(),
                    helpers.isEmpty() ? null : helpers, fill(l, locale), l.full() && !s.cancelled(), s.cancelled(),
                    !s.publicListing());
        }).toList();
    }

    /** The fill level in plain words; the waiting list is named whenever someone is on it. */
    private String fill(WorkshopSessions.Listed l, Locale locale) {
        WorkshopSession s = l.session();
        if (s.cancelled()) {
            return messages.get(locale, "desk.workshops.cancelled");
        }
        String seats = l.full() ? messages.get(locale, "desk.workshops.full")
                : messages.get(locale, "desk.workshops.taken." + plural(s.seatsTaken()), s.seatsTaken(), s.capacity());
        return l.waiting() == 0 ? seats
                : messages.get(locale, "desk.workshops.waiting." + (l.waiting() == 1 ? "one" : "many"), seats, l.waiting());
    }

    private static String plural(int n) {
        return n == 0 ? "none" : n == 1 ? "one" : "many";
    }
}
