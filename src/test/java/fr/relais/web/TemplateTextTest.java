package fr.relais.web;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * No user-visible text is written in a template: every word comes from the bundles ({@code {{t "key"}}}) or
 * from data. Handlebars expressions, comments and tags are removed; what is left — text, and the attributes a
 * person sees or hears (alt, title, placeholder, aria-label…, the value of a submit button) — may hold
 * punctuation, digits and symbols, never a letter.
 */
class TemplateTextTest {
    /** Attributes read or shown to people, on any element. */
    private static final Set<String> VISIBLE_ATTRIBUTES = Set.of("alt", "title", "placeholder", "aria-label",
            "aria-description", "aria-roledescription", "aria-valuetext", "aria-placeholder", "label", "summary", "abbr");
    /** Input types whose value is the button's text. */
    private static final Set<String> BUTTON_INPUTS = Set.of("submit", "button", "reset");
    /**
     * Punctuation spaced the French way (" :", " ?", « ») reads wrong in English ("Phone : …"): it comes from
     * the bundles too ({@code {{t "text.colon"}}}).
     */
    private static final Pattern LOCALE_PUNCTUATION = Pattern.compile("[\\s\\u00A0\\u202F][:;!?»]|«");
    private static final Pattern HBS_COMMENT = Pattern.compile("\\{\\{!--.*?--}}|\\{\\{![^}]*}}", Pattern.DOTALL);
    private static final Pattern HBS_EXPRESSION = Pattern.compile("\\{\\{\\{.*?}}}|\\{\\{.*?}}", Pattern.DOTALL);
    /** A string literal inside an expression: {@code "key"} or {@code 'key'}. */
    private static final Pattern HBS_LITERAL = Pattern.compile("([\"'])(.*?)\\1");
    /**
     * What a literal inside an expression may not be: words for people — a space, an accented letter, or a
     * capitalised word. Keys ("sites.list.title"), field names, codes ("HELPER", "yes") are fine.
     */
    private static final Pattern PROSE = Pattern.compile(".*\\s.*|.*[^\\x00-\\x7F].*|[A-Z][a-z].*", Pattern.DOTALL);

    @Test
    void templatesHoldNoHardCodedText() {
        List<String> found = new ArrayList<>();
        SourceFiles.templates().forEach((name, text) -> hardCodedText(text).forEach(t -> found.add(name + ": " + t)));
        assertEquals(List.of(), found, "text to move into the message bundles (i18n/messages_*.properties)");
    }

    @Test
    void literalsInsideExpressionsAreKeysNotProse() {
        List<String> found = new ArrayList<>();
        SourceFiles.templates().forEach((name, text) -> proseInExpressions(text).forEach(t -> found.add(name + ": " + t)));
        assertEquals(List.of(), found, "a string inside {{…}} must be a message key or a code, not text to show");
    }

    // ---------------------------------------------------------------- self-checks

    @Test
    void plainTextIsFound() {
        assertEquals(List.of("text \"Bonjour\""), hardCodedText("<p>Bonjour</p>"));
        assertEquals(List.of("text \"Bonjour\""), hardCodedText("{{#partial \"content\"}}<p>Bonjour</p>{{/partial}}"));
        assertEquals(List.of("text \"Nom :\""), hardCodedText("<label for=\"x\">Nom : {{name}}</label>"));
        assertEquals(List.of("text \"– Relais\""), hardCodedText("<title>{{t title}} – Relais</title>"));
        assertEquals(List.of("text \"oui\""), hardCodedText("{{#if ok}}{{t \"form.yes\"}}{{else}}oui{{/if}}"));
        assertEquals(List.of("text \"é\""), hardCodedText("<td>é</td>"));
    }

    @Test
    void frenchSpacedPunctuationIsFound() {
        assertEquals(List.of("punctuation \":\""), hardCodedText("<h1>{{t \"sites.hours.title\"}} : {{site.name}}</h1>"));
        assertEquals(List.of("punctuation \":\""), hardCodedText("<p><strong>{{t \"site.accessibility\"}} :</strong></p>"));
        assertEquals(List.of("punctuation \"?\""), hardCodedText("<p>{{t \"x\"}} ?</p>"));
        assertEquals(List.of("punctuation \"«»\""), hardCodedText("<p>«{{label}}»</p>"));
    }

    @Test
    void visibleAttributesAreFound() {
        assertEquals(List.of("img alt=\"Logo\""), hardCodedText("<img src=\"/x.png\" alt=\"Logo\">"));
        assertEquals(List.of("input placeholder=\"Votre nom\""), hardCodedText("<input name=\"n\" placeholder=\"Votre nom\">"));
        assertEquals(List.of("nav aria-label=\"Menu\""), hardCodedText("<nav aria-label=\"Menu\"></nav>"));
        assertEquals(List.of("abbr title=\"environ\""), hardCodedText("<abbr title=\"environ\">{{t \"x\"}}</abbr>"));
        assertEquals(List.of("input value=\"Envoyer\""), hardCodedText("<input type=\"submit\" value=\"Envoyer\">"));
        assertEquals(List.of("input value=\"OK\""), hardCodedText("<input type=\"button\" value=\"OK\">"));
    }

    @Test
    void whatIsNotTextIsAccepted() {
        assertEquals(List.of(), hardCodedText("""
                {{!-- Un commentaire Handlebars --}}{{! court }}
                <!-- un commentaire HTML n'est pas affiché -->
                <p class="lead" id="intro">{{t "home.intro" name}}{{t "text.colon"}} {{count}} – 3 (2026), 10:00 — 12:30 … / € %</p>
                <h1>{{t "sites.hours.title"}}{{t "text.colon"}} {{site.name}}</h1><p>{{a}}: {{b}}</p>
                <a href="/gestion/sites/{{id}}" lang="{{otherLang}}" hreflang="en">{{t "x"}}</a>
                <input type="hidden" name="csrfToken" value="{{csrfToken}}">
                <input type="radio" name="offer" value="yes">
                <input type="text" id="f-name" name="name" value="{{value}}" autocomplete="street-address">
                <nav aria-label="{{t "layout.nav.label"}}"><span aria-hidden="true">›</span></nav>
                <button type="submit" name="action" value="save">{{t "form.save"}}</button>
                <td>{{#each sites}}{{this}}{{#unless @last}}, {{/unless}}{{/each}}</td>
                <span class="who-role">({{t meRoleKey}})</span>&nbsp;&amp;
                """));
    }

    @Test
    void proseInsideExpressionsIsFound() {
        assertEquals(List.of(), proseInExpressions("{{t \"sites.list.title\"}}{{#eq tab \"info\"}}{{/eq}}{{#eq role \"HELPER\"}}{{/eq}}"
                + "{{> views/partials/field name=\"email\" label=\"login.email\" type=\"email\" autocomplete=\"current-password\"}}"));
        assertEquals(List.of("\"Adresse e-mail\""), proseInExpressions("{{> views/partials/field name=\"email\" label=\"Adresse e-mail\"}}"));
        assertEquals(List.of("\"Bonjour\""), proseInExpressions("{{t \"Bonjour\"}}"));
        assertEquals(List.of("\"Numéro\""), proseInExpressions("{{#if x}}{{default y \"Numéro\"}}{{/if}}"));
    }

    // ---------------------------------------------------------------- the check

    /** The hard-coded texts of one template, each as {@code text "…"} or {@code element attribute="…"}. */
    static List<String> hardCodedText(String template) {
        String html = HBS_COMMENT.matcher(template).replaceAll("");
        html = HBS_EXPRESSION.matcher(html).replaceAll("");
        Document document = Jsoup.parse(html);
        List<String> found = new ArrayList<>();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    String parent = node.parent() instanceof Element e ? e.normalName() : "";
                    if (parent.equals("script") || parent.equals("style")) {
                        return;
                    }
                    String shown = text.getWholeText().strip().replaceAll("\\s+", " ");
                    if (hasLetter(text.getWholeText())) {
                        found.add("text \"" + shown + "\"");
                    } else if (LOCALE_PUNCTUATION.matcher(text.getWholeText()).find()) {
                        found.add("punctuation \"" + shown + "\"");
                    }
                } else if (node instanceof Element element) {
                    for (Attribute attribute : element.attributes()) {
                        String name = attribute.getKey().toLowerCase(Locale.ROOT);
                        boolean buttonValue = name.equals("value") && element.normalName().equals("input")
                                && BUTTON_INPUTS.contains(element.attr("type").toLowerCase(Locale.ROOT));
                        boolean visible = VISIBLE_ATTRIBUTES.contains(name) || buttonValue
                                || (name.equals("content") && element.normalName().equals("meta")
                                && element.attr("name").matches("(?i)description|keywords|author"));
                        if (visible && hasLetter(attribute.getValue())) {
                            found.add(element.normalName() + " " + name + "=\"" + attribute.getValue() + "\"");
                        }
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
            }
        }, document);
        return found;
    }

    /** String literals inside Handlebars expressions that read like text for people (spaces, capitals, accents). */
    static List<String> proseInExpressions(String template) {
        List<String> found = new ArrayList<>();
        Matcher expression = HBS_EXPRESSION.matcher(HBS_COMMENT.matcher(template).replaceAll(""));
        while (expression.find()) {
            Matcher literal = HBS_LITERAL.matcher(expression.group());
            while (literal.find()) {
                String value = literal.group(2);
                if (PROSE.matcher(value).matches() && hasLetter(value)) {
                    found.add("\"" + value + "\"");
                }
            }
        }
        return found;
    }

    private static boolean hasLetter(String text) {
        return text.codePoints().anyMatch(Character::isLetter);
    }
}
