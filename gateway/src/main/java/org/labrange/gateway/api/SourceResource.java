package org.labrange.gateway.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
import org.labrange.gateway.api.schema.RangeSchemas;
import org.labrange.gateway.client.Forwarder;
import org.labrange.gateway.client.Upstream;
import org.labrange.gateway.security.Roles;

@Path("/api/v1/sources")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Sources",
        description = "Publishers of reference ranges: laboratories, textbooks, optimal-range sets, the local lab")
public class SourceResource {

    private final Forwarder forwarder;

    SourceResource(Forwarder forwarder) {
        this.forwarder = forwarder;
    }

    @GET
    @RolesAllowed({Roles.READER, Roles.ADMIN, Roles.INTERPRETER})
    @Operation(operationId = "listSources", summary = "All sources")
    @APIResponse(
            responseCode = "200",
            description = "Sources",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = RangeSchemas.Source.class)))
    public Uni<Response> sources(@Context UriInfo uri, @Context HttpHeaders headers) {
        return forwarder.read(Upstream.RANGES, uri, headers);
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.READER, Roles.ADMIN, Roles.INTERPRETER})
    @Operation(operationId = "getSource", summary = "One source")
    @APIResponse(
            responseCode = "200",
            description = "The source",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RangeSchemas.Source.class)))
    @APIResponse(responseCode = "404", description = "No such source")
    public Uni<Response> source(
            @Parameter(description = "Source code", example = "labcorp") @PathParam("code") String code,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return forwarder.read(Upstream.RANGES, uri, headers);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createSource", summary = "Add a source", description = "Needs ranges-admin.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RangeSchemas.SourceWrite.class)))
    @APIResponse(
            responseCode = "201",
            description = "Created",
            headers = @Header(ref = "Location"),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RangeSchemas.Source.class)))
    @APIResponse(responseCode = "400", description = "Invalid source")
    @APIResponse(responseCode = "409", description = "A source with this code exists")
    public Uni<Response> create(byte[] body, @Context UriInfo uri, @Context HttpHeaders headers) {
        return forwarder.write(Upstream.RANGES, "POST", uri, headers, body);
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "updateSource",
            summary = "Change a source's name, kind, citation or URL",
            description = "Needs ranges-admin.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RangeSchemas.SourceWrite.class)))
    @APIResponse(
            responseCode = "200",
            description = "The changed source",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RangeSchemas.Source.class)))
    @APIResponse(responseCode = "400", description = "Invalid source")
    @APIResponse(responseCode = "404", description = "No such source")
    public Uni<Response> update(
            @Parameter(description = "Source code", example = "labcorp") @PathParam("code") String code,
            byte[] body,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return forwarder.write(Upstream.RANGES, "PUT", uri, headers, body);
    }
}
