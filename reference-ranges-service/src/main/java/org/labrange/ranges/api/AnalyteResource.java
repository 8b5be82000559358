package org.labrange.ranges.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.labrange.ranges.security.Roles;
import org.labrange.ranges.service.CatalogService;
import org.labrange.ranges.service.RangeService;

@Path("/api/v1/analytes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.READER, Roles.ADMIN, Roles.INTERPRETER})
@Tag(name = "Analytes")
@SecurityRequirement(name = "jwt")
public class AnalyteResource {

    @Inject
    CatalogService catalog;

    @Inject
    RangeService ranges;

    @GET
    @Operation(
            operationId = "listAnalytes",
            summary = "List analytes, optionally matching a code, LOINC, name or alias")
    public List<Views.AnalyteView> list(@Parameter(description = "e.g. B2M or 1952-1") @QueryParam("q") String query) {
        return catalog.findAnalytes(Params.text(query)).stream()
                .map(Views.AnalyteView::of)
                .toList();
    }

    @GET
    @Path("{code}")
    @Operation(operationId = "getAnalyte", summary = "One analyte by code")
    public Views.AnalyteView get(@PathParam("code") String code) {
        return Views.AnalyteView.of(catalog.analyte(code));
    }

    @GET
    @Path("{code}/timeline")
    @Operation(
            operationId = "getAnalyteTimeline",
            summary =
                    "Every revision of the analyte's ranges with a non-empty valid period, as known now or at knownAt",
            description = "Made for consumers that cache: select by collection date locally; the ETag is the change "
                    + "sequence. With knownAt, only revisions recorded at or before it count, with their valid "
                    + "periods as known then: the ranges a query with that knownAt would have chosen.")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Views.TimelineView.class)))
    public Response timeline(
            @PathParam("code") String code,
            @Parameter(description = "Transaction time, e.g. 2026-11-24T10:00:00Z; not in the future")
                    @QueryParam("knownAt")
                    String knownAt) {
        RangeService.Timeline timeline = ranges.timeline(code, Params.pastInstant("knownAt", knownAt));
        return Response.ok(new Views.TimelineView(
                        Views.AnalyteView.of(timeline.analyte()),
                        timeline.knownAt().orElse(null),
                        timeline.changeSequence(),
                        timeline.changeRecordedAt().orElse(null),
                        timeline.revisions().stream()
                                .map(Views.RangeRevisionView::of)
                                .toList()))
                .header("ETag", "\"" + timeline.changeSequence() + "\"")
                .build();
    }
}
