package fr.relais.demo;

import fr.relais.appointment.Permanences;
import fr.relais.partner.PartnerImport;
import fr.relais.security.PasswordHasher;
import fr.relais.security.Role;
import fr.relais.site.LibraryService;
import fr.relais.site.OpeningHours;
import fr.relais.site.Site;
import fr.relais.site.SiteClosure;
import fr.relais.site.SiteOffer;
import fr.relais.site.Sites;
import fr.relais.staff.Staff;
import fr.relais.staff.StaffAccounts;
import fr.relais.staff.StaffDirectory;
import fr.relais.workshop.Registrations;
import fr.relais.workshop.Workshop;
import fr.relais.workshop.WorkshopLevel;
import fr.relais.workshop.WorkshopSession;
import fr.relais.workshop.WorkshopSessions;
import fr.relais.workshop.Workshops;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Demo sites and accounts, created on the first start of the default ("demo") environment and never in
 * production. All demo accounts share the password {@value #PASSWORD}.
 */
@Singleton
@Requires(env = "demo")
@Requires(notEnv = "prod")
public class DemoData {
    public static final String PASSWORD = "demo-relais-2026";
    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    private final Sites sites;
    private final StaffAccounts accounts;
    private final StaffDirectory staff;
    private final PasswordHasher hasher;
    private final Permanences permanences;
    private final PartnerImport partnerImport;
    private final Workshops workshops;
    private final WorkshopSessions workshopSessions;
    private final Registrations registrations;
    private final Clock clock;

    DemoData(Sites sites, StaffAccounts accounts, StaffDirectory staff, PasswordHasher hasher, Permanences permanences,
             PartnerImport partnerImport, Workshops workshops, WorkshopSessions workshopSessions,
             Registrations registrations, Clock clock) {
        this.sites = sites;
        this.accounts = accounts;
        this.staff = staff;
        this.hasher = hasher;
        this.permanences = permanences;
        this.partnerImport = partnerImport;
        this.workshops = workshops;
        this.workshopSessions = workshopSessions;
        this.registrations = registrations;
        this.clock = clock;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (sites.bySlug("mediatheque-centre").isEmpty()) {
            firstStart();
        }
        Site centre = sites.bySlug("mediatheque-centre").orElseThrow();
        Site nord = sites.bySlug("bibliotheque-nord").orElse(null);
        // Workshops came after the first demo databases: those get them on their next start, once.
        if (nord != null && workshops.schedulableAt(centre.id()).isEmpty()) {
            LOG.info("Creating demo workshops and sessions");
            workshops(centre, nord);
        }
    }

    private void firstStart() {
        LOG.info("First start: creating demo sites and accounts");
        Site centre = sites.create(new Site(null, "mediatheque-centre", "Médiathèque du Centre", "12 place de la République",
                "69001", "Lyon", "04 72 00 00 01", "mediatheque.centre@relais.demo",
                "Arrêt de tram « République », entrée principale face à la fontaine. Espace numérique au 1er étage.",
                "Entrée de plain-pied, ascenseur, boucle magnétique à l'accueil, poste adapté (grand écran, clavier gros caractères).",
                Sites.DEFAULT_ZONE, clock.instant()));
        Site nord = sites.create(new Site(null, "bibliotheque-nord", "Bibliothèque Nord", "5 rue des Tilleuls",
                "69009", "Lyon", "04 72 00 00 02", null,
                "Bus 31, arrêt « Tilleuls ». La bibliothèque est au rez-de-chaussée de la maison de quartier.",
                "Entrée de plain-pied ; toilettes accessibles.", Sites.DEFAULT_ZONE, clock.instant()));

        sites.replaceHours(centre, week(centre, new int[]{2, 3, 4, 5, 6},
                LocalTime.of(10, 0), LocalTime.of(12, 30), LocalTime.of(13, 30), LocalTime.of(18, 0)));
        sites.replaceHours(nord, week(nord, new int[]{2, 4, 6},
                LocalTime.of(9, 30), LocalTime.of(12, 0), LocalTime.of(14, 0), LocalTime.of(17, 30)));
        LocalDate today = sites.today(centre);
        sites.addClosure(new SiteClosure(null, centre.id(), today.plusDays(20), today.plusDays(27), "Inventaire annuel"));
        sites.addClosure(new SiteClosure(null, nord.id(), today.plusDays(35), today.plusDays(35), "Formation de l'équipe"));

        sites.replaceOffer(centre, List.of(
                offer(centre, LibraryService.FREE_COMPUTERS, true, "12 postes, sur présentation de la carte de lecteur"),
                offer(centre, LibraryService.WIFI, true, null),
                offer(centre, LibraryService.PRINT_SCAN, true, "Impression 0,10 € la page"),
                offer(centre, LibraryService.INDIVIDUAL_APPOINTMENTS, true, "30 minutes, sur rendez-vous"),
                offer(centre, LibraryService.WORKSHOPS, true, null),
                offer(centre, LibraryService.PROCEDURE_HELP, true, null),
                offer(centre, LibraryService.MANDATE_PROCEDURES, true, "Avec un mandat écrit"),
                offer(centre, LibraryService.EQUIPMENT_LOAN, false, null),
                offer(centre, LibraryService.ADAPTED_WORKSTATION, true, "Grand écran et clavier gros caractères")));
        sites.replaceOffer(nord, List.of(
                offer(nord, LibraryService.FREE_COMPUTERS, true, "4 postes"),
                offer(nord, LibraryService.WIFI, true, null),
                offer(nord, LibraryService.PRINT_SCAN, false, null),
                offer(nord, LibraryService.INDIVIDUAL_APPOINTMENTS, true, "Le mardi après-midi"),
                offer(nord, LibraryService.WORKSHOPS, false, null),
                offer(nord, LibraryService.PROCEDURE_HELP, true, null),
                offer(nord, LibraryService.MANDATE_PROCEDURES, false, null),
                offer(nord, LibraryService.EQUIPMENT_LOAN, true, "Tablettes, prêt d'un mois"),
                offer(nord, LibraryService.ADAPTED_WORKSTATION, false, null)));

        String hash = hasher.hash(PASSWORD);
        account("admin@relais.demo", "Alex (administration)", Role.ADMIN, false, hash, Set.of());
        account("coordination@relais.demo", "Camille (coordination)", Role.COORDINATOR, false, hash, Set.of());
        account("direction.centre@relais.demo", "Dominique", Role.DIRECTOR, false, hash, Set.of(centre.id()));
        long sami = account("aidant.centre@relais.demo", "Sami", Role.HELPER, true, hash, Set.of(centre.id()));
        long jeanne = account("benevole.centre@relais.demo", "Jeanne", Role.HELPER, false, hash, Set.of(centre.id()));
        long nour = account("aidant.nord@relais.demo", "Nour", Role.HELPER, true, hash, Set.of(nord.id()));

        // Appointment hours, so that a fresh start shows free slots at both sites.
        LocalDate since = today.minusDays(30);
        permanences.create(centre, 2, LocalTime.of(14, 0), LocalTime.of(17, 0), 30, since, null, List.of(sami, jeanne));
        permanences.create(centre, 4, LocalTime.of(10, 0), LocalTime.of(12, 0), 30, since, null, List.of(sami));
        permanences.create(centre, 6, LocalTime.of(10, 0), LocalTime.of(12, 0), 30, since, null, List.of(jeanne));
        permanences.create(nord, 2, LocalTime.of(14, 0), LocalTime.of(17, 0), 30, since, null, List.of(nour));
        permanences.create(nord, 6, LocalTime.of(10, 0), LocalTime.of(11, 30), 30, since, null, List.of(nour));

        // The network's partner directory: the fictitious sample of reference/ (data·inclusion shape), imported.
        try (InputStream sample = DemoData.class.getResourceAsStream("/reference/partners-sample.json")) {
            partnerImport.importNetworkWide(new String(sample.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException | PartnerImport.UnreadableFile e) {
            throw new IllegalStateException("Demo partner directory not imported", e);
        }
    }

    /**
     * The catalogue (three network-wide workshops from coordination, one of each library's own) and sessions in the
     * coming weeks, on open days away from closures, so that every state shows: at each library a full session with
     * two people on the waiting list, one with places left, one for a partner's group (not on the public agenda),
     * and at the Centre a cancelled one. People are registered through {@link Registrations}, as at the desk and on
     * the agenda: seat counters and places in line are the real ones. First names and initials only, all invented.
     */
    private void workshops(Site centre, Site nord) {
        Workshop mail = workshops.create(null, new Workshops.Entry("Bien démarrer avec sa boîte mail",
                "Créer une adresse, lire un message, répondre et envoyer une pièce jointe.", WorkshopLevel.BEGINNER,
                List.of("EMAIL"), "Votre téléphone portable, si vous en avez un", "Savoir utiliser une souris", 90, 8));
        Workshop photos = workshops.create(null, new Workshops.Entry("Sauvegarder les photos de son téléphone",
                "Copier les photos du téléphone sur une clé ou dans un espace en ligne, pour ne pas les perdre.",
                WorkshopLevel.INTERMEDIATE, List.of("DIGITAL_CONTENT", "EQUIPMENT_BASICS"), "Votre téléphone et son câble",
                "Savoir allumer son téléphone et ouvrir ses photos", 120, 6));
        Workshop procedures = workshops.create(null, new Workshops.Entry("Mes démarches en ligne pas à pas",
                "Se repérer sur les sites des services publics, créer un compte et garder ses mots de passe.",
                WorkshopLevel.BEGINNER, List.of("ADMIN_PROCEDURES", "SECURITY"), "Une adresse e-mail que vous savez ouvrir",
                "Savoir utiliser une souris", 90, 6));
        Workshop tablet = workshops.create(centre.id(), new Workshops.Entry("Premiers pas avec une tablette",
                "Allumer, toucher, faire glisser : les gestes de base et les réglages utiles.", WorkshopLevel.BEGINNER,
                List.of("EQUIPMENT_BASICS"), "Votre tablette, si vous en avez une (sinon, on vous en prête une)", null, 90, 8));
        Workshop cv = workshops.create(nord.id(), new Workshops.Entry("Écrire son CV sur ordinateur",
                "Mettre son parcours en page avec un traitement de texte et l’enregistrer en PDF.", WorkshopLevel.INTERMEDIATE,
                List.of("EMPLOYMENT", "OFFICE"), "Votre ancien CV sur papier ou sur une clé", "Savoir taper un texte au clavier",
                120, 6));
        long sami = staff.byEmail("aidant.centre@relais.demo").map(Staff::id).orElseThrow();
        long jeanne = staff.byEmail("benevole.centre@relais.demo").map(Staff::id).orElseThrow();
        long nour = staff.byEmail("aidant.nord@relais.demo").map(Staff::id).orElseThrow();

        // Médiathèque du Centre (open Tuesday to Saturday).
        WorkshopSession full = once(centre, procedures, DayOfWeek.WEDNESDAY, LocalTime.of(14, 0), 6, "Espace numérique",
                List.of(sami), true);
        register(full, sami, "Awa", 2, "Bernard", 1, "C. L.", 2, "Chantal", 1, "Driss", 1, "É. M.", 2);
        WorkshopSession places = once(centre, tablet, DayOfWeek.FRIDAY, LocalTime.of(10, 0), 8, "Espace numérique",
                List.of(jeanne), true);
        register(places, null, "Fabienne", 1, "Gaston", 2);
        WorkshopSession group = once(centre, photos, DayOfWeek.THURSDAY, LocalTime.of(14, 0), 8, "Salle du conseil",
                List.of(sami), false);
        register(group, sami, "Lucien", 1, "M. R.", 1, "Nadia", 1);
        WorkshopSession cancelled = once(centre, procedures, openDay(centre, full.sessionDate().plusDays(1), DayOfWeek.WEDNESDAY),
                LocalTime.of(14, 0), 6, "Espace numérique", List.of(sami), true);
        workshopSessions.cancel(cancelled.id(), "Animateur absent ce jour-là");

        // Bibliothèque Nord (open Tuesday, Thursday and Saturday): a series of three Saturdays, the first one full.
        LocalDate saturday = openDay(nord, sites.today(nord).plusDays(2), DayOfWeek.SATURDAY);
        WorkshopSession firstOfSeries = workshopSessions.create(nord, new WorkshopSessions.Schedule(photos.id(), saturday,
                LocalTime.of(10, 0), 120, 6, "Salle d’animation", List.of(nour), true, 1, 3)).get(0);
        register(firstOfSeries, nour, "Fatou", 2, "Gérard", 2, "H. B.", 2, "Inès", 1, "J. P.", 1);
        WorkshopSession cvSession = once(nord, cv, DayOfWeek.THURSDAY, LocalTime.of(14, 0), 6, "Salle d’animation",
                List.of(nour), true);
        register(cvSession, null, "Karim", 1);
        once(nord, mail, DayOfWeek.TUESDAY, LocalTime.of(10, 0), 8, "Salle d’animation", List.of(nour), false);
    }

    /** One session on the first open {@code day} from the day after tomorrow. */
    private WorkshopSession once(Site site, Workshop workshop, DayOfWeek day, LocalTime time, int capacity, String room,
                                 List<Long> helpers, boolean publicListing) {
        return once(site, workshop, openDay(site, sites.today(site).plusDays(2), day), time, capacity, room, helpers,
                publicListing);
    }

    private WorkshopSession once(Site site, Workshop workshop, LocalDate date, LocalTime time, int capacity, String room,
                                 List<Long> helpers, boolean publicListing) {
        return workshopSessions.create(site, new WorkshopSessions.Schedule(workshop.id(), date, time,
                workshop.defaultDurationMinutes(), capacity, room, helpers, publicListing, 0, 1)).get(0);
    }

    /** The first {@code day} of the week from {@code from} on that no closure of the library covers. */
    private LocalDate openDay(Site site, LocalDate from, DayOfWeek day) {
        List<SiteClosure> closures = sites.closuresBetween(site, from, from.plusWeeks(8));
        LocalDate date = from.with(java.time.temporal.TemporalAdjusters.nextOrSame(day));
        while (closed(closures, date)) {
            date = date.plusWeeks(1);
        }
        return date;
    }

    private static boolean closed(List<SiteClosure> closures, LocalDate date) {
        return closures.stream().anyMatch(c -> !date.isBefore(c.startDate()) && !date.isAfter(c.endDate()));
    }

    /** Registers people in order (first name, seats, …): seated while places last, then on the waiting list. */
    private void register(WorkshopSession session, Long helper, Object... people) {
        for (int i = 0; i < people.length; i += 2) {
            registrations.register(session.id(), new Registrations.Request((String) people[i], null, null,
                    (Integer) people[i + 1], "fr", true), helper);
        }
    }

    private long account(String email, String name, Role role, boolean habilitated, String hash, Set<Long> siteIds) {
        return staff.byEmail(email).map(Staff::id)
                .orElseGet(() -> accounts.create(email, name, role, habilitated, hash, false, siteIds).id());
    }

    private static SiteOffer offer(Site site, LibraryService service, boolean offered, String note) {
        return new SiteOffer(null, site.id(), service, offered, note);
    }

    private static List<OpeningHours> week(Site site, int[] days, LocalTime m1, LocalTime m2, LocalTime a1, LocalTime a2) {
        List<OpeningHours> hours = new ArrayList<>();
        for (int d : days) {
            hours.add(new OpeningHours(null, site.id(), (short) d, m1, m2));
            hours.add(new OpeningHours(null, site.id(), (short) d, a1, a2));
        }
        return hours;
    }
}
