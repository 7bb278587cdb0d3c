package fr.relais.accompaniment;

import fr.relais.reference.ReferenceData;
import fr.relais.reference.ShortLists;
import fr.relais.site.Site;
import fr.relais.web.DateWords;
import fr.relais.web.Messages;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Records in words, in the page's language: a record's page and a line of the lists. */
@Singleton
class RecordWords {
    private final ReferenceData reference;
    private final ShortLists lists;
    private final Messages messages;

    RecordWords(ReferenceData reference, ShortLists lists, Messages messages) {
        this.reference = reference;
        this.lists = lists;
        this.messages = messages;
    }

    /**
     * A record as its page shows it: nothing in it names the person helped. {@code collective} ("Atelier collectif —
     * 7 participants") and {@code attendanceHref} are set for a workshop's collective record only.
     */
    record View(long id, String date, String time, String modeKey, List<String> themes, List<String> scopes,
                String duration, String channel, @Nullable String autonomyKey, List<String> equipment,
                @Nullable String age, @Nullable String firstVisitKey, @Nullable String note, boolean withMandate,
                boolean fromAppointment, @Nullable String collective, @Nullable String attendanceHref) {
    }

    /** A line of "mes accompagnements" (and of a site's records, with the helper's name). */
    record Row(String href, String date, String time, String modeKey, String what, String duration, String channel,
               String helper, String site, boolean correctable, @Nullable String collective,
               @Nullable String attendanceHref) {
    }

    View view(Accompaniment a, Accompaniments.Detail d, Site site, Locale locale) {
        ZonedDateTime at = a.occurredAt().atZone(site.zone());
        return new View(a.id(), DateWords.longDate(at.toLocalDate(), locale), DateWords.time(at.toLocalTime(), locale),
                a.mode().labelKey(), d.themes().stream().map(c -> reference.themeLabel(c, locale)).toList(),
                d.scopes().stream().map(c -> reference.scopeLabel(c, locale)).toList(),
                minutes(a.durationMinutes(), locale), channel(a.channelCode(), locale),
                a.autonomy() == null ? null : a.autonomy().labelKey(),
                d.equipment().stream().map(c -> ShortLists.label(lists.equipment(locale), c)).toList(),
                a.ageBracketCode() == null ? null : ShortLists.label(lists.ageBrackets(locale), a.ageBracketCode()),
                a.firstVisit() == null ? null : firstVisitKey(a.firstVisit() ? "YES" : "NO"), a.note(),
                a.mandateId() != null, a.appointmentId() != null, collective(a, locale),
                a.collective() ? a.attendancePath() : null);
    }

    /** What was done in a few words: the themes, then the procedures. */
    Row row(Accompaniment a, Accompaniments.Detail d, Site site, String helper, boolean correctable, Locale locale) {
        ZonedDateTime at = a.occurredAt().atZone(site.zone());
        List<String> what = new ArrayList<>(d.themes().stream().map(c -> reference.themeLabel(c, locale)).toList());
        d.scopes().forEach(s -> what.add(reference.scopeLabel(s, locale)));
        return new Row(a.path(), DateWords.longDate(at.toLocalDate(), locale), DateWords.time(at.toLocalTime(), locale),
                a.mode().labelKey(), String.join(", ", what), minutes(a.durationMinutes(), locale),
                channel(a.channelCode(), locale), helper, site.name(), correctable, collective(a, locale),
                a.collective() ? a.attendancePath() : null);
    }

    /** "Atelier collectif — 7 participants" for a workshop's collective record, else null. */
    @Nullable
    String collective(Accompaniment a, Locale locale) {
        if (!a.collective()) {
            return null;
        }
        return a.participants() == 1 ? messages.get(locale, "accompaniment.collective.one")
                : messages.get(locale, "accompaniment.collective.many", a.participants());
    }

    /** "30 minutes". */
    String minutes(int minutes, Locale locale) {
        return messages.get(locale, "accompaniment.minutes", minutes);
    }

    String channel(String code, Locale locale) {
        return ShortLists.label(lists.channels(locale), code);
    }

    /** "Oui", "Non", "Ne sait pas" ({@code YES}, {@code NO}, {@code UNKNOWN}). */
    static String firstVisitKey(String answer) {
        return "accompaniment.firstVisit." + answer;
    }
}
