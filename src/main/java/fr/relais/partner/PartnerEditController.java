package fr.relais.partner;

import fr.relais.security.CurrentStaff;
import fr.relais.web.Forms;
import fr.relais.web.NotFoundException;
import fr.relais.web.Page;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Managing directory entries. Directors manage their libraries' entries, coordination and administration every
 * entry, network-wide ones included; an entry one may see but not manage answers 404 here. Entries are
 * deactivated, never deleted (accompaniments point at them).
 */
@Controller("/partenaires")
@Produces(MediaType.TEXT_HTML)
@Secured({"DIRECTOR", "COORDINATOR", "ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
class PartnerEditController {
    private final Partners partners;
    private final PartnerFormPage formPage;
    private final EntrySites entrySites;
    private final Forms forms;

    PartnerEditController(Partners partners, PartnerFormPage formPage, EntrySites entrySites, Forms forms) {
        this.partners = partners;
        this.formPage = formPage;
        this.entrySites = entrySites;
        this.forms = forms;
    }

    @Get("/nouveau")
    MutableHttpResponse<?> newForm(CurrentStaff me, Locale locale) {
        if (!Partners.canCreate(me)) {
            throw new NotFoundException();
        }
        List<Long> own = entrySites.creatable(me).stream().map(s -> s.id()).toList();
        String defaultSite = me.role().belongsToSites() && !own.isEmpty() ? String.valueOf(own.get(0)) : "";
        return formPage.page(me, null, PartnerForm.empty(defaultSite), Map.of(), locale).ok();
    }

    @Post("/nouveau")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> create(@Body PartnerForm form, CurrentStaff me, Locale locale) {
        if (!Partners.canCreate(me)) {
            throw new NotFoundException();
        }
        Forms.Errors errors = forms.validate(form, locale);
        Long siteId = entrySites.chosen(me, form.siteId(), errors);
        if (!errors.isEmpty()) {
            return formPage.page(me, null, form, errors.asMap(), locale).invalid();
        }
        Partner created = partners.create(PartnerEntries.toPartner(form, null, siteId, null, null, true, partners.now()),
                PartnerEntries.links(form));
        return saved(created);
    }

    @Get("/{id}/modification")
    MutableHttpResponse<?> editForm(long id, CurrentStaff me, Locale locale) {
        Partner partner = partners.manageableBy(me, id).orElseThrow(NotFoundException::new);
        return formPage.page(me, partner, PartnerForm.of(partner, partners.links(partner)), Map.of(), locale).ok();
    }

    @Post("/{id}/modification")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> update(long id, @Body PartnerForm form, CurrentStaff me, Locale locale) {
        Partner partner = partners.manageableBy(me, id).orElseThrow(NotFoundException::new);
        Forms.Errors errors = forms.validate(form, locale);
        if (!errors.isEmpty()) {
            return formPage.page(me, partner, form, errors.asMap(), locale).invalid();
        }
        // Where an entry belongs and where it was imported from do not change here.
        partners.update(PartnerEntries.toPartner(form, partner.id(), partner.siteId(), partner.source(), partner.sourceId(),
                partner.active(), partners.now()), PartnerEntries.links(form));
        return saved(partner);
    }

    @Post("/{id}/desactivation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> deactivate(long id, CurrentStaff me) {
        return setActive(id, false, me);
    }

    @Post("/{id}/reactivation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> reactivate(long id, CurrentStaff me) {
        return setActive(id, true, me);
    }

    private MutableHttpResponse<?> setActive(long id, boolean active, CurrentStaff me) {
        Partner partner = partners.manageableBy(me, id).orElseThrow(NotFoundException::new);
        partners.setActive(partner, active);
        return saved(partner);
    }

    private static MutableHttpResponse<?> saved(Partner partner) {
        return Page.seeOther("/partenaires/" + partner.id() + "?enregistre=1");
    }
}
