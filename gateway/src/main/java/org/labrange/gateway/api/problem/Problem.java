package org.labrange.gateway.api.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
    private static final String TYPE_BASE = "https://labrange.dev/problems/";

    public record FieldError(String field, String reason) {}

    public static Problem of(String slug, String title, int status, String detail) {
        return new Problem(TYPE_BASE + slug, title, status, detail, null, null, null, null);
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
