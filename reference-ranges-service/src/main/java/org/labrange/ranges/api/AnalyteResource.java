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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.labrange.ranges.domain.AnalyteRevision;
import org.labrange.ranges.domain.DomainException;
import org.labrange.ranges.security.Roles;
import org.labrange.ranges.service.AnalyteService;
import org.labrange.ranges.service.CatalogService;
import org.labrange.ranges.service.RangeService;

@Path("/api/v1/analytes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.READER, Roles.ADMIN, Roles.INTERPRETER})
@Tag(name = "Analytes")
@SecurityRequirement(name = "jwt")
public class AnalyteResource {

    @Inject
    CatalogService catalog;

    @Inject
    AnalyteService analytes;

    @Inject
    RangeService ranges;

    @Inject
    SecurityIdentity identity;

    @GET
    @Operation(
            operationId = "listAnalytes",
            summary = "List analytes in use (not retired), optionally matching a code, LOINC, name or alias")
    public List<Views.AnalyteView> list(@Parameter(description = "e.g. B2M or 1952-1") @QueryParam("q") String query) {
        return catalog.findAnalytes(Params.text(query)).stream()
                .map(Views.AnalyteView::of)
                .toList();
    }

    @GET
    @Path("{code}")
    @Operation(
            operationId = "getAnalyte",
            summary = "One analyte by code: its latest revision (retired ones too); the ETag is the revision number")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Views.AnalyteView.class)))
    public Response get(@PathParam("code") String code) {
        return withEtag(Response.ok(), analytes.current(code));
    }

    @GET
    @Path("{code}/revisions")
    @Operation(operationId = "listAnalyteRevisions", summary = "Every revision of an analyte, oldest first")
    public List<Views.AnalyteView> revisions(@PathParam("code") String code) {
        return analytes.history(code).stream().map(Views.AnalyteView::of).toList();
    }

    @GET
    @Path("{code}/revisions/{revision}")
    @Operation(operationId = "getAnalyteRevision", summary = "One revision of an analyte")
    public Views.AnalyteView revision(@PathParam("code") String code, @PathParam("revision") String revision) {
        return Views.AnalyteView.of(analytes.revision(code, revisionNumber("revision", revision)));
    }

    @GET
    @Path("{code}/diff")
    @Operation(operationId = "diffAnalyteRevisions", summary = "Fields that differ between two revisions of an analyte")
    public Views.AnalyteDiffView diff(
            @PathParam("code") String code, @QueryParam("from") String from, @QueryParam("to") String to) {
        int a = revisionNumber("from", from);
        int b = revisionNumber("to", to);
        return new Views.AnalyteDiffView(code, a, b, analytes.diff(code, a, b));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "createAnalyte",
            summary = "Create an analyte (revision 1)",
            description = "A code already used (retired analytes included) is 409; every other broken rule is a 400 "
                    + "naming the field. Nothing is written on failure.")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Views.AnalyteView.class)))
    public Response create(Requests.AnalyteWrite body) {
        Params.requireBody(body);
        AnalyteRevision created = analytes.create(body.toDomain(), author(), body.reason());
        return withEtag(Response.created(URI.create("/api/v1/analytes/" + created.code())), created);
    }

    @PUT
    @Path("{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "reviseAnalyte",
            summary = "Revise an analyte: appends a revision (the body restates every field)",
            description = "If-Match must carry the ETag of the revision you edited: a stale one gets 412 with the "
                    + "current revision, a missing one 428. A new canonical unit or molar mass must still convert the "
                    + "units of the analyte's live ranges.")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Views.AnalyteView.class)))
    public Response revise(
            @PathParam("code") String code, @HeaderParam("If-Match") String ifMatch, Requests.AnalyteWrite body) {
        Params.requireBody(body);
        AnalyteRevision revised =
                analytes.revise(code, Params.ifMatch(ifMatch), body.toDomain(), author(), body.reason());
        return withEtag(Response.ok(), revised);
    }

    @POST
    @Path("{code}/retire")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "retireAnalyte",
            summary = "Retire an analyte: appends a RETIRED revision",
            description = "Refused with 409 (analyte-in-use, listing liveRanges) while any of its ranges is live: "
                    + "retire those first. If-Match as for a revision.")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Views.AnalyteView.class)))
    public Response retire(
            @PathParam("code") String code,
            @HeaderParam("If-Match") String ifMatch,
            Requests.AnalyteRetireRequest body) {
        Params.requireBody(body);
        AnalyteRevision retired = analytes.retire(code, Params.ifMatch(ifMatch), author(), body.reason());
        return withEtag(Response.ok(), retired);
    }

    @GET
    @Path("{code}/coverage")
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
            description = "OK",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Views.CoverageView.class)))
    public Views.CoverageView coverage(
            @PathParam("code") String code,
            @Parameter(description = "Valid time, e.g. 2026-11-24; default today") @QueryParam("effectiveOn")
                    String effectiveOn,
            @Parameter(description = "Transaction time, e.g. 2026-11-24T10:00:00Z; not in the future")
                    @QueryParam("knownAt")
                    String knownAt) {
        LocalDate on = Params.date("effectiveOn", effectiveOn).orElse(LocalDate.now(ZoneOffset.UTC));
        Instant asOf = Params.pastInstant("knownAt", knownAt).orElse(Instant.now());
        return Views.CoverageView.of(ranges.coverage(code, on, asOf));
    }

    @GET
    @Path("{code}/timeline")
    @Operation(
            operationId = "getAnalyteTimeline",
            summary = "The analyte and every revision of its ranges with a non-empty valid period, as known now or at "
                    + "knownAt",
            description = "Made for consumers that cache: select by collection date locally; the ETag is the change "
                    + "sequence. With knownAt, only revisions recorded at or before it count, with their valid "
                    + "periods as known then, and the analyte is the revision known then: the ranges and the "
                    + "canonical unit a query with that knownAt would have used.")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Views.TimelineView.class)))
    public Response timeline(
            @PathParam("code") String code,
            @Parameter(description = "Transaction time, e.g. 2026-11-24T10:00:00Z; not in the future")
                    @QueryParam("knownAt")
                    String knownAt) {
        RangeService.Timeline timeline = ranges.timeline(code, Params.pastInstant("knownAt", knownAt));
        return Response.ok(new Views.TimelineView(
                        Views.AnalyteView.of(timeline.analyte()),
                        timeline.knownAt().orElse(null),
                        timeline.changeSequence(),
                        timeline.changeRecordedAt().orElse(null),
                        timeline.revisions().stream()
                                .map(Views.RangeRevisionView::of)
                                .toList()))
                .header("ETag", "\"" + timeline.changeSequence() + "\"")
                .build();
    }

    private String author() {
        return identity.getPrincipal().getName();
    }

    private static Response withEtag(Response.ResponseBuilder answer, AnalyteRevision revision) {
        return answer.header("ETag", "\"" + revision.revision() + "\"")
                .entity(Views.AnalyteView.of(revision))
                .build();
    }

    private static int revisionNumber(String name, String value) {
        long n = Params.nonNegative(name, value, -1);
        if (n < 1 || n > Integer.MAX_VALUE) {
            throw new DomainException.Invalid(name, "must be a revision number (1, 2, 3…)");
        }
        return (int) n;
    }
}
