package fr.relais.workshop;

import fr.relais.pdf.Slip;
import fr.relais.pdf.SlipLayout;
import fr.relais.web.DateWords;
import fr.relais.web.Messages;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The attendance sheet a helper prints before a session (PDF/UA-1, A4): the workshop, the date in words, the time,
 * room and helpers; a table of the people seated — first name, seats, a box to tick, room to sign — whose header
 * row repeats on every page; the waiting list in order; a line for the walk-in participants. Only first names.
 */
@Singleton
class AttendanceSheet {
    /** Room to sign in a row, in points (about 9 mm). */
    static final float SIGNATURE_HEIGHT = 26f;
    private final SlipLayout layout;
    private final Messages messages;

    AttendanceSheet(SlipLayout layout, Messages messages) {
        this.layout = layout;
        this.messages = messages;
    }

    /** A person on the sheet: a first name or initials, and the seats they hold or wait for. */
    record Person(String firstName, int seats) {
    }

    /** What the sheet prints. */
    record Data(String siteName, String workshopTitle, LocalDate date, LocalTime start, int durationMinutes,
                @Nullable String room, @Nullable String helpers, List<Person> seated, List<Person> waiting) {
        Data {
            seated = List.copyOf(seated);
            waiting = List.copyOf(waiting);
        }
    }

    byte[] render(Data data, Locale locale) {
        Locale lang = messages.supported(locale);
        String date = DateWords.longDate(data.date(), lang);
        String title = messages.get(lang, "workshop.sheet.docTitle", data.workshopTitle(), date);
        return layout.render(SlipLayout.PaperSize.A4, lang, title, 1, slip -> write(slip, data, date, lang));
    }

    private void write(Slip slip, Data data, String date, Locale lang) {
        // A loose second sheet still says which session it belongs to (one short line: a title may be long).
        slip.part(messages.get(lang, "workshop.sheet.header", date, DateWords.time(data.start(), lang)));
        slip.boldText(data.siteName());
        slip.title(messages.get(lang, "workshop.sheet.title"));
        slip.fact(data.workshopTitle());
        slip.fact(Slip.keepTogetherAfterFirstWord(date));
        LocalTime end = data.start().plusMinutes(data.durationMinutes());
        slip.labelled(messages.get(lang, "workshop.sheet.time.label"),
                Slip.nonBreaking(messages.get(lang, "workshop.sheet.time", DateWords.time(data.start(), lang), DateWords.time(end, lang))));
        if (present(data.room())) {
            slip.labelled(messages.get(lang, "workshop.sheet.room.label"), data.room().strip());
        }
        if (present(data.helpers())) {
            slip.labelled(messages.get(lang, "workshop.sheet.helpers.label"), data.helpers().strip());
        }

        int seated = data.seated().size();
        slip.heading(messages.get(lang, seated == 1 ? "workshop.sheet.seated.one" : "workshop.sheet.seated.many", seated));
        if (seated == 0) {
            slip.text(messages.get(lang, "workshop.sheet.seated.none"));
        } else {
            List<List<String>> rows = new ArrayList<>();
            data.seated().forEach(p -> rows.add(List.of(p.firstName(), String.valueOf(p.seats()), Slip.CHECK_BOX_CELL, "")));
            slip.table(List.of(messages.get(lang, "workshop.sheet.col.firstName"), messages.get(lang, "workshop.sheet.col.seats"),
                    messages.get(lang, "workshop.sheet.col.present"), messages.get(lang, "workshop.sheet.col.signature")),
                    new float[]{38, 12, 14, 36}, rows, SIGNATURE_HEIGHT);
        }

        if (!data.waiting().isEmpty()) {
            slip.heading(messages.get(lang, "workshop.sheet.waiting", data.waiting().size()));
            List<List<String>> rows = new ArrayList<>();
            for (int i = 0; i < data.waiting().size(); i++) {
                Person p = data.waiting().get(i);
                rows.add(List.of(SessionViews.ordinal(i + 1, lang), p.firstName(), String.valueOf(p.seats()), Slip.CHECK_BOX_CELL));
            }
            slip.table(List.of(messages.get(lang, "workshop.sheet.col.position"), messages.get(lang, "workshop.sheet.col.firstName"),
                    messages.get(lang, "workshop.sheet.col.seats"), messages.get(lang, "workshop.sheet.col.present")),
                    new float[]{14, 48, 14, 24}, rows, 0);
        }
        slip.space().text(messages.get(lang, "workshop.sheet.walkIns"));
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
