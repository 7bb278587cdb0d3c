package fr.relais.workshop;

import fr.relais.web.Messages;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which weeks a page of the agenda shows, and how its heading says them. */
class AgendaWindowTest {
    private static final AgendaWords WORDS = new AgendaWords(new Messages());
    /** A Thursday. */
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 10);
    private static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);

    @Test
    void theDaysShownAreSaidWithTheMonthOnceAndTheYearOnlyWhenItIsNotThisOne() {
        assertEquals("du lundi 7 au dimanche 20 décembre",
                WORDS.days(MONDAY, LocalDate.of(2026, 12, 20), TODAY, Locale.FRENCH));
        assertEquals("du lundi 28 septembre au dimanche 11 octobre",
                WORDS.days(LocalDate.of(2026, 9, 28), LocalDate.of(2026, 10, 11), LocalDate.of(2026, 9, 30), Locale.FRENCH));
        assertEquals("du lundi 21 décembre 2026 au dimanche 3 janvier 2027",
                WORDS.days(LocalDate.of(2026, 12, 21), LocalDate.of(2027, 1, 3), TODAY, Locale.FRENCH));
        assertEquals("du lundi 4 au dimanche 17 janvier 2027",
                WORDS.days(LocalDate.of(2027, 1, 4), LocalDate.of(2027, 1, 17), TODAY, Locale.FRENCH));
        assertEquals("from Monday 7 to Sunday 20 December",
                WORDS.days(MONDAY, LocalDate.of(2026, 12, 20), TODAY, Locale.ENGLISH));
    }

    @Test
    void aPageStartsOnAMondayFromThisWeekAndStopsAtTheTwelfthWeek() {
        Agenda.Window first = Agenda.Window.of(TODAY, null, 2);
        assertEquals(MONDAY, first.from());
        assertEquals(LocalDate.of(2026, 12, 20), first.until());
        assertTrue(first.first());
        assertNull(first.previous());
        assertEquals(LocalDate.of(2027, 2, 28), first.horizon(), "twelve weeks counting this one");

        Agenda.Window aWednesday = Agenda.Window.of(TODAY, LocalDate.of(2026, 12, 23), 2);
        assertEquals(LocalDate.of(2026, 12, 21), aWednesday.from(), "a day shows its week");
        assertEquals(MONDAY, aWednesday.previous());

        Agenda.Window jumped = Agenda.Window.of(TODAY, LocalDate.of(2026, 12, 14), 2);
        assertEquals(MONDAY, jumped.previous(), "never before this week");

        assertEquals(first, Agenda.Window.of(TODAY, LocalDate.of(1900, 1, 1), 2), "the past shows this week");
        Agenda.Window farAway = Agenda.Window.of(TODAY, LocalDate.of(9999, 12, 31), 2);
        assertEquals(LocalDate.of(2027, 2, 22), farAway.from(), "beyond the horizon: its last week");
        assertEquals(farAway.horizon(), farAway.until());
        assertEquals(LocalDate.of(2027, 2, 8), farAway.previous());

        Agenda.Window library = Agenda.Window.of(TODAY, null, Agenda.WEEKS);
        assertEquals(MONDAY, library.from());
        assertEquals(library.horizon(), library.until(), "one library: the twelve weeks at once");
    }
}
