package org.labrange.ranges.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.labrange.ranges.config.RangesConfig;
import org.labrange.ranges.domain.Category;
import org.labrange.ranges.domain.DomainException;
import org.labrange.ranges.domain.Patient;
import org.labrange.ranges.domain.RangeFilter;
import org.labrange.ranges.domain.RangeRevision;
import org.labrange.ranges.domain.Sex;
import org.labrange.ranges.domain.Specimen;
import org.labrange.ranges.security.Roles;
import org.labrange.ranges.service.NewRange;
import org.labrange.ranges.service.RangeImportService;
import org.labrange.ranges.service.RangeService;

@Path("/api/v1/ranges")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ranges")
@SecurityRequirement(name = "jwt")
public class RangeResource {

    @Inject
    RangeService ranges;

    @Inject
    RangeImportService imports;

    @Inject
    SecurityIdentity identity;

    @Inject
    RangesConfig config;

    @GET
    @RolesAllowed({Roles.READER, Roles.ADMIN, Roles.INTERPRETER})
    @Operation(
            operationId = "listRanges",
            summary = "Ranges in effect on a date, as known at a moment",
            description =
                    "Defaults: effectiveOn = today (UTC), knownAt = now. Population filters keep ranges that apply "
                            + "to the given sex and age; a range for ANY sex applies to everyone.")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = Views.RangeRevisionView.class)))
    public Response query(
            @QueryParam("analyte") String analyte,
            @QueryParam("source") String source,
            @QueryParam("category") String category,
            @Parameter(description = "ANY, FEMALE or MALE") @QueryParam("sex") String sex,
            @Parameter(description = "ISO-8601 period, e.g. P45Y") @QueryParam("age") String age,
            @Parameter(description = "Patient birth date; age is taken at effectiveOn") @QueryParam("birthDate")
                    String birthDate,
            @Parameter(description = "A specimen of the vocabulary, e.g. SERUM_PLASMA or URINE") @QueryParam("specimen")
                    String specimen,
            @Parameter(description = "Valid date, YYYY-MM-DD") @QueryParam("effectiveOn") String effectiveOn,
            @Parameter(
                            description =
                                    "Transaction time, e.g. 2026-11-24T10:00:00Z (a date means the end of that day, UTC)")
                    @QueryParam("knownAt")
                    String knownAt,
            @QueryParam("includeRetired") String includeRetired) {
        LocalDate on = Params.date("effectiveOn", effectiveOn).orElse(LocalDate.now(ZoneOffset.UTC));
        Instant asOf = Params.instant("knownAt", knownAt).orElse(Instant.now());
        var filter = new RangeFilter(
                Params.text(analyte),
                Params.text(source),
                Params.enumeration("category", category, Category.class),
                Params.enumeration("specimen", specimen, Specimen.class));
        var patient = new Patient(
                Params.enumeration("sex", sex, Sex.class).filter(s -> s != Sex.ANY),
                Params.date("birthDate", birthDate),
                Params.period("age", age));
        RangeService.RangesInEffect found =
                ranges.rangesInEffect(filter, patient, on, asOf, Params.bool("includeRetired", includeRetired));
        long sequence = found.changeSequence();
        List<Views.RangeRevisionView> body =
                found.ranges().stream().map(Views.RangeRevisionView::of).toList();
        return Response.ok(body).header("ETag", "W/\"" + sequence + "\"").build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.READER, Roles.ADMIN, Roles.INTERPRETER})
    @Operation(
            operationId = "getRange",
            summary = "The latest revision of a range; its ETag is the revision number to send in If-Match")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Views.RangeRevisionView.class)))
    public Response get(@PathParam("id") String id) {
        RangeRevision current = ranges.currentRevision(Params.uuid("id", id));
        return Response.ok(Views.RangeRevisionView.of(current))
                .header("ETag", etag(current))
                .build();
    }

    @GET
    @Path("{id}/revisions")
    @RolesAllowed({Roles.READER, Roles.ADMIN, Roles.INTERPRETER})
    @Operation(
            operationId = "listRangeRevisions",
            summary = "Full history of a range, oldest first, with valid periods as known now or at knownAt",
            description = "With knownAt: only the revisions recorded at or before it, with their valid periods as "
                    + "known then (an empty list when the range had not been recorded yet).")
    public List<Views.RangeRevisionView> history(
            @PathParam("id") String id,
            @Parameter(description = "Transaction time, e.g. 2026-11-24T10:00:00Z; not in the future")
                    @QueryParam("knownAt")
                    String knownAt) {
        UUID rangeId = Params.uuid("id", id);
        Optional<Instant> asOf = Params.pastInstant("knownAt", knownAt);
        List<RangeRevision> history =
                asOf.isPresent() ? ranges.historyKnownAt(rangeId, asOf.get()) : ranges.history(rangeId);
        return history.stream().map(Views.RangeRevisionView::of).toList();
    }

    @GET
    @Path("{id}/revisions/{revision}")
    @RolesAllowed({Roles.READER, Roles.ADMIN, Roles.INTERPRETER})
    @Operation(operationId = "getRangeRevision", summary = "One revision of a range")
    public Views.RangeRevisionView revision(@PathParam("id") String id, @PathParam("revision") String revision) {
        return Views.RangeRevisionView.of(ranges.revision(Params.uuid("id", id), revisionNumber("revision", revision)));
    }

    @GET
    @Path("{id}/diff")
    @RolesAllowed({Roles.READER, Roles.ADMIN, Roles.INTERPRETER})
    @Operation(operationId = "diffRangeRevisions", summary = "Fields that differ between two revisions")
    public Views.RangeDiffView diff(
            @PathParam("id") String id, @QueryParam("from") String from, @QueryParam("to") String to) {
        UUID rangeId = Params.uuid("id", id);
        int a = revisionNumber("from", from);
        int b = revisionNumber("to", to);
        return new Views.RangeDiffView(rangeId, a, b, ranges.diff(rangeId, a, b));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createRange", summary = "Create a range (revision 1)")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Views.RangeRevisionView.class)))
    public Response create(Requests.RangeWrite body) {
        Params.requireBody(body);
        RangeRevision created = ranges.createRange(body.toNewRange(), body.effectiveFrom(), author(), body.reason());
        return Response.created(URI.create("/api/v1/ranges/" + created.rangeId()))
                .header("ETag", etag(created))
                .entity(Views.RangeRevisionView.of(created))
                .build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "reviseRange",
            summary = "Revise a range: appends a revision",
            description =
                    "If-Match must carry the ETag of the revision you edited: a stale one gets 412 with the current "
                            + "revision, a missing one 428. analyteCode, sourceCode and category may be omitted; if sent they must "
                            + "match the range.")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Views.RangeRevisionView.class)))
    public Response revise(
            @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, Requests.RangeWrite body) {
        Params.requireBody(body);
        UUID rangeId = Params.uuid("id", id);
        Optional<Integer> expected = Params.ifMatch(ifMatch);
        RangeRevision revised =
                ranges.reviseRange(rangeId, expected, body.toEdit(), body.effectiveFrom(), author(), body.reason());
        return Response.ok(Views.RangeRevisionView.of(revised))
                .header("ETag", etag(revised))
                .build();
    }

    @POST
    @Path("{id}/retire")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "retireRange", summary = "Retire a range from a date: appends a RETIRED revision")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Views.RangeRevisionView.class)))
    public Response retire(
            @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, Requests.RetireRequest body) {
        Params.requireBody(body);
        RangeRevision retired = ranges.retireRange(
                Params.uuid("id", id), Params.ifMatch(ifMatch), body.effectiveFrom(), author(), body.reason());
        return Response.ok(Views.RangeRevisionView.of(retired))
                .header("ETag", etag(retired))
                .build();
    }

    @POST
    @Path("import")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "importRanges",
            summary = "Import ranges (JSON), all or nothing",
            description =
                    "Rows are matched to active ranges by analyte, source, category and population: no match creates "
                            + "a range, different bounds revise it, identical rows are unchanged. dryRun=true writes nothing.")
    public Views.ImportReport importJson(@QueryParam("dryRun") String dryRun, Requests.ImportRequest body) {
        Params.requireBody(body);
        List<Requests.RangeDraft> rows = body.ranges() == null ? List.of() : body.ranges();
        return runImport(
                rows.stream().map(r -> r == null ? null : r.toNewRange()).toList(),
                body.effectiveFrom(),
                body.reason(),
                Params.bool("dryRun", dryRun));
    }

    @POST
    @Path("import")
    @Consumes("text/csv")
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "importRanges",
            summary = "Import ranges (CSV), all or nothing; reason and effectiveFrom are query parameters")
    public Views.ImportReport importCsv(
            @QueryParam("dryRun") String dryRun,
            @QueryParam("reason") String reason,
            @QueryParam("effectiveFrom") String effectiveFrom,
            String body) {
        return runImport(
                RangeCsv.parse(body == null ? "" : body, config.maxImportRows()),
                Params.date("effectiveFrom", effectiveFrom).orElse(null),
                reason,
                Params.bool("dryRun", dryRun));
    }

    @GET
    @Path("export")
    @RolesAllowed({Roles.READER, Roles.ADMIN, Roles.INTERPRETER})
    @Operation(operationId = "exportRanges", summary = "Export the ranges in effect today as JSON")
    public List<Views.RangeRevisionView> exportJson() {
        return current().stream().map(Views.RangeRevisionView::of).toList();
    }

    @GET
    @Path("export")
    @Produces("text/csv")
    @RolesAllowed({Roles.READER, Roles.ADMIN, Roles.INTERPRETER})
    @Operation(operationId = "exportRanges", summary = "Export the ranges in effect today as CSV (re-importable)")
    public String exportCsv() {
        return RangeCsv.write(current());
    }

    private List<RangeRevision> current() {
        return ranges.rangesInEffect(
                        RangeFilter.none(), Patient.unknown(), LocalDate.now(Clock.systemUTC()), Instant.now(), false)
                .ranges();
    }

    private Views.ImportReport runImport(List<NewRange> rows, LocalDate effectiveFrom, String reason, boolean dryRun) {
        if (rows.size() > config.maxImportRows()) {
            throw new DomainException.TooLarge(
                    "An import takes at most " + config.maxImportRows() + " ranges; this one has " + rows.size());
        }
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i) == null) {
                throw new DomainException.Invalid("ranges[" + i + "]", "must be an object");
            }
        }
        var imported = imports.importRanges(rows, effectiveFrom, author(), reason, dryRun);
        var outcomes = imported.outcomes();
        var items = outcomes.stream()
                .map(o -> new Views.ImportItemView(
                        o.index(),
                        o.action().name(),
                        o.rangeId().orElse(null),
                        o.revision().orElse(null)))
                .toList();
        return new Views.ImportReport(
                dryRun,
                count(outcomes, RangeImportService.ImportAction.CREATE),
                count(outcomes, RangeImportService.ImportAction.REVISE),
                count(outcomes, RangeImportService.ImportAction.UNCHANGED),
                items,
                imported.warnings().stream().map(Views.CoverageWarningView::of).toList());
    }

    private static long count(List<RangeImportService.ImportOutcome> outcomes, RangeImportService.ImportAction action) {
        return outcomes.stream().filter(o -> o.action() == action).count();
    }

    private String author() {
        return identity.getPrincipal().getName();
    }

    private static String etag(RangeRevision revision) {
        return "\"" + revision.revision() + "\"";
    }

    private static int revisionNumber(String name, String value) {
        long n = Params.nonNegative(name, value, -1);
        if (n < 1 || n > Integer.MAX_VALUE) {
            throw new DomainException.Invalid(name, "must be a revision number (1, 2, 3…)");
        }
        return (int) n;
    }
}
