package org.labrange.ranges.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.labrange.ranges.config.RangesConfig;
import org.labrange.ranges.domain.DomainException;
import org.labrange.ranges.security.Roles;
import org.labrange.ranges.service.CatalogueDocumentService;
import org.labrange.ranges.service.RangeImportService.ImportAction;

/** The whole catalogue (analytes, sources, ranges) in one document: export, and import all or nothing. */
@Path("/api/v1/catalogue")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalogue")
@SecurityRequirement(name = "jwt")
public class CatalogueResource {

    /** A catalogue version as an entity tag: the change sequence and the sources digest, quoted. */
    private static final Pattern VERSION_TAG = Pattern.compile("\"([0-9]{1,19}-[0-9a-f]{8})\"");

    @Inject
    CatalogueDocumentService catalogue;

    @Inject
    SecurityIdentity identity;

    @Inject
    RangesConfig config;

    @GET
    @Path("export")
    @RolesAllowed({Roles.READER, Roles.ADMIN, Roles.INTERPRETER})
    @Operation(
            operationId = "exportCatalogue",
            summary = "Export the whole catalogue in the catalogue import format",
            description = "Analytes in use at their current revision, every source, and the latest revision of every "
                    + "live range (the revision an import compares with). Importing it back, with a reason and "
                    + "effectiveFrom added, changes nothing. The ETag is the catalogue version, for If-Match.")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Views.CatalogueView.class)))
    public Response export() {
        CatalogueDocumentService.CatalogueContent content = catalogue.export();
        return Response.ok(Views.CatalogueView.of(content))
                .header("ETag", "\"" + content.catalogueVersion() + "\"")
                .build();
    }

    @GET
    @Path("export")
    @Produces("text/csv")
    @RolesAllowed({Roles.READER, Roles.ADMIN, Roles.INTERPRETER})
    @Operation(
            operationId = "exportCatalogue",
            summary = "Export the whole catalogue in the catalogue import format",
            description = "The CSV form: one row per analyte, source or range with the first column kind; importing "
                    + "it back with POST /api/v1/catalogue/import (text/csv) changes nothing.")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    public Response exportCsv() {
        CatalogueDocumentService.CatalogueContent content = catalogue.export();
        return Response.ok(CatalogueCsv.write(content), "text/csv")
                .header("ETag", "\"" + content.catalogueVersion() + "\"")
                .build();
    }

    @POST
    @Path("import")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "importCatalogue",
            summary = "Import a catalogue (analytes, sources, ranges), all or nothing",
            description = "In one transaction: analytes are created or revised (a new revision only when a field "
                    + "differs), then sources, then ranges, which may name analytes and sources of the same import. "
                    + "Any error anywhere is a 400 whose errors[] names every field (e.g. analytes[2].loinc) and "
                    + "nothing is written. dryRun=true checks and reports the same and writes nothing; its "
                    + "catalogueVersion (also the ETag) sent back in If-Match makes the apply refuse with 412 "
                    + "(catalogue-changed) if anything was written in between.")
    @APIResponse(
            responseCode = "200",
            description = "What was written, or with dryRun=true what would be",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Views.CatalogueImportReport.class)))
    public Response importCatalogue(
            @Parameter(description = "true: check and report only") @QueryParam("dryRun") String dryRun,
            @Parameter(description = "The catalogueVersion of the dry run (or export) the import is based on")
                    @HeaderParam("If-Match")
                    String ifMatch,
            Requests.CatalogueImportRequest body) {
        Params.requireBody(body);
        var draft = new CatalogueDocumentService.CatalogueDraft(
                orEmpty(body.analytes()).stream()
                        .map(a -> a == null ? null : a.toDomain())
                        .toList(),
                orEmpty(body.sources()).stream()
                        .map(s -> s == null ? null : s.toDomain())
                        .toList(),
                orEmpty(body.ranges()).stream()
                        .map(r -> r == null ? null : r.toNewRange())
                        .toList());
        return runImport(draft, ifMatch, body.effectiveFrom(), body.reason(), Params.bool("dryRun", dryRun));
    }

    @POST
    @Path("import")
    @Consumes("text/csv")
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "importCatalogue",
            summary = "Import a catalogue (analytes, sources, ranges), all or nothing",
            description = "The CSV form: one row per analyte, source or range, told apart by the column kind (the "
                    + "layout GET /api/v1/catalogue/export writes with Accept: text/csv); reason and effectiveFrom "
                    + "are query parameters. Same rules, dry run and If-Match as the JSON form; every error names "
                    + "the line of the file it comes from.")
    @APIResponse(
            responseCode = "200",
            description = "What was written, or with dryRun=true what would be",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Views.CatalogueImportReport.class)))
    public Response importCatalogueCsv(
            @Parameter(description = "true: check and report only") @QueryParam("dryRun") String dryRun,
            @Parameter(description = "Why the catalogue changes (mandatory)") @QueryParam("reason") String reason,
            @Parameter(description = "First day the imported ranges apply, e.g. 2027-01-01")
                    @QueryParam("effectiveFrom")
                    String effectiveFrom,
            @Parameter(description = "The catalogueVersion of the dry run (or export) the import is based on")
                    @HeaderParam("If-Match")
                    String ifMatch,
            String body) {
        CatalogueCsv.Parsed parsed = CatalogueCsv.parse(body == null ? "" : body, config.maxImportRows());
        try {
            return runImport(
                    parsed.draft(),
                    ifMatch,
                    Params.date("effectiveFrom", effectiveFrom).orElse(null),
                    reason,
                    Params.bool("dryRun", dryRun));
        } catch (DomainException.Invalid e) {
            throw new DomainException.Invalid(
                    e.errors().stream().map(parsed::located).toList());
        }
    }

    private Response runImport(
            CatalogueDocumentService.CatalogueDraft draft,
            String ifMatch,
            java.time.LocalDate effectiveFrom,
            String reason,
            boolean dryRun) {
        int items = draft.analytes().size()
                + draft.sources().size()
                + draft.ranges().size();
        if (items > config.maxImportRows()) {
            throw new DomainException.TooLarge("A catalogue import takes at most " + config.maxImportRows()
                    + " analytes, sources and ranges together; this one has " + items);
        }
        var outcome = catalogue.importCatalogue(
                draft,
                expectedVersion(ifMatch),
                effectiveFrom,
                identity.getPrincipal().getName(),
                reason,
                dryRun);
        var report = new Views.CatalogueImportReport(
                outcome.dryRun(),
                outcome.catalogueVersion(),
                counts(outcome.analytes().stream().map(CatalogueDocumentService.ItemOutcome::action)),
                counts(outcome.sources().stream().map(CatalogueDocumentService.ItemOutcome::action)),
                counts(outcome.ranges().stream().map(o -> o.action())),
                outcome.analytes().stream().map(Views.CatalogueItemView::of).toList(),
                outcome.sources().stream().map(Views.CatalogueItemView::of).toList(),
                outcome.ranges().stream()
                        .map(o -> new Views.ImportItemView(
                                o.index(),
                                o.action().name(),
                                o.rangeId().orElse(null),
                                o.revision().orElse(null)))
                        .toList(),
                outcome.warnings().stream().map(Views.CoverageWarningView::of).toList());
        return Response.ok(report)
                .header("ETag", "\"" + outcome.catalogueVersion() + "\"")
                .build();
    }

    /**
     * The version an If-Match names: absent means no precondition; one strong tag of our form is compared;
     * anything else is a 400 (a version we never issued would only ever fail, so it is named as wrong instead).
     */
    private static Optional<String> expectedVersion(String ifMatch) {
        Optional<String> value = Params.text(ifMatch);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Matcher tag = VERSION_TAG.matcher(value.get());
        if (!tag.matches()) {
            throw new DomainException.Invalid(
                    "If-Match",
                    "must be one catalogue version as a dry run or export answers it, quoted, e.g. \"412-3f9a0c21\"");
        }
        return Optional.of(tag.group(1));
    }

    private static Views.CatalogueCounts counts(java.util.stream.Stream<ImportAction> actions) {
        long[] n = new long[ImportAction.values().length];
        actions.forEach(a -> n[a.ordinal()]++);
        return new Views.CatalogueCounts(
                n[ImportAction.CREATE.ordinal()],
                n[ImportAction.REVISE.ordinal()],
                n[ImportAction.UNCHANGED.ordinal()]);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
