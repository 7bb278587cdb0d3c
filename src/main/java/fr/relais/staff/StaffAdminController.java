package fr.relais.staff;

import fr.relais.security.Role;
import fr.relais.security.CurrentStaff;
import fr.relais.security.PasswordHasher;
import fr.relais.security.StaffSessions;
import fr.relais.site.Site;
import fr.relais.site.Sites;
import fr.relais.web.Forms;
import fr.relais.web.NotFoundException;
import fr.relais.web.Page;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
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

    StaffAdminController(StaffAccounts accounts, Sites sites, PasswordHasher hasher, StaffSessions sessions, Forms forms) {
        this.accounts = accounts;
        this.sites = sites;
        this.hasher = hasher;
        this.sessions = sessions;
        this.forms = forms;
    }

    @Get
    MutableHttpResponse<?> list(Authentication authentication) {
        CurrentStaff me = CurrentStaff.of(authentication);
        Map<Long, String> siteNames = sites.all().stream().collect(Collectors.toMap(Site::id, Site::name));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Staff s : accounts.manageableBy(me)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("account", s);
            row.put("roleKey", "role." + s.role().name());
            row.put("sites", accounts.siteIds(s.id()).stream().map(siteNames::get).sorted().toList());
            row.put("self", s.id() == me.id());
            rows.add(row);
        }
        return Page.of(LIST_VIEW).title("accounts.list.title").with("accounts", rows).ok();
    }

    @Get("/nouveau")
    MutableHttpResponse<?> newForm(Authentication authentication) {
        CurrentStaff me = CurrentStaff.of(authentication);
        return formPage(me, null, AccountForm.empty(), Map.of()).ok();
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> create(@Body AccountForm form, Authentication authentication, HttpRequest<?> request) {
        CurrentStaff me = CurrentStaff.of(authentication);
        Forms.Errors errors = forms.validate(form, request);
        if (!errors.has("email") && accounts.emailTaken(form.email())) {
            errors.add("email", "error.email.taken");
        }
        Role role = role(me, form, errors);
        Set<Long> chosenSites = chosenSites(me, form, role, Set.of(), errors);
        if (!errors.isEmpty()) {
            return formPage(me, null, form, errors.asMap()).invalid();
        }
        String oneTime = hasher.oneTimePassword();
        Staff created = accounts.create(form.email(), form.displayName(), role, form.habilitated(),
                hasher.hash(oneTime), true, chosenSites);
        return oneTimePage(created, oneTime, true);
    }

    @Get("/{id}")
    MutableHttpResponse<?> editForm(long id, Authentication authentication) {
        CurrentStaff me = CurrentStaff.of(authentication);
        Staff target = accounts.manageable(me, id);
        AccountForm form = new AccountForm(target.email(), target.displayName(), target.role().name(),
                accounts.siteIds(target.id()).stream().map(String::valueOf).toList(),
                target.mandateHabilitated() ? "true" : null);
        return formPage(me, target, form, Map.of()).ok();
    }

    @Post("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> update(long id, @Body AccountForm typed, Authentication authentication, HttpRequest<?> request) {
        CurrentStaff me = CurrentStaff.of(authentication);
        Staff target = accounts.manageable(me, id);
        // The e-mail is the login: it is not changed here.
        AccountForm form = new AccountForm(target.email(), typed.displayName(),
                target.id() == me.id() ? target.role().name() : typed.role(), typed.siteIds(), typed.mandateHabilitated());
        Forms.Errors errors = forms.validate(form, request);
        Role role = role(me, form, errors);
        // Sites outside what this person manages stay as they were (a helper may also work elsewhere).
        Set<Long> allowed = allowedSites(me).stream().map(Site::id).collect(Collectors.toSet());
        Set<Long> kept = accounts.siteIds(target.id()).stream().filter(s -> !allowed.contains(s))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Set<Long> chosen = chosenSites(me, form, role, kept, errors);
        if (!errors.isEmpty()) {
            return formPage(me, target, form, errors.asMap()).invalid();
        }
        Set<Long> sitesAfter = new LinkedHashSet<>(chosen);
        sitesAfter.addAll(kept);
        accounts.update(target.withProfile(form.displayName().strip(), role, form.habilitated()), sitesAfter);
        return Page.seeOther("/gestion/comptes?enregistre=1");
    }

    @Post("/{id}/desactivation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> deactivate(long id, Authentication authentication) {
        CurrentStaff me = CurrentStaff.of(authentication);
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
    MutableHttpResponse<?> reactivate(long id, Authentication authentication) {
        Staff target = accounts.manageable(CurrentStaff.of(authentication), id);
        accounts.save(target.withActive(true));
        return Page.seeOther("/gestion/comptes?enregistre=1");
    }

    @Post("/{id}/mot-de-passe-provisoire")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> resetPassword(long id, Authentication authentication) {
        CurrentStaff me = CurrentStaff.of(authentication);
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

    private Role role(CurrentStaff me, AccountForm form, Forms.Errors errors) {
        if (errors.has("role")) {
            return null;
        }
        try {
            Role role = Role.valueOf(form.role());
            if (accounts.grantableRoles(me).contains(role)) {
                return role;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the message
        }
        errors.add("role", "error.choice");
        return null;
    }

    /** The ticked sites, each one this person may give; {@code kept}: sites the account keeps outside their reach. */
    private Set<Long> chosenSites(CurrentStaff me, AccountForm form, Role role, Set<Long> kept, Forms.Errors errors) {
        Set<Long> allowed = allowedSites(me).stream().map(Site::id).collect(Collectors.toSet());
        Set<Long> chosen = new LinkedHashSet<>();
        for (String text : form.sites()) {
            try {
                long id = Long.parseLong(text.strip());
                if (!allowed.contains(id)) {
                    errors.add("siteIds", "error.choice");
                } else {
                    chosen.add(id);
                }
            } catch (NumberFormatException e) {
                errors.add("siteIds", "error.choice");
            }
        }
        if (role != null && role.belongsToSites() && chosen.isEmpty() && kept.isEmpty()) {
            errors.add("siteIds", "error.sites.required");
        }
        return chosen;
    }

    private List<Site> allowedSites(CurrentStaff me) {
        return sites.visibleTo(me);
    }

    private Page formPage(CurrentStaff me, Staff target, AccountForm form, Map<String, String> errors) {
        List<Map<String, Object>> roleOptions = accounts.grantableRoles(me).stream()
                .map(r -> Map.<String, Object>of("value", r.name(), "labelKey", "role." + r.name())).toList();
        List<Map<String, Object>> siteOptions = allowedSites(me).stream()
                .map(s -> Map.<String, Object>of("id", s.id(), "name", s.name(),
                        "checked", form.sites().contains(String.valueOf(s.id())))).toList();
        return Page.of(FORM_VIEW).title(target == null ? "accounts.new.title" : "accounts.edit.title")
                .with("target", target).with("form", form).with("errors", errors)
                .with("roleOptions", roleOptions).with("siteOptions", siteOptions)
                .with("self", target != null && target.id() == me.id())
                .with("habilitated", form.habilitated());
    }
}
