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
 * Imports data·inclusion files into the network-wide directory: the structures file ({@code structures.json}, a JSON
 * array, as data·inclusion publishes it), alone or with the services file ({@code services.json}), or a page of its
 * API ({@code {"items": [...]}}) — see {@link DataInclusion}. Which file holds what is read from the records
 * (services carry a {@code structure_id}), not from the order they come in. A file holding both lists
 * ({@code {"structures": [...], "services": [...]}}) is read too: data·inclusion does not publish it, but it is how
 * Relais carries a checked import to its confirmation, and the demo directory is written that way.
 *
 * <p>Each structure becomes an entry, found again on the next import by its {@code source} and {@code id}: a second
 * import updates in place. The files are read and checked first ({@link #preview}); nothing is written until
 * {@link #apply}, which writes every accepted row in one transaction. A structure that fails a check is left out with
 * its reason; so is a service whose structure is not among the structures read (its themes would be lost silently).
 * A file that is not JSON or not of these shapes, or services without their structures, change nothing
 * ({@link UnreadableFile}). Field mapping: {@link DataInclusionMapping}.
 *
 * <p>On update, what data·inclusion describes is replaced (name, kind, address, contact, hours, themes, scopes,
 * ways to reach); what only the network writes (what to bring, notes for helpers) and the active flag are kept.
 */
@Singleton
public class PartnerImport {
    /** The largest file read (characters); the server refuses larger requests anyway. */
    static final int MAX_CHARS = 1_000_000;
    /** The form field of the structures file; a message about the files as a whole goes next to it. */
    public static final String STRUCTURES_FIELD = "file";
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

    /** One file as chosen in the form: the field it was chosen in (where a message about it goes) and its text. */
    public record Upload(String field, String content) {
        /** A file given on its own (the confirmation, the demo directory). */
        public static Upload of(String content) {
            return new Upload(STRUCTURES_FIELD, content);
        }
    }

    /** Files that cannot be imported at all; {@code messageKey} says why, in the partner bundle, next to {@code field}. */
    public static final class UnreadableFile extends Exception {
        private static final long serialVersionUID = 1L;
        private final String field;
        private final String messageKey;

        UnreadableFile(String field, String messageKey) {
            super(messageKey, null, false, false);
            this.field = field;
            this.messageKey = messageKey;
        }

        public String field() {
            return field;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    public enum Action { CREATE, UPDATE, REJECT }

    /** One record of the files: its place in its list (from 1), its id and name as given, and what happens to it. */
    public record Line(int number, String sourceId, String name, Action action, String reason) {
    }

    /**
     * What an import would do (preview) or did (report): a line per structure, and a line per service left out.
     * {@code content} is what was read, compacted into one file, for the confirmation.
     */
    public record Outcome(String content, List<Line> lines, int servicesRead, List<Line> servicesLeftOut) {
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

    /** Reads and checks the files; writes nothing. */
    public Outcome preview(List<Upload> files, Locale locale) throws UnreadableFile {
        return plan(files, locale).outcome();
    }

    public Outcome preview(String content, Locale locale) throws UnreadableFile {
        return preview(List.of(Upload.of(content)), locale);
    }

    /** Reads and checks the files again, then writes every accepted row in one transaction. */
    @Transactional
    public Outcome apply(List<Upload> files, Locale locale) throws UnreadableFile {
        Plan plan = plan(files, locale);
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
        return plan.outcome();
    }

    @Transactional
    public Outcome apply(String content, Locale locale) throws UnreadableFile {
        return apply(List.of(Upload.of(content)), locale);
    }

    /** The demo directory, and any file given in French: reads, checks and writes at once. */
    public Outcome importNetworkWide(String content) throws UnreadableFile {
        return apply(content, Messages.FRENCH);
    }

    private record Plan(String compact, List<Line> lines, List<Candidate> candidates, int servicesRead,
                        List<Line> servicesLeftOut) {
        Outcome outcome() {
            return new Outcome(compact, lines, servicesRead, servicesLeftOut);
        }
    }

    /** The records of all the files, by kind, in file order. */
    private record Records(List<JsonNode> structures, List<JsonNode> services) {
    }

    private Records read(List<Upload> files) throws UnreadableFile {
        List<JsonNode> structures = new ArrayList<>();
        List<JsonNode> services = new ArrayList<>();
        if (files.isEmpty()) {
            throw new UnreadableFile(STRUCTURES_FIELD, "partner.import.error.empty");
        }
        for (Upload file : files) {
            String content = file.content();
            if (content == null || content.isBlank()) {
                throw new UnreadableFile(file.field(), "partner.import.error.empty");
            }
            if (content.length() > MAX_CHARS) {
                throw new UnreadableFile(file.field(), "partner.import.error.size");
            }
            JsonNode root;
            try {
                root = json.readValue(content.strip().replaceFirst("^\uFEFF", ""), JsonNode.class);
            } catch (IOException | RuntimeException e) {
                throw new UnreadableFile(file.field(), "partner.import.error.json");
            }
            if (root != null && root.isObject() && root.get("structures") != null) {
                // Both lists in one file.
                JsonNode structureList = root.get("structures");
                JsonNode theirServices = root.get("services");
                if (!structureList.isArray() || theirServices != null && !theirServices.isNull() && !theirServices.isArray()) {
                    throw new UnreadableFile(file.field(), "partner.import.error.shape");
                }
                structureList.values().forEach(structures::add);
                if (theirServices != null && theirServices.isArray()) {
                    theirServices.values().forEach(services::add);
                }
                continue;
            }
            // A published file is the list itself; a page of the API holds it in "items".
            JsonNode list = root != null && root.isObject() && root.get("items") != null ? root.get("items") : root;
            if (list == null || !list.isArray()) {
                throw new UnreadableFile(file.field(), "partner.import.error.shape");
            }
            List<JsonNode> records = new ArrayList<>();
            list.values().forEach(records::add);
            if (!records.isEmpty() && records.stream().noneMatch(JsonNode::isObject)) {
                throw new UnreadableFile(file.field(), "partner.import.error.shape");
            }
            // Services name their structure; structures never carry that field.
            boolean isServices = records.stream().anyMatch(r -> r.isObject() && r.get("structure_id") != null);
            (isServices ? services : structures).addAll(records);
        }
        if (structures.isEmpty()) {
            throw new UnreadableFile(STRUCTURES_FIELD, services.isEmpty() ? "partner.import.error.none"
                    : "partner.import.error.servicesOnly");
        }
        return new Records(structures, services);
    }

    private Plan plan(List<Upload> files, Locale locale) throws UnreadableFile {
        Records records = read(files);
        List<Line> servicesLeftOut = new ArrayList<>();
        Map<String, List<Numbered>> servicesByStructure = services(records.services(), servicesLeftOut, locale);

        Set<String> themeCodes = reference.themes(Locale.FRENCH).stream().map(ReferenceData.Option::code).collect(Collectors.toSet());
        Set<String> scopeCodes = reference.scopes(Locale.FRENCH).stream().map(ReferenceData.Option::code).collect(Collectors.toSet());
        List<Line> lines = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<Integer> attached = new HashSet<>();
        int number = 0;
        for (JsonNode node : records.structures()) {
            number++;
            DataInclusion.Structure s = structure(node);
            if (s == null) {
                lines.add(new Line(number, "", "", Action.REJECT, messages.get(locale, "partner.import.reject.unreadable")));
                continue;
            }
            String source = clean(s.source());
            String sourceId = clean(s.id());
            String name = Text.orEmpty(clean(s.nom()));
            String shownId = Text.orEmpty(sourceId);
            if (source == null || sourceId == null) {
                lines.add(new Line(number, shownId, name, Action.REJECT, messages.get(locale, "partner.import.reject.noId")));
                continue;
            }
            // A rejected structure's services are its own, not services without a structure.
            List<Numbered> services = servicesOf(servicesByStructure, source, sourceId);
            services.forEach(n -> attached.add(n.number()));
            if (source.length() > 60 || sourceId.length() > 120) {
                lines.add(new Line(number, shorten(shownId), name, Action.REJECT, messages.get(locale, "partner.import.reject.idTooLong")));
                continue;
            }
            if (!seen.add(source + "\n" + sourceId)) {
                lines.add(new Line(number, shownId, name, Action.REJECT, messages.get(locale, "partner.import.reject.duplicate", sourceId)));
                continue;
            }
            Set<String> codes = new LinkedHashSet<>(DataInclusionMapping.codes(s.thematiques()));
            Set<PartnerAccess> access = new LinkedHashSet<>();
            for (Numbered n : services) {
                codes.addAll(DataInclusionMapping.codes(n.service().thematiques()));
                access.addAll(DataInclusionMapping.access(n.service()));
            }
            PartnerLinks links = PartnerLinks.of(codes.stream().filter(themeCodes::contains).toList(),
                    codes.stream().filter(scopeCodes::contains).toList(), access.stream().map(Enum::name).toList(), reference);
            PartnerForm form = new PartnerForm(name, DataInclusionMapping.kind(s), clean(address(s)), clean(s.codePostal()),
                    clean(s.commune()), clean(s.telephone()), clean(s.courriel()), clean(s.siteWeb()), clean(s.hours()),
                    links.themes(), links.scopes(), links.access().stream().map(Enum::name).toList(), null, null, "");
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
        servicesByStructure.values().stream().flatMap(List::stream).filter(n -> !attached.contains(n.number()))
                .forEach(n -> servicesLeftOut.add(new Line(n.number(), Text.orEmpty(clean(n.service().id())),
                        Text.orEmpty(clean(n.service().nom())), Action.REJECT,
                        messages.get(locale, "partner.import.reject.service.noStructure", clean(n.service().structureId())))));
        servicesLeftOut.sort(java.util.Comparator.comparingInt(Line::number));
        String compact;
        try {
            compact = json.writeValueAsString(JsonNode.createObjectNode(Map.of(
                    "structures", JsonNode.createArrayNode(records.structures()),
                    "services", JsonNode.createArrayNode(records.services()))));
        } catch (IOException e) {
            throw new UnreadableFile(STRUCTURES_FIELD, "partner.import.error.json");
        }
        return new Plan(compact, lines, candidates, records.services().size(), servicesLeftOut);
    }

    /** A service and its place in the services list (from 1). */
    private record Numbered(int number, DataInclusion.Service service) {
    }

    /**
     * Services by their structure's id. A service that cannot be read, or that names no structure, is listed in
     * {@code leftOut} with the reason.
     */
    private Map<String, List<Numbered>> services(List<JsonNode> nodes, List<Line> leftOut, Locale locale) {
        Map<String, List<Numbered>> byStructure = new HashMap<>();
        int number = 0;
        for (JsonNode node : nodes) {
            number++;
            DataInclusion.Service service = null;
            if (node.isObject()) {
                try {
                    service = json.readValueFromTree(node, DataInclusion.Service.class);
                } catch (IOException | RuntimeException e) {
                    service = null;
                }
            }
            if (service == null) {
                leftOut.add(new Line(number, "", "", Action.REJECT, messages.get(locale, "partner.import.reject.service.unreadable")));
            } else if (clean(service.structureId()) == null) {
                leftOut.add(new Line(number, Text.orEmpty(clean(service.id())), Text.orEmpty(clean(service.nom())), Action.REJECT,
                        messages.get(locale, "partner.import.reject.service.noStructureId")));
            } else {
                byStructure.computeIfAbsent(clean(service.structureId()), k -> new ArrayList<>()).add(new Numbered(number, service));
            }
        }
        return byStructure;
    }

    /** The services of one structure: same id, and same source unless the service names none. */
    private static List<Numbered> servicesOf(Map<String, List<Numbered>> byStructure, String source, String sourceId) {
        return byStructure.getOrDefault(sourceId, List.of()).stream()
                .filter(n -> clean(n.service().source()) == null || clean(n.service().source()).equals(source)).toList();
    }

    /**
     * Trimmed text without control characters other than tabs and line breaks (a NUL, which PostgreSQL refuses to
     * store, or a stray escape from the producer's system), or null when nothing is left.
     */
    static String clean(String value) {
        if (value == null) {
            return null;
        }
        return Text.blankToNull(value.replaceAll("[\\p{Cc}&&[^\\t\\n\\r]]", ""));
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
