package fr.relais.mandate;

import fr.relais.journal.Journal;
import fr.relais.journal.JournalAction;
import fr.relais.security.ShortCodes;
import fr.relais.site.Site;
import fr.relais.site.Sites;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The life of mandates: drafted, printed, signed (ACTIVE), revoked, superseded, expired. Every step writes its
 * journal entry in the same transaction. The journal never receives the person's name: only the mandate's number.
 */
@Singleton
class Mandates {
    /** One day, one month, six months, twelve months. */
    static final List<Integer> DURATIONS = List.of(1, 31, 182, 365);
    static final int CODE_LENGTH = 8;
    /** "Expire dans moins de 30 jours". */
    static final int EXPIRING_DAYS = 30;

    private final MandateRepository mandates;
    private final MandateScopeRepository scopes;
    private final Journal journal;
    private final Sites sites;
    private final Clock clock;

    Mandates(MandateRepository mandates, MandateScopeRepository scopes, Journal journal, Sites sites, Clock clock) {
        this.mandates = mandates;
        this.scopes = scopes;
        this.journal = journal;
        this.sites = sites;
        this.clock = clock;
    }

    /** What a valid form holds. */
    record Draft(String firstName, String lastName, List<String> scopeCodes, String purpose, int durationDays,
                 LocalDate startDate) {
    }

    /** The last day the mandate is valid: the first day counts, so one day ends the day it starts. */
    static LocalDate endDate(LocalDate start, int durationDays) {
        return start.plusDays(durationDays - 1L);
    }

    /** Lower case, no accents, single spaces, "last first": what searches and supersession compare. */
    static String searchName(String firstName, String lastName) {
        return normalize(lastName) + " " + normalize(firstName);
    }

    static String normalize(String text) {
        String plain = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }

    LocalDate today(long siteId) {
        return sites.byId(siteId).map(sites::today).orElseGet(() -> LocalDate.now(clock));
    }

    @Transactional
    Mandate draft(long siteId, long helperId, Draft d) {
        Instant now = clock.instant();
        String code = newCode();
        Mandate saved = mandates.save(new Mandate(null, siteId, helperId, d.firstName(), d.lastName(),
                searchName(d.firstName(), d.lastName()), d.purpose(), d.durationDays(), d.startDate(),
                endDate(d.startDate(), d.durationDays()), MandateState.DRAFT.name(), code, now, null, null, null, null,
                null, null, false));
        for (String scope : d.scopeCodes()) {
            scopes.save(new MandateScope(null, saved.id(), scope, null, null));
        }
        journal.record(JournalAction.MANDATE_DRAFTED, helperId, siteId, saved.ref(),
                "démarches " + String.join(",", d.scopeCodes()) + " ; " + d.durationDays() + " jours");
        return saved;
    }

    private String newCode() {
        String code;
        do {
            code = ShortCodes.next(CODE_LENGTH);
        } while (mandates.existsByVerificationCode(code));
        return code;
    }

    Optional<Mandate> find(long siteId, long mandateId) {
        return mandates.findByIdAndSiteId(mandateId, siteId);
    }

    /** The mandate printed on paper with this code, at this site only. */
    Optional<Mandate> byCode(long siteId, String normalizedCode) {
        return mandates.findByVerificationCode(normalizedCode).filter(m -> m.siteId() == siteId);
    }

    /** The site's mandates whose name holds every word typed, newest first. */
    List<Mandate> search(long siteId, String typed) {
        String[] words = normalize(typed).split(" ");
        if (words.length == 0 || words[0].isEmpty()) {
            return List.of();
        }
        String longest = Arrays.stream(words).max(Comparator.comparingInt(String::length)).orElseThrow();
        return mandates.findBySiteIdAndSearchNameContains(siteId, longest).stream()
                .filter(m -> Arrays.stream(words).allMatch(w -> m.searchName().contains(w)))
                .sorted(Comparator.comparing(Mandate::createdAt).reversed())
                .limit(50)
                .toList();
    }

    /** Signed mandates of the site still valid today that end within {@link #EXPIRING_DAYS} days, soonest first. */
    List<Mandate> expiringSoon(Site site) {
        LocalDate today = sites.today(site);
        return mandates.findBySiteIdAndStatusAndEndDateBetween(site.id(), MandateState.ACTIVE.name(), today,
                        today.plusDays(EXPIRING_DAYS - 1L)).stream()
                .sorted(Comparator.comparing(Mandate::endDate).thenComparing(Mandate::searchName))
                .toList();
    }

    List<MandateScope> scopesOf(long mandateId) {
        return scopes.findByMandateId(mandateId);
    }

    /** The scopes of several mandates at once, by mandate. */
    Map<Long, List<MandateScope>> scopesOf(Collection<Long> mandateIds) {
        Map<Long, List<MandateScope>> byMandate = new LinkedHashMap<>();
        if (!mandateIds.isEmpty()) {
            for (MandateScope s : scopes.findByMandateIdIn(mandateIds)) {
                byMandate.computeIfAbsent(s.mandateId(), k -> new ArrayList<>()).add(s);
            }
        }
        return byMandate;
    }

    /** Someone read the mandate's page: the person's name was shown. */
    @Transactional
    void opened(Mandate m, long actorId) {
        journal.record(JournalAction.PERSONAL_DATA_OPENED, actorId, m.siteId(), m.ref(), null);
    }

    /** Someone checked a printed code and saw the mandate's state. */
    @Transactional
    void checked(Mandate m, long actorId) {
        journal.record(JournalAction.MANDATE_CHECKED, actorId, m.siteId(), m.ref(), null);
    }

    @Transactional
    void printed(Mandate m, long actorId) {
        journal.record(JournalAction.MANDATE_PRINTED, actorId, m.siteId(), m.ref(), null);
    }

    /**
     * Records that the paper was signed: the mandate becomes ACTIVE and takes over its scopes from the person's
     * older mandates at the site. Empty when it is no longer a draft (already signed, revoked or expired).
     */
    @Transactional
    Optional<Mandate> activate(Mandate m, long actorId) {
        if (m.state(today(m.siteId())) != MandateState.DRAFT) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (mandates.sign(m.id(), now, actorId) != 1) {
            return Optional.empty();
        }
        Mandate active = m.signed(now, actorId);
        journal.record(JournalAction.MANDATE_ACTIVATED, actorId, m.siteId(), m.ref(), null);
        supersedeOlder(active, actorId, now);
        return Optional.of(active);
    }

    /** A newer mandate for the same person, site and scope ends the older one for that scope. */
    private void supersedeOlder(Mandate newer, long actorId, Instant now) {
        List<String> newScopes = scopesOf(newer.id()).stream().map(MandateScope::scopeCode).toList();
        for (Mandate older : mandates.findBySiteIdAndSearchNameAndStatus(newer.siteId(), newer.searchName(),
                MandateState.ACTIVE.name())) {
            if (older.id().equals(newer.id())) {
                continue;
            }
            List<MandateScope> olderScopes = scopesOf(older.id());
            List<String> taken = new ArrayList<>();
            for (MandateScope s : olderScopes) {
                if (s.current() && newScopes.contains(s.scopeCode())) {
                    scopes.update(new MandateScope(s.id(), s.mandateId(), s.scopeCode(), newer.id(), now));
                    taken.add(s.scopeCode());
                }
            }
            if (taken.isEmpty()) {
                continue;
            }
            journal.record(JournalAction.MANDATE_SUPERSEDED, actorId, older.siteId(), older.ref(),
                    "démarches " + String.join(",", taken) + " reprises par " + newer.ref());
            boolean nothingLeft = olderScopes.stream().allMatch(s -> !s.current() || taken.contains(s.scopeCode()));
            if (nothingLeft) {
                mandates.update(older.revoked(now, actorId, RevocationKind.SUPERSEDED, null));
            }
        }
    }

    /** Revokes a draft or an active mandate. Empty when it had already ended. */
    @Transactional
    Optional<Mandate> revoke(Mandate m, long actorId, RevocationKind kind, @Nullable String reason) {
        MandateState state = m.state(today(m.siteId()));
        if (state != MandateState.DRAFT && state != MandateState.ACTIVE) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (mandates.revoke(m.id(), now, actorId, kind.name(), reason) != 1) {
            return Optional.empty();
        }
        journal.record(JournalAction.MANDATE_REVOKED, actorId, m.siteId(), m.ref(),
                kind == RevocationKind.USER ? "à la demande de la personne" : "par la bibliothèque");
        return Optional.of(m.revoked(now, actorId, kind, reason));
    }

    /**
     * Writes the expiry of every mandate whose end date has passed to the journal, once each, even with several
     * instances running. The state does not depend on it: it is read from the dates.
     */
    @Transactional
    int journalExpiries() {
        int written = 0;
        for (Mandate m : mandates.findByStatusInAndEndDateLessThanAndExpiryJournaledFalse(
                List.of(MandateState.DRAFT.name(), MandateState.ACTIVE.name()), LocalDate.now(clock).plusDays(1))) {
            if (m.state(today(m.siteId())) == MandateState.EXPIRED && mandates.markExpiryJournaled(m.id()) == 1) {
                journal.record(JournalAction.MANDATE_EXPIRED, null, m.siteId(), m.ref(), null);
                written++;
            }
        }
        return written;
    }
}
