package fr.relais.staff;

import fr.relais.security.CurrentStaff;
import fr.relais.security.PasswordHasher;
import fr.relais.security.StaffSessions;
import fr.relais.site.Site;
import fr.relais.site.Sites;
import fr.relais.web.Forms;
import fr.relais.web.Messages;
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

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Accounts. Administrators manage all; coordinators all but administrators; directors add, edit and deactivate
 * the helpers of their own site and set the mandate flag. Any other account's id answers 404.
 */
@Controller("/gestion/comptes")
@Produces(MediaType.TEXT_HTML)
@Secured({"ADMIN", "COORDINATOR", "DIRECTOR"})
@ExecuteOn(TaskExecutors.BLOCKING)
class StaffAdminController {
    static final String LIST_VIEW = "staff/list";
    static final String FORM_VIEW = "staff/form";
    static final String PASSWORD_VIEW = "staff/one-time-password";
    private final StaffAccounts accounts;
    private final Sites sites;
    private final PasswordHasher hasher;
    private final StaffSessions sessions;
    private final Forms forms;
    private final Messages messages;

    StaffAdminController(StaffAccounts accounts, Sites sites, PasswordHasher hasher, StaffSessions sessions, Forms forms,
                         Messages messages) {
        this.accounts = accounts;
        this.sites = sites;
        this.hasher = hasher;
        this.sessions = sessions;
        this.forms = forms;
        this.messages = messages;
    }

    /** One account of the list: its libraries by name; {@code self}, the signed-in person's own. */
    record AccountRow(Staff account, String roleKey, List<String> sites, boolean self) {
    }

    /** A role of the drop-down list ({@code partials/select}). */
    record RoleOption(String code, String label) {
    }

    /** A library's check box ({@code partials/choices}). */
    record SiteChoice(String code, String label, boolean checked) {
    }

    @Get
    MutableHttpResponse<?> list(CurrentStaff me) {
        Map<Long, String> siteNames = sites.all().stream().collect(Collectors.toMap(Site::id, Site::name));
        List<AccountRow> rows = accounts.manageableBy(me).stream().map(s -> new AccountRow(s, "role." + s.role().name(),
                accounts.siteIds(s.id()).stream().map(siteNames::get).sorted().toList(), s.id() == me.id())).toList();
        return Page.of(LIST_VIEW).title("accounts.list.title").with("accounts", rows).ok();
    }

    @Get("/nouveau")
    MutableHttpResponse<?> newForm(CurrentStaff me, Locale locale) {
        return formPage(me, null, AccountForm.empty(), Map.of(), locale).ok();
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> create(@Body AccountForm form, CurrentStaff me, Locale locale) {
        Forms.Errors errors = forms.validate(form, locale);
        if (!errors.has("email") && accounts.emailTaken(form.email())) {
            errors.add("email", "error.email.taken");
        }
        checkGrant(me, form, Set.of(), errors);
        if (!errors.isEmpty()) {
            return formPage(me, null, form, errors.asMap(), locale).invalid();
        }
        String oneTime = hasher.oneTimePassword();
        Staff created = accounts.create(form.email(), form.displayName(), form.chosenRole(), form.habilitated(),
                hasher.hash(oneTime), true, form.chosenSites());
        return oneTimePage(created, oneTime, true);
    }

    @Get("/{id}")
    MutableHttpResponse<?> editForm(long id, CurrentStaff me, Locale locale) {
        Staff target = accounts.manageable(me, id);
        AccountForm form = new AccountForm(target.email(), target.displayName(), target.role().name(),
                accounts.siteIds(target.id()).stream().map(String::valueOf).toList(),
                target.mandateHabilitated() ? "true" : null);
        return formPage(me, target, form, Map.of(), locale).ok();
    }

    @Post("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> update(long id, @Body AccountForm typed, CurrentStaff me, Locale locale) {
        Staff target = accounts.manageable(me, id);
        // The e-mail is the login: it is not changed here. Nor is one's own role.
        AccountForm form = new AccountForm(target.email(), typed.displayName(),
                target.id() == me.id() ? target.role().name() : typed.role(), typed.siteIds(), typed.mandateHabilitated());
        Forms.Errors errors = forms.validate(form, locale);
        // Sites outside what this person manages stay as they were (a helper may also work elsewhere).
        Set<Long> allowed = allowedSiteIds(me);
        Set<Long> kept = accounts.siteIds(target.id()).stream().filter(s -> !allowed.contains(s))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        checkGrant(me, form, kept, errors);
        if (!errors.isEmpty()) {
            return formPage(me, target, form, errors.asMap(), locale).invalid();
        }
        Set<Long> sitesAfter = new LinkedHashSet<>(form.chosenSites());
        sitesAfter.addAll(kept);
        accounts.update(target.withProfile(form.displayName().strip(), form.chosenRole(), form.habilitated()), sitesAfter);
        return Page.seeOther("/gestion/comptes?enregistre=1");
    }

    @Post("/{id}/desactivation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> deactivate(long id, CurrentStaff me) {
        Staff target = accounts.manageable(me, id);
        if (target.id() == me.id()) {
            throw new NotFoundException();
        }
        accounts.save(target.withActive(false));
        sessions.closeAllFor(target.id());
        return Page.seeOther("/gestion/comptes?enregistre=1");
    }

    @Post("/{id}/reactivation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> reactivate(long id, CurrentStaff me) {
        Staff target = accounts.manageable(me, id);
        accounts.save(target.withActive(true));
        return Page.seeOther("/gestion/comptes?enregistre=1");
    }

    @Post("/{id}/mot-de-passe-provisoire")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> resetPassword(long id, CurrentStaff me) {
        Staff target = accounts.manageable(me, id);
        if (target.id() == me.id()) {
            throw new NotFoundException();
        }
        String oneTime = hasher.oneTimePassword();
        Staff saved = accounts.save(target.withPassword(hasher.hash(oneTime), true));
        sessions.closeAllFor(saved.id());
        return oneTimePage(saved, oneTime, false);
    }

    /**
     * Shown once, straight from the POST: the one-time password is never stored in clear nor put in a URL.
     * The page is not cached (Cache-Control: no-store on every page).
     */
    private static MutableHttpResponse<?> oneTimePage(Staff account, String oneTime, boolean created) {
        return Page.of(PASSWORD_VIEW).title(created ? "accounts.created.title" : "accounts.reset.title")
                .with("account", account).with("oneTimePassword", oneTime).with("created", created).ok();
    }

    /**
     * What depends on the person editing: the role and the libraries they may give. A role that belongs to sites
     * needs one, ticked or {@code kept} (libraries the account keeps outside this person's reach).
     */
    private void checkGrant(CurrentStaff me, AccountForm form, Set<Long> kept, Forms.Errors errors) {
        if (!errors.has("role") && !accounts.grantableRoles(me).contains(form.chosenRole())) {
            errors.add("role", "error.choice");
        }
        if (errors.has("siteIds")) {
            return;
        }
        if (!allowedSiteIds(me).containsAll(form.chosenSites())) {
            errors.add("siteIds", "error.choice");
        } else if (!errors.has("role") && form.chosenRole().belongsToSites() && form.chosenSites().isEmpty()
                && kept.isEmpty()) {
            errors.add("siteIds", "error.sites.required");
        }
    }

    private Set<Long> allowedSiteIds(CurrentStaff me) {
        return sites.visibleTo(me).stream().map(Site::id).collect(Collectors.toSet());
    }

    private Page formPage(CurrentStaff me, Staff target, AccountForm form, Map<String, String> errors, Locale locale) {
        List<RoleOption> roles = accounts.grantableRoles(me).stream()
                .map(r -> new RoleOption(r.name(), messages.get(locale, "role." + r.name()))).toList();
        List<SiteChoice> siteChoices = sites.visibleTo(me).stream().map(s -> new SiteChoice(String.valueOf(s.id()),
                s.name(), form.sites().contains(String.valueOf(s.id())))).toList();
        return Page.of(FORM_VIEW).title(target == null ? "accounts.new.title" : "accounts.edit.title")
                .with("target", target).with("form", form).with("errors", errors)
                .with("roleOptions", roles).with("siteOptions", siteChoices)
                .with("self", target != null && target.id() == me.id())
                .with("habilitated", form.habilitated());
    }
}
