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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.labrange.gateway.domain.Report;

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
            summary = "Build a report for a patient's panel",
            description =
                    "Interprets the results (interpretation-service) while reading the sources (reference-ranges-service), "
                            + "then reads the history of every range used. The report shows each result with its interpretation per "
                            + "source, the ranges side by side with their revisions, cross-source disagreements, panel patterns, "
                            + "delta checks and provenance (range revisions, service versions, timestamps). Anything missing is listed "
                            + "in `warnings` and makes `complete` false (also in the X-Report-Complete header). If a service needed "
                            + "for the answer is unavailable the answer is a 503 problem, never a partial report. "
                            + "Needs interpreter or ranges-admin.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReportRequest.class),
                            examples =
                                    @ExampleObject(
                                            name = "serum and urine B2M with an earlier serum result",
                                            value = Examples.REPORT_REQUEST)))
    @APIResponse(
            responseCode = "200",
            description = "The report",
            headers = @Header(name = COMPLETE_HEADER, description = "false when the report carries clinical warnings"),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Report.class),
                            examples = @ExampleObject(name = "serum and urine B2M", value = Examples.REPORT_RESPONSE)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid request (from the gateway or interpretation-service)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> report(JsonNode body, @Context HttpHeaders headers) {
        return reports.report(body, Forwarder.forwardedHeaders(headers))
                .map(report -> Response.ok(report)
                        .header(COMPLETE_HEADER, String.valueOf(report.complete()))
                        .build());
    }
}
