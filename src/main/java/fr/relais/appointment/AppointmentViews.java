package fr.relais.appointment;

import fr.relais.contact.Contacts;
import fr.relais.reference.ReferenceData;
import fr.relais.staff.StaffDirectory;
import fr.relais.web.DateWords;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What the appointment pages show: dates and times in words, helpers' names, statuses, rows of the day. */
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

    /** One appointment as the pages and the appointment summary read it. */
    record AppointmentRow(long id, String firstName, @Nullable String phone, @Nullable String email, String reason,
                          @Nullable String note, String date, String isoDate, String time, @Nullable String helper,
                          String code, String status, String statusKey, boolean booked, boolean cancelled,
                          @Nullable String cancelReason, List<String> whatToBring) {
    }

    /** One slot time of the desk day, with its seats. */
    record SlotRow(String time, String key, int free, boolean bookable, List<Seat> seats) {
    }

    /** A seat of a slot: its helper, its appointment if taken, and whether it carries the slot's booking link. */
    record Seat(@Nullable String helper, @Nullable AppointmentRow appointment, boolean bookHere) {
    }

    /** A day's free slots, to choose one. */
    record FreeDay(String date, String isoDate, List<FreeSlot> slots) {
    }

    record FreeSlot(String key, String time, int free) {
    }

    Map<Long, String> names(Collection<Long> ids) {
        return staff.names(ids);
    }

    private String statusKey(Appointment a) {
        if (a.status() == AppointmentStatus.BOOKED && !a.startsAt().isAfter(clock.instant())) {
            return "appointment.status.TO_FILL";
        }
        return "appointment.status." + a.status().name();
    }

    /** The appointment with its helper's name. */
    AppointmentRow appointment(Appointment a, Locale locale) {
        return appointment(a, names(Collections.singletonList(a.helperId())), locale);
    }

    /** The appointment; its helper is named when {@code names} holds them. */
    AppointmentRow appointment(Appointment a, Map<Long, String> names, Locale locale) {
        return new AppointmentRow(a.id(), a.firstName(), Contacts.display(a.phone()), a.email(),
                reference.reason(a.themeCode(), a.scopeCode(), locale), a.helperNote(),
                DateWords.longDate(a.slotDate(), locale), a.slotDate().toString(), DateWords.time(a.slotTime(), locale),
                a.helperId() == null ? null : names.get(a.helperId()), BookingCodes.display(a.code()), a.status().name(),
                statusKey(a), a.status() == AppointmentStatus.BOOKED, a.status().cancelled(), a.cancelReason(),
                reference.whatToBring(a.themeCode(), a.scopeCode()));
    }

    /** One row per slot time of the day, each with its seats, taken or free. */
    List<SlotRow> dayRows(List<Slot> slots, List<Appointment> appointments, Locale locale) {
        Set<Long> ids = new HashSet<>();
        slots.forEach(s -> ids.addAll(s.helpers()));
        appointments.forEach(a -> ids.add(a.helperId()));
        Map<Long, String> names = names(ids);
        Map<String, List<Appointment>> live = appointments.stream().filter(a -> a.seat() != null)
                .collect(Collectors.groupingBy(a -> a.permanenceId() + "|" + a.slotTime(), LinkedHashMap::new, Collectors.toList()));
        List<SlotRow> rows = new ArrayList<>();
        for (Slot slot : slots) {
            List<Appointment> taken = live.getOrDefault(slot.permanenceId() + "|" + slot.time(), List.of());
            Map<Short, Appointment> bySeat = taken.stream().collect(Collectors.toMap(Appointment::seat, Function.identity(), (x, y) -> x));
            List<Seat> seats = new ArrayList<>();
            int max = Math.max(slot.capacity(), bySeat.keySet().stream().mapToInt(Short::intValue).max().orElse(0));
            boolean linkShown = false;
            for (int seat = 1; seat <= max; seat++) {
                Appointment a = bySeat.get((short) seat);
                Long helper = a != null ? a.helperId() : (seat <= slot.capacity() ? slot.helpers().get(seat - 1) : null);
                // One booking link per slot (on its first free seat): the same link twice is noise for a screen reader.
                boolean firstFree = a == null && seat <= slot.capacity() && !linkShown;
                linkShown |= firstFree;
                seats.add(new Seat(helper == null ? null : names.get(helper), a == null ? null : appointment(a, names, locale),
                        firstFree));
            }
            rows.add(new SlotRow(DateWords.time(slot.time(), locale), slot.key(), slot.free(),
                    slot.free() > 0 && slot.startsAt().isAfter(clock.instant()), seats));
        }
        return rows;
    }

    List<AppointmentRow> list(List<Appointment> appointments, Locale locale) {
        Map<Long, String> names = names(appointments.stream().map(Appointment::helperId).toList());
        return appointments.stream().map(a -> appointment(a, names, locale)).toList();
    }

    /** Free slots grouped by day, for choosing one (moving, public booking). */
    List<FreeDay> freeByDay(List<Slot> slots, Locale locale) {
        Map<LocalDate, List<FreeSlot>> byDay = new LinkedHashMap<>();
        for (Slot s : slots) {
            if (s.free() > 0 && s.startsAt().isAfter(clock.instant())) {
                byDay.computeIfAbsent(s.date(), d -> new ArrayList<>())
                        .add(new FreeSlot(s.key(), DateWords.time(s.time(), locale), s.free()));
            }
        }
        List<FreeDay> days = new ArrayList<>();
        byDay.forEach((date, list) -> days.add(new FreeDay(DateWords.longDate(date, locale), date.toString(), list)));
        return days;
    }
}
