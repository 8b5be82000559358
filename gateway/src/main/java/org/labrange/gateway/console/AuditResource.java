package org.labrange.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.labrange.gateway.client.Upstream;
import org.labrange.gateway.security.Roles;

/** The audit log: who and when are asked of the service; "what" narrows the answer by its words. */
@Path("/console/audit")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.READER, Roles.ADMIN, Roles.INTERPRETER})
public class AuditResource {

    private final ConsoleCalls calls;
    private final Pages pages;

    AuditResource(ConsoleCalls calls, Pages pages) {
        this.calls = calls;
        this.pages = pages;
    }

    @GET
    public Response audit(
            @QueryParam("author") String author,
            @QueryParam("since") String since,
            @QueryParam("until") String until,
            @QueryParam("what") String what) {
        if (!pages.viewer().admin()) {
            return pages.forbidden();
        }
        try {
            List<String> query = new ArrayList<>();
            if (present(author)) {
                query.add("author=" + ConsoleCalls.encode(author.strip()));
            }
            if (present(since)) {
                query.add("since=" + ConsoleCalls.encode(since.strip() + "T00:00:00Z"));
            }
            if (present(until)) {
                query.add("until=" + ConsoleCalls.encode(until.strip() + "T23:59:59Z"));
            }
            JsonNode entries = calls.get(
                    Upstream.RANGES, "/api/v1/audit" + (query.isEmpty() ? "" : "?" + String.join("&", query)));
            List<JsonNode> shown = new ArrayList<>();
            String words = present(what) ? what.strip().toLowerCase(Locale.ROOT) : "";
            for (JsonNode entry : entries) {
                if (words.isEmpty() || entry.toString().toLowerCase(Locale.ROOT).contains(words)) {
                    shown.add(entry);
                }
            }
            return pages.ok(pages.page("audit")
                    .data("entries", shown)
                    .data("author", author == null ? "" : author)
                    .data("since", since == null ? "" : since)
                    .data("until", until == null ? "" : until)
                    .data("what", what == null ? "" : what));
        } catch (RuntimeException e) {
            return pages.failure(e, "/console/catalogue");
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
