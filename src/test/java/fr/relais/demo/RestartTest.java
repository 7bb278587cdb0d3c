package fr.relais.demo;

import fr.relais.site.Site;
import fr.relais.site.SiteRepository;
import fr.relais.site.Sites;
import fr.relais.workshop.WorkshopSessions;
import fr.relais.workshop.Workshops;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The default run: an H2 file database that keeps its data across restarts, demo data created once. */
class RestartTest {

    @Test
    void dataSurvivesARestartAndDemoDataIsCreatedOnlyOnce(@TempDir Path dataDir) {
        Map<String, Object> settings = Map.of("relais.data-dir", dataDir.toString());
        List<String> workshopsBefore;
        try (ApplicationContext first = ApplicationContext.run(settings, "demo")) {
            SiteRepository sites = first.getBean(SiteRepository.class);
            assertEquals(2, sites.count(), "demo sites on first start");
            workshopsBefore = demoWorkshops(first);
            for (String slug : List.of("mediatheque-centre", "bibliotheque-nord")) {
                assertTrue(coming(first, slug).stream().anyMatch(l -> l.full() && l.waiting() == 2),
                        "a full session with two people waiting at " + slug);
            }
            sites.save(new Site(null, "mediatheque-sud", "Médiathèque Sud", "3 rue du Port", "69007", "Lyon",
                    null, null, null, null, "Europe/Paris", Instant.now()));
        }
        assertTrue(dataDir.resolve("relais.mv.db").toFile().exists(), "the database is a file under the data folder");
        try (ApplicationContext second = ApplicationContext.run(settings, "demo")) {
            SiteRepository sites = second.getBean(SiteRepository.class);
            assertEquals(3, sites.count(), "the site added before the restart is still there, demo data not added twice");
            assertTrue(sites.findBySlug("mediatheque-sud").isPresent());
            assertEquals(workshopsBefore, demoWorkshops(second), "demo workshops and sessions not added twice");
        }
    }

    /** Each demo library's schedulable workshops and coming sessions with their seats taken, as a list of lines. */
    private static List<String> demoWorkshops(ApplicationContext context) {
        Sites sites = context.getBean(Sites.class);
        Workshops workshops = context.getBean(Workshops.class);
        List<String> lines = new java.util.ArrayList<>();
        for (String slug : List.of("mediatheque-centre", "bibliotheque-nord")) {
            workshops.schedulableAt(sites.bySlug(slug).orElseThrow().id()).forEach(w -> lines.add(slug + " " + w.title()));
            coming(context, slug).forEach(l -> lines.add(slug + " " + l.session().sessionDate() + " " + l.workshop().title()
                    + " " + l.session().seatsTaken() + "/" + l.session().capacity() + " +" + l.waiting()));
        }
        assertTrue(lines.size() > 10, "demo workshops and sessions exist: " + lines);
        return lines;
    }

    private static List<WorkshopSessions.Listed> coming(ApplicationContext context, String slug) {
        Sites sites = context.getBean(Sites.class);
        Site site = sites.bySlug(slug).orElseThrow();
        return context.getBean(WorkshopSessions.class).between(site, sites.today(site), sites.today(site).plusWeeks(8));
    }

    @Test
    void productionEnvironmentGetsNoDemoData(@TempDir Path dataDir) {
        Map<String, Object> settings = Map.of("relais.data-dir", dataDir.toString(),
                "micronaut.security.csrf.signature-key", "a-production-secret-of-more-than-32-characters");
        try (ApplicationContext prod = ApplicationContext.run(settings, "prod")) {
            assertEquals(0, prod.getBean(SiteRepository.class).count());
        }
    }

    @Test
    void productionCreatesTheFirstAdministratorFromSettingsOnce(@TempDir Path dataDir) {
        Map<String, Object> settings = Map.of("relais.data-dir", dataDir.toString(),
                "micronaut.security.csrf.signature-key", "a-production-secret-of-more-than-32-characters",
                "relais.bootstrap.admin-email", "Admin@Bibliotheques.example",
                "relais.bootstrap.admin-password", "un-mot-de-passe-initial");
        for (int start = 0; start < 2; start++) {
            try (ApplicationContext prod = ApplicationContext.run(settings, "prod")) {
                var staff = prod.getBean(fr.relais.staff.StaffRepository.class);
                assertEquals(1, staff.count(), "one administrator, not one per start");
                var admin = staff.findByEmail("admin@bibliotheques.example").orElseThrow();
                assertEquals(fr.relais.security.Role.ADMIN, admin.role());
                assertTrue(admin.mustChangePassword(), "the initial password must be changed at first login");
                assertTrue(prod.getBean(fr.relais.security.PasswordHasher.class).matches("un-mot-de-passe-initial", admin.passwordHash()));
            }
        }
    }

    @Test
    void productionRefusesToStartWithoutASecret(@TempDir Path dataDir) {
        Map<String, Object> settings = Map.of("relais.data-dir", dataDir.toString());
        RuntimeException refused = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                () -> ApplicationContext.run(settings, "prod").close());
        Throwable cause = refused;
        while (cause.getCause() != null && !(cause.getMessage() != null && cause.getMessage().contains("RELAIS_CSRF_SECRET"))) {
            cause = cause.getCause();
        }
        assertTrue(cause.getMessage().contains("RELAIS_CSRF_SECRET"), refused.toString());
    }
}
