package org.labrange.ranges.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.labrange.ranges.domain.DomainException;
import org.labrange.ranges.domain.FieldError;
import org.labrange.ranges.security.Roles;
import org.labrange.ranges.service.CatalogService;

@Path("/api/v1/sources")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sources")
@SecurityRequirement(name = "jwt")
public class SourceResource {

    @Inject
    CatalogService catalog;

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed({Roles.READER, Roles.ADMIN, Roles.INTERPRETER})
    @Operation(operationId = "listSources", summary = "List range sources")
    public List<Views.SourceView> list() {
        return catalog.sources().stream().map(Views.SourceView::of).toList();
    }

    @GET
    @Path("{code}")
    @RolesAllowed({Roles.READER, Roles.ADMIN, Roles.INTERPRETER})
    @Operation(operationId = "getSource", summary = "One source by code")
    public Views.SourceView get(@PathParam("code") String code) {
        return Views.SourceView.of(catalog.source(code));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createSource", summary = "Create a source (admin)")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Views.SourceView.class)))
    public Response create(Requests.SourceWrite body) {
        List<FieldError> errors = check(body, true);
        if (!errors.isEmpty()) {
            throw new DomainException.Invalid(errors);
        }
        var created = catalog.createSource(
                body.code(), change(body), identity.getPrincipal().getName(), body.reason());
        return Response.created(URI.create("/api/v1/sources/" + created.code()))
                .entity(Views.SourceView.of(created))
                .build();
    }

    @PUT
    @Path("{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "updateSource", summary = "Update a source's name, kind, citation or URL (admin)")
    public Views.SourceView update(@PathParam("code") String code, Requests.SourceWrite body) {
        List<FieldError> errors = check(body, false);
        if (body != null && body.code() != null && !body.code().equals(code)) {
            errors.add(new FieldError("code", "cannot be changed (the path says '" + code + "')"));
        }
        if (!errors.isEmpty()) {
            throw new DomainException.Invalid(errors);
        }
        return Views.SourceView.of(
                catalog.updateSource(code, change(body), identity.getPrincipal().getName(), body.reason()));
    }

    private static CatalogService.SourceChange change(Requests.SourceWrite body) {
        return new CatalogService.SourceChange(
                body.name(), body.kind(), body.citation(), Optional.ofNullable(body.url()));
    }

    private static List<FieldError> check(Requests.SourceWrite body, boolean creating) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null) {
            errors.add(new FieldError("body", "is required"));
            return errors;
        }
        errors.addAll(CatalogService.checkSource(body.code(), change(body), creating, ""));
        if (body.reason() == null || body.reason().isBlank()) {
            errors.add(new FieldError("reason", "is required"));
        }
        return errors;
    }
}
