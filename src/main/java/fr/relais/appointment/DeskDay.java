package fr.relais.appointment;

import fr.relais.security.CurrentStaff;
import fr.relais.site.Site;
import fr.relais.site.SiteClosure;
import fr.relais.site.Sites;
import fr.relais.web.DateWords;
import fr.relais.web.Page;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** The desk day view: a helper's home page for today, and any day from the desk's navigation. */
@Singleton
public class DeskDay {
    static final String VIEW = "appointment/day";
    private final Sites sites;
    private final Slots slots;
    private final AppointmentRepository appointments;
    private final AppointmentViews views;

    DeskDay(Sites sites, Slots slots, AppointmentRepository appointments, AppointmentViews views) {
        this.sites = sites;
        this.slots = slots;
        this.appointments = appointments;
        this.views = views;
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
                .with("closed", sites.closuresBetween(site, day, day).stream().findFirst().map(SiteClosure::label).orElse(null));
    }
}
