package org.labrange.gateway.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.labrange.gateway.api.schema.CatalogueSchemas;
import org.labrange.gateway.client.Forwarder;
import org.labrange.gateway.client.Upstream;
import org.labrange.gateway.security.Roles;

@Path("/api/v1/catalogue")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Catalogue",
        description = "The whole catalogue (analytes, sources and ranges) as one document: exported, and imported all "
                + "or nothing")
public class CatalogueResource {

    private static final String CSV = "text/csv";

    private final Forwarder forwarder;

    CatalogueResource(Forwarder forwarder) {
        this.forwarder = forwarder;
    }

    @GET
    @Path("/export")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed({Roles.READER, Roles.ADMIN, Roles.INTERPRETER})
    @Operation(
            operationId = "exportCatalogue",
            summary = "Export the whole catalogue in the catalogue import format",
            description = "Analytes in use at their current revision, every source, and the latest revision of every "
                    + "live range. Sent back to POST /api/v1/catalogue/import with a reason and effectiveFrom added, "
                    + "every item is unchanged. JSON or CSV (one row per item, first column kind), chosen by the "
                    + "Accept header. The ETag is the catalogue version, for If-Match on that import.")
    @APIResponse(
            responseCode = "200",
            description = "The catalogue; ETag is its version",
            headers = @Header(ref = "ETag"),
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = CatalogueSchemas.Catalogue.class)),
                @Content(mediaType = CSV, schema = @Schema(implementation = CatalogueSchemas.Csv.class))
            })
    public Uni<Response> export(@Context UriInfo uri, @Context HttpHeaders headers) {
        return forwarder.read(Upstream.RANGES, uri, headers);
    }

    @POST
    @Path("/import")
    @Consumes({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "importCatalogue",
            summary = "Import a catalogue (analytes, sources, ranges), all or nothing",
            description = "In one transaction: analytes are created or revised (a new revision only when a field "
                    + "differs), then sources are created or updated, then ranges are imported as by "
                    + "POST /api/v1/ranges/import; ranges may name analytes and sources of the same import. Any "
                    + "error anywhere is a 400 whose errors[] names every field with its position (e.g. "
                    + "analytes[2].loinc, ranges[0].low) and nothing is written. dryRun=true checks and reports the "
                    + "same and writes nothing; send its catalogueVersion back in If-Match and the apply refuses with "
                    + "412 (catalogue-changed) if anything was written in between. JSON, or CSV as the export writes "
                    + "it with reason and effectiveFrom as query parameters; a CSV error also names its line. Needs "
                    + "ranges-admin.")
    @RequestBody(
            required = true,
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = CatalogueSchemas.CatalogueImport.class)),
                @Content(mediaType = CSV, schema = @Schema(implementation = CatalogueSchemas.Csv.class))
            })
    @APIResponse(
            responseCode = "200",
            description = "What the import did, or would do with dryRun=true; ETag is the catalogue version",
            headers = @Header(ref = "ETag"),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CatalogueSchemas.CatalogueImportReport.class)))
    @APIResponse(responseCode = "400", description = "Invalid items (every one named); nothing was imported")
    @APIResponse(responseCode = "409", description = "The database refused a write; nothing was imported")
    @APIResponse(
            responseCode = "412",
            description = "The catalogue changed since the version in If-Match; the ETag carries the current one; "
                    + "nothing was imported")
    public Uni<Response> importCatalogue(
            @Parameter(
                            description = "true: report what would happen, write nothing",
                            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
                    @QueryParam("dryRun")
                    String dryRun,
            @Parameter(description = "Why (CSV bodies only; JSON bodies carry it)") @QueryParam("reason") String reason,
            @Parameter(
                            description = "First day the imported ranges apply (CSV bodies only)",
                            schema = @Schema(type = SchemaType.STRING, format = "date"))
                    @QueryParam("effectiveFrom")
                    String effectiveFrom,
            @Parameter(
                            description = "Optional: the catalogueVersion of the dry run (or the ETag of the export) "
                                    + "the import is based on, quoted",
                            example = "\"412-3f9a0c21\"")
                    @HeaderParam("If-Match")
                    String ifMatch,
            byte[] body,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return forwarder.write(Upstream.RANGES, "POST", uri, headers, body);
    }
}
