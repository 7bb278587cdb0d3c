package fr.relais.bench;

import fr.relais.appointment.Permanences;
import fr.relais.appointment.Slot;
import fr.relais.appointment.Slots;
import fr.relais.pdf.AppointmentSlip;
import fr.relais.pdf.SlipData;
import fr.relais.security.PasswordHasher;
import fr.relais.site.Site;
import fr.relais.site.Sites;
import fr.relais.security.Role;
import fr.relais.staff.StaffAccounts;
import fr.relais.testing.TestClient;
import fr.relais.testing.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Figures, not a test: run on purpose (README, "Performance") and recorded in docs/performance.md.
 * PostgreSQL with the demo data plus 58 more sites (60 in all), each with two helpers on Tuesday and
 * Thursday afternoons. Measures: the public free-slots page, desk bookings by 20 concurrent helpers,
 * and slip PDF generation. Nothing here is asserted against a time.
 */
@Tag("benchmark")
class BookingBenchmark {
    static final int SITES = 60;
    static final int PAGE_REQUESTS = 600;
    static final int CLIENTS = 20;
    static final int BOOKINGS_PER_CLIENT = 25;
    static final int PDFS = 300;
    static final String PASSWORD = "benchmark-password-2026";

    @Test
    void measure() throws Exception {
        System.setProperty("relais.test.db", "postgres");
        Map<String, Object> database = TestDatabase.fresh("Benchmark");
        StringBuilder report = new StringBuilder();
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, database, "demo", "benchmark")) {
            ApplicationContext ctx = server.getApplicationContext();
            List<Site> sites = seed(ctx);
            report.append(String.format("sites: %d, database: PostgreSQL (%s)%n", sites.size(), database.get("datasources.default.url")));

            // 1. Public free-slots page, one visitor after another, random sites.
            try (TestClient visitor = TestClient.of(server)) {
                Random random = new Random(42);
                for (int i = 0; i < 60; i++) {
                    visitor.get("/bibliotheques/" + sites.get(i % sites.size()).slug() + "/rendez-vous");
                }
                List<Long> nanos = new ArrayList<>();
                for (int i = 0; i < PAGE_REQUESTS; i++) {
                    String slug = sites.get(random.nextInt(sites.size())).slug();
                    long t0 = System.nanoTime();
                    TestClient.Answer answer = visitor.get("/bibliotheques/" + slug + "/rendez-vous");
                    nanos.add(System.nanoTime() - t0);
                    Assertions.assertEquals(200, answer.status());
                }
                report.append("public free-slots page (4 weeks), " + PAGE_REQUESTS + " requests: " + Percentiles.of(nanos) + "\n");
            }

            // 2. Desk bookings: 20 helpers (one per site) booking at once, each on its own site's free slots.
            Slots slots = ctx.getBean(Slots.class);
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
            AtomicInteger booked = new AtomicInteger();
            List<Future<?>> done = new ArrayList<>();
            long start = System.nanoTime();
            for (int c = 0; c < CLIENTS; c++) {
                Site site = sites.get(c);
                done.add(pool.submit(() -> {
                    try (TestClient helper = TestClient.of(server).login("bench1@" + site.slug() + ".test", PASSWORD)) {
                        LocalDate from = LocalDate.now().plusDays(1);
                        List<Slot> free = slots.between(site, from, from.plusWeeks(4));
                        for (int i = 0; i < BOOKINGS_PER_CLIENT && i < free.size(); i++) {
                            long t0 = System.nanoTime();
                            TestClient.Answer answer = helper.post("/bureau/" + site.id() + "/reserver/" + free.get(i).key(),
                                    Map.of("firstName", "Personne " + i, "themeCode", "EMAIL"));
                            latencies.add(System.nanoTime() - t0);
                            if (answer.status() == 303) {
                                booked.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            report.append(String.format("desk bookings, %d concurrent helpers: %d booked in %.1f s = %.1f bookings/s; latency %s%n",
                    CLIENTS, booked.get(), seconds, booked.get() / seconds, Percentiles.of(new ArrayList<>(latencies))));

            // 3. Slip PDF generation (A4), one thread.
            AppointmentSlip slip = ctx.getBean(AppointmentSlip.class);
            SlipData data = new SlipData("Médiathèque du Centre", "12 place de la République", "69001", "Lyon", "04 72 00 00 01",
                    "Arrêt de tram République, entrée principale.", "Entrée de plain-pied, ascenseur.",
                    LocalDate.now().plusDays(3), LocalTime.of(14, 30), 30, "Sami", "Mme D.", "Courriel (e-mail)",
                    List.of("Votre téléphone portable", "Vos identifiants de connexion : vous les taperez vous-même"),
                    "K7M-4QX", "http://localhost:8080/rendez-vous/annulation");
            for (int i = 0; i < 30; i++) {
                slip.render(data, AppointmentSlip.Format.A4, Locale.FRENCH);
            }
            List<Long> pdfNanos = new ArrayList<>();
            long pdfStart = System.nanoTime();
            for (int i = 0; i < PDFS; i++) {
                long t0 = System.nanoTime();
                slip.render(data, i % 2 == 0 ? AppointmentSlip.Format.A4 : AppointmentSlip.Format.TICKET, Locale.FRENCH);
                pdfNanos.add(System.nanoTime() - t0);
            }
            double pdfSeconds = (System.nanoTime() - pdfStart) / 1e9;
            report.append(String.format("slip PDFs (A4 and ticket alternately), %d on one thread: %s; %.1f PDFs/s%n",
                    PDFS, Percentiles.of(pdfNanos), PDFS / pdfSeconds));
        }
        System.out.println("\n=== Relais booking benchmark ===\n" + report);
        Path out = Path.of(System.getProperty("user.dir"), "target", "benchmark.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
    }

    private static List<Site> seed(ApplicationContext ctx) {
        Sites sites = ctx.getBean(Sites.class);
        StaffAccounts accounts = ctx.getBean(StaffAccounts.class);
        Permanences permanences = ctx.getBean(Permanences.class);
        String hash = ctx.getBean(PasswordHasher.class).hash(PASSWORD);
        List<Site> all = new ArrayList<>();
        for (int i = 1; i <= SITES; i++) {
            String slug = "bench-" + i;
            Site site = sites.create(new Site(null, slug, "Bibliothèque " + i, i + " rue du Test", "69001", "Lyon",
                    "04 72 00 00 00", null, null, null, Sites.DEFAULT_ZONE, java.time.Instant.now()));
            long a = accounts.create("bench1@" + slug + ".test", "Aidant A" + i, Role.HELPER, false, hash, false, Set.of(site.id())).id();
            long b = accounts.create("bench2@" + slug + ".test", "Aidant B" + i, Role.HELPER, false, hash, false, Set.of(site.id())).id();
            LocalDate since = LocalDate.now().minusDays(7);
            permanences.create(site, 2, LocalTime.of(14, 0), LocalTime.of(17, 0), 30, since, null, List.of(a, b));
            permanences.create(site, 4, LocalTime.of(9, 30), LocalTime.of(12, 0), 30, since, null, List.of(a));
            all.add(site);
        }
        Collections.shuffle(all, new Random(7));
        return all;
    }
}
