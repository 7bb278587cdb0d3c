package fr.relais.accompaniment;

import fr.relais.appointment.Appointment;
import fr.relais.appointment.AppointmentStatus;
import fr.relais.appointment.Bookings;
import fr.relais.appointment.Slot;
import fr.relais.appointment.Slots;
import fr.relais.partner.PartnerSummary;
import fr.relais.partner.Partners;
import fr.relais.site.Site;
import fr.relais.site.Sites;
import fr.relais.stats.Tallies;
import fr.relais.testing.TestClient;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Accompaniments and honoured appointments made for tests, also outside this package (the route table): each call
 * makes a new one, so a case that corrects or deletes one leaves the next case its own. And what the log's HTTP
 * tests share: the form's address, its fields, the record a post saved. Records written here keep the statistics'
 * aggregates too, as the service does, so that a later correction or deletion finds them counted.
 */
@Singleton
public class AccompanimentFixtures {
    private static final Pattern SAVED = Pattern.compile("/accompagnements/(\\d+)/(\\d+)\\?nouveau=1");

    private final AccompanimentRepository records;
    private final Links.Themes themes;
    private final Sites sites;
    private final Slots slots;
    private final Bookings bookings;
    private final Clock clock;
    private final Partners partners;
    private final Tallies tallies;

    AccompanimentFixtures(AccompanimentRepository records, Links.Themes themes, Sites sites, Slots slots, Bookings bookings,
                          Clock clock, Partners partners, Tallies tallies) {
        this.tallies = tallies;
        this.partners = partners;
        this.records = records;
        this.themes = themes;
        this.sites = sites;
        this.slots = slots;
        this.bookings = bookings;
        this.clock = clock;
    }

    /** The form of a new record at this site. */
    static String newPath(Site site) {
        return "/accompagnements/" + site.id() + "/nouveau";
    }

    /** Form fields from name, value pairs, in order; a list is a group of boxes ticked. */
    static Map<String, Object> form(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    /** "Faire à la place" on the procedures chosen, with this mandate (or none). */
    static Map<String, Object> doFor(Object mandateId, Object... scopes) {
        return form("mode", "DO_FOR", "themes", "ADMIN_PROCEDURES", "scopes", List.of(scopes),
                "mandateId", mandateId == null ? "" : String.valueOf(mandateId));
    }

    /** "Orienter" to this partner (or none), on these themes. */
    static Map<String, Object> refer(Object partnerId, Object... themes) {
        return form("mode", "REFER", "themes", List.of(themes), "partnerId", partnerId == null ? "" : String.valueOf(partnerId));
    }

    /** The id of the record a post saved: 303 to its page, or the page's messages when it was refused. */
    static long savedId(TestClient.Answer answer) {
        assertEquals(303, answer.status(), () -> answer.h1() + " " + answer.html().select(".field-error").text());
        Matcher m = SAVED.matcher(answer.location());
        assertTrue(m.matches(), answer.location());
        return Long.parseLong(m.group(2));
    }

    /** A walk-in "faire avec" on e-mail, logged now by this helper. */
    public long record(Site site, long helperId) {
        return logged(site, helperId, clock.instant(), AccompanimentMode.DO_WITH, "EMAIL").id();
    }

    /** A referral on online health, logged now by this helper, to the first partner the site refers to. */
    public long referral(Site site, long helperId) {
        PartnerSummary partner = partners.visibleFrom(site.id()).get(0);
        Instant at = clock.instant();
        LocalDate day = at.atZone(site.zone()).toLocalDate();
        Accompaniment saved = records.save(new Accompaniment(null, site.id(), helperId, at, day, AccompanimentMode.REFER, 30,
                "WALK_IN", null, null, null, null, null, null, partner.id(), partner.kindCode(), at, 1, null));
        themes.save(new Links.ThemeLink(null, saved.id(), "HEALTH"));
        tallies.add(RecordFacts.of(saved, List.of("HEALTH"), List.of(), List.of()));
        return saved.id();
    }

    /** A record as if it had been logged {@code daysAgo} days ago (for the same-day rule). */
    public long recordLoggedDaysAgo(Site site, long helperId, int daysAgo) {
        return logged(site, helperId, clock.instant().minus(Duration.ofDays(daysAgo)), AccompanimentMode.DO_WITH, "EMAIL").id();
    }

    Accompaniment logged(Site site, long helperId, Instant at, AccompanimentMode mode, String theme) {
        LocalDate day = at.atZone(site.zone()).toLocalDate();
        Accompaniment saved = records.save(new Accompaniment(null, site.id(), helperId, at, day, mode, 30, "WALK_IN", null,
                null, null, null, null, null, null, mode == AccompanimentMode.REFER ? "OTHER" : null, at, 1, null));
        themes.save(new Links.ThemeLink(null, saved.id(), theme));
        tallies.add(RecordFacts.of(saved, List.of(theme), List.of(), List.of()));
        return saved;
    }

    /** An appointment booked on the next free slot of the site and marked honoured. */
    public Appointment honouredAppointment(Site site, String themeCode, String scopeCode) {
        Appointment booked = booked(site, themeCode, scopeCode);
        return bookings.setStatus(booked, AppointmentStatus.DONE, null);
    }

    public Appointment booked(Site site, String themeCode, String scopeCode) {
        LocalDate from = sites.today(site).plusDays(1);
        List<Slot> free = slots.between(site, from, from.plusDays(90)).stream().filter(s -> s.free() > 0).toList();
        Slot slot = free.get(0);
        return bookings.book(site, Slot.parse(slot.key()).orElseThrow(),
                new Bookings.Request("Test", null, null, themeCode, scopeCode, null), null);
    }
}
