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
import org.labrange.gateway.client.Forwarder;
import org.labrange.gateway.client.Upstream;
import org.labrange.gateway.security.Roles;

@Path("/api/v1/ranges")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ranges", description = "Versioned reference ranges: every change is a new revision, nothing is deleted")
public class RangeResource {

    private static final String CSV = "text/csv";
    private static final String IF_MATCH =
            "The ETag of the revision you edited, e.g. \"1\"; without it the answer is 428";

    private final Forwarder forwarder;

    RangeResource(Forwarder forwarder) {
        this.forwarder = forwarder;
    }

    @GET
    @RolesAllowed({Roles.READER, Roles.ADMIN, Roles.INTERPRETER})
    @Operation(
            operationId = "listRanges",
            summary = "Ranges in effect on a date, as known at an instant",
            description = "Every query parameter is passed on unchanged to reference-ranges-service. "
                    + "effectiveOn defaults to today and knownAt to now: effectiveOn=<date>&knownAt=<instant> answers "
                    + "what was believed then. The (weak) ETag is the change sequence.")
    @APIResponse(
            responseCode = "200",
            description = "Matching range revisions",
            headers = @Header(ref = "ETag"),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = RangeSchemas.RangeRevision.class)))
    public Uni<Response> ranges(
            @Parameter(description = "Analyte code", example = "1952-1") @QueryParam("analyte") String analyte,
            @Parameter(description = "Source code", example = "labcorp") @QueryParam("source") String source,
            @Parameter(schema = @Schema(implementation = RangeSchemas.Category.class)) @QueryParam("category")
                    String category,
            @Parameter(
                            description = "Keep ranges that apply to this sex (a range for ANY applies to everyone)",
                            schema = @Schema(implementation = RangeSchemas.Sex.class))
                    @QueryParam("sex")
                    String sex,
            @Parameter(description = "ISO-8601 period", example = "P56Y") @QueryParam("age") String age,
            @Parameter(
                            description = "Patient birth date; age is taken at effectiveOn",
                            schema = @Schema(type = SchemaType.STRING, format = "date"),
                            example = "1970-05-01")
                    @QueryParam("birthDate")
                    String birthDate,
            @Parameter(schema = @Schema(implementation = AnalyteSchemas.Specimen.class)) @QueryParam("specimen")
                    String specimen,
            @Parameter(
                            description = "Valid date; default today (UTC)",
                            schema = @Schema(type = SchemaType.STRING, format = "date"),
                            example = "2026-11-20")
                    @QueryParam("effectiveOn")
                    String effectiveOn,
            @Parameter(
                            description = "Transaction time; default now (a date means the end of that day, UTC)",
                            schema = @Schema(type = SchemaType.STRING, format = "date-time"),
                            example = "2026-11-24T00:00:00Z")
                    @QueryParam("knownAt")
                    String knownAt,
            @Parameter(
                            description = "Also ranges retired on effectiveOn",
                            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
                    @QueryParam("includeRetired")
                    String includeRetired,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return forwarder.read(Upstream.RANGES, uri, headers);
    }

    @GET
    @Path("/export")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed({Roles.READER, Roles.ADMIN, Roles.INTERPRETER})
    @Operation(
            operationId = "exportRanges",
            summary = "Export the ranges in effect today",
            description = "JSON or CSV (re-importable), chosen by the Accept header.")
    @APIResponse(
            responseCode = "200",
            description = "The ranges in effect today",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(type = SchemaType.ARRAY, implementation = RangeSchemas.RangeRevision.class)),
                @Content(mediaType = CSV, schema = @Schema(implementation = RangeSchemas.Csv.class))
            })
    public Uni<Response> export(@Context UriInfo uri, @Context HttpHeaders headers) {
        return forwarder.read(Upstream.RANGES, uri, headers);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.READER, Roles.ADMIN, Roles.INTERPRETER})
    @Operation(
            operationId = "getRange",
            summary = "The latest revision of a range",
            description = "ETag: \"<revision>\" — send it back as If-Match when changing the range.")
    @APIResponse(
            responseCode = "200",
            description = "Latest revision",
            headers = @Header(ref = "ETag"),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RangeSchemas.RangeRevision.class)))
    @APIResponse(responseCode = "404", description = "No such range")
    public Uni<Response> range(
            @Parameter(ref = "rangeId") @PathParam("id") String id,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return forwarder.read(Upstream.RANGES, uri, headers);
    }

    @GET
    @Path("/{id}/revisions")
    @RolesAllowed({Roles.READER, Roles.ADMIN, Roles.INTERPRETER})
    @Operation(
            operationId = "listRangeRevisions",
            summary = "The full history of a range, oldest first, with valid periods as known now")
    @APIResponse(
            responseCode = "200",
            description = "Every revision, oldest first",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = RangeSchemas.RangeRevision.class)))
    @APIResponse(responseCode = "404", description = "No such range")
    public Uni<Response> revisions(
            @Parameter(ref = "rangeId") @PathParam("id") String id,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return forwarder.read(Upstream.RANGES, uri, headers);
    }

    @GET
    @Path("/{id}/revisions/{n}")
    @RolesAllowed({Roles.READER, Roles.ADMIN, Roles.INTERPRETER})
    @Operation(operationId = "getRangeRevision", summary = "One revision of a range")
    @APIResponse(
            responseCode = "200",
            description = "The revision",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RangeSchemas.RangeRevision.class)))
    @APIResponse(responseCode = "404", description = "No such range or revision")
    public Uni<Response> revision(
            @Parameter(ref = "rangeId") @PathParam("id") String id,
            @Parameter(
                            description = "Revision number",
                            example = "1",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1"))
                    @PathParam("n")
                    int n,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return forwarder.read(Upstream.RANGES, uri, headers);
    }

    @GET
    @Path("/{id}/diff")
    @RolesAllowed({Roles.READER, Roles.ADMIN, Roles.INTERPRETER})
    @Operation(operationId = "diffRangeRevisions", summary = "The fields that differ between two revisions")
    @APIResponse(
            responseCode = "200",
            description = "The differences",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RangeSchemas.RangeDiff.class)))
    @APIResponse(responseCode = "404", description = "No such range or revision")
    public Uni<Response> diff(
            @Parameter(ref = "rangeId") @PathParam("id") String id,
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
            operationId = "createRange",
            summary = "Create a range (revision 1)",
            description = "Needs ranges-admin.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RangeSchemas.RangeWrite.class)))
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the range, ETag is its revision",
            headers = {@Header(ref = "Location"), @Header(ref = "ETag")},
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RangeSchemas.RangeRevision.class)))
    @APIResponse(responseCode = "400", description = "Invalid range")
    @APIResponse(responseCode = "404", description = "Unknown analyte or source")
    @APIResponse(responseCode = "409", description = "Conflicts with an existing range")
    public Uni<Response> create(byte[] body, @Context UriInfo uri, @Context HttpHeaders headers) {
        return forwarder.write(Upstream.RANGES, "POST", uri, headers, body);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "reviseRange",
            summary = "Revise a range: appends a revision",
            description = "Needs ranges-admin and If-Match with the revision you edited. analyteCode, sourceCode and "
                    + "category may be omitted; if sent they must match the range.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RangeSchemas.RangeWrite.class)))
    @APIResponse(
            responseCode = "200",
            description = "The new revision",
            headers = @Header(ref = "ETag"),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RangeSchemas.RangeRevision.class)))
    @APIResponse(responseCode = "400", description = "Invalid range or malformed If-Match")
    @APIResponse(responseCode = "404", description = "No such range")
    @APIResponse(
            responseCode = "412",
            description = "The range changed since the revision in If-Match; currentRevision is the range now")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Uni<Response> revise(
            @Parameter(ref = "rangeId") @PathParam("id") String id,
            @Parameter(description = IF_MATCH, required = true, example = "\"1\"") @HeaderParam("If-Match")
                    String ifMatch,
            byte[] body,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return forwarder.write(Upstream.RANGES, "PUT", uri, headers, body);
    }

    @POST
    @Path("/{id}/retire")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "retireRange",
            summary = "Retire a range from a date: appends a RETIRED revision",
            description = "Needs ranges-admin and If-Match.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RangeSchemas.RetireRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "The retiring revision",
            headers = @Header(ref = "ETag"),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RangeSchemas.RangeRevision.class)))
    @APIResponse(responseCode = "400", description = "Invalid request or malformed If-Match")
    @APIResponse(responseCode = "404", description = "No such range")
    @APIResponse(responseCode = "409", description = "Already retired")
    @APIResponse(
            responseCode = "412",
            description = "The range changed since the revision in If-Match; currentRevision is the range now")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Uni<Response> retire(
            @Parameter(ref = "rangeId") @PathParam("id") String id,
            @Parameter(description = IF_MATCH, required = true, example = "\"2\"") @HeaderParam("If-Match")
                    String ifMatch,
            byte[] body,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return forwarder.write(Upstream.RANGES, "POST", uri, headers, body);
    }

    @POST
    @Path("/import")
    @Consumes({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "importRanges",
            summary = "Import ranges, all or nothing",
            description = "Rows are matched to active ranges by analyte, source, category and population: no match "
                    + "creates a range, different bounds revise it, identical rows are unchanged. JSON, or CSV with "
                    + "reason and effectiveFrom as query parameters. Needs ranges-admin.")
    @RequestBody(
            required = true,
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = RangeSchemas.ImportRequest.class)),
                @Content(mediaType = CSV, schema = @Schema(implementation = RangeSchemas.Csv.class))
            })
    @APIResponse(
            responseCode = "200",
            description = "What the import did, or would do with dryRun=true",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RangeSchemas.ImportReport.class)))
    @APIResponse(responseCode = "400", description = "Invalid ranges; nothing was imported")
    @APIResponse(responseCode = "404", description = "Unknown analyte or source; nothing was imported")
    @APIResponse(responseCode = "409", description = "Conflicts with an existing range; nothing was imported")
    public Uni<Response> importRanges(
            @Parameter(
                            description = "true: report what would happen, write nothing",
                            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
                    @QueryParam("dryRun")
                    String dryRun,
            @Parameter(description = "Why (CSV bodies only; JSON bodies carry it)") @QueryParam("reason") String reason,
            @Parameter(
                            description = "First day the ranges apply (CSV bodies only)",
                            schema = @Schema(type = SchemaType.STRING, format = "date"))
                    @QueryParam("effectiveFrom")
                    String effectiveFrom,
            byte[] body,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return forwarder.write(Upstream.RANGES, "POST", uri, headers, body);
    }
}
