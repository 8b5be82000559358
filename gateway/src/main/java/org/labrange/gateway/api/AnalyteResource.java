package org.labrange.gateway.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.labrange.gateway.api.schema.AnalyteSchemas;
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

    private static final String IF_MATCH =
            "The ETag of the revision you edited, e.g. \"1\"; without it the answer is 428";

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
            description = "Matches code, LOINC, name or alias, case-insensitive; without q every analyte in use "
                    + "(retired ones are left out). "
                    + "Served by reference-ranges-service.")
    @APIResponse(
            responseCode = "200",
            description = "Matching analytes",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = AnalyteSchemas.Analyte.class)))
    public Uni<Response> search(
            @Parameter(description = "Text to match", example = "B2M") @QueryParam("q") String q,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return forwarder.read(Upstream.RANGES, uri, headers);
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getAnalyte", summary = "One analyte: its latest revision (retired ones too)")
    @APIResponse(
            responseCode = "200",
            description = "The analyte; the ETag is its revision, to send in If-Match",
            headers = @Header(ref = "ETag"),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AnalyteSchemas.Analyte.class)))
    @APIResponse(responseCode = "404", description = "No such analyte")
    public Uni<Response> analyte(
            @Parameter(description = "Analyte code", example = "1952-1") @PathParam("code") String code,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return forwarder.read(Upstream.RANGES, uri, headers);
    }

    @GET
    @Path("/{code}/revisions")
    @Operation(operationId = "listAnalyteRevisions", summary = "Every revision of an analyte, oldest first")
    @APIResponse(
            responseCode = "200",
            description = "Every revision, oldest first",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = AnalyteSchemas.Analyte.class)))
    @APIResponse(responseCode = "404", description = "No such analyte")
    public Uni<Response> revisions(
            @Parameter(description = "Analyte code", example = "1952-1") @PathParam("code") String code,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return forwarder.read(Upstream.RANGES, uri, headers);
    }

    @GET
    @Path("/{code}/revisions/{n}")
    @Operation(operationId = "getAnalyteRevision", summary = "One revision of an analyte")
    @APIResponse(
            responseCode = "200",
            description = "The revision",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AnalyteSchemas.Analyte.class)))
    @APIResponse(responseCode = "404", description = "No such analyte or revision")
    public Uni<Response> revision(
            @Parameter(description = "Analyte code", example = "1952-1") @PathParam("code") String code,
            @Parameter(
                            description = "Revision number",
                            example = "1",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1"))
                    @PathParam("n")
                    String n,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return forwarder.read(Upstream.RANGES, uri, headers);
    }

    @GET
    @Path("/{code}/diff")
    @Operation(
            operationId = "diffAnalyteRevisions",
            summary = "The fields that differ between two revisions of an analyte")
    @APIResponse(
            responseCode = "200",
            description = "The differences",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AnalyteSchemas.AnalyteDiff.class)))
    @APIResponse(responseCode = "404", description = "No such analyte or revision")
    public Uni<Response> diff(
            @Parameter(description = "Analyte code", example = "1952-1") @PathParam("code") String code,
            @Parameter(
                            description = "Revision to compare from",
                            required = true,
                            example = "1",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1"))
                    @QueryParam("from")
                    String from,
            @Parameter(
                            description = "Revision to compare to",
                            required = true,
                            example = "2",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1"))
                    @QueryParam("to")
                    String to,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return forwarder.read(Upstream.RANGES, uri, headers);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "createAnalyte",
            summary = "Create an analyte (revision 1)",
            description = "Needs ranges-admin. A code already used (retired analytes included) is 409; any other "
                    + "broken rule (LOINC check digit, a unit UCUM does not know, a molar mass on a unit it means "
                    + "nothing for, an alias another analyte of the same specimen has) is 400 naming the field. "
                    + "Nothing is written on failure.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AnalyteSchemas.AnalyteWrite.class)))
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the analyte, ETag is its revision",
            headers = {@Header(ref = "Location"), @Header(ref = "ETag")},
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AnalyteSchemas.Analyte.class)))
    @APIResponse(responseCode = "400", description = "Invalid analyte")
    @APIResponse(responseCode = "409", description = "The code is already used")
    public Uni<Response> create(byte[] body, @Context UriInfo uri, @Context HttpHeaders headers) {
        return forwarder.write(Upstream.RANGES, "POST", uri, headers, body);
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "reviseAnalyte",
            summary = "Revise an analyte: appends a revision",
            description = "Needs ranges-admin and If-Match with the revision you edited; the body restates every "
                    + "field. A new canonical unit or molar mass must still convert the units of the analyte's live "
                    + "ranges. Answers reproduced as known before the revision keep the analyte as it was.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AnalyteSchemas.AnalyteWrite.class)))
    @APIResponse(
            responseCode = "200",
            description = "The new revision",
            headers = @Header(ref = "ETag"),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AnalyteSchemas.Analyte.class)))
    @APIResponse(responseCode = "400", description = "Invalid analyte or malformed If-Match")
    @APIResponse(responseCode = "404", description = "No such analyte")
    @APIResponse(responseCode = "409", description = "The analyte is retired")
    @APIResponse(
            responseCode = "412",
            description = "The analyte changed since the revision in If-Match; currentAnalyte is the analyte now")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Uni<Response> revise(
            @Parameter(description = "Analyte code", example = "1952-1") @PathParam("code") String code,
            @Parameter(description = IF_MATCH, required = true, example = "\"1\"") @HeaderParam("If-Match")
                    String ifMatch,
            byte[] body,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return forwarder.write(Upstream.RANGES, "PUT", uri, headers, body);
    }

    @POST
    @Path("/{code}/retire")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "retireAnalyte",
            summary = "Retire an analyte: appends a RETIRED revision",
            description = "Needs ranges-admin and If-Match. Refused with 409 (analyte-in-use, liveRanges listing "
                    + "them) while any range of the analyte is live: retire those ranges first. A retired analyte "
                    + "takes no new ranges and no revisions; its history stays readable.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AnalyteSchemas.AnalyteRetireRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "The retiring revision",
            headers = @Header(ref = "ETag"),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AnalyteSchemas.Analyte.class)))
    @APIResponse(responseCode = "400", description = "Invalid request or malformed If-Match")
    @APIResponse(responseCode = "404", description = "No such analyte")
    @APIResponse(responseCode = "409", description = "Already retired, or ranges of it are still live")
    @APIResponse(
            responseCode = "412",
            description = "The analyte changed since the revision in If-Match; currentAnalyte is the analyte now")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Uni<Response> retire(
            @Parameter(description = "Analyte code", example = "1952-1") @PathParam("code") String code,
            @Parameter(description = IF_MATCH, required = true, example = "\"1\"") @HeaderParam("If-Match")
                    String ifMatch,
            byte[] body,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return forwarder.write(Upstream.RANGES, "POST", uri, headers, body);
    }

    @GET
    @Path("/{code}/coverage")
    @Operation(
            operationId = "getAnalyteCoverage",
            summary =
                    "Gaps and overlaps between the age and sex bands of the analyte's ranges, per source and category",
            description = "Before a catalogue goes live: which patients no range of a source covers, and which several "
                    + "ranges match (named, with whether only the selection rule's tie-breaks decide). Ranges with a "
                    + "condition or method are listed apart. Active ranges in effect on effectiveOn (default today) "
                    + "as known at knownAt (default now).")
    @APIResponse(
            responseCode = "200",
            description = "The coverage",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AnalyteSchemas.Coverage.class)))
    @APIResponse(responseCode = "404", description = "No such analyte")
    public Uni<Response> coverage(
            @Parameter(description = "Analyte code", example = "1952-1") @PathParam("code") String code,
            @Parameter(
                            description = "Valid time: ranges in effect on this date; default today",
                            schema = @Schema(type = SchemaType.STRING, format = "date"),
                            example = "2026-11-24")
                    @QueryParam("effectiveOn")
                    String effectiveOn,
            @Parameter(
                            description = "Transaction time: ranges as known at this instant; default now; not in "
                                    + "the future",
                            schema = @Schema(type = SchemaType.STRING, format = "date-time"),
                            example = "2026-11-24T00:00:00Z")
                    @QueryParam("knownAt")
                    String knownAt,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return forwarder.read(Upstream.RANGES, uri, headers);
    }

    @GET
    @Path("/{code}/timeline")
    @Operation(
            operationId = "getAnalyteTimeline",
            summary = "The analyte and every revision of its ranges with its valid period, as known now or at knownAt",
            description = "Made for consumers that cache: select by collection date locally. "
                    + "The ETag is the change sequence. With knownAt the analyte too is the revision known then, so "
                    + "a later change of its unit or molar mass never changes a reproduced answer.")
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
            @Parameter(
                            description = "Transaction time: the analyte and its ranges as known at this instant; "
                                    + "default now; not in the future",
                            schema = @Schema(type = SchemaType.STRING, format = "date-time"),
                            example = "2026-11-24T00:00:00Z")
                    @QueryParam("knownAt")
                    String knownAt,
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
