package fr.relais.journal;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.relais.security.CurrentStaff;
import fr.relais.security.Role;
import fr.relais.site.Site;
import fr.relais.site.Sites;
import fr.relais.staff.StaffDirectory;
import fr.relais.web.DateWords;
import fr.relais.web.Messages;
import fr.relais.web.NotFoundException;
import fr.relais.web.Page;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The journal: directors read their sites' entries, administrators every entry and run the check. Helpers and
 * coordination have no access. Filtering on a site one may not see answers like an unknown site (404).
 */
@Controller("/gestion/journal")
@Produces(MediaType.TEXT_HTML)
@Secured({"ADMIN", "DIRECTOR"})
@ExecuteOn(TaskExecutors.BLOCKING)
class JournalController {
    static final String LIST_VIEW = "journal/list";
    static final String CHECK_VIEW = "journal/verification";
    static final int PAGE_SIZE = 50;
    /** Far beyond any real journal; keeps the offset of a hand-edited ?page= within bounds. */
    static final int MAX_PAGE = 1_000_000;

    private final JournalRepository entries;
    private final JournalCheck check;
    private final Sites sites;
    private final StaffDirectory staff;
    private final Messages messages;

    JournalController(JournalRepository entries, JournalCheck check, Sites sites, StaffDirectory staff,
                      Messages messages) {
        this.entries = entries;
        this.check = check;
        this.sites = sites;
        this.staff = staff;
        this.messages = messages;
    }

    /** One entry as the table shows it: the day and time in words, in the time zone of its site. */
    record Row(String seq, String date, String time, String isoTime, boolean system, @Nullable String actor,
               @Nullable String actorId, boolean network, @Nullable String site, @Nullable String siteId,
               @Nullable String actionKey, String actionCode, @Nullable String objectRef, @Nullable String details) {
    }

    /** A choice of the filters' drop-down lists ({@code partials/select}). */
    record Option(String code, String label) {
    }

    @Get
    MutableHttpResponse<?> list(CurrentStaff me, Locale locale, @Nullable @QueryValue String site,
                                @Nullable @QueryValue String action, @Nullable @QueryValue String page) {
        Long siteId = number(site);
        Site chosenSite = siteId == null ? null : sites.manageable(me, siteId);
        JournalAction chosenAction = action(action);
        Long asked = number(page);
        int number = asked == null || asked < 1 ? 1 : (int) Math.min(asked, MAX_PAGE);
        Pageable pageable = Pageable.from(number - 1, PAGE_SIZE, Sort.of(Sort.Order.desc("seq")));

        // Directors: their sites only (network-wide entries are not theirs); administrators: everything.
        Set<Long> scope = chosenSite != null ? Set.of(chosenSite.id())
                : me.role().belongsToSites() ? me.siteIds() : null;
        io.micronaut.data.model.Page<JournalEntry> found;
        if (scope != null && scope.isEmpty()) {
            found = io.micronaut.data.model.Page.empty();
        } else if (scope == null) {
            found = chosenAction == null ? entries.findAll(pageable) : entries.findByAction(chosenAction.name(), pageable);
        } else {
            found = chosenAction == null ? entries.findBySiteIdIn(scope, pageable)
                    : entries.findBySiteIdInAndAction(scope, chosenAction.name(), pageable);
        }

        List<Site> visible = sites.visibleTo(me);
        int pages = Math.max(found.getTotalPages(), 1);
        String filters = (chosenSite == null ? "" : "&site=" + chosenSite.id())
                + (chosenAction == null ? "" : "&action=" + chosenAction.name());
        return Page.of(LIST_VIEW).title("journal.list.title")
                .with("entries", rows(found.getContent(), locale))
                .with("total", found.getTotalSize())
                .with("page", number).with("pages", pages).with("paged", pages > 1)
                .with("newer", number > 1 ? "/gestion/journal?page=" + Math.min(number - 1, pages) + filters : null)
                .with("older", number < pages ? "/gestion/journal?page=" + (number + 1) + filters : null)
                .with("sites", visible.stream().map(s -> new Option(String.valueOf(s.id()), s.name())).toList())
                .with("chooseSite", visible.size() > 1)
                .with("siteId", chosenSite == null ? null : String.valueOf(chosenSite.id()))
                .with("actions", Arrays.stream(JournalAction.values())
                        .map(a -> new Option(a.name(), messages.get(locale, labelKey(a)))).toList())
                .with("action", chosenAction == null ? null : chosenAction.name())
                .with("canCheck", me.role() == Role.ADMIN)
                .ok();
    }

    @Get("/verification")
    @Secured("ADMIN")
    MutableHttpResponse<?> verification() {
        JournalCheck.Result result = check.run();
        return Page.of(CHECK_VIEW).title("journal.check.title")
                .with("result", result)
                .with("lastHash", result.checked() > 0 ? result.lastHash() : null)
                .with("checked", String.valueOf(result.checked()))
                .with("brokenSeq", result.firstBrokenSeq() == null ? null : String.valueOf(result.firstBrokenSeq()))
                .with("problemKey", result.problem() == null ? null : "journal.problem." + result.problem().name())
                .ok();
    }

    /**
     * For monitoring, with an administrator's session: 200 when intact, 409 when broken. 409 (Conflict) because the
     * server works and answers; what it found is stored data in conflict with its own hashes. A 5xx would read as an
     * outage, and a monitor could not tell a broken chain from a server down.
     */
    @Get("/verification.json")
    @Secured("ADMIN")
    @Produces(MediaType.APPLICATION_JSON)
    MutableHttpResponse<CheckReport> verificationJson() {
        JournalCheck.Result result = check.run();
        CheckReport report = new CheckReport(result.intact(), result.checked(), result.firstBrokenSeq(),
                result.problem() == null ? null : result.problem().name(), result.lastHash());
        return HttpResponse.<CheckReport>status(result.intact() ? HttpStatus.OK : HttpStatus.CONFLICT).body(report);
    }

    /** The JSON answer; nulls are written out, so a monitor always finds every field. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record CheckReport(boolean intact, long checked, @Nullable Long firstBrokenSeq, @Nullable String problem,
                       @Nullable String lastHash) {
    }

    static String labelKey(JournalAction action) {
        return "journal.action." + action.name();
    }

    /**
     * A number from the query: empty (the filter form's "all" choice) is none; anything else that is not a number
     * answers like an unknown page.
     */
    private static Long number(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (!text.strip().matches("\\d{1,18}")) {
            throw new NotFoundException();
        }
        return Long.parseLong(text.strip());
    }

    /** The action asked for in the filter; a code that is not an action answers like an unknown page. */
    private static JournalAction action(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return Arrays.stream(JournalAction.values()).filter(a -> a.name().equals(code)).findFirst()
                .orElseThrow(NotFoundException::new);
    }

    /** The page's rows: names and sites looked up once for the whole page, times in the site's time zone. */
    private List<Row> rows(List<JournalEntry> page, Locale locale) {
        Map<Long, String> names = staff.names(page.stream().map(JournalEntry::actorId).filter(Objects::nonNull).toList());
        Map<Long, Site> siteById = sites.all().stream().collect(Collectors.toMap(Site::id, Function.identity()));
        return page.stream().map(e -> {
            Site site = e.siteId() == null ? null : siteById.get(e.siteId());
            ZonedDateTime at = e.recordedAt().atZone(site == null ? ZoneId.of(Sites.DEFAULT_ZONE) : site.zone());
            return new Row(String.valueOf(e.seq()), DateWords.longDate(at.toLocalDate(), locale),
                    DateWords.time(at.toLocalTime(), locale), e.recordedAt().toString(), e.actorId() == null,
                    e.actorId() == null ? null : names.get(e.actorId()),
                    e.actorId() == null ? null : String.valueOf(e.actorId()), e.siteId() == null,
                    site == null ? null : site.name(), e.siteId() == null ? null : String.valueOf(e.siteId()),
                    knownAction(e.action()) ? "journal.action." + e.action() : null, e.action(), e.objectRef(),
                    e.details());
        }).toList();
    }

    private static boolean knownAction(String code) {
        return Arrays.stream(JournalAction.values()).anyMatch(a -> a.name().equals(code));
    }
}
