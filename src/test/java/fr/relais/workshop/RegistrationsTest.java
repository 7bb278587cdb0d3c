package fr.relais.workshop;

import fr.relais.journal.JournalAction;
import fr.relais.site.Site;
import fr.relais.site.Sites;
import fr.relais.testing.OnBothDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seats, the waiting list and promotions, through the service and straight against the database (H2 and
 * PostgreSQL): what the session's counter says always equals the seats of its seated registrations, never more
 * than the capacity, whatever the concurrency.
 */
@MicronautTest(transactional = false)
class RegistrationsTest extends OnBothDatabases {
    @Inject
    Registrations registrations;
    @Inject
    RegistrationRepository registrationRepository;
    @Inject
    WorkshopSessionRepository sessionRepository;
    @Inject
    WorkshopRepository workshopRepository;
    @Inject
    Sites sites;
    @Inject
    Clock clock;
    @Inject
    javax.sql.DataSource dataSource;

    private final AtomicInteger counter = new AtomicInteger();

    private WorkshopSession session(int capacity, int daysAhead) {
        int n = counter.incrementAndGet();
        Site site = sites.create(new Site(null, "atelier-" + n, "Médiathèque " + n, "1 rue des Ateliers", "69001", "Lyon",
                "04 72 00 00 01", null, null, null, Sites.DEFAULT_ZONE, clock.instant()));
        Workshop workshop = workshopRepository.save(new Workshop(null, site.id(), "Découvrir sa boîte mail",
                "Créer une adresse, lire et envoyer un message.", WorkshopLevel.BEGINNER, null, null, 90, capacity, true,
                clock.instant()));
        LocalDate day = sites.today(site).plusDays(daysAhead);
        LocalTime time = LocalTime.of(10, 0);
        Instant startsAt = ZonedDateTime.of(day, time, site.zone()).toInstant();
        return sessionRepository.save(new WorkshopSession(null, workshop.id(), site.id(), day, time, startsAt, 90,
                capacity, 0, "Salle 1", true, SessionStatus.SCHEDULED, null, null, 0, false, clock.instant()));
    }

    private static Registrations.Request person(String name, int seats, boolean waiting) {
        return new Registrations.Request(name, null, null, seats, "fr", waiting);
    }

    private int seated(WorkshopSession s) {
        return registrationRepository.findBySessionIdAndStatusOrderById(s.id(), RegistrationStatus.SEATED).stream()
                .mapToInt(Registration::seats).sum();
    }

    private int counterOf(WorkshopSession s) {
        return sessionRepository.findById(s.id()).orElseThrow().seatsTaken();
    }

    private long promotionsJournaled(long siteId) throws java.sql.SQLException {
        try (var c = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             var st = c.prepareStatement("SELECT COUNT(*) FROM journal_entry WHERE action = ? AND site_id = ?")) {
            st.setString(1, JournalAction.WORKSHOP_PROMOTED.name());
            st.setLong(2, siteId);
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void fullSessionOffersTheWaitingListWithAPlaceInLine() {
        WorkshopSession s = session(3, 7);
        assertTrue(registrations.register(s.id(), person("Awa", 2, false), null).seated());
        assertTrue(registrations.register(s.id(), person("Bao", 1, false), null).seated());
        RegistrationRefused full = assertThrows(RegistrationRefused.class,
                () -> registrations.register(s.id(), person("Chloé", 1, false), null));
        assertEquals(RegistrationRefused.Reason.FULL, full.reason());
        Registrations.Result first = registrations.register(s.id(), person("Chloé", 1, true), null);
        Registrations.Result second = registrations.register(s.id(), person("Driss", 2, true), null);
        assertEquals(1, first.position());
        assertEquals(2, second.position());
        assertEquals(3, counterOf(s));
        assertEquals(3, seated(s));
    }

    @Test
    void aCancellationPromotesTheFirstThatFitInArrivalOrderAndJournalsEach() throws Exception {
        WorkshopSession s = session(3, 7);
        Registration awa = registrations.register(s.id(), person("Awa", 2, false), null).registration();
        registrations.register(s.id(), person("Bao", 1, false), null);
        Registration twoSeats = registrations.register(s.id(), person("Chloé", 2, true), null).registration();
        Registration oneSeat = registrations.register(s.id(), person("Driss", 1, true), null).registration();
        List<Registration> promoted = registrations.cancel(awa, RegistrationStatus.CANCELLED_BY_USER, null);
        // Two seats freed: the first in line (two seats) takes both; the next one still waits, now first.
        assertEquals(List.of(twoSeats.id()), promoted.stream().map(Registration::id).toList());
        assertEquals(RegistrationStatus.SEATED, registrationRepository.findById(twoSeats.id()).orElseThrow().status());
        assertEquals(1, registrations.position(registrationRepository.findById(oneSeat.id()).orElseThrow()));
        assertEquals(3, counterOf(s));
        assertEquals(1, promotionsJournaled(s.siteId()));
        // Cancelling again changes nothing.
        assertEquals(List.of(), registrations.cancel(awa, RegistrationStatus.CANCELLED_BY_USER, null));
        assertEquals(3, counterOf(s));
    }

    @Test
    void aWaitingPersonTooBigForTheFreedSeatKeepsTheirPlaceAndTheNextOneThatFitsIsPromoted() {
        WorkshopSession s = session(2, 7);
        Registration awa = registrations.register(s.id(), person("Awa", 1, false), null).registration();
        registrations.register(s.id(), person("Bao", 1, false), null);
        Registration twoSeats = registrations.register(s.id(), person("Chloé", 2, true), null).registration();
        Registration oneSeat = registrations.register(s.id(), person("Driss", 1, true), null).registration();
        registrations.cancel(awa, RegistrationStatus.CANCELLED_BY_SITE, null);
        assertEquals(RegistrationStatus.WAITING, registrationRepository.findById(twoSeats.id()).orElseThrow().status());
        assertEquals(RegistrationStatus.SEATED, registrationRepository.findById(oneSeat.id()).orElseThrow().status());
        assertEquals(1, registrations.position(registrationRepository.findById(twoSeats.id()).orElseThrow()));
    }

    @Test
    void capacityBelowTheSeatsTakenIsRefusedWithTheNumberAndALargerOnePromotes() {
        WorkshopSession s = session(2, 7);
        registrations.register(s.id(), person("Awa", 2, false), null);
        Registration waiting = registrations.register(s.id(), person("Bao", 1, true), null).registration();
        RegistrationRefused refused = assertThrows(RegistrationRefused.class, () -> registrations.changeCapacity(s.id(), 1, null));
        assertEquals(RegistrationRefused.Reason.CAPACITY_BELOW_SEATS, refused.reason());
        assertEquals(2, refused.seatsTaken());
        assertEquals(2, sessionRepository.findById(s.id()).orElseThrow().capacity());
        assertEquals(List.of(waiting.id()), registrations.changeCapacity(s.id(), 3, null).stream().map(Registration::id).toList());
        assertEquals(3, counterOf(s));
    }

    @Test
    void theSamePhoneCannotHoldTwoRegistrationsInOneSession() {
        WorkshopSession s = session(5, 7);
        Registration first = registrations.register(s.id(), new Registrations.Request("Awa", "+33612345678", null, 1, "fr", false), null)
                .registration();
        RegistrationRefused twice = assertThrows(RegistrationRefused.class, () -> registrations.register(s.id(),
                new Registrations.Request("Awa", "+33612345678", null, 1, "fr", true), null));
        assertEquals(RegistrationRefused.Reason.SAME_CONTACT, twice.reason());
        RegistrationRefused email = assertThrows(RegistrationRefused.class, () -> {
            registrations.register(s.id(), new Registrations.Request("Bao", null, "bao@example.org", 1, "fr", false), null);
            registrations.register(s.id(), new Registrations.Request("Bao", null, "BAO@example.org", 1, "fr", false), null);
        });
        assertEquals(RegistrationRefused.Reason.SAME_CONTACT, email.reason());
        // Once cancelled, the number is free again; and a number held in another session does not count.
        registrations.cancel(first, RegistrationStatus.CANCELLED_BY_USER, null);
        assertEquals(RegistrationStatus.SEATED, registrations.register(s.id(),
                new Registrations.Request("Awa", "+33612345678", null, 1, "fr", false), null).registration().status());
        WorkshopSession other = session(5, 8);
        assertEquals(RegistrationStatus.SEATED, registrations.register(other.id(),
                new Registrations.Request("Awa", "+33612345678", null, 1, "fr", false), null).registration().status());
    }

    @Test
    void aCancelledSessionCancelsEveryoneAndPromotesNobody() throws Exception {
        WorkshopSession s = session(1, 7);
        registrations.register(s.id(), person("Awa", 1, false), null);
        registrations.register(s.id(), person("Bao", 1, true), null);
        assertEquals(2, registrations.cancelSession(s.id(), "Salle indisponible").size());
        assertEquals(0, seated(s));
        assertEquals(0, promotionsJournaled(s.siteId()));
        assertEquals(RegistrationRefused.Reason.CANCELLED, assertThrows(RegistrationRefused.class,
                () -> registrations.register(s.id(), person("Chloé", 1, true), null)).reason());
    }

    @Test
    void fiftyConcurrentRegistrationsNeverSeatMoreThanTheCapacity() throws Exception {
        WorkshopSession s = session(5, 7);
        List<Callable<Registrations.Result>> tasks = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String name = "P" + i;
            tasks.add(() -> registrations.register(s.id(), person(name, 1 + (name.hashCode() & 1), true), null));
        }
        runTogether(tasks);
        assertTrue(seated(s) <= 5, "seated " + seated(s));
        assertEquals(seated(s), counterOf(s));
        List<Registration> waiting = registrationRepository.findBySessionIdAndStatusOrderById(s.id(), RegistrationStatus.WAITING);
        assertEquals(50, waiting.size() + registrationRepository.findBySessionIdAndStatusOrderById(s.id(), RegistrationStatus.SEATED).size());
        for (int i = 0; i < waiting.size(); i++) {
            assertEquals(i + 1, registrations.position(waiting.get(i)));
        }
    }

    @Test
    void concurrentCancellationsAndRegistrationsKeepTheCountTheOrderAndOneJournalEntryPerPromotion() throws Exception {
        WorkshopSession s = session(5, 7);
        List<Registration> seatedOnes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            seatedOnes.add(registrations.register(s.id(), person("Assis " + i, 1, false), null).registration());
        }
        for (int i = 0; i < 20; i++) {
            registrations.register(s.id(), person("Attente " + i, 1, true), null);
        }
        List<Long> lineBefore = registrationRepository.findBySessionIdAndStatusOrderById(s.id(), RegistrationStatus.WAITING)
                .stream().map(Registration::id).toList();
        List<Callable<Object>> tasks = new ArrayList<>();
        for (Registration r : seatedOnes) {
            tasks.add(() -> registrations.cancel(r, RegistrationStatus.CANCELLED_BY_USER, null));
        }
        for (int i = 0; i < 45; i++) {
            String name = "Nouveau " + i;
            tasks.add(() -> registrations.register(s.id(), person(name, 1, true), null));
        }
        runTogether(tasks);
        assertEquals(5, seated(s));
        assertEquals(5, counterOf(s));
        // Promotions followed the line as it was: the first five waiting are seated now, nobody jumped them.
        for (int i = 0; i < 5; i++) {
            assertEquals(RegistrationStatus.SEATED, registrationRepository.findById(lineBefore.get(i)).orElseThrow().status());
        }
        assertEquals(5, promotionsJournaled(s.siteId()));
    }

    private static <T> void runTogether(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> task : tasks) {
            futures.add(pool.submit(() -> {
                start.await();
                return task.call();
            }));
        }
        start.countDown();
        for (Future<T> f : futures) {
            f.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();
    }
}
