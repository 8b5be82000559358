package org.labrange.gateway.fhir.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.OperationOutcome;

/** OperationOutcome issues for results the engine did not (fully) interpret, located in the FHIR request. */
public final class ResultOutcomes {

    private ResultOutcomes() {}

    /** Issues of a REJECTED result: the engine names the field, this names the FHIR element. */
    public static List<InvalidFhirInput.Issue> rejected(JsonNode result, String path) {
        List<InvalidFhirInput.Issue> issues = new ArrayList<>();
        for (JsonNode problem : result.path("problems")) {
            String field = problem.path("field").asText("");
            String type = problem.path("type").asText("");
            String code = type.contains("unknown-analyte") ? "code-invalid" : "value";
            issues.add(new InvalidFhirInput.Issue(
                    code, path + element(field), problem.path("reason").asText(type)));
        }
        if (issues.isEmpty()) {
            issues.add(new InvalidFhirInput.Issue("processing", path, "The result cannot be interpreted."));
        }
        return issues;
    }

    /** Said out loud: no flag for this Observation (NO_RANGE), or sources that had no applicable range. */
    public static List<OperationOutcome.OperationOutcomeIssueComponent> notInterpreted(JsonNode result, String path) {
        List<OperationOutcome.OperationOutcomeIssueComponent> issues = new ArrayList<>();
        boolean none = "NO_RANGE".equals(result.path("status").asText());
        if (none) {
            issues.add(issue(
                    OperationOutcome.IssueSeverity.WARNING,
                    OperationOutcome.IssueType.NOTFOUND,
                    path,
                    "Not interpreted: no source has a range that applies to this result" + reasons(result)
                            + ". No interpretation is given."));
        } else {
            for (JsonNode skipped : result.path("notEvaluated")) {
                issues.add(issue(
                        OperationOutcome.IssueSeverity.INFORMATION,
                        OperationOutcome.IssueType.NOTFOUND,
                        path,
                        "Source " + skipped.path("source").asText() + " not evaluated: "
                                + skipped.path("reason").asText()));
            }
        }
        return issues;
    }

    public static OperationOutcome.OperationOutcomeIssueComponent issue(
            OperationOutcome.IssueSeverity severity, OperationOutcome.IssueType type, String path, String text) {
        var issue = new OperationOutcome.OperationOutcomeIssueComponent()
                .setSeverity(severity)
                .setCode(type)
                .setDiagnostics(text);
        if (path != null && !path.isEmpty()) {
            issue.addExpression(path);
        }
        return issue;
    }

    /** An OperationOutcome of refused input. */
    public static OperationOutcome of(List<InvalidFhirInput.Issue> issues) {
        OperationOutcome outcome = new OperationOutcome();
        for (InvalidFhirInput.Issue issue : issues) {
            outcome.addIssue(issue(
                    OperationOutcome.IssueSeverity.ERROR, issueType(issue.code()), issue.expression(), issue.text()));
        }
        return outcome;
    }

    static OperationOutcome.IssueType issueType(String code) {
        try {
            return OperationOutcome.IssueType.fromCode(code);
        } catch (org.hl7.fhir.exceptions.FHIRException e) {
            return OperationOutcome.IssueType.PROCESSING;
        }
    }

    private static String reasons(JsonNode result) {
        List<String> reasons = new ArrayList<>();
        for (JsonNode skipped : result.path("notEvaluated")) {
            reasons.add(skipped.path("source").asText() + ": "
                    + skipped.path("reason").asText());
        }
        return reasons.isEmpty() ? "" : " (" + String.join("; ", reasons) + ")";
    }

    private static String element(String field) {
        return switch (field) {
            case "analyte", "specimen" -> ".code";
            case "value" -> ".valueQuantity.value";
            case "unit" -> ".valueQuantity.code";
            case "collectedAt" -> ".effectiveDateTime";
            case "" -> "";
            default -> "";
        };
    }
}
