package fr.relais.web;

import com.thaiopensource.relaxng.impl.CombineValidator;
import com.thaiopensource.util.PropertyMap;
import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.Schema;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.Validator;
import com.thaiopensource.validate.prop.rng.RngProperty;
import com.thaiopensource.validate.rng.CompactSchemaReader;
import com.thaiopensource.xml.sax.Jaxp11XMLReaderCreator;
import nu.validator.checker.Checker;
import nu.validator.checker.ConformingButObsoleteWarner;
import nu.validator.checker.MicrodataChecker;
import nu.validator.checker.NormalizationChecker;
import nu.validator.checker.TextContentChecker;
import nu.validator.checker.UncheckedSubtreeWarner;
import nu.validator.checker.UnsupportedFeatureChecker;
import nu.validator.checker.UsemapChecker;
import nu.validator.checker.XmlPiChecker;
import nu.validator.checker.jing.CheckerSchema;
import nu.validator.checker.jing.CheckerValidator;
import nu.validator.checker.table.TableChecker;
import nu.validator.htmlparser.common.Heuristics;
import nu.validator.htmlparser.common.XmlViolationPolicy;
import nu.validator.htmlparser.sax.HtmlParser;
import nu.validator.localentities.LocalCacheEntityResolver;
import nu.validator.xml.NullEntityResolver;
import nu.validator.xml.TypedInputSource;
import nu.validator.xml.customelements.NamespaceChangingSchemaWrapper;
import nu.validator.xml.dataattributes.DataAttributeDroppingSchemaWrapper;
import nu.validator.xml.langattributes.XmlLangAttributeDroppingSchemaWrapper;
import nu.validator.xml.roleattributes.RoleAttributeFilteringSchemaWrapper;
import nu.validator.xml.templateelement.TemplateElementDroppingSchemaWrapper;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The checks of the W3C Nu HTML checker ({@code vnu}, "html5-all" schema) as its command-line client runs them —
 * the RELAX NG schema, the schematron-equivalent assertions (labels, ARIA, ids…), the table, text-content,
 * obsolete-feature and other checkers — without the language detector (it needs Jetty, left out of the test
 * classpath) and fully offline: the schema comes from the checker's jar.
 * <p>
 * Runs only inside the isolated class loader of {@link NuHtmlChecker}: never load it directly.
 * Answers one line per problem: {@code error|line|column|message} or {@code warning|…}.
 */
final class NuValidatorPipeline implements Function<String, List<String>> {
    static final String SCHEMA_URL = "http://s.validator.nu/html5-all.rnc";
    private final Schema schema;

    NuValidatorPipeline() throws Exception {
        System.setProperty("nu.validator.checker.enableLangDetection", "0");
        System.setProperty("nu.validator.schema.rdfa-full", "1");
        LocalCacheEntityResolver resolver = new LocalCacheEntityResolver(new NullEntityResolver());
        resolver.setAllowRnc(true);
        Collector schemaErrors = new Collector();
        PropertyMapBuilder properties = new PropertyMapBuilder();
        properties.put(ValidateProperty.ERROR_HANDLER, schemaErrors);
        properties.put(ValidateProperty.ENTITY_RESOLVER, resolver);
        properties.put(ValidateProperty.XML_READER_CREATOR, new Jaxp11XMLReaderCreator());
        RngProperty.CHECK_ID_IDREF.add(properties);
        TypedInputSource input = (TypedInputSource) resolver.resolveEntity(null, SCHEMA_URL);
        Schema main = CompactSchemaReader.getInstance().createSchema(input, properties.toPropertyMap());
        if (!schemaErrors.problems.isEmpty()) {
            throw new IllegalStateException("The HTML schema did not load: " + schemaErrors.problems);
        }
        main = new DataAttributeDroppingSchemaWrapper(main);
        main = new XmlLangAttributeDroppingSchemaWrapper(main);
        main = new RoleAttributeFilteringSchemaWrapper(main);
        main = new TemplateElementDroppingSchemaWrapper(main);
        this.schema = new NamespaceChangingSchemaWrapper(main);
    }

    @Override
    public synchronized List<String> apply(String html) {
        Collector problems = new Collector();
        PropertyMapBuilder builder = new PropertyMapBuilder();
        builder.put(ValidateProperty.ERROR_HANDLER, problems);
        builder.put(ValidateProperty.XML_READER_CREATOR, new Jaxp11XMLReaderCreator());
        RngProperty.CHECK_ID_IDREF.add(builder);
        PropertyMap properties = builder.toPropertyMap();
        try {
            Validator validator = schema.createValidator(properties);
            validator = new CombineValidator(validator, CheckerSchema.ASSERTION_SCH.createValidator(properties));
            Checker[] checkers = {new TableChecker(), new ConformingButObsoleteWarner(), new MicrodataChecker(),
                    new NormalizationChecker(), new TextContentChecker(), new UncheckedSubtreeWarner(),
                    new UnsupportedFeatureChecker(), new UsemapChecker(), new XmlPiChecker()};
            for (Checker checker : checkers) {
                validator = new CombineValidator(validator, new CheckerValidator(checker, properties));
            }
            HtmlParser parser = new HtmlParser();
            parser.setCommentPolicy(XmlViolationPolicy.ALLOW);
            parser.setContentNonXmlCharPolicy(XmlViolationPolicy.ALLOW);
            parser.setContentSpacePolicy(XmlViolationPolicy.ALTER_INFOSET);
            parser.setNamePolicy(XmlViolationPolicy.ALLOW);
            parser.setXmlnsPolicy(XmlViolationPolicy.ALTER_INFOSET);
            parser.setMappingLangToXmlLang(true);
            parser.setHeuristics(Heuristics.ALL);
            parser.setContentHandler(validator.getContentHandler());
            parser.setErrorHandler(problems);
            parser.setFeature("http://xml.org/sax/features/unicode-normalization-checking", true);
            InputSource source = new InputSource(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
            source.setEncoding("UTF-8");
            parser.parse(source);
        } catch (SAXException e) {
            problems.problems.add("error|0|0|" + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return problems.problems;
    }

    private static final class Collector implements ErrorHandler {
        final List<String> problems = new ArrayList<>();

        @Override
        public void warning(SAXParseException e) {
            problems.add(line("warning", e));
        }

        @Override
        public void error(SAXParseException e) {
            problems.add(line("error", e));
        }

        @Override
        public void fatalError(SAXParseException e) {
            problems.add(line("error", e));
        }

        private static String line(String level, SAXParseException e) {
            return level + "|" + e.getLineNumber() + "|" + e.getColumnNumber() + "|" + e.getMessage();
        }
    }
}
