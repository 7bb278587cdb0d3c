package fr.relais.accompaniment;

import fr.relais.mandate.MandateAuthority;
import fr.relais.partner.Partner;
import fr.relais.reference.ReferenceData;
import fr.relais.reference.ShortLists;
import fr.relais.security.CurrentStaff;
import fr.relais.site.Site;
import fr.relais.site.Sites;
import fr.relais.security.Role;
import fr.relais.web.Forms;
import fr.relais.web.NotFoundException;
import fr.relais.web.Page;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The accompaniment log: a new record from the desk (walk-in, one link per mode) or from an honoured appointment,
 * a helper's own records of the day and the week, their correction or deletion the same day, and the referral
 * slip printed from what the helper typed (nothing of it stored).
 * <p>
 * Helpers log and correct their own records at their sites; directors read their sites' records (nothing in them
 * names a person); coordination and administration see the anonymised statistics instead (403 here).
 * Another helper's record, another site's or an unknown one answer 404 alike.
 */
@Controller("/accompagnements")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class AccompanimentController {
    static final String FORM_VIEW = "accompaniment/form";
    static final String DETAIL_VIEW = "accompaniment/detail";
    static final String LIST_VIEW = "accompaniment/list";
    static final String NOTICE_VIEW = "accompaniment/notice";
    private final Sites sites;
    private final Accompaniments accompaniments;
    private final AccompanimentPages pages;
    private final ReferralPrint referrals;
    private final PartnerChoices partners;
    private final ReferenceData reference;
    private final ShortLists lists;
    private final Forms forms;

    AccompanimentController(Sites sites, Accompaniments accompaniments, AccompanimentPages pages, ReferralPrint referrals,
                            PartnerChoices partners, ReferenceData reference, ShortLists lists, Forms forms) {
        this.sites = sites;
        this.accompaniments = accompaniments;
        this.pages = pages;
        this.referrals = referrals;
        this.partners = partners;
        this.reference = reference;
        this.lists = lists;
        this.forms = forms;
    }

    // ---------------------------------------------------------------- my records

    @Get
    @Secured({"HELPER", "DIRECTOR"})
    MutableHttpResponse<?> list(@Nullable @QueryValue String periode, @Nullable @QueryValue String mode,
                                @Nullable @QueryValue String theme, Authentication authentication, HttpRequest<?> request) {
        CurrentStaff me = CurrentStaff.of(authentication);
        return pages.list(me, sites.visibleTo(me), periode, mode, theme, forms.locale(request)).ok();
    }

    // ---------------------------------------------------------------- a new record

    @Get("/{siteId}/nouveau")
    @Secured("HELPER")
    MutableHttpResponse<?> newForm(long siteId, @Nullable @QueryValue String mode, Authentication authentication,
                                   HttpRequest<?> request) {
        CurrentStaff me = CurrentStaff.of(authentication);
        Site site = sites.manageable(me, siteId);
        // "Faire à la place" is not preselected for whom it is not open: the choice shows why.
        String chosen = AccompanimentMode.DO_FOR.name().equals(mode) && !me.mandateHabilitated() ? null : mode;
        AccompanimentForm form = AccompanimentForm.blank(chosen, AccompanimentForm.WALK_IN, now(site));
        return pages.form(me, site, Target.walkIn(site), form, Map.of(), forms.locale(request), true).ok();
    }

    @Post("/{siteId}/nouveau")
    @Secured("HELPER")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> create(long siteId, @Body AccompanimentForm form, Authentication authentication,
                                  HttpRequest<?> request) {
        CurrentStaff me = CurrentStaff.of(authentication);
        Site site = sites.manageable(me, siteId);
        return submit(me, site, Target.walkIn(site), form, request);
    }

    // ---------------------------------------------------------------- from an honoured appointment

    @Get("/{siteId}/rendez-vous/{id}")
    @Secured("HELPER")
    MutableHttpResponse<?> fromAppointment(long siteId, long id, Authentication authentication, HttpRequest<?> request) {
        CurrentStaff me = CurrentStaff.of(authentication);
        Site site = sites.manageable(me, siteId);
        AppointmentFacts appointment = honoured(site, id);
        Optional<MutableHttpResponse<?>> existing = existing(me, site, appointment, forms.locale(request));
        if (existing.isPresent()) {
            return existing.get();
        }
        AccompanimentForm form = AccompanimentForm.fromAppointment(appointment, loggableTime(site, appointment.startsAt()));
        return pages.form(me, site, Target.appointment(site, appointment), form, Map.of(), forms.locale(request), true).ok();
    }

    @Post("/{siteId}/rendez-vous/{id}")
    @Secured("HELPER")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> createFromAppointment(long siteId, long id, @Body AccompanimentForm form,
                                                 Authentication authentication, HttpRequest<?> request) {
        CurrentStaff me = CurrentStaff.of(authentication);
        Site site = sites.manageable(me, siteId);
        AppointmentFacts appointment = honoured(site, id);
        Optional<MutableHttpResponse<?>> existing = existing(me, site, appointment, forms.locale(request));
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            return submit(me, site, Target.appointment(site, appointment), form, request);
        } catch (DataAccessException e) {
            // Logged at the same moment from another tab or by a colleague: the unique appointment link held.
            return existing(me, site, appointment, forms.locale(request)).orElseThrow(() -> e);
        }
    }

    /** An honoured appointment of this site; anything else answers like an unknown id. */
    private AppointmentFacts honoured(Site site, long id) {
        return accompaniments.appointment(id).filter(a -> a.siteId() == site.id() && a.done())
                .orElseThrow(NotFoundException::new);
    }

    /** The appointment already logged: one's own record opens for correction, a colleague's is only named. */
    private Optional<MutableHttpResponse<?>> existing(CurrentStaff me, Site site, AppointmentFacts appointment, Locale locale) {
        return accompaniments.byAppointment(appointment.id()).map(a -> {
            if (a.helperId() != me.id()) {
                return pages.notice(site, "accompaniment.notice.colleague.title", "accompaniment.notice.colleague.text")
                        .ok();
            }
            return Page.seeOther(base(a) + (correctable(a, site) ? "/modifier" : ""));
        });
    }

    // ---------------------------------------------------------------- one record

    @Get("/{siteId}/{id}")
    @Secured({"HELPER", "DIRECTOR"})
    MutableHttpResponse<?> detail(long siteId, long id, @Nullable @QueryValue String nouveau,
                                  Authentication authentication, HttpRequest<?> request) {
        CurrentStaff me = CurrentStaff.of(authentication);
        Site site = sites.manageable(me, siteId);
        Accompaniment a = readable(me, site, id);
        Locale locale = forms.locale(request);
        return pages.detail(me, site, a, correctable(a, site), null, null, Map.of(), locale)
                .with("justSaved", nouveau != null).ok();
    }

    @Get("/{siteId}/{id}/modifier")
    @Secured("HELPER")
    MutableHttpResponse<?> editForm(long siteId, long id, Authentication authentication, HttpRequest<?> request) {
        CurrentStaff me = CurrentStaff.of(authentication);
        Site site = sites.manageable(me, siteId);
        Accompaniment a = own(me, site, id);
        if (!correctable(a, site)) {
            return tooLate(site, a);
        }
        Accompaniments.Detail d = accompaniments.detail(a.id());
        AccompanimentForm form = AccompanimentForm.of(a, d.themes(), d.scopes(), d.equipment(), zone(site));
        return pages.form(me, site, Target.correction(site, a), form, Map.of(), forms.locale(request), false).ok();
    }

    @Post("/{siteId}/{id}/modifier")
    @Secured("HELPER")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> update(long siteId, long id, @Body AccompanimentForm form, Authentication authentication,
                                  HttpRequest<?> request) {
        CurrentStaff me = CurrentStaff.of(authentication);
        Site site = sites.manageable(me, siteId);
        Accompaniment a = own(me, site, id);
        if (!correctable(a, site)) {
            return tooLate(site, a);
        }
        return submit(me, site, Target.correction(site, a), form, request);
    }

    @Post("/{siteId}/{id}/suppression")
    @Secured("HELPER")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> delete(long siteId, long id, Authentication authentication) {
        CurrentStaff me = CurrentStaff.of(authentication);
        Site site = sites.manageable(me, siteId);
        Accompaniment a = own(me, site, id);
        if (!correctable(a, site)) {
            return tooLate(site, a);
        }
        accompaniments.delete(a);
        return Page.seeOther("/accompagnements?supprime=1");
    }

    /**
     * The referral slip, made from the form as posted (the person's name, the reasons, the lines to bring) and the
     * stored record (the partner): nothing typed here is stored or logged, the PDF is the only thing made of it.
     */
    @Post("/{siteId}/{id}/fiche-orientation")
    @Secured("HELPER")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces({"application/pdf", MediaType.TEXT_HTML})
    MutableHttpResponse<?> referralSlip(long siteId, long id, @Body ReferralPrint.Form form, Authentication authentication,
                                        HttpRequest<?> request) {
        CurrentStaff me = CurrentStaff.of(authentication);
        Site site = sites.manageable(me, siteId);
        Accompaniment a = own(me, site, id);
        Partner partner = a.mode() == AccompanimentMode.REFER && a.partnerId() != null
                ? partners.visible(site.id(), a.partnerId()).orElse(null) : null;
        Locale locale = forms.locale(request);
        if (partner == null) {
            // A referral to a partner since withdrawn from the directory: there is nothing to print.
            throw new NotFoundException();
        }
        Forms.Errors errors = forms.validate(form, request);
        referrals.check(form, accompaniments.detail(a.id()), locale, errors);
        if (!errors.isEmpty()) {
            return pages.detail(me, site, a, correctable(a, site), form, partner, errors.asMap(), locale).invalid();
        }
        byte[] pdf = referrals.render(site, a, partner, form, today(site), locale);
        return HttpResponse.ok(pdf).contentType(new MediaType("application/pdf"))
                .header("Content-Disposition", "inline; filename=\"fiche-orientation.pdf\"")
                // It may carry a name: no copy kept on the way.
                .header("Cache-Control", "no-store");
    }

    // ---------------------------------------------------------------- saving

    /** Validates, applies the rules of the mode, saves; or answers the form again with a message per field. */
    private MutableHttpResponse<?> submit(CurrentStaff me, Site site, Target target, AccompanimentForm form,
                                          HttpRequest<?> request) {
        Locale locale = forms.locale(request);
        boolean doFor = AccompanimentMode.DO_FOR.name().equals(form.mode());
        // "Chercher" — or Enter in the name field before any mandate is chosen — only searches: nothing is saved.
        if (form.searching() || (doFor && form.hasSearch() && blank(form.mandateId()))) {
            return pages.form(me, site, target, form, Map.of(), locale, false).ok();
        }
        Forms.Errors errors = forms.validate(form, request);
        AccompanimentForm.Values values = form.parse(errors, context(site, target.defaultChannel()));
        if (doFor && !me.mandateHabilitated()) {
            errors.add("mode", MandateAuthority.Refusal.NOT_HABILITATED.messageKey());
        } else if (doFor && blank(form.mandateId())) {
            errors.add("mandateId", MandateAuthority.Refusal.NO_MANDATE.messageKey());
        }
        String partnerKind = null;
        if (AccompanimentMode.REFER.name().equals(form.mode()) && !errors.has("partnerId")) {
            Optional<Partner> partner = values == null || values.partnerId() == null ? Optional.empty()
                    : partners.visible(site.id(), values.partnerId());
            if (blank(form.partnerId())) {
                errors.add("partnerId", "accompaniment.error.partner.required");
            } else if (values != null && partner.isEmpty()) {
                errors.add("partnerId", "error.choice");
            }
            partnerKind = partner.map(Partner::kindCode).orElse(null);
        }
        if (!errors.isEmpty()) {
            return pages.form(me, site, target, form, errors.asMap(), locale, false).invalid();
        }
        Accompaniments.Outcome outcome = target.existing() == null
                ? accompaniments.create(me, site, values, target.appointmentId(), partnerKind)
                : accompaniments.update(me, site, target.existing(), values, partnerKind);
        if (outcome.refusal() != null) {
            String field = outcome.refusal() == MandateAuthority.Refusal.NOT_HABILITATED ? "mode" : "mandateId";
            errors.add(field, outcome.refusal().messageKey());
            return pages.form(me, site, target, form, errors.asMap(), locale, false).invalid();
        }
        String saved = base(outcome.saved());
        return Page.seeOther(target.existing() == null ? saved + "?nouveau=1" : saved + "?enregistre=1");
    }

    private AccompanimentForm.Context context(Site site, String defaultChannel) {
        return new AccompanimentForm.Context(
                code -> reference.theme(code).isPresent(),
                code -> reference.scope(code).isPresent(),
                code -> ShortLists.contains(lists.channels(), code),
                code -> ShortLists.contains(lists.equipment(), code),
                code -> ShortLists.contains(lists.ageBrackets(), code),
                zone(site), sites.now(), defaultChannel);
    }

    // ---------------------------------------------------------------- who may see and change what

    /** One's own record at this site; any other id answers 404. */
    private Accompaniment own(CurrentStaff me, Site site, long id) {
        return accompaniments.find(id).filter(a -> a.siteId() == site.id() && a.helperId() == me.id())
                .orElseThrow(NotFoundException::new);
    }

    /** Helpers read their own records; directors every record of their site. */
    private Accompaniment readable(CurrentStaff me, Site site, long id) {
        return accompaniments.find(id)
                .filter(a -> a.siteId() == site.id() && (me.role() == Role.DIRECTOR || a.helperId() == me.id()))
                .orElseThrow(NotFoundException::new);
    }

    /** A record is corrected or deleted the day it was logged, at its site. */
    private boolean correctable(Accompaniment a, Site site) {
        return accompaniments.loggedOn(a, zone(site)).equals(today(site));
    }

    private MutableHttpResponse<?> tooLate(Site site, Accompaniment a) {
        return pages.notice(site, "accompaniment.notice.tooLate.title", "accompaniment.notice.tooLate.text")
                .with("record", base(a)).status(HttpStatus.CONFLICT);
    }

    static String base(Accompaniment a) {
        return "/accompagnements/" + a.siteId() + "/" + a.id();
    }

    // ---------------------------------------------------------------- time at the site

    private ZoneId zone(Site site) {
        return site.zone();
    }

    private LocalDate today(Site site) {
        return sites.today(site);
    }

    private ZonedDateTime now(Site site) {
        return sites.now().atZone(zone(site));
    }

    /** The appointment's time when it can be logged with it; otherwise now (honoured early, or long ago). */
    private ZonedDateTime loggableTime(Site site, Instant startsAt) {
        ZonedDateTime now = now(site);
        ZonedDateTime at = startsAt.atZone(zone(site));
        boolean future = startsAt.isAfter(now.toInstant().plus(Duration.ofMinutes(1)));
        boolean tooOld = at.toLocalDate().isBefore(now.toLocalDate().minusDays(AccompanimentForm.DAYS_BACK));
        return future || tooOld ? now : at;
    }

    /** Monday of this week at the site. */
    static LocalDate monday(LocalDate day) {
        return day.with(DayOfWeek.MONDAY);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Where the form is posted and what it records beyond the form: the appointment, or the record corrected. */
    record Target(String action, String defaultChannel, @Nullable Long appointmentId, @Nullable Instant appointmentAt,
                  @Nullable Accompaniment existing) {
        static Target walkIn(Site site) {
            return new Target("/accompagnements/" + site.id() + "/nouveau", AccompanimentForm.WALK_IN, null, null, null);
        }

        static Target appointment(Site site, AppointmentFacts a) {
            return new Target("/accompagnements/" + site.id() + "/rendez-vous/" + a.id(), AccompanimentForm.APPOINTMENT,
                    a.id(), a.startsAt(), null);
        }

        static Target correction(Site site, Accompaniment a) {
            return new Target(base(a) + "/modifier", a.channelCode(), a.appointmentId(), null, a);
        }
    }

    /** For views that build lists of choices. */
    static List<AccompanimentMode> modes() {
        return List.of(AccompanimentMode.values());
    }
}
