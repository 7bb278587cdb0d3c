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
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Accompaniments and honoured appointments made for tests, also outside this package (the route table): each call
 * makes a new one, so a case that corrects or deletes one leaves the next case its own.
 */
@Singleton
public class AccompanimentTestData {
    private final AccompanimentRepository records;
    private final Links.Themes themes;
    private final Sites sites;
    private final Slots slots;
    private final Bookings bookings;
    private final Clock clock;
    private final Partners partners;

    AccompanimentTestData(AccompanimentRepository records, Links.Themes themes, Sites sites, Slots slots, Bookings bookings,
                          Clock clock, Partners partners) {
        this.partners = partners;
        this.records = records;
        this.themes = themes;
        this.sites = sites;
        this.slots = slots;
        this.bookings = bookings;
        this.clock = clock;
    }

    /** A walk-in "faire avec" on e-mail, logged now by this helper. */
    public long record(Site site, long helperId) {
        return logged(site, helperId, clock.instant(), AccompanimentMode.DO_WITH, "EMAIL").id();
    }

    /** A referral on online health, logged now by this helper, to the first partner the site refers to. */
    public long referral(Site site, long helperId) {
        PartnerSummary partner = partners.visibleFrom(site.id()).get(0);
        java.time.Instant at = clock.instant();
        LocalDate day = at.atZone(ZoneId.of(site.timeZone())).toLocalDate();
        Accompaniment saved = records.save(new Accompaniment(null, site.id(), helperId, at, day, AccompanimentMode.REFER, 30,
                "WALK_IN", null, null, null, null, null, null, partner.id(), partner.kindCode(), at));
        themes.save(new Links.ThemeLink(null, saved.id(), "HEALTH"));
        return saved.id();
    }

    /** A record as if it had been logged {@code daysAgo} days ago (for the same-day rule). */
    public long recordLoggedDaysAgo(Site site, long helperId, int daysAgo) {
        return logged(site, helperId, clock.instant().minus(Duration.ofDays(daysAgo)), AccompanimentMode.DO_WITH, "EMAIL").id();
    }

    Accompaniment logged(Site site, long helperId, Instant at, AccompanimentMode mode, String theme) {
        LocalDate day = at.atZone(ZoneId.of(site.timeZone())).toLocalDate();
        Accompaniment saved = records.save(new Accompaniment(null, site.id(), helperId, at, day, mode, 30, "WALK_IN", null,
                null, null, null, null, null, null, mode == AccompanimentMode.REFER ? "OTHER" : null, at));
        themes.save(new Links.ThemeLink(null, saved.id(), theme));
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
