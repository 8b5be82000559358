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
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.labrange.gateway.client.Forwarder;
import org.labrange.gateway.client.Upstream;
import org.labrange.gateway.security.Roles;

@Path("/api/v1/ranges")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ranges", description = "Versioned reference ranges: every change is a new revision, nothing is deleted")
public class RangeResource {

    private static final String CSV = "text/csv";

    private final Forwarder forwarder;

    RangeResource(Forwarder forwarder) {
        this.forwarder = forwarder;
    }

    @GET
    @RolesAllowed({Roles.READER, Roles.ADMIN, Roles.INTERPRETER})
    @Operation(
            summary = "Ranges in effect",
            description =
                    "Every query parameter is passed on unchanged to reference-ranges-service. "
                            + "effectiveOn defaults to today and knownAt to now: effectiveOn=<date>&knownAt=<moment> answers what was believed then.")
    @APIResponse(
            responseCode = "200",
            description = "Matching range revisions",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples =
                                    @ExampleObject(
                                            name = "serum B2M, Labcorp",
                                            value = "[" + Examples.RANGE_REVISION + "]")))
    @APIResponse(responseCode = "400", description = "Invalid filter")
    public Uni<Response> ranges(
            @Parameter(example = "1952-1") @QueryParam("analyte") String analyte,
            @Parameter(example = "labcorp") @QueryParam("source") String source,
            @Parameter(description = "REFERENCE, OPTIMAL, CRITICAL or ABSOLUTE") @QueryParam("category")
                    String category,
            @Parameter(description = "FEMALE, MALE or ANY") @QueryParam("sex") String sex,
            @Parameter(description = "ISO-8601 period", example = "P56Y") @QueryParam("age") String age,
            @Parameter(example = "1970-05-01") @QueryParam("birthDate") String birthDate,
            @Parameter(example = "SERUM_PLASMA") @QueryParam("specimen") String specimen,
            @Parameter(example = "2026-11-20") @QueryParam("effectiveOn") String effectiveOn,
            @Parameter(example = "2026-11-24T00:00:00Z") @QueryParam("knownAt") String knownAt,
            @QueryParam("includeRetired") String includeRetired,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return forwarder.read(Upstream.RANGES, uri, headers);
    }

    @GET
    @Path("/export")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed({Roles.READER, Roles.ADMIN, Roles.INTERPRETER})
    @Operation(summary = "Export the ranges in effect now", description = "JSON or CSV, chosen by the Accept header.")
    @APIResponse(responseCode = "200", description = "The export")
    public Uni<Response> export(@Context UriInfo uri, @Context HttpHeaders headers) {
        return forwarder.read(Upstream.RANGES, uri, headers);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.READER, Roles.ADMIN, Roles.INTERPRETER})
    @Operation(
            summary = "The latest revision of a range",
            description = "ETag: \"<revision>\" — send it back as If-Match when changing the range.")
    @APIResponse(
            responseCode = "200",
            description = "Latest revision",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "serum B2M, Labcorp", value = Examples.RANGE_REVISION)))
    @APIResponse(responseCode = "404", description = "No such range")
    public Uni<Response> range(@PathParam("id") String id, @Context UriInfo uri, @Context HttpHeaders headers) {
        return forwarder.read(Upstream.RANGES, uri, headers);
    }

    @GET
    @Path("/{id}/revisions")
    @RolesAllowed({Roles.READER, Roles.ADMIN, Roles.INTERPRETER})
    @Operation(summary = "The full history of a range")
    @APIResponse(responseCode = "200", description = "Every revision, oldest first")
    @APIResponse(responseCode = "404", description = "No such range")
    public Uni<Response> revisions(@PathParam("id") String id, @Context UriInfo uri, @Context HttpHeaders headers) {
        return forwarder.read(Upstream.RANGES, uri, headers);
    }

    @GET
    @Path("/{id}/revisions/{n}")
    @RolesAllowed({Roles.READER, Roles.ADMIN, Roles.INTERPRETER})
    @Operation(summary = "One revision of a range")
    @APIResponse(responseCode = "200", description = "The revision")
    @APIResponse(responseCode = "404", description = "No such range or revision")
    public Uni<Response> revision(
            @PathParam("id") String id, @PathParam("n") int n, @Context UriInfo uri, @Context HttpHeaders headers) {
        return forwarder.read(Upstream.RANGES, uri, headers);
    }

    @GET
    @Path("/{id}/diff")
    @RolesAllowed({Roles.READER, Roles.ADMIN, Roles.INTERPRETER})
    @Operation(summary = "What changed between two revisions")
    @APIResponse(responseCode = "200", description = "RangeDiff")
    @APIResponse(responseCode = "400", description = "Invalid revision numbers")
    @APIResponse(responseCode = "404", description = "No such range or revision")
    public Uni<Response> diff(
            @PathParam("id") String id,
            @Parameter(example = "1") @QueryParam("from") String from,
            @Parameter(example = "2") @QueryParam("to") String to,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return forwarder.read(Upstream.RANGES, uri, headers);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create a range (revision 1)", description = "Needs ranges-admin. Answers Location and ETag.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.OBJECT),
                            examples = @ExampleObject(name = "serum B2M, Labcorp", value = Examples.RANGE_WRITE)))
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "created", value = Examples.RANGE_REVISION)))
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
            summary = "Revise a range",
            description = "Needs ranges-admin and If-Match with the revision you edited.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.OBJECT),
                            examples = @ExampleObject(name = "method change", value = Examples.RANGE_WRITE)))
    @APIResponse(responseCode = "200", description = "The new revision, with its ETag")
    @APIResponse(responseCode = "400", description = "Invalid range")
    @APIResponse(responseCode = "404", description = "No such range")
    @APIResponse(responseCode = "412", description = "The range changed since the revision in If-Match")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Uni<Response> revise(
            @PathParam("id") String id,
            @Parameter(
                            in = ParameterIn.HEADER,
                            description = "\"<revision>\" from the ETag you read",
                            example = "\"1\"")
                    @HeaderParam("If-Match")
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
    @Operation(summary = "Retire a range from a date", description = "Needs ranges-admin and If-Match.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.OBJECT),
                            examples = @ExampleObject(name = "retire", value = Examples.RETIRE)))
    @APIResponse(responseCode = "200", description = "The retiring revision")
    @APIResponse(responseCode = "404", description = "No such range")
    @APIResponse(responseCode = "409", description = "Already retired")
    @APIResponse(responseCode = "412", description = "The range changed since the revision in If-Match")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Uni<Response> retire(
            @PathParam("id") String id,
            @Parameter(in = ParameterIn.HEADER, example = "\"2\"") @HeaderParam("If-Match") String ifMatch,
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
            summary = "Import ranges, all or nothing",
            description = "JSON, or CSV with reason and effectiveFrom as query parameters. Needs ranges-admin.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.OBJECT),
                            examples = @ExampleObject(name = "urine B2M", value = Examples.IMPORT)))
    @APIResponse(responseCode = "200", description = "ImportReport")
    @APIResponse(responseCode = "400", description = "Invalid ranges; nothing was imported")
    public Uni<Response> importRanges(
            @QueryParam("dryRun") String dryRun,
            @QueryParam("reason") String reason,
            @QueryParam("effectiveFrom") String effectiveFrom,
            byte[] body,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return forwarder.write(Upstream.RANGES, "POST", uri, headers, body);
    }
}
