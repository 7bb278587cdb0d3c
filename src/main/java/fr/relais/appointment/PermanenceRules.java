package fr.relais.appointment;

import fr.relais.site.Site;
import fr.relais.site.Sites;
import fr.relais.web.DateWords;
import fr.relais.web.Forms;
import fr.relais.web.TypedValues;
import jakarta.inject.Singleton;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a permanence form's constraints cannot say, added to the same errors after validation: helpers of the
 * site only; a window that holds at least one slot (its message names the chosen length); a helper on duty in
 * one place at a time; no appointment still to come left outside the changed permanence.
 */
@Singleton
class PermanenceRules {
    private final SiteTeam team;
    private final PermanenceChanges changes;
    private final AppointmentViews views;
    private final Sites sites;

    PermanenceRules(SiteTeam team, PermanenceChanges changes, AppointmentViews views, Sites sites) {
        this.team = team;
        this.changes = changes;
        this.views = views;
        this.sites = sites;
    }

    /** Adds the rules' messages; {@code existing} is the permanence being changed, null for a new one. */
    void check(Site site, Permanence existing, PermanenceForm form, Forms.Errors errors, Locale locale) {
        Set<Long> helpers = team.helperIds(site);
        if (!form.checkedHelpers().stream().allMatch(h -> h != null && h.matches("\\d{1,18}") && helpers.contains(Long.valueOf(h)))) {
            errors.add("helpers", "error.choice");
        }
        oneSlotAtLeast(form, errors);
        if (!errors.isEmpty()) {
            return; // the rules below read the typed values
        }
        PermanenceForm.Values v = form.values();
        changes.busyHelper(existing == null ? null : existing.id(), v).ifPresent(busy -> {
            Permanence other = busy.permanence();
            errors.add("helpers", "error.permanence.helperBusy",
                    views.names(List.of(busy.staffId())).getOrDefault(busy.staffId(), ""),
                    DayOfWeek.of(other.dayOfWeek()).getDisplayName(TextStyle.FULL, locale),
                    DateWords.time(other.startsAt(), locale), DateWords.time(other.endsAt(), locale),
                    sites.byId(other.siteId()).map(Site::name).orElse(""));
        });
        if (existing != null && errors.isEmpty()) {
            List<Appointment> stranded = changes.stranded(site, PermanenceChanges.changed(existing, v), v.helperIds());
            if (!stranded.isEmpty()) {
                Appointment first = stranded.get(0);
                errors.add("appointments", "error.permanence.appointments", String.valueOf(stranded.size()),
                        DateWords.longDate(first.slotDate(), locale), DateWords.time(first.slotTime(), locale));
            }
        }
    }

    /** The window holds one slot at least: its message names the chosen length, which a constraint's cannot. */
    private static void oneSlotAtLeast(PermanenceForm form, Forms.Errors errors) {
        if (errors.has("startsAt") || errors.has("endsAt") || errors.has("slotMinutes")) {
            return;
        }
        int minutes = Integer.parseInt(form.slotMinutes().strip());
        if (TypedValues.time(form.startsAt()).plusMinutes(minutes).isAfter(TypedValues.time(form.endsAt()))) {
            errors.add("endsAt", "error.permanence.tooShort", String.valueOf(minutes));
        }
    }
}
