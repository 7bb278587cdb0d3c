package fr.relais.accompaniment;

import fr.relais.mandate.MandateAuthority;
import fr.relais.reference.ReferenceData;
import fr.relais.reference.ShortLists;
import fr.relais.security.CurrentStaff;
import fr.relais.site.Site;
import fr.relais.web.DateWords;
import fr.relais.web.Messages;
import fr.relais.web.Page;
import fr.relais.web.Text;
import fr.relais.web.TypedValues;
import jakarta.inject.Singleton;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The record's form, new or corrected: the choices with their state, in the page's language. On its first showing
 * the first choice left to make gets the focus (the mode, else the theme), so that the common case is a key or a
 * click per choice.
 */
@Singleton
class RecordFormPage {
    static final String VIEW = "accompaniment/form";
    /** The fields inside "Plus de détails": the section opens on an error there. */
    private static final Set<String> DETAILS = Set.of("date", "time", "duration", "durationOther", "channel", "autonomy",
            "equipment", "ageBracket", "firstVisit", "note");
    private final Accompaniments accompaniments;
    private final ReferenceData reference;
    private final ShortLists lists;
    private final MandateAuthority mandates;
    private final PartnerChoices partners;
    private final RecordWords words;
    private final LogTime time;
    private final Messages messages;

    RecordFormPage(Accompaniments accompaniments, ReferenceData reference, ShortLists lists, MandateAuthority mandates,
                   PartnerChoices partners, RecordWords words, LogTime time, Messages messages) {
        this.accompaniments = accompaniments;
        this.reference = reference;
        this.lists = lists;
        this.mandates = mandates;
        this.partners = partners;
        this.words = words;
        this.time = time;
        this.messages = messages;
    }

    /** {@code opening}: the form's first showing, where the focus goes to the first choice left to make. */
    Page page(CurrentStaff me, Site site, Target target, AccompanimentForm form, Map<String, String> errors,
              Locale locale, boolean opening) {
        String autofocus = !opening ? null : Text.blankToNull(form.mode()) == null ? "mode"
                : form.themes().isEmpty() ? "theme" : null;
        List<Choice> found = List.of();
        if (me.mandateHabilitated()) {
            found = mandateChoices(site, form, locale);
            if (form.hasSearch() && errors.isEmpty() && !opening) {
                autofocus = found.isEmpty() ? "search" : "mandate";
            }
        }
        // A typed duration wins (the list then shows "autre durée"); nothing chosen is the default.
        String duration = Text.blankToNull(form.durationOther()) != null ? ""
                : Text.blankToNull(form.duration()) == null ? String.valueOf(AccompanimentForm.DEFAULT_DURATION)
                : form.duration();
        String channel = Text.blankToNull(form.channel()) == null ? target.defaultChannel() : form.channel();
        String shownDuration = Text.blankToNull(form.durationOther()) == null ? form.duration() : form.durationOther();
        String summary = messages.get(locale, "accompaniment.details.summary", form.date(), form.time(),
                Text.blankToNull(shownDuration) == null ? String.valueOf(AccompanimentForm.DEFAULT_DURATION) : shownDuration,
                words.channel(channel, locale));

        Page page = Page.of(VIEW)
                .title(target.correcting() ? "accompaniment.edit.title" : "accompaniment.new.title")
                .with("site", site).with("form", form).with("errors", errors).with("action", target.action())
                .with("correction", target.correcting())
                .with("modes", Choice.focusFirst(modes(me, form, locale), "mode".equals(autofocus)))
                .with("themes", Choice.focusFirst(themes(site, form, locale), "theme".equals(autofocus)))
                .with("scopes", checks(reference.scopes(locale), form.scopes()))
                .with("habilitated", me.mandateHabilitated())
                .with("mandates", Choice.focusFirst(found, "mandate".equals(autofocus)))
                .with("searched", me.mandateHabilitated() && form.hasSearch())
                .with("searchFocus", "search".equals(autofocus))
                .with("partnerGroups", partners.groups(site.id(), locale))
                .with("durations", durations(locale)).with("duration", duration)
                .with("channels", checks(individualChannels(locale), List.of(channel)))
                .with("autonomies", autonomies(form, locale))
                .with("equipment", checks(lists.equipment(locale), form.equipment()))
                .with("ages", lists.ageBrackets(locale))
                .with("firstVisit", firstVisit(form, locale))
                // Open on a correction (everything may need changing) and on an error inside.
                .with("detailsOpen", target.correcting() || errors.keySet().stream().anyMatch(DETAILS::contains))
                .with("detailsSummary", summary)
                .with("deskHref", "/bureau/" + site.id() + "/jour/" + time.today(site));
        if (target.appointmentAt() != null) {
            ZonedDateTime at = target.appointmentAt().atZone(site.zone());
            page.with("appointment", messages.get(locale, "accompaniment.fromAppointment",
                    DateWords.longDate(at.toLocalDate(), locale), DateWords.time(at.toLocalTime(), locale)))
                    .with("deskHref", "/bureau/" + site.id() + "/jour/" + at.toLocalDate());
        }
        if (target.correcting()) {
            page.with("record", target.existing().path());
        }
        return page;
    }

    /** "Faire à la place" is shown closed, with its reason, to whom it is not open. */
    private List<Choice> modes(CurrentStaff me, AccompanimentForm form, Locale locale) {
        List<Choice> modes = new ArrayList<>();
        for (AccompanimentMode m : AccompanimentMode.values()) {
            boolean closed = m == AccompanimentMode.DO_FOR && !me.mandateHabilitated();
            String hint = messages.get(locale, closed ? "accompaniment.mode.DO_FOR.closed" : m.labelKey() + ".hint");
            modes.add(new Choice(m.name(), messages.get(locale, m.labelKey()), form.is(m) && !closed, closed, false,
                    hint, ""));
        }
        return modes;
    }

    /** The themes chosen most often at the site lately come first. */
    private List<Choice> themes(Site site, AccompanimentForm form, Locale locale) {
        Map<String, String> labels = reference.themes(locale).stream()
                .collect(Collectors.toMap(ReferenceData.Option::code, ReferenceData.Option::label));
        List<String> codes = reference.themes(locale).stream().map(ReferenceData.Option::code).toList();
        return accompaniments.themeOrder(site.id(), time.today(site), codes).stream()
                .map(code -> Choice.of(code, labels.get(code), form.themes().contains(code))).toList();
    }

    /** The channels a person is helped by, one at a time: not the workshops' collective one. */
    private List<ReferenceData.Option> individualChannels(Locale locale) {
        return lists.channels(locale).stream().filter(o -> !AccompanimentForm.collectiveChannel(o.code())).toList();
    }

    private static List<Choice> checks(List<ReferenceData.Option> options, List<String> checked) {
        return options.stream().map(o -> Choice.of(o.code(), o.label(), checked.contains(o.code()))).toList();
    }

    /** The durations offered, then "autre durée" (the minutes typed below). */
    private List<Choice> durations(Locale locale) {
        List<Choice> durations = new ArrayList<>(AccompanimentForm.DURATIONS.stream()
                .map(d -> Choice.of(String.valueOf(d), words.minutes(d, locale), false)).toList());
        durations.add(Choice.of("", messages.get(locale, "accompaniment.duration.other.option"), false));
        return durations;
    }

    private List<Choice> autonomies(AccompanimentForm form, Locale locale) {
        List<Choice> autonomies = new ArrayList<>();
        autonomies.add(Choice.of("", messages.get(locale, "accompaniment.autonomy.unknown"),
                Text.blankToNull(form.autonomy()) == null).withId("UNKNOWN"));
        for (Autonomy a : Autonomy.values()) {
            autonomies.add(Choice.of(a.name(), messages.get(locale, a.labelKey()), a.name().equals(form.autonomy())));
        }
        return autonomies;
    }

    private List<Choice> firstVisit(AccompanimentForm form, Locale locale) {
        String current = Text.orEmpty(form.firstVisit());
        List<Choice> answers = new ArrayList<>();
        for (String answer : List.of("YES", "NO", "UNKNOWN")) {
            String value = answer.equals("UNKNOWN") ? "" : answer;
            answers.add(Choice.of(value, messages.get(locale, RecordWords.firstVisitKey(answer)), value.equals(current))
                    .withId(answer));
        }
        return answers;
    }

    /** The mandates found by the name typed (habilitated helpers only), and the one already chosen. */
    private List<Choice> mandateChoices(Site site, AccompanimentForm form, Locale locale) {
        List<Choice> choices = new ArrayList<>();
        String chosen = Text.orEmpty(Text.blankToNull(form.mandateId()));
        boolean chosenListed = false;
        if (form.hasSearch()) {
            for (MandateAuthority.InForce m : mandates.inForce(site.id(), form.mandateSearch())) {
                String scopes = m.scopeCodes().stream().map(c -> reference.scopeLabel(c, locale)).collect(Collectors.joining(", "));
                boolean checked = String.valueOf(m.id()).equals(chosen);
                chosenListed |= checked;
                choices.add(Choice.of(String.valueOf(m.id()), messages.get(locale, "accompaniment.mandate.option",
                        m.personName(), scopes, TypedValues.shown(m.endDate()), m.code()), checked));
            }
        }
        if (!chosen.isEmpty() && !chosenListed && chosen.matches("\\d{1,15}")) {
            // Chosen before (a correction, or a search since changed): kept without showing whose it is.
            choices.add(0, Choice.of(chosen, messages.get(locale, "accompaniment.mandate.kept"), true));
        }
        return choices;
    }
}
