package org.labrange.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.labrange.gateway.api.problem.InvalidRequestException;
import org.labrange.gateway.api.problem.Problem;
import org.labrange.gateway.api.schema.ReportSchemas;
import org.labrange.gateway.client.Forwarder;
import org.labrange.gateway.security.Roles;
import org.labrange.gateway.service.ReportService;

@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Reports",
        description = "A patient's panel interpreted against every source, with the ranges and their history")
@RolesAllowed({Roles.INTERPRETER, Roles.ADMIN})
public class ReportResource {

    static final String COMPLETE_HEADER = "X-Report-Complete";

    private final ReportService reports;

    ReportResource(ReportService reports) {
        this.reports = reports;
    }

    @POST
    @Operation(
            operationId = "createReport",
            summary = "Build a report for a patient's panel",
            description =
                    "Interprets the results (interpretation-service) while reading the sources (reference-ranges-service), "
                            + "then reads the history of every range used. The report shows each result with its interpretation per "
                            + "source, the ranges side by side with their revisions, cross-source disagreements, panel patterns, "
                            + "delta checks and provenance (range revisions, service versions, timestamps). Anything missing is listed "
                            + "in `warnings` and makes `complete` false (also in the X-Report-Complete header). If a service needed "
                            + "for the answer is unavailable the answer is a 503 problem, never a partial report. "
                            + "With knownAt the ranges are taken as they were known at that instant. "
                            + "Needs interpreter or ranges-admin.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReportSchemas.ReportRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "The report",
            headers =
                    @Header(
                            name = COMPLETE_HEADER,
                            description = "false when the report carries clinical warnings (same as `complete`)",
                            required = true,
                            schema = @Schema(type = SchemaType.BOOLEAN)),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReportSchemas.Report.class)))
    @APIResponse(responseCode = "400", description = "Invalid request (from the gateway or interpretation-service)")
    public Uni<Response> report(JsonNode body, @Context HttpHeaders headers) {
        validate(body);
        return reports.report(body, RequestIds.of(headers), Forwarder.forwardedHeaders(headers))
                .map(report -> Response.ok(report)
                        .header(COMPLETE_HEADER, String.valueOf(report.complete()))
                        .build());
    }

    /** Checks what the gateway itself needs (result ids to match answers to); the rest is for interpretation-service. */
    static void validate(JsonNode body) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw new InvalidRequestException(List.of(new Problem.FieldError("", "the body must be a JSON object")));
        }
        JsonNode results = body.get("results");
        if (results == null || !results.isArray() || results.isEmpty()) {
            errors.add(new Problem.FieldError("results", "must be a non-empty array"));
        } else {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < results.size(); i++) {
                JsonNode id = results.get(i).get("id");
                if (id == null || !id.isTextual() || id.asText().isBlank()) {
                    errors.add(new Problem.FieldError(
                            "results[" + i + "].id", "is required to match results to their interpretation"));
                } else if (!ids.add(id.asText())) {
                    errors.add(new Problem.FieldError("results[" + i + "].id", "duplicates an earlier result id"));
                }
            }
        }
        JsonNode reportId = body.get("reportId");
        if (reportId != null && !reportId.isNull() && !reportId.isTextual()) {
            errors.add(new Problem.FieldError("reportId", "must be a string"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }
}
