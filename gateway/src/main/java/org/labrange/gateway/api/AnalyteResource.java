package org.labrange.gateway.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.labrange.gateway.api.problem.Problem;
import org.labrange.gateway.client.Forwarder;
import org.labrange.gateway.client.Upstream;
import org.labrange.gateway.security.Roles;
import org.labrange.gateway.service.AnalyteOverview;
import org.labrange.gateway.service.OverviewService;

@Path("/api/v1/analytes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Analytes", description = "Measurable quantities (LOINC-coded where possible)")
@RolesAllowed({Roles.READER, Roles.ADMIN, Roles.INTERPRETER})
public class AnalyteResource {

    private final Forwarder forwarder;
    private final OverviewService overviews;

    AnalyteResource(Forwarder forwarder, OverviewService overviews) {
        this.forwarder = forwarder;
        this.overviews = overviews;
    }

    @GET
    @Operation(
            summary = "Find analytes",
            description = "Matches code, name or alias, case-insensitive. Served by reference-ranges-service.")
    @APIResponse(
            responseCode = "200",
            description = "Matching analytes",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "B2M", value = Examples.ANALYTES)))
    public Uni<Response> search(
            @Parameter(description = "Text to match", example = "B2M") @QueryParam("q") String q,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return forwarder.read(Upstream.RANGES, uri, headers);
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One analyte")
    @APIResponse(
            responseCode = "200",
            description = "The analyte",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "serum B2M", value = Examples.ANALYTE_SERUM)))
    @APIResponse(
            responseCode = "404",
            description = "No such analyte",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> analyte(
            @Parameter(example = "1952-1") @PathParam("code") String code,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return forwarder.read(Upstream.RANGES, uri, headers);
    }

    @GET
    @Path("/{code}/timeline")
    @Operation(
            summary = "Every range revision of an analyte with its valid period, as known now",
            description = "The ETag is the change sequence.")
    @APIResponse(responseCode = "200", description = "Timeline: {analyte, changeSequence, revisions:[RangeRevision]}")
    @APIResponse(
            responseCode = "404",
            description = "No such analyte",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> timeline(
            @Parameter(example = "1952-1") @PathParam("code") String code,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return forwarder.read(Upstream.RANGES, uri, headers);
    }

    @GET
    @Path("/{code}/overview")
    @Operation(
            summary = "Every source's current ranges for an analyte, side by side",
            description =
                    "Aggregated by the gateway from the analyte, the ranges in effect and each range's history: "
                            + "for every range the date and reason of its last revision (which may be scheduled for a later date). "
                            + "Range filters (sex, age, birthDate, category, effectiveOn, knownAt, includeRetired) are passed on.")
    @APIResponse(
            responseCode = "200",
            description = "The overview",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AnalyteOverview.class),
                            examples = @ExampleObject(name = "serum B2M", value = Examples.OVERVIEW)))
    @APIResponse(
            responseCode = "404",
            description = "No such analyte",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<AnalyteOverview> overview(
            @Parameter(example = "1952-1") @PathParam("code") String code,
            @Parameter(description = "ISO date the ranges are in effect on; default today", example = "2026-11-20")
                    @QueryParam("effectiveOn")
                    String effectiveOn,
            @Parameter(description = "FEMALE, MALE or ANY") @QueryParam("sex") String sex,
            @Parameter(description = "ISO-8601 period", example = "P56Y") @QueryParam("age") String age,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return overviews.overview(code, uri.getQueryParameters(), Forwarder.forwardedHeaders(headers));
    }
}
