package fr.relais.pdf;

import fr.relais.web.Messages;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The appointment slip ("convocation"): when, where, with what, and how to cancel — in the person's page
 * language, large type, black on white, one page. An A6 ticket is always one page: its text goes down to 9 pt when
 * the list of things to bring is long (the date, the time and the code stay 18 pt); when even that runs over, the
 * last things to bring (then, for very long directions, the directions) give way to a line sending to the A4 slip.
 */
@Singleton
public class AppointmentSlip {

    /** A4 sheet, or a ticket (A6 portrait). */
    public enum Format {
        A4(SlipLayout.PaperSize.A4),
        TICKET(SlipLayout.PaperSize.A6);

        private final SlipLayout.PaperSize paper;

        Format(SlipLayout.PaperSize paper) {
            this.paper = paper;
        }

        public SlipLayout.PaperSize paper() {
            return paper;
        }
    }

    private final SlipLayout layout;
    private final Messages messages;

    public AppointmentSlip(SlipLayout layout, Messages messages) {
        this.layout = layout;
        this.messages = messages;
    }

    /**
     * The slip as a PDF/UA-1 document.
     *
     * @param locale the person's page language (French when null or not supported)
     */
    public byte[] render(SlipData data, Format format, Locale locale) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(format, "format");
        Locale lang = messages.supported(locale);
        String date = date(data.date(), lang);
        String time = time(data.time(), lang);

        String title = messages.get(lang, "slip.appointment.docTitle", date, data.siteName());
        List<String> toBring = data.whatToBring().stream().filter(AppointmentSlip::present).map(String::strip).toList();
        if (format == Format.A4) {
            return layout.render(format.paper(), lang, title, 1,
                    slip -> write(slip, data, lang, date, time, toBring.size(), true));
        }
        // The ticket: everything; then fewer and fewer things to bring; then, for very long directions, the
        // directions sent to the A4 slip and the things to bring back, as many as fit.
        List<Consumer<Slip>> versions = new ArrayList<>();
        boolean placeText = present(data.directions()) || present(data.accessibility());
        for (boolean withPlace : placeText ? List.of(true, false) : List.of(true)) {
            for (int shown = toBring.size(); shown >= 0; shown--) {
                int items = shown;
                versions.add(slip -> write(slip, data, lang, date, time, items, withPlace));
            }
        }
        return layout.renderOnOnePage(format.paper(), lang, title, versions);
    }

    /**
     * @param shownItems how many things to bring are listed; the others are counted in a line sending to the A4 slip
     * @param placeText  false to send to the A4 slip for the directions and the accessibility of the place
     */
    private void write(Slip slip, SlipData data, Locale lang, String date, String time, int shownItems,
                       boolean placeText) {

        slip.boldText(data.siteName());
        slip.title(messages.get(lang, "slip.appointment.title"));
        slip.fact(Slip.keepTogetherAfterFirstWord(date));
        slip.fact(Slip.nonBreaking(messages.get(lang, "slip.appointment.time", time)));
        String duration = present(data.helperFirstName())
                ? messages.get(lang, "slip.appointment.durationWithHelper", Integer.toString(data.durationMinutes()),
                        data.helperFirstName().strip())
                : messages.get(lang, "slip.appointment.duration", Integer.toString(data.durationMinutes()));
        slip.labelled(messages.get(lang, "slip.appointment.duration.label"), duration);
        slip.labelled(messages.get(lang, "slip.appointment.person.label"), data.personFirstName());
        if (present(data.reason())) {
            slip.labelled(messages.get(lang, "slip.appointment.reason.label"), data.reason().strip());
        }

        List<String> toBring = data.whatToBring().stream().filter(AppointmentSlip::present).map(String::strip).toList();
        boolean bringElsewhere = !toBring.isEmpty() && shownItems == 0;
        boolean placeElsewhere = !placeText && (present(data.directions()) || present(data.accessibility()));
        if (bringElsewhere && !placeElsewhere) {
            slip.text(messages.get(lang, "slip.appointment.bring.elsewhere"));
        } else if (!toBring.isEmpty() && !bringElsewhere) {
            slip.heading(messages.get(lang, "slip.appointment.bring"));
            slip.bullets(toBring.subList(0, shownItems));
            int more = toBring.size() - shownItems;
            if (more > 0) {
                slip.text(more == 1 ? messages.get(lang, "slip.appointment.bring.more.one")
                        : messages.get(lang, "slip.appointment.bring.more.many", Integer.toString(more)));
            }
        }

        if (slip.isWide()) {
            // A4: where to come on the left, the code and how to cancel on the right.
            slip.columns(left -> place(left, data, lang, true), right -> code(right, data, lang));
        } else {
            place(slip, data, lang, placeText);
            if (placeElsewhere) {
                // One sentence for all that the A4 slip says and the ticket leaves out.
                slip.text(messages.get(lang, bringElsewhere ? "slip.appointment.bringAndPlace.elsewhere"
                        : "slip.appointment.place.more"));
            }
            code(slip, data, lang);
        }
    }

    /** The address, the directions in words and the accessibility of the place (or where to read them). */
    private void place(Slip slip, SlipData data, Locale lang, boolean placeText) {
        String town = join(" ", data.sitePostcode(), data.siteTown());
        String directions = present(data.directions()) ? data.directions().strip() : null;
        String access = present(data.accessibility()) ? data.accessibility().strip() : null;
        if (!placeText && (directions != null || access != null)) {
            // Where to read them is said after the address (see write).
            slip.space().labelled(messages.get(lang, "slip.appointment.address.label"), join(", ", data.siteAddressLine(), town));
            return;
        }
        String accessLabel = messages.get(lang, "slip.appointment.access.label");
        if (slip.isWide()) {
            slip.heading(messages.get(lang, "slip.appointment.address"));
            slip.lines(data.siteName(), data.siteAddressLine(), town);
            if (directions != null) {
                slip.text(directions);
            }
            if (access != null) {
                slip.labelled(accessLabel, access);
            }
            return;
        }
        // On a ticket every line counts: the name is already at the top, the address is one labelled line,
        // and the directions and the accessibility share a paragraph.
        slip.space().labelled(messages.get(lang, "slip.appointment.address.label"), join(", ", data.siteAddressLine(), town));
        if (directions != null && access != null) {
            slip.paragraph(Slip.Run.plain(directions + " "), Slip.Run.bold(accessLabel), Slip.Run.plain(" " + access));
        } else if (directions != null) {
            slip.text(directions);
        } else if (access != null) {
            slip.labelled(accessLabel, access);
        }
    }

    /** The booking code and how to cancel or find the appointment, framed together: the part to keep. */
    private void code(Slip slip, SlipData data, Locale lang) {
        slip.boxed(box -> {
            box.labelledFact(messages.get(lang, "slip.appointment.code.label"), data.bookingCode());
            box.heading(messages.get(lang, "slip.appointment.manage"));
            String phone = present(data.sitePhone()) ? Slip.nonBreaking(data.sitePhone().strip()) : null;
            if (present(data.manageUrl())) {
                box.webAddress(Slip.displayUrl(data.manageUrl()));
                box.text(phone != null
                        ? messages.get(lang, "slip.appointment.manage.howOrPhone", phone)
                        : messages.get(lang, "slip.appointment.manage.how"));
            } else if (phone != null) {
                box.labelled(messages.get(lang, "slip.appointment.manage.phone.label"), phone);
            }
        });
    }

    /** "mardi 3 mars 2026" / "Tuesday 3 March 2026". */
    String date(LocalDate date, Locale lang) {
        return DateTimeFormatter.ofPattern(messages.get(lang, "slip.date.pattern"), lang).format(date);
    }

    /** "14 h 30" in French, "2:30 pm" in English: the bundle says which clock the language reads. */
    String time(LocalTime time, Locale lang) {
        String minutes = String.format(Locale.ROOT, "%02d", time.getMinute());
        if ("h12".equals(messages.get(lang, "slip.time.clock"))) {
            int hour = time.getHour() % 12 == 0 ? 12 : time.getHour() % 12;
            String marker = time.getHour() < 12 ? messages.get(lang, "slip.time.am") : messages.get(lang, "slip.time.pm");
            return messages.get(lang, "slip.time.h12", Integer.toString(hour), minutes, marker);
        }
        return messages.get(lang, "slip.time.h24", Integer.toString(time.getHour()), minutes);
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static String join(String separator, String... parts) {
        return String.join(separator, java.util.Arrays.stream(parts).filter(AppointmentSlip::present).map(String::strip).toList());
    }
}
