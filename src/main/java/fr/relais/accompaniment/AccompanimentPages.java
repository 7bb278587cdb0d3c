package fr.relais.accompaniment;

import fr.relais.staff.StaffDirectory;
import fr.relais.mandate.MandateAuthority;
import fr.relais.partner.Partner;
import fr.relais.reference.ReferenceData;
import fr.relais.reference.ShortLists;
import fr.relais.security.CurrentStaff;
import fr.relais.site.Site;
import fr.relais.site.Sites;
import fr.relais.security.Role;
import fr.relais.web.DateWords;
import fr.relais.web.Messages;
import fr.relais.web.Page;
import fr.relais.web.TypedValues;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The models of the log's pages: choices with their state, records in words, in the page's language. */
@Singleton
class AccompanimentPages {
    static final String PERIOD_TODAY = "jour";
    static final String PERIOD_WEEK = "semaine";
    private final Accompaniments accompaniments;
    private final ReferenceData reference;
    private final ShortLists lists;
    private final MandateAuthority mandates;
    private final PartnerChoices partners;
    private final ReferralPrint referrals;
    private final StaffDirectory staff;
    private final Sites sites;
    private final Messages messages;

    AccompanimentPages(Accompaniments accompaniments, ReferenceData reference, ShortLists lists, MandateAuthority mandates,
                       PartnerChoices partners, ReferralPrint referrals, StaffDirectory staff, Sites sites,
                       Messages messages) {
        this.accompaniments = accompaniments;
        this.reference = reference;
        this.lists = lists;
        this.mandates = mandates;
        this.partners = partners;
        this.referrals = referrals;
        this.staff = staff;
        this.sites = sites;
        this.messages = messages;
    }

    // ---------------------------------------------------------------- the form

    /**
     * The record's form. {@code opening}: the first showing, where the first choice left to make gets the focus
     * (the mode, else the theme), so that the common case is a key or a click per choice.
     */
    Page form(CurrentStaff me, Site site, AccompanimentController.Target target, AccompanimentForm form,
              Map<String, String> errors, Locale locale, boolean opening) {
        List<Map<String, Object>> modes = new ArrayList<>();
        for (AccompanimentMode m : AccompanimentMode.values()) {
            boolean closed = m == AccompanimentMode.DO_FOR && !me.mandateHabilitated();
            modes.add(Map.of("code", m.name(), "labelKey", m.labelKey(), "hintKey", "accompaniment.mode." + m.name() + ".hint",
                    "checked", m.name().equals(form.mode()) && !closed, "disabled", closed));
        }
        List<String> themeCodes = reference.themes(locale).stream().map(ReferenceData.Option::code).toList();
        Map<String, String> themeLabels = reference.themes(locale).stream()
                .collect(Collectors.toMap(ReferenceData.Option::code, ReferenceData.Option::label));
        List<String> checkedThemes = form.checkedThemes();
        List<Map<String, Object>> themes = accompaniments.themeOrder(site.id(), sites.today(site), themeCodes).stream()
                .map(code -> Map.<String, Object>of("code", code, "label", themeLabels.get(code),
                        "checked", checkedThemes.contains(code))).toList();
        List<String> checkedScopes = form.checkedScopes();
        List<Map<String, Object>> scopes = reference.scopes(locale).stream()
                .map(o -> Map.<String, Object>of("code", o.code(), "label", o.label(), "checked", checkedScopes.contains(o.code())))
                .toList();

        String autofocus = null;
        if (opening) {
            autofocus = form.mode() == null || form.mode().isBlank() ? "mode" : checkedThemes.isEmpty() ? "theme" : null;
        }
        List<Map<String, Object>> mandateChoices = List.of();
        boolean searched = false;
        if (me.mandateHabilitated()) {
            mandateChoices = mandateChoices(site, form, locale);
            searched = form.hasSearch();
            if (searched && errors.isEmpty() && !opening) {
                autofocus = mandateChoices.isEmpty() ? "search" : "mandate";
            }
        }

        // A typed duration wins (the list then shows "autre durée"); nothing chosen is the default.
        String durationChoice = !blank(form.durationOther()) ? ""
                : blank(form.duration()) ? String.valueOf(AccompanimentForm.DEFAULT_DURATION) : form.duration();
        List<Map<String, Object>> durations = AccompanimentForm.DURATIONS.stream()
                .map(d -> Map.<String, Object>of("value", d, "label", minutes(d, locale),
                        "selected", String.valueOf(d).equals(durationChoice))).toList();
        String channel = form.channel() == null || form.channel().isBlank() ? target.defaultChannel() : form.channel();
        List<Map<String, Object>> channels = lists.channels(locale).stream()
                .map(o -> Map.<String, Object>of("code", o.code(), "label", o.label(), "checked", o.code().equals(channel))).toList();
        List<Map<String, Object>> autonomies = new ArrayList<>();
        autonomies.add(Map.of("code", "", "labelKey", "accompaniment.autonomy.unknown", "checked", blank(form.autonomy())));
        for (Autonomy a : Autonomy.values()) {
            autonomies.add(Map.of("code", a.name(), "labelKey", a.labelKey(), "checked", a.name().equals(form.autonomy())));
        }
        List<String> checkedEquipment = form.checkedEquipment();
        List<Map<String, Object>> equipment = lists.equipment(locale).stream()
                .map(o -> Map.<String, Object>of("code", o.code(), "label", o.label(), "checked", checkedEquipment.contains(o.code())))
                .toList();
        List<Map<String, Object>> ages = lists.ageBrackets(locale).stream()
                .map(o -> Map.<String, Object>of("code", o.code(), "label", o.label(), "selected", o.code().equals(form.ageBracket())))
                .toList();
        List<Map<String, Object>> firstVisit = new ArrayList<>();
        for (String v : List.of("YES", "NO", "")) {
            String current = form.firstVisit() == null ? "" : form.firstVisit();
            firstVisit.add(Map.of("value", v, "id", v.isEmpty() ? "UNKNOWN" : v,
                    "labelKey", "accompaniment.firstVisit." + (v.isEmpty() ? "UNKNOWN" : v), "checked", v.equals(current)));
        }
        // Open on a correction (everything may need changing) and on an error inside.
        boolean detailsOpen = target.existing() != null || errors.keySet().stream().anyMatch(f -> Set.of("date", "time", "duration", "durationOther",
                "channel", "autonomy", "equipment", "ageBracket", "firstVisit", "note").contains(f));
        String shownDuration = blank(form.durationOther()) ? form.duration() : form.durationOther();
        String summary = messages.get(locale, "accompaniment.details.summary", form.date(), form.time(),
                blank(shownDuration) ? String.valueOf(AccompanimentForm.DEFAULT_DURATION) : shownDuration,
                ShortLists.label(lists.channels(locale), channel));

        Page page = Page.of(AccompanimentController.FORM_VIEW)
                .title(target.existing() == null ? "accompaniment.new.title" : "accompaniment.edit.title")
                .with("site", site).with("form", form).with("errors", errors).with("action", target.action())
                .with("correction", target.existing() != null)
                .with("modes", modes).with("themes", themes).with("scopes", scopes)
                .with("habilitated", me.mandateHabilitated()).with("mandates", mandateChoices).with("searched", searched)
                .with("partnerGroups", partners.groups(site.id(), form.partnerId(), locale))
                .with("durations", durations).with("channels", channels).with("autonomies", autonomies)
                .with("equipment", equipment).with("ages", ages).with("firstVisit", firstVisit)
                .with("detailsOpen", detailsOpen).with("detailsSummary", summary)
                .with("autofocus", autofocus)
                .with("deskHref", "/bureau/" + site.id() + "/jour/" + sites.today(site));
        if (target.appointmentAt() != null) {
            ZonedDateTime at = target.appointmentAt().atZone(site.zone());
            page.with("appointment", messages.get(locale, "accompaniment.fromAppointment",
                    DateWords.longDate(at.toLocalDate(), locale), DateWords.time(at.toLocalTime(), locale)))
                    .with("deskHref", "/bureau/" + site.id() + "/jour/" + at.toLocalDate());
        }
        if (target.existing() != null) {
            page.with("record", AccompanimentController.base(target.existing()));
        }
        return page;
    }

    /** The mandates found by the name typed (habilitated helpers only), and the one already chosen. */
    private List<Map<String, Object>> mandateChoices(Site site, AccompanimentForm form, Locale locale) {
        List<Map<String, Object>> choices = new ArrayList<>();
        String chosen = form.mandateId() == null ? "" : form.mandateId().strip();
        boolean chosenListed = false;
        if (form.hasSearch()) {
            for (MandateAuthority.InForce m : mandates.inForce(site.id(), form.mandateSearch())) {
                String scopes = m.scopeCodes().stream().map(c -> reference.scopeLabel(c, locale)).collect(Collectors.joining(", "));
                boolean checked = String.valueOf(m.id()).equals(chosen);
                chosenListed |= checked;
                choices.add(Map.of("id", m.id(), "checked", checked, "label", messages.get(locale,
                        "accompaniment.mandate.option", m.personName(), scopes, TypedValues.shown(m.endDate()), m.code())));
            }
        }
        if (!chosen.isEmpty() && !chosenListed && chosen.matches("\\d{1,15}")) {
            // Chosen before (a correction, or a search since changed): kept without showing whose it is.
            choices.add(0, Map.of("id", chosen, "checked", true, "label", messages.get(locale, "accompaniment.mandate.kept")));
        }
        return choices;
    }

    // ---------------------------------------------------------------- one record

    Page detail(CurrentStaff me, Site site, Accompaniment a, boolean correctable, @Nullable ReferralPrint.Form print,
                @Nullable Partner partner, Map<String, String> errors, Locale locale) {
        Accompaniments.Detail d = accompaniments.detail(a.id());
        boolean own = me.role() == Role.HELPER && a.helperId() == me.id();
        Partner referredTo = partner;
        if (referredTo == null && a.partnerId() != null) {
            referredTo = partners.visible(site.id(), a.partnerId()).orElse(null);
        }
        Page page = Page.of(AccompanimentController.DETAIL_VIEW).title("accompaniment.detail.title")
                .with("site", site).with("record", record(a, d, site, locale))
                .with("own", own).with("correctable", own && correctable)
                .with("base", AccompanimentController.base(a))
                .with("deskHref", "/bureau/" + site.id() + "/jour/" + sites.today(site))
                .with("errors", errors);
        if (a.partnerId() != null || a.partnerKindCode() != null) {
            page.with("partner", referredTo == null ? reference.partnerKindLabel(a.partnerKindCode(), locale) : referredTo.name());
        }
        if (own && a.mode() == AccompanimentMode.REFER && referredTo != null) {
            List<String> checked = print == null ? null : print.checkedReasons();
            List<Map<String, Object>> reasons = referrals.reasons(d, locale).stream()
                    .map(r -> Map.<String, Object>of("code", r.code(), "label", r.label(),
                            "checked", checked == null || checked.contains(r.code()))).toList();
            page.with("print", Map.of(
                    "personName", print == null || print.personName() == null ? "" : print.personName(),
                    "reasons", reasons,
                    "bring", print == null ? String.join("\n", referrals.defaultBring(d, referredTo))
                            : print.bring() == null ? "" : print.bring()));
        }
        return page;
    }

    private Map<String, Object> record(Accompaniment a, Accompaniments.Detail d, Site site, Locale locale) {
        ZonedDateTime at = a.occurredAt().atZone(site.zone());
        Map<String, Object> r = new HashMap<>();
        r.put("id", a.id());
        r.put("date", DateWords.longDate(at.toLocalDate(), locale));
        r.put("time", DateWords.time(at.toLocalTime(), locale));
        r.put("modeKey", a.mode().labelKey());
        r.put("themes", d.themes().stream().map(c -> reference.themeLabel(c, locale)).toList());
        r.put("scopes", d.scopes().stream().map(c -> reference.scopeLabel(c, locale)).toList());
        r.put("duration", minutes(a.durationMinutes(), locale));
        r.put("channel", ShortLists.label(lists.channels(locale), a.channelCode()));
        r.put("autonomyKey", a.autonomy() == null ? null : a.autonomy().labelKey());
        r.put("equipment", d.equipment().stream().map(c -> ShortLists.label(lists.equipment(locale), c)).toList());
        r.put("age", a.ageBracketCode() == null ? null : ShortLists.label(lists.ageBrackets(locale), a.ageBracketCode()));
        r.put("firstVisitKey", a.firstVisit() == null ? null : "accompaniment.firstVisit." + (a.firstVisit() ? "YES" : "NO"));
        r.put("note", a.note());
        r.put("withMandate", a.mandateId() != null);
        r.put("fromAppointment", a.appointmentId() != null);
        return r;
    }

    Page notice(Site site, String titleKey, String textKey) {
        return Page.of(AccompanimentController.NOTICE_VIEW).title(titleKey).with("site", site).with("textKey", textKey)
                .with("deskHref", "/bureau/" + site.id() + "/jour/" + sites.today(site));
    }

    // ---------------------------------------------------------------- the list

    /**
     * A helper's own records, or a director's sites' records, of today or this week, by mode and theme.
     * Unknown filter values are ignored rather than refused: they come from an address that may have been edited.
     */
    Page list(CurrentStaff me, List<Site> mySites, @Nullable String period, @Nullable String mode, @Nullable String theme,
              Locale locale) {
        boolean director = me.role() == Role.DIRECTOR;
        Site first = mySites.isEmpty() ? null : mySites.get(0);
        LocalDate today = first == null ? sites.now().atZone(ZoneId.of(Sites.DEFAULT_ZONE)).toLocalDate() : sites.today(first);
        String p = PERIOD_WEEK.equals(period) ? PERIOD_WEEK : PERIOD_TODAY;
        LocalDate from = p.equals(PERIOD_WEEK) ? AccompanimentController.monday(today) : today;
        LocalDate to = p.equals(PERIOD_WEEK) ? from.plusDays(6) : today;
        AccompanimentMode m = AccompanimentMode.parse(mode).orElse(null);
        String t = theme != null && reference.theme(theme).isPresent() ? theme : null;

        List<Accompaniment> found = director
                ? accompaniments.ofSites(mySites.stream().map(Site::id).toList(), from, to)
                : accompaniments.ofHelper(me.id(), from, to);
        Map<Long, Accompaniments.Detail> details = accompaniments.details(found.stream().map(Accompaniment::id).toList());
        found = found.stream().filter(a -> m == null || a.mode() == m)
                .filter(a -> t == null || details.get(a.id()).themes().contains(t)).toList();
        Map<Long, Site> siteById = mySites.stream().collect(Collectors.toMap(Site::id, Function.identity()));
        Map<Long, String> names = director ? names(found) : Map.of();

        List<Map<String, Object>> rows = new ArrayList<>();
        for (Accompaniment a : found) {
            Site site = siteById.get(a.siteId());
            if (site == null) {
                continue; // a site this person no longer belongs to
            }
            ZonedDateTime at = a.occurredAt().atZone(site.zone());
            Accompaniments.Detail d = details.get(a.id());
            List<String> what = new ArrayList<>(d.themes().stream().map(c -> reference.themeLabel(c, locale)).toList());
            d.scopes().forEach(s -> what.add(reference.scopeLabel(s, locale)));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("href", AccompanimentController.base(a));
            row.put("date", DateWords.longDate(at.toLocalDate(), locale));
            row.put("time", DateWords.time(at.toLocalTime(), locale));
            row.put("modeKey", a.mode().labelKey());
            row.put("what", String.join(", ", what));
            row.put("duration", minutes(a.durationMinutes(), locale));
            row.put("channel", ShortLists.label(lists.channels(locale), a.channelCode()));
            row.put("helper", names.getOrDefault(a.helperId(), ""));
            row.put("site", site.name());
            row.put("correctable", !director && accompaniments.loggedOn(a, site.zone()).equals(sites.today(site)));
            rows.add(row);
        }
        List<Map<String, Object>> modes = new ArrayList<>();
        for (AccompanimentMode each : AccompanimentMode.values()) {
            modes.add(Map.of("code", each.name(), "labelKey", each.labelKey(), "selected", each == m));
        }
        List<Map<String, Object>> themes = reference.themes(locale).stream()
                .map(o -> Map.<String, Object>of("code", o.code(), "label", o.label(), "selected", o.code().equals(t))).toList();
        return Page.of(AccompanimentController.LIST_VIEW)
                .title(director ? "accompaniment.list.site.title" : "accompaniment.list.title")
                .with("director", director).with("rows", rows).with("count", rows.size())
                .with("week", p.equals(PERIOD_WEEK)).with("period", p)
                .with("from", DateWords.longDate(from, locale)).with("to", DateWords.longDate(to, locale))
                .with("modes", modes).with("themes", themes).with("filtered", m != null || t != null)
                .with("severalSites", mySites.size() > 1)
                .with("sites", mySites);
    }

    private Map<Long, String> names(List<Accompaniment> found) {
        return staff.names(found.stream().map(Accompaniment::helperId).toList());
    }

    // ---------------------------------------------------------------- words

    private String minutes(int minutes, Locale locale) {
        return messages.get(locale, "accompaniment.minutes", minutes);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
