package fr.relais.web;

import fr.relais.site.LibraryService;
import fr.relais.security.Role;
import org.junit.jupiter.api.Test;

import java.text.MessageFormat;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The message bundles: the same keys in French and English, every key the templates and the Java code use is
 * there, and every message formats as written (MessageFormat eats single apostrophes).
 * Plain JUnit: the bundles are loaded exactly as {@link Messages} loads them.
 */
class MessageBundlesTest {
    private static final ResourceBundle FR = Messages.load(Messages.FRENCH);
    private static final ResourceBundle EN = Messages.load(Messages.ENGLISH);

    /** {@code {{t "key"}}}, {@code {{{t 'key'}}}} or a sub-expression {@code (t "key")}. */
    private static final Pattern T_LITERAL = Pattern.compile("(?:\\{\\{\\{?|\\()~?\\s*t\\s+([\"'])(.*?)\\1");
    /** Inside a partial: {@code {{t label}}} makes the parameter "label" a message key. */
    private static final Pattern T_PARAMETER = Pattern.compile("\\{\\{\\{?~?\\s*t\\s+([A-Za-z_][\\w]*)\\s*~?}}");
    /** A partial call and its parameters. */
    private static final Pattern PARTIAL_CALL = Pattern.compile("\\{\\{>\\s*([\\w/.-]+)(.*?)}}", Pattern.DOTALL);
    private static final Pattern HASH_PARAMETER = Pattern.compile("([\\w-]+)=([\"'])(.*?)\\2");
    /** A Java string literal that looks like a message key: lower-case words joined by dots. */
    private static final Pattern KEY_LITERAL = Pattern.compile("\"([a-z][a-zA-Z0-9]*(?:\\.[a-zA-Z0-9_-]+)+)\"");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    // ---------------------------------------------------------------- (a) same keys

    @Test
    void frenchAndEnglishHaveTheSameKeys() {
        Set<String> missingInEnglish = new TreeSet<>(FR.keySet());
        missingInEnglish.removeAll(EN.keySet());
        Set<String> missingInFrench = new TreeSet<>(EN.keySet());
        missingInFrench.removeAll(FR.keySet());
        assertTrue(missingInEnglish.isEmpty() && missingInFrench.isEmpty(),
                "messages_en.properties lacks " + missingInEnglish + "; messages_fr.properties lacks " + missingInFrench);
    }

    @Test
    void noMessageIsEmpty() {
        List<String> empty = new ArrayList<>();
        for (ResourceBundle bundle : List.of(FR, EN)) {
            for (String key : bundle.keySet()) {
                if (bundle.getString(key).isBlank()) {
                    empty.add(bundle.getLocale() + ": " + key);
                }
            }
        }
        assertEquals(List.of(), empty, "empty messages");
    }

    // ---------------------------------------------------------------- (b) every used key exists

    @Test
    void everyKeyUsedInTemplatesExists() {
        Map<String, Set<String>> used = templateKeys(SourceFiles.templates());
        assertTrue(used.size() > 100, "the template scan found too few keys, is it broken? " + used.keySet());
        assertAllExist(used, "templates");
    }

    @Test
    void everyKeyUsedInJavaCodeExists() {
        Map<String, Set<String>> used = javaKeys(SourceFiles.javaSources(), bundlePrefixes());
        assertTrue(used.keySet().containsAll(Set.of("error.required", "error.tooLong", "sites.list.title", "flash.saved",
                "login.failed", "nav.home")), "the Java scan missed keys it must see: " + used.keySet());
        assertAllExist(used, "Java code");
    }

    @Test
    void everyEnumLabelExists() {
        Map<String, Set<String>> used = new TreeMap<>();
        for (LibraryService s : LibraryService.values()) {
            used.computeIfAbsent("service." + s.name(), k -> new TreeSet<>()).add("LibraryService");
        }
        for (Role r : Role.values()) {
            used.computeIfAbsent("role." + r.name(), k -> new TreeSet<>()).add("Role");
        }
        for (DayOfWeek d : DayOfWeek.values()) {
            used.computeIfAbsent("day." + d.name(), k -> new TreeSet<>()).add("DayOfWeek");
        }
        assertAllExist(used, "enum labels");
    }

    @Test
    void everyErrorPageHasATitleAndAMessage() {
        Map<String, String> java = SourceFiles.javaSources();
        Set<String> statuses = new TreeSet<>();
        for (String file : List.of("fr/relais/web/ErrorPages.java", "fr/relais/web/AuthorizationPages.java")) {
            Matcher m = Pattern.compile("\"(\\d{3}[a-z]*)\"").matcher(java.get(file));
            while (m.find()) {
                statuses.add(m.group(1));
            }
        }
        assertTrue(statuses.containsAll(Set.of("400", "403", "403form", "404", "413", "500")), statuses.toString());
        Map<String, Set<String>> used = new TreeMap<>();
        for (String status : statuses) {
            used.put("error." + status + ".title", Set.of("ErrorPages"));
            used.put("error." + status + ".message", Set.of("ErrorPages"));
        }
        assertAllExist(used, "error pages");
    }

    /** Keys never used anywhere are listed (not a failure: a key may be used by code still to come). */
    @Test
    void unusedKeysAreListed() {
        Set<String> used = new TreeSet<>(templateKeys(SourceFiles.templates()).keySet());
        used.addAll(javaKeys(SourceFiles.javaSources(), bundlePrefixes()).keySet());
        Set<String> unused = new TreeSet<>(FR.keySet());
        unused.removeAll(used);
        unused.removeIf(k -> k.matches("(service|role|day)\\..*|error\\.\\d{3}\\w*\\.(title|message)"));
        System.out.println("Message keys used by no template nor literal in Java code: " + unused);
    }

    // ---------------------------------------------------------------- (c) formatting

    @Test
    void bothLanguagesHaveTheSamePlaceholders() {
        List<String> different = new ArrayList<>();
        for (String key : new TreeSet<>(FR.keySet())) {
            if (EN.containsKey(key) && !placeholders(FR.getString(key)).equals(placeholders(EN.getString(key)))) {
                different.add(key + ": fr " + placeholders(FR.getString(key)) + ", en " + placeholders(EN.getString(key)));
            }
        }
        assertEquals(List.of(), different, "a translation drops or adds an argument");
    }

    @Test
    void messagesWithArgumentsFormatAsWritten() {
        List<String> broken = new ArrayList<>();
        for (ResourceBundle bundle : List.of(FR, EN)) {
            for (String key : new TreeSet<>(bundle.keySet())) {
                String pattern = bundle.getString(key);
                if (placeholders(pattern).isEmpty()) {
                    continue;
                }
                String problem = formatProblem(pattern, bundle.getLocale());
                if (problem != null) {
                    broken.add(bundle.getLocale() + " " + key + ": " + problem);
                }
            }
        }
        assertEquals(List.of(), broken, "write '' for an apostrophe in a message with arguments");
    }

    /**
     * Messages without arguments are shown as written ({@link Messages#get} does not format them), so they must
     * not hold a doubled apostrophe; the "error.*" ones are always formatted ({@link Forms} passes the size
     * limit), so they must also survive MessageFormat.
     */
    @Test
    void messagesWithoutArgumentsShowAsWritten() {
        List<String> broken = new ArrayList<>();
        for (ResourceBundle bundle : List.of(FR, EN)) {
            for (String key : new TreeSet<>(bundle.keySet())) {
                String pattern = bundle.getString(key);
                if (!placeholders(pattern).isEmpty()) {
                    continue;
                }
                if (pattern.contains("''")) {
                    broken.add(bundle.getLocale() + " " + key + ": '' shows as two apostrophes");
                }
                if (key.startsWith("error.")) {
                    String formatted = new MessageFormat(pattern, bundle.getLocale()).format(new Object[]{null});
                    if (!formatted.equals(pattern)) {
                        broken.add(bundle.getLocale() + " " + key + ": shows as \"" + formatted + "\"");
                    }
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void frenchUsesTheTypographicApostrophe() {
        List<String> straight = FR.keySet().stream().filter(k -> FR.getString(k).contains("'")).sorted().toList();
        assertEquals(List.of(), straight, "French messages use ’ (and never an apostrophe MessageFormat could eat)");
    }

    @Test
    void realArgumentsFormatInBothLanguages() {
        Messages messages = new Messages();
        assertEquals("Modifier le compte de Zoé", messages.get(Messages.FRENCH, "accounts.list.edit", "Zoé"));
        assertEquals("Edit Zoé's account", messages.get(Messages.ENGLISH, "accounts.list.edit", "Zoé"));
        assertEquals("Ce texte est trop long : 120 caractères au plus.", messages.get(Messages.FRENCH, "error.tooLong", 120));
        assertEquals("This text is too long: 120 characters at most.", messages.get(Messages.ENGLISH, "error.tooLong", 120));
        assertEquals("Code d’erreur : 404", messages.get(Messages.FRENCH, "error.code", 404));
        assertEquals("Supprimer la fermeture « Noël »", messages.get(Messages.FRENCH, "sites.closures.delete", "Noël"));
        assertEquals("Delete the closure \"Noël\"", messages.get(Messages.ENGLISH, "sites.closures.delete", "Noël"));
        // Forms passes the size limit even to messages without argument: they stay as written.
        assertEquals("Ce champ est obligatoire.", messages.get(Messages.FRENCH, "error.required", (Object) null));
        assertEquals("??no.such.key??", messages.get(Messages.FRENCH, "no.such.key"));
    }

    // ---------------------------------------------------------------- self-checks of the scanners

    @Test
    void theFormatCheckCatchesAnEatenApostrophe() {
        assertEquals(null, formatProblem("Edit {0}''s account", Locale.ENGLISH));
        assertEquals("X0's", new MessageFormat("{0}''s", Locale.ENGLISH).format(new Object[]{"X0"}));
        assertTrue(formatProblem("Edit {0}'s account", Locale.ENGLISH) != null, "a single ' must be reported");
        assertTrue(formatProblem("It's {0}", Locale.ENGLISH) != null, "a single ' must be reported");
        assertTrue(formatProblem("Missing {0", Locale.ENGLISH) != null, "a broken pattern must be reported");
    }

    @Test
    void theTemplateScanFindsEveryKindOfKey() {
        Map<String, String> templates = Map.of(
                "partials/field.hbs", "<label>{{t label}}</label>{{#if hint}}<p>{{t hint}}</p>{{/if}}<input name=\"{{name}}\">",
                "page.hbs", "<h1>{{t \"a.title\"}}</h1><nav aria-label=\"{{t 'b.nav'}}\"></nav>{{{t \"c.raw\" x}}}"
                        + "{{> views/partials/field name=\"email\" label=\"d.label\" hint=\"e.hint\" type=\"email\"}}"
                        + "{{> views/partials/other label=(t \"f.sub\")}}{{t dynamicKey}}");
        assertEquals(Set.of("a.title", "b.nav", "c.raw", "d.label", "e.hint", "f.sub"), templateKeys(templates).keySet());
    }

    @Test
    void theJavaScanFindsKeysInKnownPlaces() {
        Map<String, String> java = Map.of("A.java", """
                record F(@NotBlank(message = "error.required") @Size(max = 3, message = "typo.tooLong") String a) {}
                errors.add(open.isEmpty() ? openField(day, r) : closeField(day, r), "error.hours.pair");
                errors.add("note_" + service.name(), "error.tooLong", 300);
                Page.of(VIEW).title(site == null ? "sites.new.title" : "sitse.edit.title");
                return Page.of(VIEW).title("error." + key + ".title");
                String config = "relais.login.max-failures";
                """);
        assertEquals(Set.of("error.required", "typo.tooLong", "error.hours.pair", "error.tooLong", "sites.new.title",
                "sitse.edit.title"), javaKeys(java, Set.of("error", "sites")).keySet());
    }

    // ---------------------------------------------------------------- scanners

    /** Key → templates using it. */
    static Map<String, Set<String>> templateKeys(Map<String, String> templates) {
        Map<String, Set<String>> keys = new TreeMap<>();
        Map<String, Set<String>> keyParameters = new TreeMap<>();
        templates.forEach((name, text) -> {
            String partial = "views/" + name.replaceAll("\\.hbs$", "");
            Matcher p = T_PARAMETER.matcher(text);
            while (p.find()) {
                keyParameters.computeIfAbsent(partial, k -> new TreeSet<>()).add(p.group(1));
            }
        });
        templates.forEach((name, text) -> {
            Matcher t = T_LITERAL.matcher(text);
            while (t.find()) {
                keys.computeIfAbsent(t.group(2), k -> new TreeSet<>()).add(name);
            }
            Matcher call = PARTIAL_CALL.matcher(text);
            while (call.find()) {
                Set<String> params = keyParameters.getOrDefault(call.group(1), Set.of());
                Matcher hash = HASH_PARAMETER.matcher(call.group(2));
                while (hash.find()) {
                    if (params.contains(hash.group(1))) {
                        keys.computeIfAbsent(hash.group(3), k -> new TreeSet<>()).add(name + " (" + call.group(1) + " " + hash.group(1) + "=)");
                    }
                }
            }
        });
        return keys;
    }

    /**
     * Key → Java files using it: every literal in {@code message = …} of a constraint, in {@code .title(…)}, as the
     * key argument of {@code errors.add(field, key, …)}, and any other literal that starts like a bundle key
     * ("error.…", "sites.…").
     */
    static Map<String, Set<String>> javaKeys(Map<String, String> sources, Set<String> prefixes) {
        Map<String, Set<String>> keys = new TreeMap<>();
        sources.forEach((file, text) -> {
            Matcher message = Pattern.compile("\\bmessage\\s*=\\s*\"([^\"]+)\"").matcher(text);
            while (message.find()) {
                keys.computeIfAbsent(message.group(1), k -> new TreeSet<>()).add(file);
            }
            for (String args : calls(text, ".title(")) {
                Matcher literal = STRING_LITERAL.matcher(args);
                while (literal.find()) {
                    // A whole key, not a piece of one ("error." + key + ".title" is checked elsewhere).
                    boolean piece = args.substring(0, literal.start()).stripTrailing().endsWith("+")
                            || args.substring(literal.end()).stripLeading().startsWith("+");
                    if (!piece) {
                        keys.computeIfAbsent(literal.group(1), k -> new TreeSet<>()).add(file);
                    }
                }
            }
            for (String args : calls(text, "errors.add(")) {
                List<String> parts = splitArguments(args);
                if (parts.size() >= 2 && parts.get(1).strip().matches("\"[^\"]+\"")) {
                    keys.computeIfAbsent(parts.get(1).strip().replace("\"", ""), k -> new TreeSet<>()).add(file);
                }
            }
            Matcher literal = KEY_LITERAL.matcher(text);
            while (literal.find()) {
                String key = literal.group(1);
                if (prefixes.contains(key.substring(0, key.indexOf('.')))) {
                    keys.computeIfAbsent(key, k -> new TreeSet<>()).add(file);
                }
            }
        });
        return keys;
    }

    /** The argument text of every call starting with {@code opening} (which ends with "("). */
    private static List<String> calls(String text, String opening) {
        List<String> calls = new ArrayList<>();
        int from = 0;
        while ((from = text.indexOf(opening, from)) >= 0) {
            int start = from + opening.length();
            int depth = 1;
            boolean quoted = false;
            int i = start;
            for (; i < text.length() && depth > 0; i++) {
                char c = text.charAt(i);
                if (c == '\\' && quoted) {
                    i++;
                } else if (c == '"') {
                    quoted = !quoted;
                } else if (!quoted && c == '(') {
                    depth++;
                } else if (!quoted && c == ')') {
                    depth--;
                }
            }
            calls.add(text.substring(start, Math.max(start, i - 1)));
            from = i;
        }
        return calls;
    }

    /** Splits call arguments on top-level commas. */
    private static List<String> splitArguments(String args) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < args.length(); i++) {
            char c = args.charAt(i);
            if (c == '"' && (i == 0 || args.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            } else if (!quoted && (c == '(' || c == '[' || c == '{')) {
                depth++;
            } else if (!quoted && (c == ')' || c == ']' || c == '}')) {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                parts.add(current.toString());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        parts.add(current.toString());
        return parts;
    }

    private static Set<String> bundlePrefixes() {
        Set<String> prefixes = new TreeSet<>();
        for (String key : FR.keySet()) {
            prefixes.add(key.contains(".") ? key.substring(0, key.indexOf('.')) : key);
        }
        for (String key : EN.keySet()) {
            prefixes.add(key.contains(".") ? key.substring(0, key.indexOf('.')) : key);
        }
        return prefixes;
    }

    private static void assertAllExist(Map<String, Set<String>> used, String where) {
        List<String> missing = new ArrayList<>();
        used.forEach((key, users) -> {
            List<String> lacking = new ArrayList<>();
            if (!FR.containsKey(key)) {
                lacking.add("fr");
            }
            if (!EN.containsKey(key)) {
                lacking.add("en");
            }
            if (!lacking.isEmpty()) {
                missing.add(key + " (missing in " + String.join("+", lacking) + ", used by " + users + ")");
            }
        });
        if (!missing.isEmpty()) {
            fail("Message keys used by " + where + " but missing from the bundles:\n  " + String.join("\n  ", missing));
        }
        assertFalse(used.isEmpty());
    }

    static Set<Integer> placeholders(String pattern) {
        Set<Integer> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            found.add(Integer.parseInt(m.group(1)));
        }
        return found;
    }

    /**
     * Null when the pattern renders as written (each '' shown as one apostrophe, each {n} replaced by its
     * argument); otherwise what went wrong.
     */
    static String formatProblem(String pattern, Locale locale) {
        Set<Integer> indexes = placeholders(pattern);
        int count = indexes.isEmpty() ? 0 : Collections.max(indexes) + 1;
        Object[] args = new Object[count];
        for (int i = 0; i < count; i++) {
            args[i] = "X" + i;
        }
        String formatted;
        try {
            formatted = new MessageFormat(pattern, locale).format(args);
        } catch (IllegalArgumentException e) {
            return "not a valid MessageFormat pattern (" + e.getMessage() + ")";
        }
        String expected = pattern.replace("''", "'");
        for (int i = 0; i < count; i++) {
            expected = expected.replace("{" + i + "}", "X" + i);
        }
        if (!formatted.equals(expected)) {
            return "renders \"" + formatted + "\" instead of \"" + expected + "\"";
        }
        return null;
    }
}
