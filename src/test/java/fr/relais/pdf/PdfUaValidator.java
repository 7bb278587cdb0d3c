package fr.relais.pdf;

import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.VeraPDFFoundry;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;
import org.verapdf.pdfa.validation.profiles.Rule;
import org.verapdf.pdfa.validation.profiles.RuleId;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Validates PDF bytes against the veraPDF PDF/UA-1 profile (the Matterhorn-based machine checks), in process.
 * A slip passes only with zero failed rules.
 */
public final class PdfUaValidator {
    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private PdfUaValidator() {
    }

    /** One failed rule: where it is in ISO 14289-1, its test number, what it checks, how many times it failed. */
    public record Failure(String clause, int testNumber, String description, int count, String example) {
        @Override
        public String toString() {
            return "ISO 14289-1:" + clause + " test " + testNumber + " (" + count + "×): " + description
                    + (example == null ? "" : " — e.g. " + example);
        }
    }

    /** Every failed rule; empty when the document complies with PDF/UA-1. */
    public static List<Failure> failures(byte[] pdf) {
        VeraPDFFoundry foundry = Foundries.defaultInstance();
        try (PDFAParser parser = foundry.createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFUA_1);
             PDFAValidator validator = foundry.createValidator(PDFAFlavour.PDFUA_1, false)) {
            ValidationResult result = validator.validate(parser);
            if (result.getPDFAFlavour() != PDFAFlavour.PDFUA_1 || result.getTotalAssertions() == 0) {
                throw new AssertionError("veraPDF did not check PDF/UA-1 (flavour " + result.getPDFAFlavour()
                        + ", " + result.getTotalAssertions() + " checks)");
            }
            System.out.println("veraPDF " + validator.getProfile().getDetails().getName() + ": "
                    + result.getTotalAssertions() + " checks, compliant=" + result.isCompliant());
            Map<RuleId, Integer> failed = result.getFailedChecks();
            Map<String, Failure> failures = new TreeMap<>();
            for (Map.Entry<RuleId, Integer> entry : failed.entrySet()) {
                RuleId id = entry.getKey();
                if (entry.getValue() == null || entry.getValue() == 0) {
                    continue;
                }
                Rule rule = validator.getProfile().getRuleByRuleId(id);
                String example = result.getTestAssertions().stream()
                        .filter(a -> a.getStatus() == TestAssertion.Status.FAILED && a.getRuleId().equals(id))
                        .map(a -> a.getErrorMessage() != null ? a.getErrorMessage() : a.getLocation().getContext())
                        .findFirst().orElse(null);
                failures.put(id.getClause() + "#" + id.getTestNumber(), new Failure(id.getClause(), id.getTestNumber(),
                        rule == null ? "?" : rule.getDescription(), entry.getValue(), example));
            }
            if (!result.isCompliant() && failures.isEmpty()) {
                failures.put("?", new Failure("?", 0, "not compliant, but no failed rule was reported (job status "
                        + result.getJobEndStatus() + ")", 1, null));
            }
            List<Failure> list = new ArrayList<>(failures.values());
            list.sort(Comparator.comparing(Failure::clause).thenComparingInt(Failure::testNumber));
            return list;
        } catch (Exception e) {
            throw new AssertionError("veraPDF could not validate the document: " + e, e);
        }
    }

    /** Fails listing every failed PDF/UA-1 rule (clause, test number, description, count). */
    public static void assertCompliant(byte[] pdf, String what) {
        List<Failure> failures = failures(pdf);
        if (!failures.isEmpty()) {
            StringBuilder message = new StringBuilder(what + " is not PDF/UA-1 compliant, " + failures.size()
                    + " failed rule(s):");
            failures.forEach(f -> message.append("\n  ").append(f));
            fail(message.toString());
        }
    }
}
