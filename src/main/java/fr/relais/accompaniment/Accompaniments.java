package fr.relais.accompaniment;

import fr.relais.mandate.MandateAuthority;
import fr.relais.partner.Partner;
import fr.relais.security.CurrentStaff;
import fr.relais.site.Site;
import fr.relais.stats.Tallies;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Records, corrects and deletes accompaniments with their themes, scopes and equipment. A "faire à la place" is
 * checked against the mandates in the same transaction that saves it, and its use of the mandate is journaled
 * there too: the record and its journal entry exist together or not at all. The statistics' aggregates change in
 * the same transaction ({@link Tallies}, ADR 0020), the site's tally lock taken before anything else.
 */
@Singleton
class Accompaniments {
    /** How far back the form looks for the themes chosen most often. */
    static final int FREQUENT_DAYS = 90;
    private final AccompanimentRepository records;
    private final Links.Themes themes;
    private final Links.Scopes scopes;
    private final Links.Equipment equipment;
    private final AppointmentFacts.Repository appointments;
    private final MandateAuthority mandates;
    private final PartnerChoices partners;
    private final Tallies tallies;
    private final Clock clock;

    Accompaniments(AccompanimentRepository records, Links.Themes themes, Links.Scopes scopes, Links.Equipment equipment,
                   AppointmentFacts.Repository appointments, MandateAuthority mandates, PartnerChoices partners,
                   Tallies tallies, Clock clock) {
        this.tallies = tallies;
        this.records = records;
        this.themes = themes;
        this.scopes = scopes;
        this.equipment = equipment;
        this.appointments = appointments;
        this.mandates = mandates;
        this.partners = partners;
        this.clock = clock;
    }

    /** A record saved, or why acting for the person was refused (nothing saved then). */
    record Outcome(@Nullable Accompaniment saved, @Nullable MandateAuthority.Refusal refusal) {
    }

    /** Its themes, scopes and equipment, in the order chosen. */
    record Detail(List<String> themes, List<String> scopes, List<String> equipment) {
        static final Detail NONE = new Detail(List.of(), List.of(), List.of());
    }

    @Transactional
    Outcome create(CurrentStaff me, Site site, AccompanimentForm.Values v, @Nullable Long appointmentId) {
        tallies.lock(site.id());
        Optional<MandateAuthority.Refusal> refusal = mandateRefusal(me, site, v);
        if (refusal.isPresent()) {
            return new Outcome(null, refusal.get());
        }
        Accompaniment saved = records.save(new Accompaniment(null, site.id(), me.id(), v.occurredAt(), v.occurredOn(),
                v.mode(), v.durationMinutes(), v.channel(), v.autonomy(), v.ageBracket(), v.firstVisit(), v.note(),
                appointmentId, v.mandateId(), v.partnerId(), partnerKind(site, v), clock.instant(), Accompaniment.ONE, null));
        saveLinks(saved.id(), v);
        tallies.add(RecordFacts.of(saved, v.themes(), v.scopes(), v.equipment()));
        if (v.mandateId() != null) {
            mandates.recordUse(v.mandateId(), me.id(), site.id(), usedFor(saved.id()));
        }
        return new Outcome(saved, null);
    }

    /** A correction: everything but the site, the helper, the appointment and the time it was first logged. */
    @Transactional
    Outcome update(CurrentStaff me, Site site, Accompaniment existing, AccompanimentForm.Values v) {
        tallies.lock(existing.siteId());
        Optional<MandateAuthority.Refusal> refusal = mandateRefusal(me, site, v);
        if (refusal.isPresent()) {
            return new Outcome(null, refusal.get());
        }
        // What the aggregates hold for it: read again under the lock, the page's copy may be stale.
        Optional<Tallies.Fact> before = stored(existing.id());
        Accompaniment updated = records.update(new Accompaniment(existing.id(), existing.siteId(), existing.helperId(),
                v.occurredAt(), v.occurredOn(), v.mode(), v.durationMinutes(), v.channel(), v.autonomy(), v.ageBracket(),
                v.firstVisit(), v.note(), existing.appointmentId(), v.mandateId(), v.partnerId(), partnerKind(site, v),
                existing.createdAt(), existing.participants(), existing.workshopSessionId()));
        themes.deleteByAccompanimentId(existing.id());
        scopes.deleteByAccompanimentId(existing.id());
        equipment.deleteByAccompanimentId(existing.id());
        saveLinks(existing.id(), v);
        tallies.change(before.orElse(null), RecordFacts.of(updated, v.themes(), v.scopes(), v.equipment()));
        // A mandate newly relied on is a new use; the same mandate kept is the use already journaled.
        if (v.mandateId() != null && !Objects.equals(v.mandateId(), existing.mandateId())) {
            mandates.recordUse(v.mandateId(), me.id(), site.id(), usedFor(existing.id()));
        }
        return new Outcome(updated, null);
    }

    @Transactional
    void delete(Accompaniment a) {
        tallies.lock(a.siteId());
        Optional<Tallies.Fact> before = stored(a.id());
        if (before.isEmpty()) {
            return;
        }
        themes.deleteByAccompanimentId(a.id());
        scopes.deleteByAccompanimentId(a.id());
        equipment.deleteByAccompanimentId(a.id());
        records.deleteById(a.id());
        tallies.remove(before.get());
    }

    /** What a stored record counts in the aggregates, if it exists. */
    private Optional<Tallies.Fact> stored(long id) {
        return records.findById(id).map(a -> {
            Detail d = detail(id);
            return RecordFacts.of(a, d.themes(), d.scopes(), d.equipment());
        });
    }

    private static String usedFor(long accompanimentId) {
        return "accompagnement:" + accompanimentId;
    }

    private Optional<MandateAuthority.Refusal> mandateRefusal(CurrentStaff me, Site site, AccompanimentForm.Values v) {
        if (v.mode() != AccompanimentMode.DO_FOR) {
            return Optional.empty();
        }
        return mandates.check(me, site.id(), v.mandateId(), v.scopes());
    }

    /** The kind of the partner referred to, kept for the statistics should the entry leave the directory. */
    private String partnerKind(Site site, AccompanimentForm.Values v) {
        return v.partnerId() == null ? null
                : partners.visible(site.id(), v.partnerId()).map(Partner::kindCode).orElse(null);
    }

    private void saveLinks(long id, AccompanimentForm.Values v) {
        for (String code : v.themes()) {
            themes.save(new Links.ThemeLink(null, id, code));
        }
        for (String code : v.scopes()) {
            scopes.save(new Links.ScopeLink(null, id, code));
        }
        for (String code : v.equipment()) {
            equipment.save(new Links.EquipmentLink(null, id, code));
        }
    }

    Optional<Accompaniment> find(long id) {
        return records.findById(id);
    }

    Optional<Accompaniment> byAppointment(long appointmentId) {
        return records.findByAppointmentId(appointmentId);
    }

    Optional<AppointmentFacts> appointment(long id) {
        return appointments.findById(id);
    }

    List<Accompaniment> ofHelper(long helperId, LocalDate from, LocalDate to) {
        return records.findByHelperIdAndOccurredOnBetweenOrderByOccurredAtDesc(helperId, from, to);
    }

    List<Accompaniment> ofSites(Collection<Long> siteIds, LocalDate from, LocalDate to) {
        return siteIds.isEmpty() ? List.of() : records.findBySiteIdInAndOccurredOnBetweenOrderByOccurredAtDesc(siteIds, from, to);
    }

    Detail detail(long id) {
        return details(List.of(id)).getOrDefault(id, Detail.NONE);
    }

    /** The themes, scopes and equipment of several records at once. */
    Map<Long, Detail> details(Collection<Long> ids) {
        Map<Long, Detail> byId = new HashMap<>();
        if (ids.isEmpty()) {
            return byId;
        }
        for (Long id : ids) {
            byId.put(id, new Detail(new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
        }
        themes.findByAccompanimentIdInOrderById(ids).forEach(l -> byId.get(l.accompanimentId()).themes().add(l.themeCode()));
        scopes.findByAccompanimentIdInOrderById(ids).forEach(l -> byId.get(l.accompanimentId()).scopes().add(l.scopeCode()));
        equipment.findByAccompanimentIdInOrderById(ids)
                .forEach(l -> byId.get(l.accompanimentId()).equipment().add(l.equipmentCode()));
        return byId;
    }

    /** Theme codes, the ones chosen most often at the site lately first, then in the list's own order. */
    List<String> themeOrder(long siteId, LocalDate today, List<String> allCodes) {
        Map<String, Long> uses = new HashMap<>();
        records.themeUses(siteId, today.minusDays(FREQUENT_DAYS)).forEach(u -> uses.put(u.code(), u.uses()));
        List<String> ordered = new ArrayList<>(allCodes);
        ordered.sort(Comparator.comparing((String c) -> -uses.getOrDefault(c, 0L)).thenComparing(allCodes::indexOf));
        return ordered;
    }
}
