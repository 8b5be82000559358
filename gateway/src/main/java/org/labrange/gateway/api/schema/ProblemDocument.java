package org.labrange.gateway.api.schema;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The one problem shape of the public API: what the gateway and both services send as application/problem+json. */
@Schema(
        name = "Problem",
        description = "RFC 9457 problem document, the body of every error answer (application/problem+json). "
                + "The gateway and the services behind it send the same members; the extension members are present "
                + "only where they apply.",
        requiredProperties = {"type", "title", "status"})
public record ProblemDocument(
        @Schema(
                description =
                        "URI identifying the kind of problem; stable, use it to branch on. Every type is an entry "
                                + "of the problem catalogue, documented at /problems/{slug} on the gateway",
                format = "uri",
                examples = "https://labrange.dev/problems/stale-revision")
        String type,

        @Schema(description = "Short summary of the kind of problem", examples = "Range changed since you read it")
        String title,

        @Schema(description = "The HTTP status of the answer", examples = "412", minimum = "100", maximum = "599")
        int status,

        @Schema(description = "What went wrong with this request, in words a person can act on")
        String detail,

        @Schema(
                description = "The path of the request",
                examples = "/api/v1/ranges/1952e001-0000-4000-8000-000000000002")
        String instance,

        @Schema(description = "Invalid fields or query parameters, for validation problems")
        List<FieldError> errors,

        @Schema(description = "For 412 answers to range writes: the range's current revision, to edit and send again")
        RangeSchemas.RangeRevision currentRevision,

        @Schema(
                description =
                        "For 412 answers to analyte writes: the analyte's current revision, to edit and send again")
        AnalyteSchemas.Analyte currentAnalyte,

        @Schema(
                description =
                        "For analyte-in-use answers: the ids of the live ranges that keep the analyte from being retired")
        List<String> liveRanges,

        @Schema(
                description =
                        "The correlation id of the request (also in the X-Request-Id header), in every problem the gateway or a service behind it writes")
        String requestId,

        @Schema(
                description = "The service that could not be reached, for 503 answers from the gateway",
                examples = "interpretation-service")
        String upstream) {

    @Schema(
            name = "ProblemFieldError",
            description = "One invalid field: its JSON path (or parameter name) and the reason",
            requiredProperties = {"field", "reason"})
    public record FieldError(
            @Schema(examples = "results[0].value") String field,

            @Schema(examples = "must be a number or a censored value such as <0.2")
            String reason) {}
}
