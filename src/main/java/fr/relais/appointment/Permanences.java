package fr.relais.appointment;

import fr.relais.site.Site;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Permanences of a site and the helpers on duty. */
@Singleton
public class Permanences {
    public static final int DEFAULT_SLOT_MINUTES = 30;
    private final PermanenceRepository permanences;
    private final PermanenceHelperRepository helpers;
    private final Slots slots;
    private final Clock clock;

    Permanences(PermanenceRepository permanences, PermanenceHelperRepository helpers, Slots slots, Clock clock) {
        this.permanences = permanences;
        this.helpers = helpers;
        this.slots = slots;
        this.clock = clock;
    }

    public List<Permanence> of(Site site) {
        return permanences.findBySiteId(site.id()).stream()
                .sorted(Comparator.comparing(Permanence::dayOfWeek).thenComparing(Permanence::startsAt)).toList();
    }

    public Optional<Permanence> find(Site site, long id) {
        return permanences.findById(id).filter(p -> p.siteId() == site.id());
    }

    public Map<Long, List<Long>> helpersOf(Collection<Long> permanenceIds) {
        return permanenceIds.isEmpty() ? Map.of() : slots.helpersOf(permanenceIds);
    }

    @Transactional
    public Permanence create(Site site, int dayOfWeek, LocalTime start, LocalTime end, int slotMinutes,
                             LocalDate validFrom, LocalDate validTo, Collection<Long> helperIds) {
        Permanence saved = permanences.save(new Permanence(null, site.id(), (short) dayOfWeek, start, end, slotMinutes,
                validFrom, validTo, clock.instant()));
        helperIds.forEach(h -> helpers.save(new PermanenceHelper(null, saved.id(), h)));
        return saved;
    }

    @Transactional
    public Permanence update(Permanence changed, Collection<Long> helperIds) {
        Permanence saved = permanences.update(changed);
        helpers.deleteByPermanenceId(saved.id());
        helperIds.forEach(h -> helpers.save(new PermanenceHelper(null, saved.id(), h)));
        return saved;
    }
}
