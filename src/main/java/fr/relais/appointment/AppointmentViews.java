package fr.relais.appointment;

import fr.relais.staff.StaffDirectory;
import fr.relais.reference.ReferenceData;
import fr.relais.site.Site;
import fr.relais.staff.Staff;
import fr.relais.web.DateWords;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What the desk pages show: dates and times in words, helpers' names, statuses, rows of the day. */
@Singleton
class AppointmentViews {
    private final StaffDirectory staff;
    private final ReferenceData reference;
    private final Clock clock;

    AppointmentViews(StaffDirectory staff, ReferenceData reference, Clock clock) {
        this.staff = staff;
        this.reference = reference;
        this.clock = clock;
    }

    Map<Long, String> names(Collection<Long> ids) {
        return staff.names(ids);
    }

    String statusKey(Appointment a) {
        if (a.status() == AppointmentStatus.BOOKED && !a.startsAt().isAfter(clock.instant())) {
            return "appointment.status.TO_FILL";
        }
        return "appointment.status." + a.status().name();
    }

    Map<String, Object> appointment(Appointment a, Map<Long, String> names, Locale locale) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("firstName", a.firstName());
        m.put("phone", a.phone());
        m.put("email", a.email());
        m.put("reason", reference.reason(a.themeCode(), a.scopeCode(), locale));
        m.put("note", a.helperNote());
        m.put("date", DateWords.longDate(a.slotDate(), locale));
        m.put("isoDate", a.slotDate().toString());
        m.put("time", DateWords.time(a.slotTime(), locale));
        m.put("helper", a.helperId() == null ? null : names.get(a.helperId()));
        m.put("code", BookingCodes.display(a.code()));
        m.put("status", a.status().name());
        m.put("statusKey", statusKey(a));
        m.put("booked", a.status() == AppointmentStatus.BOOKED);
        m.put("future", a.startsAt().isAfter(clock.instant()));
        m.put("cancelled", a.status().cancelled());
        m.put("cancelReason", a.cancelReason());
        m.put("whatToBring", reference.whatToBring(a.themeCode(), a.scopeCode()));
        return m;
    }

    /** One row per slot time of the day, each with its seats, taken or free. */
    List<Map<String, Object>> dayRows(List<Slot> slots, List<Appointment> appointments, Locale locale) {
        Set<Long> ids = new HashSet<>();
        slots.forEach(s -> ids.addAll(s.helpers()));
        appointments.forEach(a -> ids.add(a.helperId()));
        Map<Long, String> names = names(ids);
        Map<String, List<Appointment>> live = appointments.stream().filter(a -> a.seat() != null)
                .collect(Collectors.groupingBy(a -> a.permanenceId() + "|" + a.slotTime(), LinkedHashMap::new, Collectors.toList()));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Slot slot : slots) {
            List<Appointment> taken = live.getOrDefault(slot.permanenceId() + "|" + slot.time(), List.of());
            Map<Short, Appointment> bySeat = taken.stream().collect(Collectors.toMap(Appointment::seat, Function.identity(), (x, y) -> x));
            List<Map<String, Object>> seats = new ArrayList<>();
            int max = Math.max(slot.capacity(), bySeat.keySet().stream().mapToInt(Short::intValue).max().orElse(0));
            boolean linkShown = false;
            for (int seat = 1; seat <= max; seat++) {
                Appointment a = bySeat.get((short) seat);
                Map<String, Object> cell = new LinkedHashMap<>();
                Long helper = a != null ? a.helperId() : (seat <= slot.capacity() ? slot.helpers().get(seat - 1) : null);
                cell.put("helper", helper == null ? null : names.get(helper));
                cell.put("appointment", a == null ? null : appointment(a, names, locale));
                // One booking link per slot (on its first free seat): the same link twice is noise for a screen reader.
                boolean firstFree = a == null && seat <= slot.capacity() && !linkShown;
                cell.put("bookHere", firstFree);
                linkShown |= firstFree;
                seats.add(cell);
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("time", DateWords.time(slot.time(), locale));
            row.put("key", slot.key());
            row.put("free", slot.free());
            row.put("bookable", slot.free() > 0 && slot.startsAt().isAfter(clock.instant()));
            row.put("seats", seats);
            rows.add(row);
        }
        return rows;
    }

    List<Map<String, Object>> list(List<Appointment> appointments, Locale locale) {
        Map<Long, String> names = names(appointments.stream().map(Appointment::helperId).toList());
        return appointments.stream().map(a -> appointment(a, names, locale)).toList();
    }

    /** Free slots grouped by day, for choosing one (moving, public booking). */
    List<Map<String, Object>> freeByDay(List<Slot> slots, Locale locale) {
        Map<LocalDate, List<Map<String, Object>>> byDay = new LinkedHashMap<>();
        for (Slot s : slots) {
            if (s.free() > 0 && s.startsAt().isAfter(clock.instant())) {
                byDay.computeIfAbsent(s.date(), d -> new ArrayList<>())
                        .add(Map.of("key", s.key(), "time", DateWords.time(s.time(), locale), "free", s.free()));
            }
        }
        List<Map<String, Object>> days = new ArrayList<>();
        byDay.forEach((date, list) -> days.add(Map.of("date", DateWords.longDate(date, locale), "isoDate", date.toString(), "slots", list)));
        return days;
    }

    static Map<String, Object> siteSummary(Site site) {
        return Map.of("id", site.id(), "name", site.name(), "slug", site.slug());
    }
}
