package fr.relais.partner;

import fr.relais.reference.ReferenceData;
import fr.relais.web.Messages;
import fr.relais.web.Text;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Imports a data·inclusion file ("structures + services") into the network-wide directory. Each structure becomes
 * an entry, found again on the next import by its {@code source} and {@code id}: a second import updates in place.
 * The file is read and checked first ({@link #preview}); nothing is written until {@link #apply}, which writes
 * every accepted row in one transaction. A row that fails a check is left out with its reason; a file that is not
 * JSON or not of this shape changes nothing ({@link UnreadableFile}). Field mapping: {@link DataInclusionMapping}.
 *
 * <p>On update, what data·inclusion describes is replaced (name, kind, address, contact, hours, themes, scopes,
 * ways to reach); what only the network writes (what to bring, notes for helpers) and the active flag are kept.
 */
@Singleton
public class PartnerImport {
    /** The largest file read (characters); the server refuses larger requests anyway. */
    static final int MAX_CHARS = 1_000_000;
    private final JsonMapper json;
    private final Partners partners;
    private final PartnerRepository repository;
    private final ReferenceData reference;
    private final Validator validator;
    private final Messages messages;

    PartnerImport(JsonMapper json, Partners partners, PartnerRepository repository, ReferenceData reference,
                  Validator validator, Messages messages) {
        this.json = json;
        this.partners = partners;
        this.repository = repository;
        this.reference = reference;
        this.validator = validator;
        this.messages = messages;
    }

    /** A file that cannot be imported at all; {@code messageKey} says why, in the partner bundle. */
    public static final class UnreadableFile extends Exception {
        private static final long serialVersionUID = 1L;
        private final String messageKey;

        UnreadableFile(String messageKey) {
            super(messageKey, null, false, false);
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    public enum Action { CREATE, UPDATE, REJECT }

    /** One structure of the file: its place in the list (from 1), its id and name as given, and what happens to it. */
    public record Line(int number, String sourceId, String name, Action action, String reason) {
    }

    /** What an import would do (preview) or did (report). {@code content} is the file, compacted, for confirmation. */
    public record Outcome(String content, List<Line> lines) {
        public long count(Action action) {
            return lines.stream().filter(l -> l.action() == action).count();
        }

        public List<Line> lines(Action action) {
            return lines.stream().filter(l -> l.action() == action).toList();
        }
    }

    /** A checked row, ready to be written. */
    private record Candidate(Line line, String source, String sourceId, PartnerForm form, PartnerLinks links) {
    }

    /** Reads and checks the file; writes nothing. */
    public Outcome preview(String content, Locale locale) throws UnreadableFile {
        Plan plan = plan(content, locale);
        return new Outcome(plan.compact(), plan.lines());
    }

    /** Reads and checks the file again, then writes every accepted row in one transaction. */
    @Transactional
    public Outcome apply(String content, Locale locale) throws UnreadableFile {
        Plan plan = plan(content, locale);
        Instant now = partners.now();
        for (Candidate c : plan.candidates()) {
            PartnerForm f = c.form();
            var existing = repository.findBySourceAndSourceId(c.source(), c.sourceId());
            Partner partner = new Partner(existing.map(Partner::id).orElse(null), existing.map(Partner::siteId).orElse(null),
                    c.source(), c.sourceId(), f.name().strip(), f.kindCode(), Text.blankToNull(f.address()),
                    Text.blankToNull(f.postcode()), Text.blankToNull(f.town()), Text.blankToNull(f.phone()),
                    Text.blankToNull(f.email()), Text.blankToNull(f.website()), Text.blankToNull(f.openingHours()),
                    existing.map(Partner::whatToBring).orElse(null), existing.map(Partner::helperNotes).orElse(null),
                    existing.map(Partner::active).orElse(true), now);
            if (existing.isPresent()) {
                partners.update(partner, c.links());
            } else {
                partners.create(partner, c.links());
            }
        }
        return new Outcome(plan.compact(), plan.lines());
    }

    /** The demo directory, and any file given in French: reads, checks and writes at once. */
    public Outcome importNetworkWide(String content) throws UnreadableFile {
        return apply(content, Messages.FRENCH);
    }

    private record Plan(String compact, List<Line> lines, List<Candidate> candidates) {
    }

    private Plan plan(String content, Locale locale) throws UnreadableFile {
        if (content == null || content.isBlank()) {
            throw new UnreadableFile("partner.import.error.empty");
        }
        if (content.length() > MAX_CHARS) {
            throw new UnreadableFile("partner.import.error.size");
        }
        JsonNode root;
        try {
            root = json.readValue(content.strip().replaceFirst("^\uFEFF", ""), JsonNode.class);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableFile("partner.import.error.json");
        }
        if (root == null || !root.isObject() || root.get("structures") == null || !root.get("structures").isArray()) {
            throw new UnreadableFile("partner.import.error.shape");
        }
        JsonNode servicesNode = root.get("services");
        if (servicesNode != null && !servicesNode.isNull() && !servicesNode.isArray()) {
            throw new UnreadableFile("partner.import.error.shape");
        }
        if (root.get("structures").size() == 0) {
            throw new UnreadableFile("partner.import.error.none");
        }
        Map<String, List<DataInclusion.Service>> servicesByStructure = services(servicesNode);

        Set<String> themeCodes = reference.themes(Locale.FRENCH).stream().map(ReferenceData.Option::code).collect(Collectors.toSet());
        Set<String> scopeCodes = reference.scopes(Locale.FRENCH).stream().map(ReferenceData.Option::code).collect(Collectors.toSet());
        List<Line> lines = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int number = 0;
        for (JsonNode node : root.get("structures").values()) {
            number++;
            DataInclusion.Structure s = structure(node);
            if (s == null) {
                lines.add(new Line(number, "", "", Action.REJECT, messages.get(locale, "partner.import.reject.unreadable")));
                continue;
            }
            String source = Text.blankToNull(s.source());
            String sourceId = Text.blankToNull(s.id());
            String name = Text.orEmpty(Text.blankToNull(s.nom()));
            String shownId = Text.orEmpty(sourceId);
            if (source == null || sourceId == null) {
                lines.add(new Line(number, shownId, name, Action.REJECT, messages.get(locale, "partner.import.reject.noId")));
                continue;
            }
            if (source.length() > 60 || sourceId.length() > 120) {
                lines.add(new Line(number, shorten(shownId), name, Action.REJECT, messages.get(locale, "partner.import.reject.idTooLong")));
                continue;
            }
            if (!seen.add(source + "\n" + sourceId)) {
                lines.add(new Line(number, shownId, name, Action.REJECT, messages.get(locale, "partner.import.reject.duplicate", sourceId)));
                continue;
            }
            List<DataInclusion.Service> services = servicesOf(servicesByStructure, source, sourceId);
            Set<String> codes = new LinkedHashSet<>();
            Set<PartnerAccess> access = new LinkedHashSet<>();
            for (DataInclusion.Service service : services) {
                codes.addAll(DataInclusionMapping.codes(service.thematiques()));
                access.addAll(DataInclusionMapping.access(service.modesMobilisation()));
            }
            PartnerLinks links = PartnerLinks.of(codes.stream().filter(themeCodes::contains).toList(),
                    codes.stream().filter(scopeCodes::contains).toList(), access.stream().map(Enum::name).toList(), reference);
            PartnerForm form = new PartnerForm(name, DataInclusionMapping.kind(s), address(s), s.codePostal(), s.commune(),
                    s.telephone(), s.courriel(), s.siteWeb(), s.horairesAccueil(), links.themes(),
                    links.scopes(), links.access().stream().map(Enum::name).toList(), null, null, "");
            String reason = problems(form, locale);
            if (reason != null) {
                lines.add(new Line(number, shownId, name, Action.REJECT, reason));
                continue;
            }
            boolean exists = repository.findBySourceAndSourceId(source, sourceId).isPresent();
            Line line = new Line(number, shownId, name, exists ? Action.UPDATE : Action.CREATE, null);
            lines.add(line);
            candidates.add(new Candidate(line, source, sourceId, form, links));
        }
        String compact;
        try {
            compact = json.writeValueAsString(root);
        } catch (IOException e) {
            throw new UnreadableFile("partner.import.error.json");
        }
        return new Plan(compact, lines, candidates);
    }

    /** Services by their structure's id; a service that cannot be read is left out. */
    private Map<String, List<DataInclusion.Service>> services(JsonNode servicesNode) {
        Map<String, List<DataInclusion.Service>> byStructure = new HashMap<>();
        if (servicesNode == null || servicesNode.isNull()) {
            return byStructure;
        }
        for (JsonNode node : servicesNode.values()) {
            if (!node.isObject()) {
                continue;
            }
            try {
                DataInclusion.Service service = json.readValueFromTree(node, DataInclusion.Service.class);
                if (service != null && Text.blankToNull(service.structureId()) != null) {
                    byStructure.computeIfAbsent(service.structureId().strip(), k -> new ArrayList<>()).add(service);
                }
            } catch (IOException | RuntimeException e) {
                // Left out: its structure is imported without what this service would have added.
            }
        }
        return byStructure;
    }

    /** The services of one structure: same id, and same source unless the service names none. */
    private static List<DataInclusion.Service> servicesOf(Map<String, List<DataInclusion.Service>> byStructure,
                                                          String source, String sourceId) {
        return byStructure.getOrDefault(sourceId, List.of()).stream()
                .filter(svc -> Text.blankToNull(svc.source()) == null || svc.source().strip().equals(source)).toList();
    }

    private DataInclusion.Structure structure(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        try {
            return json.readValueFromTree(node, DataInclusion.Structure.class);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** "Code postal : Le code postal compte 5 chiffres… Site internet : …", or null when the row is valid. */
    private String problems(PartnerForm form, Locale locale) {
        Map<String, String> byField = new TreeMap<>(java.util.Comparator.comparingInt(PartnerImport::fieldOrder)
                .thenComparing(java.util.Comparator.naturalOrder()));
        for (ConstraintViolation<PartnerForm> v : validator.validate(form)) {
            String field = v.getPropertyPath().toString();
            Object max = v.getConstraintDescriptor().getAttributes().get("max");
            byField.putIfAbsent(field, messages.get(locale, "partner.field." + field) + messages.get(locale, "text.colon")
                    + " " + messages.get(locale, v.getMessage(), max));
        }
        return byField.isEmpty() ? null : String.join(" ", byField.values());
    }

    private static final List<String> FIELDS = List.of("name", "kindCode", "address", "postcode", "town", "phone", "email",
            "website", "openingHours", "whatToBring", "helperNotes");

    private static int fieldOrder(String field) {
        int i = FIELDS.indexOf(field);
        return i < 0 ? FIELDS.size() : i;
    }

    private static String address(DataInclusion.Structure s) {
        String line = Text.blankToNull(s.adresse());
        String more = Text.blankToNull(s.complementAdresse());
        if (line == null) {
            return more;
        }
        return more == null ? line : line + ", " + more;
    }

    private static String shorten(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
