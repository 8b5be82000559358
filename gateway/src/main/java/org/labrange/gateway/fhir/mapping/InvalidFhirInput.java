package org.labrange.gateway.fhir.mapping;

import java.util.List;

/**
 * A FHIR request the gateway refuses, with one issue per failing element (FHIRPath of the element as it
 * appears in the request) and the HTTP status of the answer.
 */
public class InvalidFhirInput extends RuntimeException {

    private final int status;
    private final List<Issue> issues;

    /**
     * One problem with the request.
     *
     * @param code       OperationOutcome issue type (invalid, required, value, code-invalid, not-supported, processing…)
     * @param expression FHIRPath of the failing element; empty when the body is not FHIR at all
     * @param text       what is wrong, for a person
     */
    public record Issue(String code, String expression, String text) {}

    public InvalidFhirInput(int status, List<Issue> issues) {
        super(issues.isEmpty() ? "invalid FHIR request" : issues.get(0).text());
        this.status = status;
        this.issues = List.copyOf(issues);
    }

    public static InvalidFhirInput of(int status, String code, String expression, String text) {
        return new InvalidFhirInput(status, List.of(new Issue(code, expression, text)));
    }

    public int status() {
        return status;
    }

    public List<Issue> issues() {
        return issues;
    }
}
