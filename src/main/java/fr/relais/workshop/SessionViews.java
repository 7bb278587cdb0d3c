package fr.relais.workshop;

import fr.relais.security.ShortCodes;
import fr.relais.staff.Staff;
import fr.relais.staff.StaffDirectory;
import fr.relais.web.DateWords;
import fr.relais.web.Messages;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** What the session pages show: a session in words, its registrations and waiting list, the helpers to choose. */
@Singleton
class SessionViews {
    private final StaffDirectory staff;
    private final Messages messages;

    SessionViews(StaffDirectory staff, Messages messages) {
        this.staff = staff;
        this.messages = messages;
    }

    /** A session as lists and headings say it; {@code helpers} are the display names, joined. */
    record SessionView(long id, long siteId, String title, String levelKey, String date, String isoDate, String time,
                       String endTime, int durationMinutes, String room, String helpers, int seatsTaken, int capacity,
                       int seatsLeft, int waiting, boolean publicListing, boolean cancelled, String cancelReason, boolean full,
                       boolean attendanceTaken, int walkIns) {
    }

    /** A seated registration: how it was made (at the desk or online) and its code as printed. */
    record SeatedRow(long id, String firstName, int seats, boolean atDesk, String code, Boolean attended) {
    }

    /** A waiting registration with its place in line ("2e"). */
    record WaitingRow(long id, String position, String firstName, int seats, boolean atDesk, String code) {
    }

    /** A check box or an option: a code, its label, and whether it is chosen. */
    record Choice(String code, String label, boolean checked) {
    }

    List<SessionView> views(List<WorkshopSessions.Listed> listed, Locale locale) {
        Map<Long, String> names = staff.names(listed.stream().flatMap(l -> l.helperIds().stream()).distinct().toList());
        return listed.stream().map(l -> view(l.session(), l.workshop(), l.waiting(), l.helperIds(), names, locale)).toList();
    }

    SessionView view(SessionAccess.Found f, int waiting, List<Long> helperIds, Locale locale) {
        return view(f.session(), f.workshop(), waiting, helperIds, staff.names(helperIds), locale);
    }

    private static SessionView view(WorkshopSession s, Workshop w, int waiting, List<Long> helperIds, Map<Long, String> names,
                                    Locale locale) {
        String helpers = helperIds.stream().map(names::get).filter(n -> n != null && !n.isBlank()).sorted()
                .collect(Collectors.joining(", "));
        return new SessionView(s.id(), s.siteId(), w.title(), levelKey(w.level()), DateWords.longDate(s.sessionDate(), locale),
                s.sessionDate().toString(), DateWords.time(s.startTime(), locale),
                DateWords.time(s.startTime().plusMinutes(s.durationMinutes()), locale), s.durationMinutes(), s.room(),
                helpers, s.seatsTaken(), s.capacity(), s.seatsLeft(), waiting, s.publicListing(), s.cancelled(),
                s.cancelReason(), s.seatsTaken() >= s.capacity(), s.attendanceTaken(), s.walkIns());
    }

    static String levelKey(WorkshopLevel level) {
        return "workshop.level." + level.name();
    }

    List<SeatedRow> seated(Collection<Registration> all) {
        return all.stream().filter(r -> r.status() == RegistrationStatus.SEATED)
                .map(r -> new SeatedRow(r.id(), r.firstName(), r.seats(), r.registeredBy() != null, ShortCodes.display(r.code()),
                        r.attended())).toList();
    }

    /** The waiting list in arrival order, each with its place in line. */
    List<WaitingRow> waiting(Collection<Registration> all, Locale locale) {
        List<WaitingRow> rows = new ArrayList<>();
        for (Registration r : all) {
            if (r.status() == RegistrationStatus.WAITING) {
                rows.add(new WaitingRow(r.id(), ordinal(rows.size() + 1, locale), r.firstName(), r.seats(),
                        r.registeredBy() != null, ShortCodes.display(r.code())));
            }
        }
        return rows;
    }

    /** The site's active helpers as check boxes, those typed checked. */
    List<Choice> helperChoices(long siteId, List<String> checked) {
        return staff.helpersOf(siteId).stream()
                .map(h -> new Choice(String.valueOf(h.id()), h.displayName(), checked.contains(String.valueOf(h.id())))).toList();
    }

    /**
     * The typed ids, when each is an active helper of the site or already leads the session; null otherwise (a form
     * edited by hand).
     */
    List<Long> helperIds(long siteId, List<String> typed, List<Long> alreadyLeading) {
        List<String> allowed = new ArrayList<>(staff.helpersOf(siteId).stream().map(Staff::id).map(String::valueOf).toList());
        alreadyLeading.forEach(id -> allowed.add(String.valueOf(id)));
        if (!allowed.containsAll(typed)) {
            return null;
        }
        return typed.stream().distinct().map(Long::valueOf).toList();
    }

    /** Once, every week, every 2 weeks: radio buttons, the typed one checked. */
    List<Choice> repeatChoices(String typed, Locale locale) {
        return java.util.stream.Stream.of("NONE", "WEEKLY", "FORTNIGHTLY")
                .map(code -> new Choice(code, messages.get(locale, "workshop.repeat." + code), code.equals(typed))).toList();
    }

    /** "1re", "2e" in French (a place in line, feminine); "1st", "2nd", "3rd", "11th" in English. */
    static String ordinal(int n, Locale locale) {
        if (!"en".equals(locale.getLanguage())) {
            return n == 1 ? "1re" : n + "e";
        }
        int lastTwo = n % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }
}
