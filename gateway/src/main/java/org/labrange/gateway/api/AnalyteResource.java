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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.labrange.gateway.api.schema.RangeSchemas;
import org.labrange.gateway.api.schema.ReportSchemas;
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
            operationId = "listAnalytes",
            summary = "Find analytes",
            description = "Matches code, LOINC, name or alias, case-insensitive; without q every analyte. "
                    + "Served by reference-ranges-service.")
    @APIResponse(
            responseCode = "200",
            description = "Matching analytes",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = RangeSchemas.Analyte.class)))
    public Uni<Response> search(
            @Parameter(description = "Text to match", example = "B2M") @QueryParam("q") String q,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return forwarder.read(Upstream.RANGES, uri, headers);
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getAnalyte", summary = "One analyte")
    @APIResponse(
            responseCode = "200",
            description = "The analyte",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RangeSchemas.Analyte.class)))
    @APIResponse(responseCode = "404", description = "No such analyte")
    public Uni<Response> analyte(
            @Parameter(description = "Analyte code", example = "1952-1") @PathParam("code") String code,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return forwarder.read(Upstream.RANGES, uri, headers);
    }

    @GET
    @Path("/{code}/timeline")
    @Operation(
            operationId = "getAnalyteTimeline",
            summary = "Every range revision of an analyte with its valid period, as known now",
            description = "Made for consumers that cache: select by collection date locally. "
                    + "The ETag is the change sequence.")
    @APIResponse(
            responseCode = "200",
            description = "The timeline",
            headers = @Header(ref = "ETag"),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RangeSchemas.Timeline.class)))
    @APIResponse(responseCode = "404", description = "No such analyte")
    public Uni<Response> timeline(
            @Parameter(description = "Analyte code", example = "1952-1") @PathParam("code") String code,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return forwarder.read(Upstream.RANGES, uri, headers);
    }

    @GET
    @Path("/{code}/overview")
    @Operation(
            operationId = "getAnalyteOverview",
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
                            schema = @Schema(implementation = ReportSchemas.AnalyteOverview.class)))
    @APIResponse(responseCode = "404", description = "No such analyte")
    public Uni<AnalyteOverview> overview(
            @Parameter(description = "Analyte code", example = "1952-1") @PathParam("code") String code,
            @Parameter(
                            description = "ISO date the ranges are in effect on; default today",
                            schema = @Schema(type = SchemaType.STRING, format = "date"),
                            example = "2026-11-20")
                    @QueryParam("effectiveOn")
                    String effectiveOn,
            @Parameter(
                            description = "Transaction time: the ranges as known at this instant; default now",
                            schema = @Schema(type = SchemaType.STRING, format = "date-time"),
                            example = "2026-11-24T00:00:00Z")
                    @QueryParam("knownAt")
                    String knownAt,
            @Parameter(description = "FEMALE, MALE or ANY", schema = @Schema(implementation = RangeSchemas.Sex.class))
                    @QueryParam("sex")
                    String sex,
            @Parameter(description = "ISO-8601 period", example = "P56Y") @QueryParam("age") String age,
            @Parameter(
                            description = "Patient birth date; age is taken at effectiveOn",
                            schema = @Schema(type = SchemaType.STRING, format = "date"),
                            example = "1970-05-01")
                    @QueryParam("birthDate")
                    String birthDate,
            @Parameter(schema = @Schema(implementation = RangeSchemas.Category.class)) @QueryParam("category")
                    String category,
            @Parameter(
                            description = "Also ranges retired on effectiveOn",
                            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
                    @QueryParam("includeRetired")
                    String includeRetired,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return overviews.overview(code, uri.getQueryParameters(), Forwarder.forwardedHeaders(headers));
    }
}
