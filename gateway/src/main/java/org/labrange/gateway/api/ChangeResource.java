package org.labrange.gateway.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
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
import org.labrange.gateway.client.Forwarder;
import org.labrange.gateway.client.Upstream;
import org.labrange.gateway.security.Roles;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Changes", description = "The change feed and the audit trail")
public class ChangeResource {

    private static final String IF_NONE_MATCH = "The ETag of an earlier answer: 304 when nothing changed since";

    private final Forwarder forwarder;

    ChangeResource(Forwarder forwarder) {
        this.forwarder = forwarder;
    }

    @GET
    @Path("/changes")
    @RolesAllowed({Roles.READER, Roles.ADMIN, Roles.INTERPRETER})
    @Operation(
            operationId = "listChanges",
            summary = "Range revisions recorded after a change sequence, oldest first",
            description = "The ETag is the latest sequence; send it back in If-None-Match to get 304 when nothing "
                    + "changed.")
    @APIResponse(
            responseCode = "200",
            description = "A page of the change feed",
            headers = @Header(ref = "ETag"),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RangeSchemas.ChangePage.class)))
    @APIResponse(responseCode = "304", description = "Nothing new since If-None-Match", headers = @Header(ref = "ETag"))
    public Uni<Response> changes(
            @Parameter(
                            description = "Change sequence already seen; default 0",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "0"))
                    @QueryParam("since")
                    String since,
            @Parameter(
                            description = "Most changes in the page",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1"))
                    @QueryParam("limit")
                    String limit,
            @Parameter(description = IF_NONE_MATCH, example = "\"7\"") @HeaderParam("If-None-Match") String ifNoneMatch,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return forwarder.read(Upstream.RANGES, uri, headers);
    }

    @GET
    @Path("/changes/latest")
    @RolesAllowed({Roles.READER, Roles.ADMIN, Roles.INTERPRETER})
    @Operation(operationId = "getLatestChange", summary = "The latest change sequence number (cheap to poll)")
    @APIResponse(
            responseCode = "200",
            description = "The latest change sequence",
            headers = @Header(ref = "ETag"),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RangeSchemas.LatestChange.class)))
    @APIResponse(responseCode = "304", description = "Nothing new since If-None-Match", headers = @Header(ref = "ETag"))
    public Uni<Response> latest(
            @Parameter(description = IF_NONE_MATCH, example = "\"7\"") @HeaderParam("If-None-Match") String ifNoneMatch,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return forwarder.read(Upstream.RANGES, uri, headers);
    }

    @GET
    @Path("/audit")
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "listAuditEntries",
            summary = "Every write with who and why, oldest first",
            description = "Needs ranges-admin.")
    @APIResponse(
            responseCode = "200",
            description = "The audit entries",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = RangeSchemas.AuditEntry.class)))
    public Uni<Response> audit(
            @Parameter(description = "Only writes by this user", example = "alice") @QueryParam("author") String author,
            @Parameter(
                            description = "Only writes at or after this instant",
                            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
                    @QueryParam("since")
                    String since,
            @Parameter(
                            description = "Only writes before this instant",
                            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
                    @QueryParam("until")
                    String until,
            @Parameter(
                            description = "Most entries in the answer",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1"))
                    @QueryParam("limit")
                    String limit,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return forwarder.read(Upstream.RANGES, uri, headers);
    }
}
