package fr.relais.workshop;

import fr.relais.reference.ReferenceData;
import fr.relais.security.ShortCodes;
import fr.relais.site.Site;
import fr.relais.web.Text;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/** The rows the public pages read: sessions grouped by week, one session in full, a person's registration. */
@Singleton
class AgendaPages {
    private final AgendaWords words;
    private final ReferenceData reference;

    AgendaPages(AgendaWords words, ReferenceData reference) {
        this.words = words;
        this.reference = reference;
    }

    /** One session of the agenda, as listed under its week. */
    record SessionRow(long id, String title, String date, String time, String length, String level, String siteName,
                      String places, boolean full) {
    }

    /** A week of the agenda: its heading ("Semaine du lundi 7 décembre") and its sessions. */
    record Week(String id, String heading, List<SessionRow> sessions) {
    }

    /** One choice of a drop-down list. */
    record Choice(String code, String label) {
    }

    /** One session as its own page and the person's pages show it. */
    record SessionDetail(long id, String title, String description, @Nullable String prerequisites,
                         List<String> whatToBring, String level, String date, String time, String endTime,
                         String length, String places, @Nullable String room, Site site, boolean full, boolean closed,
                         boolean past, int seatsLeft) {
    }

    /** A person's registration, as their confirmation page shows it. */
    record Mine(long id, String code, String firstName, int seats, boolean seated, boolean waiting,
                boolean cancelledByUser, boolean cancelledBySite, @Nullable String position) {
        public boolean cancelled() {
            return cancelledByUser || cancelledBySite;
        }
    }

    List<Week> weeks(List<Agenda.Listed> listed, Instant now, Locale locale) {
        Map<LocalDate, List<SessionRow>> byWeek = new LinkedHashMap<>();
        Map<LocalDate, String> headings = new LinkedHashMap<>();
        // The network's agenda lists a couple of thousand sessions on a few dozen dates, times and lengths: each
        // phrase is formatted once per page, not once per row.
        Map<LocalDate, String> dates = new HashMap<>();
        Map<java.time.LocalTime, String> times = new HashMap<>();
        Map<Integer, String> lengths = new HashMap<>();
        Map<WorkshopLevel, String> levels = new HashMap<>();
        Map<Integer, String> places = new HashMap<>();
        for (Agenda.Listed l : listed) {
            WorkshopSession s = l.session();
            LocalDate monday = AgendaWords.monday(s.sessionDate());
            headings.computeIfAbsent(monday, m -> words.week(m, LocalDate.ofInstant(now, l.site().zone()), locale));
            int placesKey = l.closed(now) ? -1 : s.seatsLeft();
            byWeek.computeIfAbsent(monday, m -> new ArrayList<>()).add(new SessionRow(s.id(), l.workshop().title(),
                    dates.computeIfAbsent(s.sessionDate(), d -> words.date(d, locale)),
                    times.computeIfAbsent(s.startTime(), t -> words.time(t, locale)),
                    lengths.computeIfAbsent(s.durationMinutes(), m -> words.length(m, locale)),
                    levels.computeIfAbsent(l.workshop().level(), v -> words.level(v, locale)),
                    l.site().name(), places.computeIfAbsent(placesKey, k -> words.places(l, now, locale)), s.seatsLeft() == 0));
        }
        List<Week> weeks = new ArrayList<>();
        byWeek.forEach((monday, rows) -> weeks.add(new Week("semaine-" + monday, headings.get(monday), rows)));
        return weeks;
    }

    SessionDetail detail(Agenda.Listed l, Instant now, Locale locale) {
        WorkshopSession s = l.session();
        Workshop w = l.workshop();
        return new SessionDetail(s.id(), w.title(), w.description(), Text.blankToNull(w.prerequisites()), lines(w.whatToBring()),
                words.level(w.level(), locale), words.date(s.sessionDate(), locale), words.time(s.startTime(), locale),
                words.time(s.startTime().plusMinutes(s.durationMinutes()), locale), words.length(s.durationMinutes(), locale),
                words.places(l, now, locale), Text.blankToNull(s.room()), l.site(), s.seatsLeft() == 0, l.closed(now), l.past(now),
                s.seatsLeft());
    }

    Mine mine(Registration r, int position, Locale locale) {
        return new Mine(r.id(), ShortCodes.display(r.code()), r.firstName(), r.seats(),
                r.status() == RegistrationStatus.SEATED, r.status() == RegistrationStatus.WAITING,
                r.status() == RegistrationStatus.CANCELLED_BY_USER, r.status() == RegistrationStatus.CANCELLED_BY_SITE,
                position > 0 ? words.position(position, locale) : null);
    }

    /** "1 personne (vous)", "2 personnes (vous et un proche)"… up to the library's maximum. */
    List<Choice> seatChoices(int max, Locale locale) {
        return IntStream.rangeClosed(1, max).mapToObj(n -> new Choice(Integer.toString(n),
                n == 1 ? words.get(locale, "agenda.form.seats.one") : words.get(locale, "agenda.form.seats.many", n))).toList();
    }

    /** These themes (of the sessions to come), by label, plus the one chosen (so that the list shows what was asked). */
    List<Choice> themes(Collection<String> offered, @Nullable String chosen, Locale locale) {
        Set<String> codes = new TreeSet<>(offered);
        if (chosen != null) {
            codes.add(chosen);
        }
        return codes.stream().map(c -> new Choice(c, reference.themeLabel(c, locale)))
                .sorted((a, b) -> a.label().compareToIgnoreCase(b.label())).toList();
    }

    List<Choice> levels(Locale locale) {
        return Arrays.stream(WorkshopLevel.values()).map(l -> new Choice(l.name(), words.level(l, locale))).toList();
    }

    static List<Choice> libraries(Collection<Site> sites) {
        return sites.stream().map(s -> new Choice(s.slug(), s.name())).toList();
    }

    /** What to bring, typed one thing per line (or in one sentence). */
    static List<String> lines(@Nullable String text) {
        if (text == null) {
            return List.of();
        }
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
