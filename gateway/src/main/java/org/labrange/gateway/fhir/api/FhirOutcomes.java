package org.labrange.gateway.fhir.api;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.labrange.gateway.fhir.mapping.InvalidFhirInput;
import org.labrange.gateway.fhir.mapping.ResultOutcomes;

/**
 * Errors under {@code /fhir/r4} as FHIR expects them: an OperationOutcome with the HTTP status. Refused
 * FHIR input is written here directly; every other failure (token, role, upstream, unknown path) is
 * answered by the gateway's problem mapper and turned into an OperationOutcome on its way out, so both
 * doors say the same thing in their own format.
 */
public class FhirOutcomes {

    private static final String PREFIX = "/fhir/";

    private final FhirContext fhir;
    private final ObjectMapper mapper;

    FhirOutcomes(FhirContext fhir, ObjectMapper mapper) {
        this.fhir = fhir;
        this.mapper = mapper;
    }

    @ServerExceptionMapper
    public Response invalid(InvalidFhirInput e) {
        return FhirResponses.write(fhir, ResultOutcomes.of(e.issues()), e.status());
    }

    @ServerResponseFilter
    public void problemsAsOutcomes(ContainerRequestContext request, ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        if (type == null
                || !request.getUriInfo().getRequestUri().getRawPath().startsWith(PREFIX)
                || !"problem+json".equals(type.getSubtype())) {
            return;
        }
        Object entity = response.getEntity();
        String text =
                entity instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(entity);
        OperationOutcome outcome = new OperationOutcome();
        int status = response.getStatus();
        try {
            JsonNode problem = mapper.readTree(text);
            String detail = problem.path("detail").asText(problem.path("title").asText("Error"));
            if (problem.hasNonNull("upstream")) {
                detail = detail + " (upstream: " + problem.path("upstream").asText() + ")";
            }
            if (problem.hasNonNull("requestId")) {
                detail = detail + " [request id " + problem.path("requestId").asText() + "]";
            }
            var issue = ResultOutcomes.issue(OperationOutcome.IssueSeverity.ERROR, issueType(status), "", detail);
            outcome.addIssue(issue);
            for (JsonNode error : problem.path("errors")) {
                outcome.addIssue(ResultOutcomes.issue(
                        OperationOutcome.IssueSeverity.ERROR,
                        OperationOutcome.IssueType.INVALID,
                        "",
                        error.path("field").asText() + ": "
                                + error.path("reason").asText()));
            }
        } catch (IOException e) {
            outcome.addIssue(ResultOutcomes.issue(
                    OperationOutcome.IssueSeverity.ERROR,
                    issueType(status),
                    "",
                    "The request failed (HTTP " + status + ")."));
        }
        response.setEntity(
                fhir.newJsonParser().encodeResourceToString(outcome),
                null,
                MediaType.valueOf(FhirResponses.FHIR_JSON + ";charset=utf-8"));
    }

    private static OperationOutcome.IssueType issueType(int status) {
        return switch (status) {
            case 401 -> OperationOutcome.IssueType.LOGIN;
            case 403 -> OperationOutcome.IssueType.FORBIDDEN;
            case 404 -> OperationOutcome.IssueType.NOTFOUND;
            case 405, 406, 415, 501 -> OperationOutcome.IssueType.NOTSUPPORTED;
            case 413 -> OperationOutcome.IssueType.TOOCOSTLY;
            case 503, 504 -> OperationOutcome.IssueType.TRANSIENT;
            default -> status >= 500 ? OperationOutcome.IssueType.EXCEPTION : OperationOutcome.IssueType.INVALID;
        };
    }
}
