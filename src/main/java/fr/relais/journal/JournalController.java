package fr.relais.journal;

import fr.relais.staff.StaffDirectory;
import com.fasterxml.jackson.annotation.JsonInclude;
import fr.relais.security.CurrentStaff;
import fr.relais.site.Site;
import fr.relais.site.Sites;
import fr.relais.security.Role;
import fr.relais.web.Forms;
import fr.relais.web.NotFoundException;
import fr.relais.web.Page;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.HttpRequest;
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
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm");

    private final JournalRepository entries;
    private final JournalCheck check;
    private final Sites sites;
    private final StaffDirectory staff;

    JournalController(JournalRepository entries, JournalCheck check, Sites sites, StaffDirectory staff) {
        this.entries = entries;
        this.check = check;
        this.sites = sites;
        this.staff = staff;
    }

    @Get
    MutableHttpResponse<?> list(Authentication authentication, @Nullable @QueryValue String site,
                                @Nullable @QueryValue String action, @Nullable @QueryValue String page) {
        CurrentStaff me = CurrentStaff.of(authentication);
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
                .with("entries", rows(found.getContent()))
                .with("total", found.getTotalSize())
                .with("page", number).with("pages", pages).with("paged", pages > 1)
                .with("newer", number > 1 ? "/gestion/journal?page=" + Math.min(number - 1, pages) + filters : null)
                .with("older", number < pages ? "/gestion/journal?page=" + (number + 1) + filters : null)
                .with("sites", visible).with("chooseSite", visible.size() > 1)
                .with("siteId", chosenSite == null ? null : chosenSite.id())
                .with("actions", Arrays.stream(JournalAction.values())
                        .map(a -> Map.of("code", a.name(), "key", labelKey(a))).toList())
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
    private List<Map<String, Object>> rows(List<JournalEntry> page) {
        Set<Long> actorIds = new HashSet<>();
        page.forEach(e -> {
            if (e.actorId() != null) {
                actorIds.add(e.actorId());
            }
        });
        Map<Long, String> names = staff.names(actorIds);
        Map<Long, Site> siteById = sites.all().stream().collect(Collectors.toMap(Site::id, Function.identity()));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JournalEntry e : page) {
            Site site = e.siteId() == null ? null : siteById.get(e.siteId());
            ZoneId zone = site == null ? ZoneId.of(Sites.DEFAULT_ZONE) : site.zone();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("seq", String.valueOf(e.seq()));
            row.put("time", SHOWN.format(e.recordedAt().atZone(zone)));
            row.put("isoTime", e.recordedAt().toString());
            row.put("system", e.actorId() == null);
            row.put("actor", e.actorId() == null ? null : names.get(e.actorId()));
            row.put("actorId", e.actorId() == null ? null : String.valueOf(e.actorId()));
            row.put("network", e.siteId() == null);
            row.put("site", site == null ? null : site.name());
            row.put("siteId", e.siteId() == null ? null : String.valueOf(e.siteId()));
            row.put("actionKey", knownAction(e.action()) ? "journal.action." + e.action() : null);
            row.put("actionCode", e.action());
            row.put("objectRef", e.objectRef());
            row.put("details", e.details());
            rows.add(row);
        }
        return rows;
    }

    private static boolean knownAction(String code) {
        return Arrays.stream(JournalAction.values()).anyMatch(a -> a.name().equals(code));
    }
}
