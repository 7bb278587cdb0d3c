package fr.relais.appointment;

import fr.relais.site.Site;
import fr.relais.site.SiteClosure;
import fr.relais.testing.TestClient;
import fr.relais.web.DateWords;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Booking without an account, as an anonymous visitor does it through HTTP: the library's free slots, the form,
 * the confirmation with its code, slip and calendar file; bad input; the cap on bookings per phone or e-mail.
 * The per-address rate limits are raised here (they have their own test, {@link PublicRateLimitTest}).
 */
@MicronautTest(environments = "demo", transactional = false)
class PublicBookingTest extends PublicBookingBase {
    @Inject
    Slots slots;

    // ---- 1. The free slots of a library ------------------------------------------------------------------------

    @Test
    void theLibraryPageLinksToItsFreeSlotsOfTheComingFourWeeksGroupedByDay() {
        Site centre = sites.bySlug("mediatheque-centre").orElseThrow();
        TestClient.Answer library = visitor.get("/bibliotheques/mediatheque-centre");
        assertEquals(200, library.status());
        assertFalse(library.html().select("main a[href=/bibliotheques/mediatheque-centre/rendez-vous]").isEmpty(),
                "the library page links to its booking page");

        // It is next Tuesday, 15:10: the slots of 14:00, 14:30 and 15:00 have passed.
        LocalDate today = sites.today(centre).with(TemporalAdjusters.next(DayOfWeek.TUESDAY));
        moveTo(clock, centre, today, LocalTime.of(15, 10));
        // The 14:00 slot of the Tuesday after is full (Sami and Jeanne: two seats).
        LocalDate fullDay = today.plusDays(7);
        Slot full = slots.between(centre, fullDay, fullDay).get(0);
        assertEquals(LocalTime.of(14, 0), full.time());
        assertEquals(2, full.capacity());
        for (String name : List.of("Alice", "Bruno")) {
            bookings.book(centre, Slot.parse(full.key()).orElseThrow(),
                    new Bookings.Request(name, null, null, "EMAIL", null, null), null);
        }

        TestClient.Answer page = visitor.get("/bibliotheques/mediatheque-centre/rendez-vous");
        assertEquals(200, page.status());
        assertEquals("Prendre rendez-vous", page.h1());
        // Each day is a heading with the date in words; under it, its free times, each a link.
        Map<String, List<String>> shown = new LinkedHashMap<>();
        for (Element h2 : page.html().select("main h2")) {
            Element list = h2.nextElementSibling();
            assertNotNull(list, h2.text());
            List<String> times = new ArrayList<>();
            for (Element link : list.select("a[href]")) {
                assertTrue(link.attr("href").startsWith("/bibliotheques/mediatheque-centre/rendez-vous/"), link.attr("href"));
                times.add(link.ownText().strip());
            }
            assertFalse(times.isEmpty(), h2.text());
            shown.put(h2.text(), times);
        }

        // Expected: Tuesdays 14:00–17:00, Thursdays and Saturdays 10:00–12:00, except the closed days (inventory).
        List<SiteClosure> closures = sites.allClosures(centre);
        assertFalse(closures.isEmpty(), "the demo data close the centre for a week");
        Map<String, List<String>> expected = new LinkedHashMap<>();
        for (LocalDate d = today; d.isBefore(today.plusWeeks(4)); d = d.plusDays(1)) {
            LocalDate day = d;
            if (closures.stream().anyMatch(c -> !day.isBefore(c.startDate()) && !day.isAfter(c.endDate()))) {
                continue;
            }
            List<String> times = switch (day.getDayOfWeek()) {
                case TUESDAY -> new ArrayList<>(List.of("14 h 00", "14 h 30", "15 h 00", "15 h 30", "16 h 00", "16 h 30"));
                case THURSDAY, SATURDAY -> new ArrayList<>(List.of("10 h 00", "10 h 30", "11 h 00", "11 h 30"));
                default -> new ArrayList<>();
            };
            if (day.equals(today)) {
                times.removeAll(List.of("14 h 00", "14 h 30", "15 h 00"));
            }
            if (day.equals(fullDay)) {
                times.remove("14 h 00");
            }
            if (!times.isEmpty()) {
                expected.put(LONG_DATE.format(day), times);
            }
        }
        assertTrue(closures.stream().anyMatch(c -> !c.endDate().isBefore(today) && c.startDate().isBefore(today.plusWeeks(4))),
                "a closure falls within the four weeks shown");
        // The fourth week's last day may be shown or not; nothing later.
        List<String> shownDays = new ArrayList<>(shown.keySet());
        String lastDay = LONG_DATE.format(today.plusWeeks(4));
        if (shownDays.size() == expected.size() + 1) {
            assertEquals(lastDay, shownDays.get(shownDays.size() - 1));
            shown.remove(lastDay);
        }
        assertEquals(expected, shown);
        assertEquals("mardi", shownDays.get(0).split(" ")[0]);

        // A link leads to the form of that slot.
        String first = page.html().selectFirst("main h2 + ul a[href]").attr("href");
        TestClient.Answer form = visitor.get(first);
        assertEquals(200, form.status());
        assertTrue(mainText(form).contains(LONG_DATE.format(today) + ", 15 h 30"), mainText(form));
    }

    @Test
    void anUnknownLibraryHasNoBookingPage() {
        assertEquals(404, visitor.get("/bibliotheques/n-existe-pas/rendez-vous").status());
        assertEquals("Page introuvable", visitor.get("/bibliotheques/n-existe-pas/rendez-vous").h1());
    }

    // ---- 2. Booking, the confirmation page, the slip and the calendar file ------------------------------------

    @Test
    void bookingLeadsToTheConfirmationWithCodeSlipTicketAndCalendarFile() throws Exception {
        AppointmentFixtures.Desk desk = fixtures.desk(slug("reserver"), 1);
        Site site = desk.site();
        Slot slot = desk.slot();
        String path = slotPath(site, slot);

        TestClient.Answer form = visitor.get(path);
        assertEquals(200, form.status());
        assertEquals("Votre rendez-vous", form.h1());
        assertTrue(mainText(form).contains(LONG_DATE.format(slot.date()) + ", 14 h 00"), mainText(form));
        for (String field : List.of("firstName", "phone", "email", "themeCode")) {
            assertNotNull(form.html().getElementById("f-" + field), field);
        }

        TestClient.Answer booked = visitor.post(path, bookingForm("Marie", "06 12 34 56 78", "marie.essai@example.org"));
        long id = bookedId(booked);
        Appointment saved = appointments.findById(id).orElseThrow();
        assertEquals("Marie", saved.firstName());
        assertEquals("+33612345678", saved.phone());
        assertEquals("marie.essai@example.org", saved.email());
        assertEquals(AppointmentStatus.BOOKED, saved.status());
        assertEquals(slot.startsAt(), saved.startsAt());
        assertNull(saved.bookedBy(), "booked by the person, not by staff");

        TestClient.Answer page = visitor.get(booked.location());
        assertEquals(200, page.status());
        assertEquals("Votre rendez-vous est réservé", page.h1());
        String text = mainText(page);
        Matcher code = CODE.matcher(text);
        assertTrue(code.find(), text);
        assertEquals(BookingCodes.display(saved.code()), code.group(1));
        assertTrue(text.contains(LONG_DATE.format(slot.date())), text);
        assertTrue(text.contains("14 h 00"), text);
        assertTrue(text.contains("Marie"), text);

        String slipA4 = linkNamed(page, "Imprimer la convocation");
        String ticket = linkNamed(page, "Petit ticket à imprimer");
        String calendar = linkNamed(page, "Ajouter à mon agenda");

        for (String slip : List.of(slipA4, ticket)) {
            PublicBookingBase.Download pdf = download(server, slip);
            assertEquals(200, pdf.status(), slip);
            assertTrue(pdf.contentType().startsWith("application/pdf"), pdf.contentType());
            String pdfText = pdfText(pdf.body());
            assertTrue(pdfText.contains(BookingCodes.display(saved.code())), pdfText);
            assertTrue(pdfText.contains("Marie"), pdfText);
        }

        PublicBookingBase.Download ics = download(server, calendar);
        assertEquals(200, ics.status());
        assertTrue(ics.contentType().startsWith("text/calendar"), ics.contentType());
        Calendar parsed = new CalendarBuilder().build(new StringReader(ics.text()));
        List<VEvent> events = parsed.getComponents(Component.VEVENT);
        assertEquals(1, events.size());
        Instant start = Instant.from(events.get(0).getStartDate().orElseThrow().getDate());
        assertEquals(slot.startsAt(), start);
        String unfolded = ics.text().replace("\r\n ", "").replace("\n ", "").toLowerCase(java.util.Locale.ROOT);
        for (String personal : List.of("marie", "06 12 34 56 78", "0612345678", "+33612345678", "marie.essai@example.org")) {
            assertFalse(unfolded.contains(personal), "the calendar file holds no " + personal);
        }

        // The links only work with their own key.
        String key = keyOf(booked.location());
        String wrongKey = (key.charAt(0) == 'A' ? "B" : "A") + key.substring(1);
        for (String link : List.of(booked.location(), slipA4, ticket, calendar)) {
            String withoutKey = link.replaceAll("[?&]cle=[^&]*", "");
            assertEquals(404, download(server, link.replace(key, wrongKey)).status(), link);
            assertEquals(404, download(server, withoutKey).status(), withoutKey);
        }
        assertEquals("Page introuvable", visitor.get(booked.location().replace(key, wrongKey)).h1());

        // Another appointment's id with this key: not found either.
        Slot other = slots.between(site, slot.date(), slot.date()).get(1);
        long otherId = bookedId(visitor.post(slotPath(site, other), bookingForm("Paul", null, null)));
        for (String link : List.of(booked.location(), slipA4, ticket, calendar)) {
            String swapped = link.replace("/rendez-vous/" + id, "/rendez-vous/" + otherId);
            assertEquals(404, download(server, swapped).status(), swapped);
        }
    }

    // ---- 3. Bad input ------------------------------------------------------------------------------------------

    static Stream<Arguments> badForms() {
        return Stream.of(
                Arguments.of("empty first name", "firstName", "", "firstName", "Ce champ est obligatoire."),
                Arguments.of("41 characters", "firstName", "Marie-" + "x".repeat(35), "firstName",
                        "Ce texte est trop long : 40 caractères au plus."),
                Arguments.of("phone 12", "phone", "12", "phone", "Numéro de téléphone non reconnu. Exemple : 04 72 00 00 00."),
                Arguments.of("e-mail x@", "email", "x@", "email", "Adresse e-mail non reconnue. Exemple : prenom.nom@exemple.fr."),
                Arguments.of("no theme", "themeCode", "", "themeCode", "Choisissez le motif du rendez-vous."),
                Arguments.of("unknown theme", "themeCode", "PAS_UN_MOTIF", "themeCode",
                        "Ce choix n’est pas possible. Choisissez dans la liste."),
                Arguments.of("honeypot filled", "website", "https://spam.example", "firstName",
                        "La réservation n’a pas pu être faite. Appelez la bibliothèque."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badForms")
    void aBadFormComesBackWithItsValuesAndAMessageAndSavesNothing(String label, String field, String value,
                                                                  String errorField, String message) {
        AppointmentFixtures.Desk desk = fixtures.desk(slug("saisie"), 1);
        Map<String, Object> form = bookingForm("Marie", "06 98 76 54 32", "marie.saisie@example.org");
        form.put(field, value);
        long before = appointments.count();

        TestClient.Answer answer = visitor.post(slotPath(desk.site(), desk.slot()), form);

        assertEquals(422, answer.status(), label);
        assertEquals("Votre rendez-vous", answer.h1());
        assertFalse(answer.html().select(".error-summary").isEmpty(), "the page starts with the list of problems");
        String error = answer.fieldError(errorField);
        assertNotNull(error, "message next to " + errorField);
        assertTrue(error.endsWith(message), error);
        // What was typed is still there, except the honeypot.
        for (String typed : List.of("firstName", "phone", "email")) {
            assertEquals(form.get(typed), answer.fieldValue(typed), typed);
        }
        Element theme = answer.html().selectFirst("#f-themeCode option[selected]");
        assertEquals(form.get("themeCode").equals("EMAIL") ? "EMAIL" : null, theme == null ? null : theme.attr("value"));
        assertEquals("", answer.html().getElementById("f-website").attr("value"));
        assertEquals(before, appointments.count(), "nothing saved");
    }

    @Test
    void aSlotOfAnotherLibraryOrATimeWithoutSlotIsNotFound() {
        AppointmentFixtures.Desk here = fixtures.desk(slug("ici"), 1);
        AppointmentFixtures.Desk there = fixtures.desk(slug("ailleurs"), 1);
        Slot slot = here.slot();
        String base = slotsPage(here.site()) + "/";
        String day = slot.key().substring(0, slot.key().lastIndexOf('-'));
        LocalDate fiveWeeks = slot.date().plusWeeks(4);
        Slot farAhead = slots.between(here.site(), fiveWeeks, fiveWeeks).get(0); // the permanence goes on, unbooked
        List<String> keys = List.of(
                there.slot().key(),                                         // the other library's slot, edited in
                day + "-1415",                                              // between two slots
                day + "-1300",                                              // before the permanence
                slot.permanenceId() + "-" + slot.date().plusDays(1).toString().replace("-", "") + "-1400", // other weekday
                slot.permanenceId() + "-20261345-1400",                     // no such date
                "demain-14h",                                               // not a slot at all
                "99999999-" + slot.date().toString().replace("-", "") + "-1400",
                farAhead.key());                                            // beyond the four weeks offered
        long before = appointments.count();
        for (String key : keys) {
            TestClient.Answer get = visitor.get(base + key);
            assertEquals(404, get.status(), key);
            assertEquals("Page introuvable", get.h1(), key);
            assertEquals(404, visitor.post(base + key, bookingForm("Marie", null, null)).status(), key);
        }
        assertEquals(before, appointments.count());
    }

    @Test
    void aClosedDayHasNoSlots() {
        AppointmentFixtures.Desk desk = fixtures.desk(slug("fermee"), 1);
        Site site = desk.site();
        Slot slot = desk.slot();
        assertTrue(links(visitor.get(slotsPage(site)), slotsPage(site) + "/").contains(slotPath(site, slot)));
        sites.addClosure(new SiteClosure(null, site.id(), slot.date(), slot.date(), "Fermeture exceptionnelle"));

        TestClient.Answer page = visitor.get(slotsPage(site));
        assertFalse(mainText(page).contains(LONG_DATE.format(slot.date())), "the closed day is not listed");
        assertFalse(links(page, slotsPage(site) + "/").isEmpty(), "other days still are");
        assertEquals(404, visitor.get(slotPath(site, slot)).status());
        long before = appointments.count();
        assertEquals(404, visitor.post(slotPath(site, slot), bookingForm("Marie", null, null)).status());
        assertEquals(before, appointments.count());
    }

    @Test
    void aSlotThatHasPassedAnswersThatItIsNoLongerAvailableWithTheNextFreeSlots() {
        AppointmentFixtures.Desk desk = fixtures.desk(slug("passe"), 1);
        Site site = desk.site();
        Slot slot = desk.slot();
        String path = slotPath(site, slot);
        TestClient.Answer form = visitor.get(path);
        assertEquals(200, form.status());

        // The form was opened at 13:55; it is sent at 14:05, once the 14:00 slot has begun.
        moveTo(clock, site, slot.date(), LocalTime.of(14, 5));
        long before = appointments.count();
        TestClient.Answer late = visitor.post(path, bookingForm("Marie", null, null));
        assertEquals(409, late.status());
        assertEquals(TAKEN, late.h1());
        assertTrue(mainText(late).contains("Ce créneau est déjà passé. Choisissez un autre horaire."), mainText(late));
        assertNextFreeSlots(late, site, LONG_DATE.format(slot.date()), "14 h 30");
        assertEquals(before, appointments.count());

        // Opening the link again says so at once, instead of showing a form that cannot succeed.
        TestClient.Answer again = visitor.get(path);
        assertEquals(409, again.status());
        assertEquals(TAKEN, again.h1());
    }

    @Test
    void aSlotThatIsFullAnswersThatItWasJustTaken() {
        AppointmentFixtures.Desk desk = fixtures.desk(slug("plein"), 1);
        Site site = desk.site();
        String path = slotPath(site, desk.slot());
        bookedId(visitor.post(path, bookingForm("Marie", null, null)));

        try (TestClient second = TestClient.of(server)) {
            long before = appointments.count();
            TestClient.Answer taken = second.post(path, bookingForm("Nadia", null, null));
            assertEquals(409, taken.status());
            assertEquals(TAKEN, taken.h1());
            assertTrue(mainText(taken).contains("Quelqu’un vient de réserver ce créneau juste avant vous."), mainText(taken));
            Slot next = slots.between(site, sites.today(site), sites.today(site).plusDays(13)).stream()
                    .filter(s -> s.free() > 0 && s.startsAt().isAfter(clock.instant())).findFirst().orElseThrow();
            assertNextFreeSlots(taken, site, LONG_DATE.format(next.date()), DateWords.time(next.time(), java.util.Locale.FRENCH));
            assertEquals(before, appointments.count());
            assertEquals(409, second.get(path).status(), "a link to a full slot says so at once");
            assertFalse(links(second.get(slotsPage(site)), slotsPage(site) + "/").contains(path), "no longer listed");
        }
    }

    /** The page offers the next free slots, the first one being {@code time} on {@code date}, each a booking link. */
    private static void assertNextFreeSlots(TestClient.Answer answer, Site site, String date, String time) {
        assertEquals(List.of("Prochains créneaux libres"), answer.texts("main h2"));
        List<String> days = answer.texts("main h3");
        assertFalse(days.isEmpty());
        assertEquals(date, days.get(0));
        Element first = answer.html().selectFirst("main h3 + ul a[href]");
        assertEquals(time, first.text());
        assertTrue(first.attr("href").startsWith(slotsPage(site) + "/"), first.attr("href"));
    }

    // ---- 4. At most two future bookings per phone or e-mail ---------------------------------------------------

    @Test
    void aThirdFutureBookingWithTheSamePhoneIsRefusedWithTheLibrarysPhone() {
        AppointmentFixtures.Desk desk = fixtures.desk(slug("telephone"), 1);
        List<Slot> free = freeSlots(desk.site());
        long first = bookedId(visitor.post(slotPath(desk.site(), free.get(0)), bookingForm("Marie", "06 11 22 33 44", null)));
        bookedId(visitor.post(slotPath(desk.site(), free.get(1)), bookingForm("Marie", "0611223344", null)));

        long before = appointments.count();
        TestClient.Answer third = visitor.post(slotPath(desk.site(), free.get(2)), bookingForm("Marie", "06.11.22.33.44", null));
        assertEquals(422, third.status());
        assertTrue(third.fieldError("phone").endsWith("Vous avez déjà 2 rendez-vous à venir avec ce contact. "
                + "Appelez la bibliothèque au 04 72 00 00 09 pour en prendre un autre."), third.fieldError("phone"));
        assertEquals("06.11.22.33.44", third.fieldValue("phone"));
        // The same number written the international way.
        assertEquals(422, visitor.post(slotPath(desk.site(), free.get(2)), bookingForm("Marie", "+33 6 11 22 33 44", null)).status());
        assertEquals(before, appointments.count());

        // A cancelled booking no longer counts.
        bookings.setStatus(appointments.findById(first).orElseThrow(), AppointmentStatus.CANCELLED_BY_USER, null);
        bookedId(visitor.post(slotPath(desk.site(), free.get(2)), bookingForm("Marie", "06 11 22 33 44", null)));
    }

    @Test
    void aThirdFutureBookingWithTheSameEmailInAnyCaseIsRefused() {
        AppointmentFixtures.Desk desk = fixtures.desk(slug("courriel"), 1);
        List<Slot> free = freeSlots(desk.site());
        bookedId(visitor.post(slotPath(desk.site(), free.get(0)), bookingForm("Marie", null, "Marie.Limite@Example.org")));
        bookedId(visitor.post(slotPath(desk.site(), free.get(1)), bookingForm("Marie", null, "marie.limite@example.org")));

        long before = appointments.count();
        TestClient.Answer third = visitor.post(slotPath(desk.site(), free.get(2)),
                bookingForm("Marie", null, "MARIE.LIMITE@EXAMPLE.ORG"));
        assertEquals(422, third.status());
        assertTrue(third.fieldError("email").endsWith("Vous avez déjà 2 rendez-vous à venir avec ce contact. "
                + "Appelez la bibliothèque au 04 72 00 00 09 pour en prendre un autre."), third.fieldError("email"));
        assertEquals(before, appointments.count());
        // With a new phone as well, the message still goes next to the e-mail.
        TestClient.Answer withPhone = visitor.post(slotPath(desk.site(), free.get(2)),
                bookingForm("Marie", "07 00 00 00 01", "marie.limite@example.org"));
        assertEquals(422, withPhone.status());
        assertNull(withPhone.fieldError("phone"));
        assertTrue(withPhone.fieldError("email").contains("Vous avez déjà 2 rendez-vous à venir"), withPhone.fieldError("email"));
        assertEquals(before, appointments.count());
        // Without that e-mail, the same person may book (the limit is per contact, not per first name).
        bookedId(visitor.post(slotPath(desk.site(), free.get(2)), bookingForm("Marie", null, null)));
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private List<Slot> freeSlots(Site site) {
        LocalDate today = sites.today(site);
        return slots.between(site, today.plusDays(1), today.plusWeeks(4)).stream().filter(s -> s.free() > 0).toList();
    }

    private static String linkNamed(TestClient.Answer page, String name) {
        Element link = page.html().select("main a[href]").stream().filter(a -> a.text().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no link " + name + " in " + mainText(page)));
        return link.attr("href");
    }

    private static String keyOf(String location) {
        Matcher m = CONFIRMATION.matcher(location);
        assertTrue(m.matches(), location);
        return m.group(2);
    }
}
