package org.labrange.ranges.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.labrange.ranges.security.Roles;
import org.labrange.ranges.service.AuditService;

@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Audit")
@SecurityRequirement(name = "jwt")
public class AuditResource {

    @Inject
    AuditService audit;

    @GET
    @Operation(operationId = "listAuditEntries", summary = "Every write with who and why, oldest first (admins only)")
    public List<Views.AuditEntryView> list(
            @QueryParam("author") String author,
            @QueryParam("since") String since,
            @QueryParam("until") String until,
            @QueryParam("limit") String limit) {
        long max = Params.nonNegative("limit", limit, 1000);
        return audit
                .entries(Params.text(author), Params.instant("since", since), Params.instant("until", until), (int)
                        Math.min(Math.max(max, 1), 10_000))
                .stream()
                .map(Views.AuditEntryView::of)
                .toList();
    }
}
