package org.labrange.ranges.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.labrange.ranges.config.RangesConfig;
import org.labrange.ranges.domain.DomainException;
import org.labrange.ranges.security.Roles;
import org.labrange.ranges.service.RangeService;

/** The change feed consumers poll to keep caches fresh. */
@Path("/api/v1/changes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.READER, Roles.ADMIN, Roles.INTERPRETER})
@Tag(name = "Changes")
@SecurityRequirement(name = "jwt")
public class ChangeResource {

    @Inject
    RangeService ranges;

    @Inject
    RangesConfig config;

    @GET
    @Operation(
            operationId = "listChanges",
            summary = "Range and analyte revisions recorded after a change sequence, oldest first",
            description =
                    "The ETag is the latest sequence; send it back in If-None-Match to get 304 when nothing changed.")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Views.ChangePage.class)))
    public Response since(
            @QueryParam("since") String since,
            @QueryParam("limit") String limit,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        long from = Params.nonNegative("since", since, 0);
        long max = Params.nonNegative("limit", limit, config.maxChangesPage());
        if (max < 1 || max > config.maxChangesPage()) {
            throw new DomainException.Invalid("limit", "must be between 1 and " + config.maxChangesPage());
        }
        RangeService.ChangeFeed feed = ranges.changesSince(from, (int) max);
        String etag = "\"" + feed.latestSequence() + "\"";
        if (etag.equals(ifNoneMatch)) {
            return Response.notModified().header("ETag", etag).build();
        }
        var changes = java.util.stream.Stream.concat(
                        feed.changes().stream().map(r -> Views.ChangeView.of(r)),
                        feed.analyteChanges().stream().map(a -> Views.ChangeView.of(a)))
                .sorted(java.util.Comparator.comparingLong(Views.ChangeView::sequence))
                .toList();
        return Response.ok(new Views.ChangePage(feed.latestSequence(), changes))
                .header("ETag", etag)
                .build();
    }

    @GET
    @Path("latest")
    @Operation(
            operationId = "getLatestChange",
            summary = "The latest change sequence and when it was recorded; cheap, for cache validation "
                    + "(ETag / If-None-Match)")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Views.LatestChange.class)))
    public Response latest(@HeaderParam("If-None-Match") String ifNoneMatch) {
        RangeService.LatestChange latest = ranges.latestChange();
        String etag = "\"" + latest.sequence() + "\"";
        if (etag.equals(ifNoneMatch)) {
            return Response.notModified().header("ETag", etag).build();
        }
        return Response.ok(new Views.LatestChange(
                        latest.sequence(), latest.recordedAt().orElse(null)))
                .header("ETag", etag)
                .build();
    }
}
