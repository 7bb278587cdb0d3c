package fr.relais.mandate;

import fr.relais.journal.Journal;
import fr.relais.journal.JournalAction;
import fr.relais.security.CurrentStaff;
import fr.relais.security.ShortCodes;
import fr.relais.security.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "May this helper act for this person?" — the check the accompaniment log calls before recording a
 * "faire à la place": a habilitated helper of the site, and a mandate of that site, signed, in force today and
 * covering every procedure scope chosen.
 */
@Singleton
public class MandateAuthority {
    private final Mandates mandates;
    private final Journal journal;

    MandateAuthority(Mandates mandates, Journal journal) {
        this.mandates = mandates;
        this.journal = journal;
    }

    /** Why acting for someone is refused; the message key is {@code mandate.refusal.NAME}. */
    public enum Refusal {
        NOT_HABILITATED, NO_MANDATE, OTHER_SITE, DRAFT, NOT_STARTED, EXPIRED, REVOKED, SCOPE_NOT_COVERED;

        public String messageKey() {
            return "mandate.refusal." + name();
        }
    }

    /** A mandate in force, as the accompaniment form offers it. */
    public record InForce(long id, String personName, LocalDate endDate, List<String> scopeCodes, String code) {
    }

    /** The site's mandates in force today whose name holds every word typed. */
    public List<InForce> inForce(long siteId, String typedName) {
        LocalDate today = mandates.today(siteId);
        List<Mandate> found = mandates.search(siteId, typedName).stream().filter(m -> m.inForce(today)).toList();
        Map<Long, List<MandateScope>> scopes = mandates.scopesOf(found.stream().map(Mandate::id).toList());
        return found.stream().map(m -> new InForce(m.id(), m.fullName(), m.endDate(),
                        scopes.getOrDefault(m.id(), List.of()).stream().filter(MandateScope::current)
                                .map(MandateScope::scopeCode).toList(),
                        ShortCodes.display(m.verificationCode())))
                .filter(m -> !m.scopeCodes().isEmpty())
                .toList();
    }

    /** Empty when {@code me} may act for the person of {@code mandateId} at {@code siteId} on every scope given. */
    public Optional<Refusal> check(CurrentStaff me, long siteId, @Nullable Long mandateId, Collection<String> scopeCodes) {
        if (me.role() != Role.HELPER || !me.mandateHabilitated() || !me.siteIds().contains(siteId)) {
            return Optional.of(Refusal.NOT_HABILITATED);
        }
        if (mandateId == null) {
            return Optional.of(Refusal.NO_MANDATE);
        }
        Optional<Mandate> found = mandates.find(siteId, mandateId);
        if (found.isEmpty()) {
            return Optional.of(Refusal.OTHER_SITE);
        }
        Mandate m = found.get();
        LocalDate today = mandates.today(siteId);
        switch (m.state(today)) {
            case DRAFT -> {
                return Optional.of(Refusal.DRAFT);
            }
            case EXPIRED -> {
                return Optional.of(Refusal.EXPIRED);
            }
            case REVOKED -> {
                return Optional.of(Refusal.REVOKED);
            }
            default -> {
                // ACTIVE: the dates and scopes below
            }
        }
        if (m.startDate().isAfter(today)) {
            return Optional.of(Refusal.NOT_STARTED);
        }
        List<String> covered = mandates.scopesOf(m.id()).stream().filter(MandateScope::current)
                .map(MandateScope::scopeCode).toList();
        if (scopeCodes.isEmpty() || !covered.containsAll(scopeCodes)) {
            return Optional.of(Refusal.SCOPE_NOT_COVERED);
        }
        return Optional.empty();
    }

    /** Journals one use of a mandate, in the caller's transaction (the accompaniment being recorded). */
    @Transactional
    public void recordUse(long mandateId, long actorId, long siteId, String usedFor) {
        journal.record(JournalAction.MANDATE_USED, actorId, siteId, Mandate.ref(mandateId), usedFor);
    }
}
