package org.labrange.gateway.api.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.labrange.problems.ProblemCatalogue;
import org.labrange.problems.ProblemType;

/** An RFC 9457 problem document, as every error of the gateway is answered. */
@Schema(name = "Problem", description = "RFC 9457 problem document (application/problem+json)")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        @Schema(example = "https://labrange.dev/problems/upstream-unavailable")
        String type,

        @Schema(example = "Upstream service unavailable") String title,
        @Schema(example = "503") int status,

        @Schema(example = "interpretation-service could not be reached")
        String detail,

        @Schema(example = "/api/v1/interpretations") String instance,

        @Schema(description = "The correlation id of the request (also in the X-Request-Id header)")
        String requestId,

        @Schema(description = "The upstream service that failed, for 503 answers", example = "interpretation-service")
        String upstream,

        @Schema(description = "Invalid fields, for validation problems")
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record FieldError(String field, String reason) {}

    /** A problem of the catalogue (contracts/problem-types.csv), which gives its type URI, title and status. */
    public static Problem of(String slug, String detail) {
        return of(ProblemCatalogue.load().find(slug).orElseThrow(), detail);
    }

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type.uri(), type.title(), type.status().orElseThrow(), detail, null, null, null, null);
    }

    public Problem at(String instance, String requestId) {
        return new Problem(type, title, status, detail, instance, requestId, upstream, errors);
    }

    public Problem naming(String upstreamName) {
        return new Problem(type, title, status, detail, instance, requestId, upstreamName, errors);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, requestId, upstream, List.copyOf(fieldErrors));
    }
}
