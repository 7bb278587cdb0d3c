package fr.relais.security;

import fr.relais.appointment.Appointment;
import fr.relais.appointment.Bookings;
import fr.relais.appointment.PublicLinkFixtures;
import fr.relais.appointment.Slot;
import fr.relais.appointment.Slots;
import fr.relais.appointment.PermanenceFixtures;

import fr.relais.site.Site;
import fr.relais.site.SiteClosure;
import fr.relais.site.SiteRepository;
import fr.relais.site.Sites;
import fr.relais.security.Role;
import fr.relais.staff.Staff;
import fr.relais.staff.StaffAccounts;
import fr.relais.staff.StaffRepository;
import fr.relais.testing.OnBothDatabases;
import fr.relais.testing.TestClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.web.router.Router;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every route of the application × every kind of caller → the expected answer. Allowed: 200, 303, or 422 when
 * an invalid form is sent on purpose (the route was reached, nothing was changed). Anonymous GET: 303 to the
 * login page with the way back. Wrong role: 403. Another site's (or a not-manageable account's) id: 404, exactly
 * like an id that does not exist.
 *
 * <p>Paths use placeholders resolved at run time, never hard-coded ids: {centre} and {nord} (site ids),
 * {closureCentre} and {closureNord} (a closure created for the case), {benevoleCentre}, {aidantNord}, {admin},
 * {coordination}, {directionCentre} (account ids).
 */
@MicronautTest(environments = "demo", transactional = false)
class RouteSecurityTest extends OnBothDatabases {
    static final String UNKNOWN_ID = "999999";

    enum Caller {
        ANONYMOUS(null),
        HELPER_CENTRE("aidant.centre@relais.demo"),
        HELPER_NORD("aidant.nord@relais.demo"),
        DIRECTOR_CENTRE("direction.centre@relais.demo"),
        COORDINATION("coordination@relais.demo"),
        ADMIN("admin@relais.demo");

        final String email;

        Caller(String email) {
            this.email = email;
        }
    }

    /** An expected answer: status, and for a 303 where it leads ({@code LOGIN} = the login page with the way back). */
    record Expect(int status, String location) {
        static final String LOGIN = "<login>";

        static Expect ok() {
            return new Expect(200, null);
        }

        static Expect invalid() {
            return new Expect(422, null);
        }

        static Expect forbidden() {
            return new Expect(403, null);
        }

        static Expect notFound() {
            return new Expect(404, null);
        }

        static Expect login() {
            return new Expect(303, LOGIN);
        }

        static Expect seeOther(String location) {
            return new Expect(303, location);
        }

        @Override
        public String toString() {
            return status + (location == null ? "" : " → " + location);
        }
    }

    /** One route: method, path template, form sent on POST, and one expectation per caller. */
    record Route(String method, String path, Map<String, Object> form, boolean freshBrowser, Map<Caller, Expect> expected) {
    }

    private static final List<Route> ROUTES = new ArrayList<>();

    private static Map<String, Object> form(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    /** Expectations in the order of {@link Caller}: anonymous, helper centre, helper nord, director centre, coordination, admin. */
    private static void route(String method, String path, Map<String, Object> form, boolean freshBrowser, Expect... byCaller) {
        Map<Caller, Expect> expected = new EnumMap<>(Caller.class);
        for (Caller c : Caller.values()) {
            expected.put(c, byCaller[c.ordinal()]);
        }
        ROUTES.add(new Route(method, path, form, freshBrowser, expected));
    }

    private static void get(String path, Expect... byCaller) {
        route("GET", path, Map.of(), false, byCaller);
    }

    private static void post(String path, Map<String, Object> form, Expect... byCaller) {
        route("POST", path, form, false, byCaller);
    }

    static {
        Expect ok = Expect.ok();
        Expect invalid = Expect.invalid();
        Expect login = Expect.login();
        Expect forbidden = Expect.forbidden();
        Expect notFound = Expect.notFound();
        Expect home = Expect.seeOther("/accueil");

        // Public pages and the login page
        get("/", ok, ok, ok, ok, ok, ok);
        get("/bibliotheques/mediatheque-centre", ok, ok, ok, ok, ok, ok);
        get("/bibliotheques/bibliotheque-nord", ok, ok, ok, ok, ok, ok);
        get("/bibliotheques/n-existe-pas", notFound, notFound, notFound, notFound, notFound, notFound);
        // Public booking: no account needed, the same answers for everyone, signed in or not.
        get("/bibliotheques/mediatheque-centre/rendez-vous", ok, ok, ok, ok, ok, ok);
        get("/bibliotheques/n-existe-pas/rendez-vous", notFound, notFound, notFound, notFound, notFound, notFound);
        get("/bibliotheques/mediatheque-centre/rendez-vous/{slotCentre}", ok, ok, ok, ok, ok, ok);
        // A slot of another library edited into the address answers like a slot that does not exist.
        get("/bibliotheques/bibliotheque-nord/rendez-vous/{slotCentre}", notFound, notFound, notFound, notFound, notFound, notFound);
        post("/bibliotheques/mediatheque-centre/rendez-vous/{slotCentre}", form("firstName", "", "themeCode", "", "website", ""),
                invalid, invalid, invalid, invalid, invalid, invalid);
        post("/bibliotheques/bibliotheque-nord/rendez-vous/{slotCentre}", form("firstName", "Marie", "themeCode", "EMAIL"),
                notFound, notFound, notFound, notFound, notFound, notFound);
        // A person's own appointment: its page, slip and calendar file with the key of its links; without it, not found.
        String ownAppointment = "/rendez-vous/{publicAppointment}";
        get(ownAppointment + "?cle={publicKey}", ok, ok, ok, ok, ok, ok);
        get(ownAppointment + "/convocation.pdf?format=A4&cle={publicKey}", ok, ok, ok, ok, ok, ok);
        get(ownAppointment + "/convocation.pdf?format=TICKET&cle={publicKey}", ok, ok, ok, ok, ok, ok);
        get(ownAppointment + "/agenda.ics?cle={publicKey}", ok, ok, ok, ok, ok, ok);
        get(ownAppointment + "?cle=cle-inventee", notFound, notFound, notFound, notFound, notFound, notFound);
        get(ownAppointment + "/convocation.pdf?format=A4&cle=cle-inventee", notFound, notFound, notFound, notFound, notFound, notFound);
        get(ownAppointment + "/agenda.ics", notFound, notFound, notFound, notFound, notFound, notFound);
        get("/rendez-vous/retrouver", ok, ok, ok, ok, ok, ok);
        post("/rendez-vous/retrouver", form("code", "", "firstName", ""), invalid, invalid, invalid, invalid, invalid, invalid);
        get("/rendez-vous/annulation", ok, ok, ok, ok, ok, ok);
        get("/rendez-vous/annulation?fait=1", ok, ok, ok, ok, ok, ok);
        post("/rendez-vous/annulation", form("code", "", "firstName", ""), invalid, invalid, invalid, invalid, invalid, invalid);
        // A helper's calendar feed: a secret address, the same for whoever opens it (here Jeanne's, not a caller's).
        get("/agenda/{feedBenevoleCentre}", ok, ok, ok, ok, ok, ok);
        get("/agenda/adresse-inconnue.ics", notFound, notFound, notFound, notFound, notFound, notFound);
        get("/compte/agenda", login, ok, ok, forbidden, forbidden, forbidden);
        post("/compte/agenda", Map.of(), forbidden, ok, ok, forbidden, forbidden, forbidden);
        Expect feedRevoked = Expect.seeOther("/compte/agenda?supprime=1");
        post("/compte/agenda/suppression", Map.of(), forbidden, feedRevoked, feedRevoked, forbidden, forbidden, forbidden);
        get("/connexion", ok, home, home, home, home, home);
        // An empty login form: refused with messages, whoever sends it; no failure is counted.
        post("/connexion", form("email", "", "password", ""), invalid, invalid, invalid, invalid, invalid, invalid);
        Expect loggedOut = Expect.seeOther("/connexion?fin=deconnexion");
        route("POST", "/deconnexion", Map.of(), true, forbidden, loggedOut, loggedOut, loggedOut, loggedOut, loggedOut);
        // Logging out is a POST only: a link (GET) cannot sign anybody out.
        get("/deconnexion", notFound, notFound, notFound, notFound, notFound, notFound);
        route("GET", "/langue/en", Map.of(), true, Expect.seeOther("/"), Expect.seeOther("/"), Expect.seeOther("/"), Expect.seeOther("/"),
                Expect.seeOther("/"), Expect.seeOther("/"));
        route("GET", "/langue/fr?retour=/bibliotheques/bibliotheque-nord", Map.of(), true, Expect.seeOther("/bibliotheques/bibliotheque-nord"),
                Expect.seeOther("/bibliotheques/bibliotheque-nord"), Expect.seeOther("/bibliotheques/bibliotheque-nord"),
                Expect.seeOther("/bibliotheques/bibliotheque-nord"), Expect.seeOther("/bibliotheques/bibliotheque-nord"),
                Expect.seeOther("/bibliotheques/bibliotheque-nord"));
        get("/health", ok, ok, ok, ok, ok, ok);
        // Where the server sends a request it cannot read (fr.relais.web.MalformedRequests): the same error page for all.
        Expect badRequest = new Expect(400, null);
        get("/erreur/adresse", badRequest, badRequest, badRequest, badRequest, badRequest, badRequest);
        get("/erreur/requete", badRequest, badRequest, badRequest, badRequest, badRequest, badRequest);
        Expect tooLong = new Expect(414, null);
        get("/erreur/adresse-trop-longue", tooLong, tooLong, tooLong, tooLong, tooLong, tooLong);
        get("/health/liveness", ok, ok, ok, ok, ok, ok);
        // Micronaut Security's token introspection endpoint has no use here (sessions, no tokens): it must not exist.
        get("/token_info", notFound, notFound, notFound, notFound, notFound, notFound);
        post("/token_info", form("token", "x"), notFound, notFound, notFound, notFound, notFound, notFound);

        // Every signed-in person
        get("/accueil", login, ok, ok, ok, ok, ok);
        get("/compte/mot-de-passe", login, ok, ok, ok, ok, ok);
        post("/compte/mot-de-passe", form("currentPassword", "", "newPassword", "", "confirmation", ""),
                forbidden, invalid, invalid, invalid, invalid, invalid);

        // Sites: directors their own, coordination and administration all, helpers none
        get("/gestion/sites", login, forbidden, forbidden, ok, ok, ok);
        get("/gestion/sites/nouveau", login, forbidden, forbidden, forbidden, ok, ok);
        Map<String, Object> emptySite = form("name", "", "slug", "", "addressLine", "", "postcode", "", "town", "");
        post("/gestion/sites", emptySite, forbidden, forbidden, forbidden, forbidden, invalid, invalid);
        for (String site : new String[]{"{centre}", "{nord}"}) {
            boolean own = site.equals("{centre}");
            Expect director = own ? ok : notFound;
            Expect directorPost = own ? invalid : notFound;
            get("/gestion/sites/" + site, login, forbidden, forbidden, director, ok, ok);
            post("/gestion/sites/" + site, emptySite, forbidden, forbidden, forbidden, directorPost, invalid, invalid);
            get("/gestion/sites/" + site + "/horaires", login, forbidden, forbidden, director, ok, ok);
            post("/gestion/sites/" + site + "/horaires", form("d1r1open", "25:00", "d1r1close", "26:00"),
                    forbidden, forbidden, forbidden, directorPost, invalid, invalid);
            get("/gestion/sites/" + site + "/fermetures", login, forbidden, forbidden, director, ok, ok);
            post("/gestion/sites/" + site + "/fermetures", form("startDate", "", "endDate", "", "label", ""),
                    forbidden, forbidden, forbidden, directorPost, invalid, invalid);
            get("/gestion/sites/" + site + "/services", login, forbidden, forbidden, director, ok, ok);
            post("/gestion/sites/" + site + "/services", form("offer_WIFI", "peut-etre"),
                    forbidden, forbidden, forbidden, directorPost, invalid, invalid);
        }
        // Deleting a closure: a real one, created for each case; then one of another site through one's own site.
        Expect closuresCentre = Expect.seeOther("/gestion/sites/{centre}/fermetures?supprime=1");
        Expect closuresNord = Expect.seeOther("/gestion/sites/{nord}/fermetures?supprime=1");
        post("/gestion/sites/{centre}/fermetures/{closureCentre}/suppression", Map.of(),
                forbidden, forbidden, forbidden, closuresCentre, closuresCentre, closuresCentre);
        post("/gestion/sites/{nord}/fermetures/{closureNord}/suppression", Map.of(),
                forbidden, forbidden, forbidden, notFound, closuresNord, closuresNord);
        post("/gestion/sites/{centre}/fermetures/{closureNord}/suppression", Map.of(),
                forbidden, forbidden, forbidden, notFound, notFound, notFound);

        // Accounts: administration all; coordination all but administrators; directors the helpers of their site
        get("/gestion/comptes", login, forbidden, forbidden, ok, ok, ok);
        get("/gestion/comptes/nouveau", login, forbidden, forbidden, ok, ok, ok);
        Map<String, Object> emptyAccount = form("email", "", "displayName", "", "role", "HELPER");
        post("/gestion/comptes", emptyAccount, forbidden, forbidden, forbidden, invalid, invalid, invalid);
        Expect accounts = Expect.seeOther("/gestion/comptes?enregistre=1");
        // A helper of the centre: managed by its director, coordination and administration.
        accountRoutes("{benevoleCentre}", emptyAccount, ok, invalid, accounts, ok,
                ok, invalid, accounts, ok,
                ok, invalid, accounts, ok);
        // A helper of the other site (aidant.nord, and one created for these cases so that aidant.nord's
        // own session survives the deactivations): not the centre director's.
        get("/gestion/comptes/{aidantNord}", login, forbidden, forbidden, notFound, ok, ok);
        post("/gestion/comptes/{aidantNord}", emptyAccount, forbidden, forbidden, forbidden, notFound, invalid, invalid);
        accountRoutes("{helperNord}", emptyAccount, notFound, notFound, notFound, notFound,
                ok, invalid, accounts, ok,
                ok, invalid, accounts, ok);
        // The director of the other site: only coordination and administration.
        accountRoutes("{directionNord}", emptyAccount, notFound, notFound, notFound, notFound,
                ok, invalid, accounts, ok,
                ok, invalid, accounts, ok);
        // A director does not manage their own account here (nor any director's).
        get("/gestion/comptes/{directionCentre}", login, forbidden, forbidden, notFound, ok, ok);
        post("/gestion/comptes/{directionCentre}", emptyAccount, forbidden, forbidden, forbidden, notFound, invalid, invalid);
        // A helper's own account is not theirs to manage either.
        get("/gestion/comptes/{aidantCentre}", login, forbidden, forbidden, ok, ok, ok);
        // The administrator's own account: coordination may not touch it; the administrator may edit it,
        // but nobody deactivates or resets their own account here.
        accountRoutes("{admin}", emptyAccount, notFound, notFound, notFound, notFound,
                notFound, notFound, notFound, notFound,
                ok, invalid, notFound, notFound);

        // The desk: helpers of the site only (it shows first names, which directors and coordination never see).
        get("/bureau", login, Expect.seeOther("/bureau/{centre}/jour/{today}"), Expect.seeOther("/bureau/{nord}/jour/{today}"),
                forbidden, forbidden, forbidden);
        for (String site : new String[]{"centre", "nord"}) {
            boolean centre = site.equals("centre");
            Expect helperCentre = centre ? ok : notFound;
            Expect helperNord = centre ? notFound : ok;
            Expect postCentre = centre ? invalid : notFound;
            Expect postNord = centre ? notFound : invalid;
            String s = "{" + site + "}";
            String cap = centre ? "Centre" : "Nord";
            get("/bureau/" + s + "/jour/{today}", login, helperCentre, helperNord, forbidden, forbidden, forbidden);
            get("/bureau/" + s + "/jour/{today}/impression", login, helperCentre, helperNord, forbidden, forbidden, forbidden);
            get("/bureau/" + s + "/semaine/{today}", login, helperCentre, helperNord, forbidden, forbidden, forbidden);
            get("/bureau/" + s + "/reserver/{slot" + cap + "}", login, helperCentre, helperNord, forbidden, forbidden, forbidden);
            post("/bureau/" + s + "/reserver/{slot" + cap + "}", form("firstName", "", "themeCode", ""),
                    forbidden, postCentre, postNord, forbidden, forbidden, forbidden);
            String appointment = "/bureau/rendez-vous/{appointment" + cap + "}";
            get(appointment, login, helperCentre, helperNord, forbidden, forbidden, forbidden);
            // Honoured: the accompaniment log opens, prefilled from the appointment.
            Expect markedCentre = centre ? Expect.seeOther("/accompagnements/{centre}/rendez-vous/{appointmentCentre}") : notFound;
            Expect markedNord = centre ? notFound : Expect.seeOther("/accompagnements/{nord}/rendez-vous/{appointmentNord}");
            post(appointment + "/statut", form("status", "DONE"), forbidden, markedCentre, markedNord, forbidden, forbidden, forbidden);
            get(appointment + "/annulation", login, helperCentre, helperNord, forbidden, forbidden, forbidden);
            get(appointment + "/convocation.pdf", login, helperCentre, helperNord, forbidden, forbidden, forbidden);
            post(appointment + "/annulation", form("reason", ""), forbidden, postCentre, postNord, forbidden, forbidden, forbidden);
            get(appointment + "/deplacement", login, helperCentre, helperNord, forbidden, forbidden, forbidden);
            post(appointment + "/deplacement", form("slot", ""), forbidden, postCentre, postNord, forbidden, forbidden, forbidden);
        }

        // Permanences, booking settings and team absences: directors their own site, coordination and
        // administration all, helpers none. {permanenceCentre}, {absenceNord}… are made anew for each case.
        for (String site : new String[]{"centre", "nord"}) {
            boolean own = site.equals("centre");
            String cap = own ? "Centre" : "Nord";
            String base = "/gestion/sites/{" + site + "}";
            Expect director = own ? ok : notFound;
            Expect directorPost = own ? invalid : notFound;
            Expect saved = Expect.seeOther(base + "/permanences?enregistre=1");
            Expect deleted = Expect.seeOther(base + "/permanences?supprime=1");
            get(base + "/permanences", login, forbidden, forbidden, director, ok, ok);
            get(base + "/permanences/nouvelle", login, forbidden, forbidden, director, ok, ok);
            post(base + "/permanences", form("dayOfWeek", "", "startsAt", ""), forbidden, forbidden, forbidden, directorPost, invalid, invalid);
            post(base + "/reglages-rendez-vous", form("bookingWeeks", "0", "cancelCutoffHours", "2", "maxFutureBookings", "2"),
                    forbidden, forbidden, forbidden, directorPost, invalid, invalid);
            String permanence = base + "/permanences/{permanence" + cap + "}";
            get(permanence, login, forbidden, forbidden, director, ok, ok);
            post(permanence, form("dayOfWeek", "", "startsAt", ""), forbidden, forbidden, forbidden, directorPost, invalid, invalid);
            post(permanence + "/fin", Map.of(), forbidden, forbidden, forbidden, own ? saved : notFound, saved, saved);
            post(base + "/absences", form("staffId", "", "startDate", "", "endDate", ""), forbidden, forbidden, forbidden,
                    directorPost, invalid, invalid);
            post(base + "/absences/{absence" + cap + "}/suppression", Map.of(), forbidden, forbidden, forbidden,
                    own ? deleted : notFound, deleted, deleted);
        }
        // Another site's permanence or absence through one's own site: like one that does not exist.
        get("/gestion/sites/{centre}/permanences/{permanenceNord}", login, forbidden, forbidden, notFound, notFound, notFound);
        post("/gestion/sites/{centre}/permanences/{permanenceNord}", form("dayOfWeek", "1"), forbidden, forbidden, forbidden,
                notFound, notFound, notFound);
        post("/gestion/sites/{centre}/permanences/{permanenceNord}/fin", Map.of(), forbidden, forbidden, forbidden,
                notFound, notFound, notFound);
        post("/gestion/sites/{centre}/absences/{absenceNord}/suppression", Map.of(), forbidden, forbidden, forbidden,
                notFound, notFound, notFound);

        // Mandates: helpers and directors of the site read, search and check codes; habilitated helpers (Sami, Nour)
        // draft, print and sign; they and directors revoke. Network roles never see them: mandates hold names.
        get("/mandats", login, Expect.seeOther("/mandats/{centre}"), Expect.seeOther("/mandats/{nord}"),
                Expect.seeOther("/mandats/{centre}"), forbidden, forbidden);
        get("/mandats/{centre}", login, ok, notFound, ok, forbidden, forbidden);
        get("/mandats/{nord}?nom=martin", login, notFound, ok, notFound, forbidden, forbidden);
        get("/mandats/{centre}/verification?code=0000-0000", login, ok, notFound, ok, forbidden, forbidden);
        get("/mandats/{centre}/nouveau", login, ok, notFound, forbidden, forbidden, forbidden);
        post("/mandats/{centre}/nouveau", form("firstName", ""), forbidden, invalid, notFound, forbidden, forbidden, forbidden);
        String mandate = "/mandats/{centre}/{mandateCentre}";
        get(mandate, login, ok, notFound, ok, forbidden, forbidden);
        get(mandate + "/mandat.pdf", login, ok, notFound, forbidden, forbidden, forbidden);
        post(mandate + "/signature", Map.of(), forbidden, Expect.seeOther(mandate + "?enregistre=1"), notFound, forbidden,
                forbidden, forbidden);
        get(mandate + "/revocation", login, ok, notFound, ok, forbidden, forbidden);
        post(mandate + "/revocation", form("by", "", "reason", ""), forbidden, invalid, notFound, invalid, forbidden, forbidden);
        get("/mandats/{centre}/{mandateCentreRevoked}/revocation.pdf", login, ok, notFound, ok, forbidden, forbidden);
        // A centre mandate through the nord site: unknown, whoever asks.
        get("/mandats/{nord}/{mandateCentre}", login, notFound, notFound, notFound, forbidden, forbidden);

        // Accompaniments: helpers log at their sites, read, correct and delete their own records (the same day) and
        // print a referral's slip; directors read their sites' records (they name nobody); coordination and
        // administration see the anonymised statistics instead. {accompanimentCentre} is Sami's, {accompanimentNord}
        // Nour's, each made anew for the case.
        get("/accompagnements", login, ok, ok, ok, forbidden, forbidden);
        get("/accompagnements?periode=semaine&mode=DO_WITH&theme=EMAIL", login, ok, ok, ok, forbidden, forbidden);
        for (String site : new String[]{"centre", "nord"}) {
            boolean centre = site.equals("centre");
            String cap = centre ? "Centre" : "Nord";
            String base = "/accompagnements/{" + site + "}";
            Expect helperCentre = centre ? ok : notFound;
            Expect helperNord = centre ? notFound : ok;
            Expect postCentre = centre ? invalid : notFound;
            Expect postNord = centre ? notFound : invalid;
            Expect deleted = Expect.seeOther("/accompagnements?supprime=1");
            get(base + "/nouveau?mode=DO_WITH", login, helperCentre, helperNord, forbidden, forbidden, forbidden);
            post(base + "/nouveau", form("mode", ""), forbidden, postCentre, postNord, forbidden, forbidden, forbidden);
            String log = base + "/rendez-vous/{honoured" + cap + "}";
            get(log, login, helperCentre, helperNord, forbidden, forbidden, forbidden);
            post(log, form("mode", ""), forbidden, postCentre, postNord, forbidden, forbidden, forbidden);
            String record = base + "/{accompaniment" + cap + "}";
            get(record, login, helperCentre, helperNord, centre ? ok : notFound, forbidden, forbidden);
            get(record + "/modifier", login, helperCentre, helperNord, forbidden, forbidden, forbidden);
            post(record + "/modifier", form("mode", ""), forbidden, postCentre, postNord, forbidden, forbidden, forbidden);
            post(record + "/suppression", Map.of(), forbidden, centre ? deleted : notFound, centre ? notFound : deleted,
                    forbidden, forbidden, forbidden);
            post(base + "/{referral" + cap + "}/fiche-orientation", form("reasons", ""), forbidden, postCentre, postNord,
                    forbidden, forbidden, forbidden);
        }
        // Another helper's record of the same site: unknown to Sami (Jeanne's), readable by the director.
        get("/accompagnements/{centre}/{accompanimentBenevole}", login, notFound, notFound, ok, forbidden, forbidden);
        post("/accompagnements/{centre}/{accompanimentBenevole}/suppression", Map.of(), forbidden, notFound, notFound,
                forbidden, forbidden, forbidden);

        // A helper's own absences: helpers only; another person's absence answers 404.
        get("/compte/absences", login, ok, ok, forbidden, forbidden, forbidden);
        post("/compte/absences", form("startDate", "", "endDate", ""), forbidden, invalid, invalid, forbidden, forbidden, forbidden);
        Expect absenceDeleted = Expect.seeOther("/compte/absences?supprime=1");
        post("/compte/absences/{absenceCentre}/suppression", Map.of(), forbidden, absenceDeleted, notFound, forbidden, forbidden, forbidden);
        post("/compte/absences/{absenceNord}/suppression", Map.of(), forbidden, notFound, absenceDeleted, forbidden, forbidden, forbidden);

        // The journal: directors read their sites' entries (another site's filter is unknown), administration reads
        // everything and runs the check (page and JSON for monitoring); helpers and coordination have no access.
        get("/gestion/journal", login, forbidden, forbidden, ok, forbidden, ok);
        get("/gestion/journal?site={centre}&action=MANDATE_DRAFTED", login, forbidden, forbidden, ok, forbidden, ok);
        get("/gestion/journal?site={nord}", login, forbidden, forbidden, notFound, forbidden, ok);
        get("/gestion/journal/verification", login, forbidden, forbidden, forbidden, forbidden, ok);
        get("/gestion/journal/verification.json", login, forbidden, forbidden, forbidden, forbidden, ok);

        // Partners: every staff member searches and reads (helpers refer people) network-wide entries and their
        // libraries'; directors manage their libraries' entries, coordination and administration all of them;
        // an entry one may not manage answers 404 on its management routes. Import: coordination and administration.
        get("/partenaires", login, ok, ok, ok, ok, ok);
        get("/partenaires?q=caf&kind=CAF&theme=ADMIN_PROCEDURES&scope=FAMILY&town=Lyon&inactifs=1", login, ok, ok, ok, ok, ok);
        get("/partenaires/export.csv", login, ok, ok, ok, ok, ok);
        get("/partenaires/export.csv?kind=INCONNU&q=x", login, ok, ok, ok, ok, ok);
        get("/partenaires/nouveau", login, forbidden, forbidden, ok, ok, ok);
        post("/partenaires/nouveau", form("name", "", "kindCode", ""), forbidden, forbidden, forbidden, invalid, invalid, invalid);
        for (String entry : new String[]{"{partnerNetwork}", "{partnerCentre}", "{partnerNord}"}) {
            boolean centre = entry.equals("{partnerCentre}");
            boolean nord = entry.equals("{partnerNord}");
            String path = "/partenaires/" + entry;
            Expect managed = Expect.seeOther(path + "?enregistre=1");
            get(path, login, nord ? notFound : ok, centre ? notFound : ok, nord ? notFound : ok, ok, ok);
            get(path + "/modification", login, forbidden, forbidden, centre ? ok : notFound, ok, ok);
            post(path + "/modification", form("name", ""), forbidden, forbidden, forbidden, centre ? invalid : notFound,
                    invalid, invalid);
            post(path + "/desactivation", Map.of(), forbidden, forbidden, forbidden, centre ? managed : notFound, managed, managed);
            post(path + "/reactivation", Map.of(), forbidden, forbidden, forbidden, centre ? managed : notFound, managed, managed);
        }
        get("/partenaires/import", login, forbidden, forbidden, forbidden, ok, ok);
        post("/partenaires/import", form("file", new TestClient.FilePart("annuaire.json", "application/json",
                "pas du JSON".getBytes(StandardCharsets.UTF_8))), forbidden, forbidden, forbidden, forbidden, invalid, invalid);
        post("/partenaires/import/confirmation", TestClient.multipart(form("content", "{}")),
                forbidden, forbidden, forbidden, forbidden, invalid, invalid);
        // Workshops, public side (agenda, a session's page and registering, the person's keyed pages, finding and
        // cancelling with the code): no account needed, the same answers for everyone. {workshopSessionCentre} is a
        // public session of the centre, {workshopSessionPrivate} one for a partner's group (not on the agenda).
        get("/ateliers", ok, ok, ok, ok, ok, ok);
        get("/ateliers?theme=EMAIL&niveau=BEGINNER&bibliotheque=bibliotheque-nord", ok, ok, ok, ok, ok, ok);
        get("/ateliers?theme=INCONNU&niveau=EXPERT&bibliotheque=n-existe-pas", ok, ok, ok, ok, ok, ok);
        get("/bibliotheques/mediatheque-centre/ateliers", ok, ok, ok, ok, ok, ok);
        get("/bibliotheques/bibliotheque-nord/ateliers?theme=EMAIL", ok, ok, ok, ok, ok, ok);
        get("/bibliotheques/n-existe-pas/ateliers", notFound, notFound, notFound, notFound, notFound, notFound);
        get("/ateliers/seances/{workshopSessionCentre}", ok, ok, ok, ok, ok, ok);
        get("/ateliers/seances/{workshopSessionPrivate}", notFound, notFound, notFound, notFound, notFound, notFound);
        post("/ateliers/seances/{workshopSessionCentre}", form("firstName", "", "seats", "1", "website", ""),
                invalid, invalid, invalid, invalid, invalid, invalid);
        post("/ateliers/seances/{workshopSessionPrivate}", form("firstName", "Marie", "seats", "1", "website", ""),
                notFound, notFound, notFound, notFound, notFound, notFound);
        String ownRegistration = "/ateliers/inscriptions/{publicRegistration}";
        get(ownRegistration + "?cle={publicRegistrationKey}", ok, ok, ok, ok, ok, ok);
        get(ownRegistration + "/bulletin.pdf?format=A4&cle={publicRegistrationKey}", ok, ok, ok, ok, ok, ok);
        get(ownRegistration + "/bulletin.pdf?format=TICKET&cle={publicRegistrationKey}", ok, ok, ok, ok, ok, ok);
        get(ownRegistration + "/agenda.ics?cle={publicRegistrationKey}", ok, ok, ok, ok, ok, ok);
        get(ownRegistration + "?cle=cle-inventee", notFound, notFound, notFound, notFound, notFound, notFound);
        get(ownRegistration + "/bulletin.pdf?format=A4", notFound, notFound, notFound, notFound, notFound, notFound);
        get(ownRegistration + "/agenda.ics?cle=cle-inventee", notFound, notFound, notFound, notFound, notFound, notFound);
        get("/ateliers/inscription/retrouver", ok, ok, ok, ok, ok, ok);
        post("/ateliers/inscription/retrouver", form("code", "", "firstName", ""), invalid, invalid, invalid, invalid, invalid, invalid);
        get("/ateliers/inscription/annulation", ok, ok, ok, ok, ok, ok);
        get("/ateliers/inscription/annulation?fait=1", ok, ok, ok, ok, ok, ok);
        post("/ateliers/inscription/annulation", form("code", "", "firstName", ""), invalid, invalid, invalid, invalid, invalid, invalid);
        // The registration slip printed at the desk: helpers of the registration's library only (it shows a first
        // name, which directors and coordination never see).
        get("/bureau/ateliers/inscriptions/{workshopRegistrationCentre}/bulletin.pdf?format=A4", login, ok, notFound,
                forbidden, forbidden, forbidden);
        get("/bureau/ateliers/inscriptions/{workshopRegistrationNord}/bulletin.pdf?format=TICKET", login, notFound, ok,
                forbidden, forbidden, forbidden);

        workshopStaffRoutes();
    }

    /**
     * Workshops, staff side. The catalogue: everyone reads the network's entries and their libraries' (another
     * library's answers 404); directors manage their library's, coordination and administration all. Sessions of a
     * library: its helpers and directors; its settings: its directors. A session's page (names), desk registration,
     * promotions, attendance and the attendance sheet: the library's helpers only. {workshopCentre}, {sessionNord},
     * {registrationCentre}, {waitingCentre}, {todaySessionCentre}… are made anew for each case.
     */
    private static void workshopStaffRoutes() {
        Expect ok = Expect.ok();
        Expect invalid = Expect.invalid();
        Expect login = Expect.login();
        Expect forbidden = Expect.forbidden();
        Expect notFound = Expect.notFound();
        get("/gestion/ateliers", login, ok, ok, ok, ok, ok);
        get("/gestion/ateliers/nouveau", login, forbidden, forbidden, ok, ok, ok);
        Map<String, Object> emptyWorkshop = form("title", "", "description", "", "level", "", "durationMinutes", "", "capacity", "");
        post("/gestion/ateliers/nouveau", emptyWorkshop, forbidden, forbidden, forbidden, invalid, invalid, invalid);
        for (String entry : new String[]{"{workshopNetwork}", "{workshopCentre}", "{workshopNord}"}) {
            boolean centre = entry.equals("{workshopCentre}");
            boolean nord = entry.equals("{workshopNord}");
            String path = "/gestion/ateliers/" + entry;
            Expect managed = Expect.seeOther(path + "?enregistre=1");
            get(path, login, nord ? notFound : ok, centre ? notFound : ok, nord ? notFound : ok, ok, ok);
            get(path + "/modification", login, forbidden, forbidden, centre ? ok : notFound, ok, ok);
            post(path + "/modification", emptyWorkshop, forbidden, forbidden, forbidden, centre ? invalid : notFound, invalid, invalid);
            post(path + "/desactivation", Map.of(), forbidden, forbidden, forbidden, centre ? managed : notFound, managed, managed);
            post(path + "/reactivation", Map.of(), forbidden, forbidden, forbidden, centre ? managed : notFound, managed, managed);
        }
        for (String site : new String[]{"centre", "nord"}) {
            boolean centre = site.equals("centre");
            String cap = centre ? "Centre" : "Nord";
            Expect helperCentre = centre ? ok : notFound;
            Expect helperNord = centre ? notFound : ok;
            Expect postCentre = centre ? invalid : notFound;
            Expect postNord = centre ? notFound : invalid;
            String base = "/bureau/{" + site + "}/ateliers";
            get(base, login, helperCentre, helperNord, helperCentre, forbidden, forbidden);
            get(base + "/nouvelle", login, helperCentre, helperNord, helperCentre, forbidden, forbidden);
            post(base + "/nouvelle", form("workshopId", "", "firstDate", "", "startTime", "", "repeat", "NONE"),
                    forbidden, postCentre, postNord, postCentre, forbidden, forbidden);
            get(base + "/reglages", login, forbidden, forbidden, helperCentre, forbidden, forbidden);
            post(base + "/reglages", form("maxSeats", "9", "closingHours", "2"), forbidden, forbidden, forbidden, postCentre,
                    forbidden, forbidden);
            String session = base + "/{session" + cap + "}";
            get(session + "/modification", login, helperCentre, helperNord, helperCentre, forbidden, forbidden);
            post(session + "/modification", form("sessionDate", "", "startTime", "", "durationMinutes", "", "capacity", ""),
                    forbidden, postCentre, postNord, postCentre, forbidden, forbidden);
            get(session + "/annulation", login, helperCentre, helperNord, helperCentre, forbidden, forbidden);
            post(session + "/annulation", form("reason", ""), forbidden, postCentre, postNord, postCentre, forbidden, forbidden);

            String page = "/bureau/ateliers/seances/{session" + cap + "}";
            get(page, login, helperCentre, helperNord, forbidden, forbidden, forbidden);
            post(page + "/inscription", form("firstName", "", "seats", "1"), forbidden, postCentre, postNord, forbidden, forbidden,
                    forbidden);
            get(page + "/emargement.pdf", login, helperCentre, helperNord, forbidden, forbidden, forbidden);
            String today = "/bureau/ateliers/seances/{todaySession" + cap + "}/presences";
            get(today, login, helperCentre, helperNord, forbidden, forbidden, forbidden);
            post(today, form("walkIns", "beaucoup"), forbidden, postCentre, postNord, forbidden, forbidden, forbidden);
            String registration = "/bureau/ateliers/inscriptions/{registration" + cap + "}";
            get(registration, login, helperCentre, helperNord, forbidden, forbidden, forbidden);
            Expect cancelled = Expect.seeOther("/bureau/ateliers/seances/{registrationSession" + cap + "}?annulee=1");
            post(registration + "/annulation", Map.of(), forbidden, centre ? cancelled : notFound, centre ? notFound : cancelled,
                    forbidden, forbidden, forbidden);
            Expect promoted = Expect.seeOther("/bureau/ateliers/seances/{waitingSession" + cap + "}?promus={waiting" + cap + "}");
            post("/bureau/ateliers/inscriptions/{waiting" + cap + "}/promotion", Map.of(), forbidden,
                    centre ? promoted : notFound, centre ? notFound : promoted, forbidden, forbidden, forbidden);
        }
        // Another library's session through one's own library's address: like one that does not exist.
        get("/bureau/{centre}/ateliers/{sessionNord}/modification", login, notFound, notFound, notFound, forbidden, forbidden);
        post("/bureau/{centre}/ateliers/{sessionNord}/annulation", form("reason", "Test"), forbidden, notFound, notFound, notFound,
                forbidden, forbidden);
    }

    /**
     * The five account routes for one target account, for director, coordination and administration in turn:
     * GET edit, POST edit (invalid form), POST deactivation/reactivation, POST one-time password.
     */
    private static void accountRoutes(String target, Map<String, Object> invalidForm,
                                      Expect dGet, Expect dPost, Expect dActivation, Expect dReset,
                                      Expect cGet, Expect cPost, Expect cActivation, Expect cReset,
                                      Expect aGet, Expect aPost, Expect aActivation, Expect aReset) {
        Expect login = Expect.login();
        Expect forbidden = Expect.forbidden();
        String base = "/gestion/comptes/" + target;
        get(base, login, forbidden, forbidden, dGet, cGet, aGet);
        post(base, invalidForm, forbidden, forbidden, forbidden, dPost, cPost, aPost);
        post(base + "/desactivation", Map.of(), forbidden, forbidden, forbidden, dActivation, cActivation, aActivation);
        // Reactivating oneself is harmless (one is active to ask), but it stays a managed-account route.
        Expect aReactivation = target.equals("{admin}") ? Expect.seeOther("/gestion/comptes?enregistre=1") : aActivation;
        post(base + "/reactivation", Map.of(), forbidden, forbidden, forbidden, dActivation, cActivation, aReactivation);
        post(base + "/mot-de-passe-provisoire", Map.of(), forbidden, forbidden, forbidden, dReset, cReset, aReset);
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Route route : ROUTES) {
            for (Caller caller : Caller.values()) {
                cases.add(Arguments.of(route.method() + " " + route.path(), caller, route.expected().get(caller), route));
            }
        }
        return cases.stream();
    }

    @Inject
    EmbeddedServer server;
    @Inject
    SiteRepository siteRepository;
    @Inject
    StaffRepository staffRepository;
    @Inject
    Sites sites;
    @Inject
    StaffAccounts accounts;
    @Inject
    PasswordHasher hasher;
    @Inject
    Router router;
    @Inject
    Slots slots;
    @Inject
    Bookings bookings;
    @Inject
    PermanenceFixtures permanenceData;
    @Inject
    fr.relais.mandate.MandateFixtures mandateData;
    @Inject
    PublicLinkFixtures publicLinks;
    @Inject
    fr.relais.partner.PartnerFixtures partnerData;
    @Inject
    fr.relais.accompaniment.AccompanimentFixtures accompanimentData;
    @Inject
    fr.relais.workshop.AgendaFixtures agendaData;
    @Inject
    fr.relais.workshop.SessionFixtures workshopData;

    private final Map<Caller, TestClient> browsers = new EnumMap<>(Caller.class);

    @AfterAll
    void closeBrowsers() {
        browsers.values().forEach(TestClient::close);
    }

    /** One browser per caller, signed in once; a fresh one when the case signs out. */
    private TestClient browser(Caller caller, boolean fresh) {
        if (fresh) {
            TestClient browser = TestClient.of(server);
            if (caller.email != null) {
                browser.loginDemo(caller.email);
            }
            return browser;
        }
        return browsers.computeIfAbsent(caller, c -> browser(c, true));
    }

    private Site site(String slug) {
        return siteRepository.findBySlug(slug).orElseThrow();
    }

    private long staffId(String email) {
        return staffRepository.findByEmail(email).map(Staff::id).orElseThrow();
    }

    private String resolve(String template, Map<String, String> ids) {
        Matcher m = Pattern.compile("\\{(\\w+)}").matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String id = ids.computeIfAbsent(m.group(1), this::idOf);
            m.appendReplacement(out, id);
        }
        m.appendTail(out);
        return out.toString();
    }

    private String idOf(String placeholder) {
        switch (placeholder) {
            case "today" -> {
                return sites.today(site("mediatheque-centre")).toString();
            }
            case "slotCentre", "slotNord" -> {
                return freeSlot(placeholder.equals("slotCentre") ? "mediatheque-centre" : "bibliotheque-nord").key();
            }
            case "appointmentCentre", "appointmentNord" -> {
                Appointment booked = newAppointment(placeholder.equals("appointmentCentre") ? "mediatheque-centre" : "bibliotheque-nord");
                lastAppointmentDate.put(placeholder.replace("appointment", "appointmentDate"), booked.slotDate().toString());
                return String.valueOf(booked.id());
            }
            case "publicAppointment" -> {
                return String.valueOf(publicAppointment().id());
            }
            case "publicKey" -> {
                return publicLinks.key(publicAppointment().id());
            }
            case "feedBenevoleCentre" -> {
                return publicLinks.newHelperFeed(staffId("benevole.centre@relais.demo"));
            }
            case "appointmentDateCentre", "appointmentDateNord" -> {
                return lastAppointmentDate.get(placeholder);
            }
            case "workshopSessionCentre", "workshopSessionPrivate", "publicRegistration", "publicRegistrationKey",
                 "workshopRegistrationCentre", "workshopRegistrationNord" -> {
                return workshopPublic(placeholder);
            }
            case "registrationSessionCentre", "registrationSessionNord", "waitingSessionCentre", "waitingSessionNord" -> {
                return lastWorkshopSession.get(placeholder);
            }
            default -> {
                // ids below
            }
        }
        long id = switch (placeholder) {
            case "centre" -> site("mediatheque-centre").id();
            case "nord" -> site("bibliotheque-nord").id();
            case "closureCentre" -> newClosure(site("mediatheque-centre"));
            case "closureNord" -> newClosure(site("bibliotheque-nord"));
            case "benevoleCentre" -> staffId("benevole.centre@relais.demo");
            case "aidantNord" -> staffId("aidant.nord@relais.demo");
            case "directionCentre" -> staffId("direction.centre@relais.demo");
            case "aidantCentre" -> staffId("aidant.centre@relais.demo");
            case "helperNord" -> extraAccount("aidant2.nord@relais.test", Role.HELPER, "bibliotheque-nord");
            case "directionNord" -> extraAccount("direction.nord@relais.test", Role.DIRECTOR, "bibliotheque-nord");
            case "admin" -> staffId("admin@relais.demo");
            case "coordination" -> staffId("coordination@relais.demo");
            case "permanenceCentre" -> permanenceData.permanence(site("mediatheque-centre"), staffId("aidant.centre@relais.demo"));
            case "permanenceNord" -> permanenceData.permanence(site("bibliotheque-nord"), staffId("aidant.nord@relais.demo"));
            case "absenceCentre" -> permanenceData.absence(staffId("aidant.centre@relais.demo"));
            case "absenceNord" -> permanenceData.absence(staffId("aidant.nord@relais.demo"));
            case "mandateCentre" -> mandateData.draft(site("mediatheque-centre").id(), staffId("aidant.centre@relais.demo"),
                    "Marie", "Martin", 31, "FAMILY");
            case "mandateCentreRevoked" -> mandateData.revoked(site("mediatheque-centre").id(),
                    staffId("aidant.centre@relais.demo"), "Marie", "Martin", "FAMILY");
            case "honouredCentre" -> accompanimentData.honouredAppointment(site("mediatheque-centre"), "EMAIL", null).id();
            case "honouredNord" -> accompanimentData.honouredAppointment(site("bibliotheque-nord"), "EMAIL", null).id();
            case "accompanimentCentre" -> accompanimentData.record(site("mediatheque-centre"), staffId("aidant.centre@relais.demo"));
            case "accompanimentNord" -> accompanimentData.record(site("bibliotheque-nord"), staffId("aidant.nord@relais.demo"));
            case "accompanimentBenevole" -> accompanimentData.record(site("mediatheque-centre"), staffId("benevole.centre@relais.demo"));
            case "referralCentre" -> accompanimentData.referral(site("mediatheque-centre"), staffId("aidant.centre@relais.demo"));
            case "referralNord" -> accompanimentData.referral(site("bibliotheque-nord"), staffId("aidant.nord@relais.demo"));
            case "partnerNetwork" -> partnerData.entry("Partenaire du réseau (test)", null).id();
            case "partnerCentre" -> partnerData.entry("Partenaire du Centre (test)", "mediatheque-centre").id();
            case "partnerNord" -> partnerData.entry("Partenaire du Nord (test)", "bibliotheque-nord").id();
            case "workshopNetwork" -> workshopData.workshop("Atelier du réseau (test)", null).id();
            case "workshopCentre" -> workshopData.workshop("Atelier du Centre (test)", "mediatheque-centre").id();
            case "workshopNord" -> workshopData.workshop("Atelier du Nord (test)", "bibliotheque-nord").id();
            case "sessionCentre", "sessionNord" -> workshopData.comingSession(workshopSite(placeholder), 4).id();
            case "todaySessionCentre", "todaySessionNord" -> workshopData.todaySession(workshopSite(placeholder), 4).id();
            case "registrationCentre", "registrationNord" -> {
                fr.relais.workshop.WorkshopSession s = workshopData.comingSession(workshopSite(placeholder), 4);
                lastWorkshopSession.put(placeholder.replace("registration", "registrationSession"), String.valueOf(s.id()));
                yield workshopData.register(s, "Test", 1).id();
            }
            case "waitingCentre", "waitingNord" -> {
                fr.relais.workshop.WorkshopSession s = workshopData.comingSession(workshopSite(placeholder), 4);
                lastWorkshopSession.put(placeholder.replace("waiting", "waitingSession"), String.valueOf(s.id()));
                yield workshopData.waiting(s, "Test", 1).id();
            }
            default -> throw new IllegalArgumentException(placeholder);
        };
        return String.valueOf(id);
    }

    private final Map<String, String> lastAppointmentDate = new HashMap<>();
    /** The session of the last registration made for a case ({registrationSessionCentre}…), for the way back. */
    private final Map<String, String> lastWorkshopSession = new HashMap<>();

    private static String workshopSite(String placeholder) {
        return placeholder.endsWith("Centre") ? "mediatheque-centre" : "bibliotheque-nord";
    }
    private Appointment publicAppointment;

    /** One appointment booked for the public routes: every caller opens its links, none changes it. */
    private Appointment publicAppointment() {
        if (publicAppointment == null) {
            publicAppointment = newAppointment("mediatheque-centre");
        }
        return publicAppointment;
    }

    // Workshops, public side: one public session and one registration that every caller opens; a private session;
    // a registration made anew at each library for the desk slip.
    private fr.relais.workshop.WorkshopSession workshopSession;
    private fr.relais.workshop.Registration publicRegistration;

    private String workshopPublic(String placeholder) {
        Site centre = site("mediatheque-centre");
        if (workshopSession == null) {
            workshopSession = agendaData.publicSession(centre, 50);
            publicRegistration = agendaData.register(workshopSession, "Test", 1);
        }
        return switch (placeholder) {
            case "workshopSessionCentre" -> String.valueOf(workshopSession.id());
            case "workshopSessionPrivate" -> String.valueOf(agendaData.session(centre, agendaData.workshopOf(workshopSession),
                    sites.today(centre).plusDays(8), java.time.LocalTime.of(14, 0), 8, false).id());
            case "publicRegistration" -> String.valueOf(publicRegistration.id());
            case "publicRegistrationKey" -> agendaData.key(publicRegistration.id());
            case "workshopRegistrationCentre" -> String.valueOf(agendaData.register(workshopSession, "Test", 1).id());
            case "workshopRegistrationNord" -> String.valueOf(agendaData.register(
                    agendaData.publicSession(site("bibliotheque-nord"), 8), "Test", 1).id());
            default -> throw new IllegalArgumentException(placeholder);
        };
    }

    private Slot freeSlot(String slug) {
        Site site = site(slug);
        java.time.LocalDate from = sites.today(site).plusDays(1);
        // Each case books its own appointment: look far enough ahead for the smaller site's few seats.
        return slots.between(site, from, from.plusDays(90)).stream().filter(s -> s.free() > 0).findFirst().orElseThrow();
    }

    private Appointment newAppointment(String slug) {
        Site site = site(slug);
        Slot slot = freeSlot(slug);
        return bookings.book(site, Slot.parse(slot.key()).orElseThrow(),
                new Bookings.Request("Test", null, null, "EMAIL", null, null), null);
    }

    /** An account of the other site that no caller uses, so deactivating it ends nobody's session here. */
    private long extraAccount(String email, Role role, String siteSlug) {
        return staffRepository.findByEmail(email).map(Staff::id).orElseGet(() -> accounts.create(email, "Compte de test",
                role, false, hasher.hash("un-mot-de-passe-de-test"), false, Set.of(site(siteSlug).id())).id());
    }

    private long newClosure(Site site) {
        java.time.LocalDate day = sites.today(site).plusDays(60);
        return sites.addClosure(new SiteClosure(null, site.id(), day, day, "Fermeture de test")).id();
    }

    private TestClient.Answer send(TestClient browser, String method, String path, Map<String, Object> form) {
        return method.equals("GET") ? browser.get(path) : browser.post(path, form);
    }

    @ParameterizedTest(name = "{0} as {1} → {2}")
    @MethodSource("cases")
    void everyRouteHasAnExplicitRuleForEveryCaller(String label, Caller caller, Expect expected, Route route) {
        Map<String, String> ids = new HashMap<>();
        String path = resolve(route.path(), ids);
        TestClient browser = browser(caller, route.freshBrowser());
        try {
            TestClient.Answer answer = send(browser, route.method(), path, route.form());
            assertEquals(expected.status(), answer.status(), () -> label + " as " + caller + ": " + answer.h1());
            if (expected.status() == 303) {
                String location = Expect.LOGIN.equals(expected.location())
                        ? "/connexion?retour=" + URLEncoder.encode(path, StandardCharsets.UTF_8)
                        : resolve(expected.location(), ids);
                assertEquals(location, answer.location(), label + " as " + caller);
            }
            if (expected.status() == 403) {
                assertEquals("fr", answer.html().selectFirst("html").attr("lang"));
                String h1 = answer.h1();
                assertTrue("Accès refusé".equals(h1) || "Le formulaire n’a pas pu être envoyé".equals(h1), h1);
            }
            if (expected.status() == 404) {
                assertEquals("Page introuvable", answer.h1());
                // Another site's (or account's) id answers exactly like an id that does not exist.
                String unknownPath = unknownVariant(route.path(), ids);
                if (!unknownPath.equals(path)) {
                    TestClient.Answer unknown = send(browser, route.method(), unknownPath, route.form());
                    assertEquals(404, unknown.status(), unknownPath);
                    assertEquals(mainText(unknown.html()), mainText(answer.html()), label + " vs " + unknownPath);
                    assertEquals(unknown.html().title(), answer.html().title());
                }
            }
            if (expected.status() == 422) {
                assertFalse(answer.html().select(".error-summary, .field-error").isEmpty(),
                        "an invalid form comes back with messages: " + label);
            }
        } finally {
            if (route.freshBrowser()) {
                browser.close();
            }
        }
    }

    /** The same route with every id this caller may not reach replaced by an id that does not exist. */
    private static String unknownVariant(String template, Map<String, String> ids) {
        String path = template;
        for (Map.Entry<String, String> e : ids.entrySet()) {
            path = path.replace("{" + e.getKey() + "}", e.getKey().equals("centre") ? e.getValue() : UNKNOWN_ID);
        }
        return path;
    }

    private static String mainText(Document html) {
        return html.selectFirst("main").text();
    }

    @Test
    void everyRouteOfTheApplicationIsInTheTable() {
        // The routes the running application declares (controllers and the health endpoint), as "METHOD /path".
        // HEAD routes mirror the GET ones (same rules), so they are left out.
        List<String> declared = router.uriRoutes()
                .filter(r -> !r.getHttpMethodName().equals("HEAD"))
                .map(r -> r.getHttpMethodName() + " " + r.getUriMatchTemplate().toString())
                .distinct().sorted().toList();
        assertTrue(declared.contains("GET /gestion/sites/{id}"), declared.toString());
        List<String> inTable = ROUTES.stream().map(r -> r.method() + " " + r.path()
                .replaceAll("\\?.*", "")
                .replaceAll("/bibliotheques/[^/]+", "/bibliotheques/{slug}")
                .replaceAll("/langue/[^/]+", "/langue/{code}")
                .replaceAll("/health/[^/]+", "/health/{selector}")
                .replaceAll("/fermetures/\\{\\w+}", "/fermetures/{closureId}")
                .replaceAll("/(sites|comptes)/\\{\\w+}", "/$1/{id}")
                .replaceAll("/bureau/\\{(centre|nord)}", "/bureau/{siteId}")
                .replaceAll("/(jour|semaine)/\\{today}", "/$1/{date}")
                .replaceAll("/reserver/\\{\\w+}", "/reserver/{slot}")
                .replaceAll("/permanences/\\{\\w+}", "/permanences/{permanenceId}")
                .replaceAll("/absences/\\{\\w+}", "/absences/{absenceId}")
                .replaceAll("/rendez-vous/\\{\\w+}", "/rendez-vous/{id}")
                .replaceAll("/partenaires/\\{\\w+}", "/partenaires/{id}")
                .replaceAll("^/mandats/\\{(centre|nord)}", "/mandats/{siteId}")
                .replaceAll("^/mandats/\\{siteId}/\\{mandate\\w+}", "/mandats/{siteId}/{mandateId}")
                .replaceAll("^/accompagnements/\\{(centre|nord)}", "/accompagnements/{siteId}")
                .replaceAll("^/accompagnements/\\{siteId}/\\{(accompaniment|referral)\\w+}", "/accompagnements/{siteId}/{id}")
                .replaceAll("^/bibliotheques/\\{slug}/rendez-vous/\\{id}$", "/bibliotheques/{slug}/rendez-vous/{slot}")
                .replaceAll("^/agenda/[^/]+$", "/agenda/{file}")
                .replaceAll("^/ateliers/(seances|inscriptions)/\\{\\w+}", "/ateliers/$1/{id}")
                // Workshops, staff side
                .replaceAll("^/gestion/ateliers/\\{workshop\\w+}", "/gestion/ateliers/{id}")
                .replaceAll("^/bureau/\\{siteId}/ateliers/\\{session\\w+}", "/bureau/{siteId}/ateliers/{sessionId}")
                .replaceAll("^/bureau/ateliers/(seances|inscriptions)/\\{\\w+}", "/bureau/ateliers/$1/{id}")).distinct().toList();
        List<String> missing = declared.stream().filter(route -> !inTable.contains(route)).toList();
        assertEquals(List.of(), missing, "routes without a rule in the table");
        for (Route route : ROUTES) {
            assertEquals(Caller.values().length, route.expected().size());
            route.expected().values().forEach(e -> assertNotNull(e, route.path()));
        }
    }

    @Test
    void unknownIdAnswersTheFrenchNotFoundPage() {
        TestClient browser = browser(Caller.ADMIN, false);
        for (String path : List.of("/gestion/sites/999999", "/gestion/sites/999999/horaires",
                "/gestion/sites/999999/fermetures", "/gestion/sites/999999/services", "/gestion/comptes/999999")) {
            TestClient.Answer answer = browser.get(path);
            assertEquals(404, answer.status(), path);
            assertEquals("Page introuvable", answer.h1(), path);
            assertEquals("fr", answer.html().selectFirst("html").attr("lang"));
            assertTrue(answer.body().contains("Cette page n’existe pas ou n’existe plus."), path);
            assertTrue(answer.body().contains("Code d’erreur : 404"), path);
        }
    }

    @Test
    void nonNumericIdIsANotFoundPageNotAServerError() {
        TestClient browser = browser(Caller.COORDINATION, false);
        for (String path : List.of("/gestion/sites/abc", "/gestion/sites/abc/horaires", "/gestion/comptes/abc",
                "/gestion/sites/12abc/services", "/gestion/sites/99999999999999999999999")) {
            TestClient.Answer answer = browser.get(path);
            assertEquals(404, answer.status(), path);
            assertEquals("Page introuvable", answer.h1(), path);
        }
        TestClient.Answer post = browser.post("/gestion/sites/abc", Map.of("name", "x"));
        assertEquals(404, post.status());
        TestClient.Answer closure = browser.post("/gestion/sites/" + site("mediatheque-centre").id()
                + "/fermetures/abc/suppression", Map.of());
        assertEquals(404, closure.status());
    }

    /** Sends a form the way a slow connection does: the headers, a pause, then the body. Returns the status. */
    private int slowPost(String path, TestClient browser, String body) throws Exception {
        return slowPost(path, browser, body, "application/x-www-form-urlencoded");
    }

    private int slowPost(String path, TestClient browser, String body, String contentType) throws Exception {
        String cookies = "relais_session=" + browser.cookie("relais_session").orElseThrow()
                + "; relais_csrf=" + browser.csrfToken();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (java.net.Socket socket = new java.net.Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(20_000);
            java.io.OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: " + contentType + "\r\nContent-Length: " + bytes.length + "\r\n"
                    + "Cookie: " + cookies + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(150);
            out.write(bytes);
            out.flush();
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    @Test
    void aFormWhoseBodyArrivesAfterItsHeadersIsHandledLikeAnyOther() throws Exception {
        // Slow networks and long texts send the body after the headers; the CSRF check must still work (no 500).
        TestClient browser = browser(Caller.DIRECTOR_CENTRE, false);
        Site centre = site("mediatheque-centre");
        String token = "csrfToken=" + URLEncoder.encode(browser.csrfToken(), StandardCharsets.UTF_8);
        java.time.LocalDate day = sites.today(centre).plusDays(90);
        String closure = "startDate=" + day + "&endDate=" + day + "&label=Fermeture+envoy%C3%A9e+lentement&";

        assertEquals(303, slowPost("/gestion/sites/" + centre.id() + "/fermetures", browser, closure + token));
        assertTrue(sites.allClosures(centre).stream().anyMatch(c -> c.label().equals("Fermeture envoyée lentement")));
        assertEquals(422, slowPost("/gestion/sites/" + centre.id() + "/fermetures", browser, "label=&" + token));
        String other = "startDate=" + day + "&endDate=" + day + "&label=Avec+jeu+de+caract%C3%A8res&";
        assertEquals(303, slowPost("/gestion/sites/" + centre.id() + "/fermetures", browser, other + token,
                "application/x-www-form-urlencoded; charset=UTF-8"));
        assertTrue(sites.allClosures(centre).stream().anyMatch(c -> c.label().equals("Avec jeu de caractères")));
        assertEquals(404, slowPost("/gestion/sites/999999/fermetures", browser, closure + token));
        assertEquals(404, slowPost("/gestion/sites/" + site("bibliotheque-nord").id() + "/fermetures", browser, closure + token));
        // Without the token, or with a forged one, it is still refused.
        assertEquals(403, slowPost("/gestion/sites/" + centre.id() + "/fermetures", browser, closure + "csrfToken=forged"));
        assertEquals(403, slowPost("/gestion/sites/" + centre.id() + "/fermetures", browser, closure));
        assertEquals(1, sites.allClosures(centre).stream().filter(c -> c.label().equals("Fermeture envoyée lentement")).count());
    }

    @Test
    void postWithoutCsrfTokenFromASignedInDirectorIsRefusedAndChangesNothing() {
        TestClient browser = browser(Caller.DIRECTOR_CENTRE, false);
        Site before = site("mediatheque-centre");
        Map<String, Object> changed = form("name", "Nom changé sans jeton", "slug", before.slug(),
                "addressLine", before.addressLine(), "postcode", before.postcode(), "town", before.town());
        TestClient.Answer answer = browser.postRaw("/gestion/sites/" + before.id(), changed);
        assertEquals(403, answer.status());
        assertEquals("Le formulaire n’a pas pu être envoyé", answer.h1());
        assertEquals(before.name(), site("mediatheque-centre").name(), "the site was not changed");

        long benevole = staffId("benevole.centre@relais.demo");
        assertEquals(403, browser.postRaw("/gestion/comptes/" + benevole + "/desactivation", Map.of()).status());
        assertTrue(staffRepository.findById(benevole).orElseThrow().active(), "the account was not deactivated");

        // The same change with the browser's token goes through: the refusal was the missing token.
        assertEquals(303, browser.post("/gestion/sites/" + before.id(), changed).status());
        assertEquals("Nom changé sans jeton", site("mediatheque-centre").name());
        siteRepository.update(before);
    }
}
