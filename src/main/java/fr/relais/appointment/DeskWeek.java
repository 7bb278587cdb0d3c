package fr.relais.appointment;

import fr.relais.security.CurrentStaff;
import fr.relais.site.Site;
import fr.relais.web.DateWords;
import fr.relais.web.Page;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The desk week view: one helper's appointments of a week at a site, and their slots still free each day. */
@Singleton
class DeskWeek {
    static final String VIEW = "appointment/week";
    private final Slots slots;
    private final AppointmentRepository appointments;
    private final AppointmentViews views;
    private final Clock clock;

    DeskWeek(Slots slots, AppointmentRepository appointments, AppointmentViews views, Clock clock) {
        this.slots = slots;
        this.appointments = appointments;
        this.views = views;
        this.clock = clock;
    }

    /** A day of the week: the helper's appointments, and how many of their slots can still be booked. */
    record Day(String date, String isoDate, long free, List<AppointmentViews.AppointmentRow> appointments) {
    }

    /** A helper of the site, to switch to their week. */
    record Helper(long id, String name) {
    }

    /** The week of {@code date} for {@code helperId} (the signed-in helper when null). */
    Page page(CurrentStaff me, Site site, LocalDate date, @Nullable Long helperId, Locale locale) {
        LocalDate monday = date.with(DayOfWeek.MONDAY);
        LocalDate sunday = monday.plusDays(6);
        long helper = helperId == null ? me.id() : helperId;
        List<Slot> weekSlots = slots.between(site, monday, sunday);
        List<Appointment> ofWeek = appointments.findBySiteIdAndSlotDateBetweenOrderByStartsAt(site.id(), monday, sunday).stream()
                .filter(a -> a.helperId() != null && a.helperId() == helper && !a.status().cancelled()).toList();
        Instant now = clock.instant();
        List<Day> days = new ArrayList<>();
        for (LocalDate d = monday; !d.isAfter(sunday); d = d.plusDays(1)) {
            LocalDate day = d;
            // Slots still free: a past slot cannot be booked any more.
            long freeSlots = weekSlots.stream().filter(s -> s.date().equals(day) && s.helpers().contains(helper))
                    .filter(s -> s.free() > 0 && s.startsAt().isAfter(now)).count();
            days.add(new Day(DateWords.longDate(day, locale), day.toString(), freeSlots,
                    views.list(ofWeek.stream().filter(a -> a.slotDate().equals(day)).toList(), locale)));
        }
        List<Long> named = new ArrayList<>(weekSlots.stream().flatMap(s -> s.helpers().stream()).distinct().toList());
        named.add(me.id());
        Map<Long, String> names = views.names(named);
        return Page.of(VIEW).title("desk.week.title").with("site", site)
                .with("helperName", names.getOrDefault(helper, "")).with("helperId", helper)
                .with("helpers", names.entrySet().stream().map(e -> new Helper(e.getKey(), e.getValue())).toList())
                .with("from", DateWords.longDate(monday, locale)).with("to", DateWords.longDate(sunday, locale))
                .with("previous", monday.minusWeeks(1).toString()).with("next", monday.plusWeeks(1).toString())
                .with("monday", monday.toString()).with("days", days);
    }
}
