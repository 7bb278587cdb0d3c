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
    private final Clock clock;

    DemoData(Sites sites, StaffAccounts accounts, StaffDirectory staff, PasswordHasher hasher, Permanences permanences,
             PartnerImport partnerImport, Clock clock) {
        this.sites = sites;
        this.accounts = accounts;
        this.staff = staff;
        this.hasher = hasher;
        this.permanences = permanences;
        this.partnerImport = partnerImport;
        this.clock = clock;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (sites.bySlug("mediatheque-centre").isPresent()) {
            return;
        }
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
