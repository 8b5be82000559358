package org.labrange.gateway.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.labrange.gateway.client.Forwarder;
import org.labrange.gateway.client.Upstream;
import org.labrange.gateway.security.Roles;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Changes", description = "The change feed and the audit trail")
public class ChangeResource {

    private final Forwarder forwarder;

    ChangeResource(Forwarder forwarder) {
        this.forwarder = forwarder;
    }

    @GET
    @Path("/changes")
    @RolesAllowed({Roles.READER, Roles.ADMIN, Roles.INTERPRETER})
    @Operation(
            summary = "Range revisions recorded after a sequence number",
            description = "ETag = latest sequence; If-None-Match → 304.")
    @APIResponse(
            responseCode = "200",
            description = "ChangePage",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "one revision", value = Examples.CHANGES)))
    @APIResponse(responseCode = "304", description = "Nothing new since If-None-Match")
    public Uni<Response> changes(
            @QueryParam("since") String since,
            @QueryParam("limit") String limit,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return forwarder.read(Upstream.RANGES, uri, headers);
    }

    @GET
    @Path("/changes/latest")
    @RolesAllowed({Roles.READER, Roles.ADMIN, Roles.INTERPRETER})
    @Operation(summary = "The latest change sequence number (cheap to poll)")
    @APIResponse(
            responseCode = "200",
            description = "{latestSequence}",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "latest", value = "{\"latestSequence\": 7}")))
    @APIResponse(responseCode = "304", description = "Nothing new since If-None-Match")
    public Uni<Response> latest(@Context UriInfo uri, @Context HttpHeaders headers) {
        return forwarder.read(Upstream.RANGES, uri, headers);
    }

    @GET
    @Path("/audit")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Every write with who and why", description = "Needs ranges-admin.")
    @APIResponse(responseCode = "200", description = "[AuditEntry]")
    public Uni<Response> audit(
            @QueryParam("author") String author,
            @QueryParam("since") String since,
            @QueryParam("until") String until,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return forwarder.read(Upstream.RANGES, uri, headers);
    }
}
