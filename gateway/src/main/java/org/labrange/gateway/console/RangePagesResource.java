package org.labrange.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.labrange.gateway.client.Upstream;
import org.labrange.gateway.client.UpstreamAnswerException;
import org.labrange.gateway.client.UpstreamResponse;
import org.labrange.gateway.security.Roles;

/**
 * A range's history and the diff of two revisions; edit, retire and create. Every write goes to the API of
 * reference-ranges-service with the user's token and, for an existing range, {@code If-Match} of the revision the
 * user edited: a stale edit comes back 412 and is shown as a conflict, never applied over someone else's change.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.READER, Roles.ADMIN, Roles.INTERPRETER})
public class RangePagesResource {

    private final ConsoleCalls calls;
    private final Pages pages;

    RangePagesResource(ConsoleCalls calls, Pages pages) {
        this.calls = calls;
        this.pages = pages;
    }

    @GET
    @Path("/range")
    public Response range(@QueryParam("id") String id, @QueryParam("saved") String saved) {
        try {
            JsonNode latest = calls.get(Upstream.RANGES, rangePath(id));
            JsonNode revisions = calls.get(Upstream.RANGES, rangePath(id) + "/revisions");
            return pages.ok(pages.page("range")
                    .data("range", latest)
                    .data("revisions", revisions)
                    .data("saved", saved));
        } catch (RuntimeException e) {
            return pages.failure(e, "/console/catalogue");
        }
    }

    @GET
    @Path("/diff")
    public Response diff(@QueryParam("id") String id, @QueryParam("from") String from, @QueryParam("to") String to) {
        try {
            JsonNode diff = calls.get(
                    Upstream.RANGES,
                    rangePath(id) + "/diff?from=" + ConsoleCalls.encode(from) + "&to=" + ConsoleCalls.encode(to));
            JsonNode latest = calls.get(Upstream.RANGES, rangePath(id));
            return pages.ok(pages.page("diff").data("range", latest).data("diff", diff));
        } catch (RuntimeException e) {
            return pages.failure(e, "/console/range?id=" + ConsoleCalls.encode(id));
        }
    }

    @GET
    @Path("/edit")
    public Response edit(@QueryParam("id") String id) {
        if (!pages.viewer().admin()) {
            return pages.forbidden();
        }
        try {
            JsonNode latest = calls.get(Upstream.RANGES, rangePath(id));
            return pages.ok(editPage(latest, RangeForm.of(latest), List.of()));
        } catch (RuntimeException e) {
            return pages.failure(e, "/console/catalogue");
        }
    }

    @POST
    @Path("/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveEdit(@BeanParam RangeForm form) {
        var refused = pages.refuseWrite(pages.viewer().admin(), form.csrf);
        if (refused.isPresent()) {
            return refused.get();
        }
        try {
            UpstreamResponse answer = calls.sendJson(
                    Upstream.RANGES, "PUT", rangePath(form.id), form.write(calls.mapper(), false), etag(form.base));
            if (answer.successful()) {
                JsonNode saved = calls.parse(answer.body());
                return backToRange(form.id, saved.path("revision").asText());
            }
            JsonNode latest = calls.get(Upstream.RANGES, rangePath(form.id));
            if (answer.status() == 412) {
                return pages.html(409, conflictPage(form, latest));
            }
            List<String> problems = pages.explain(new UpstreamAnswerException(Upstream.RANGES, answer));
            return pages.html(answer.status(), editPage(latest, form, problems));
        } catch (RuntimeException e) {
            return pages.failure(e, "/console/range?id=" + ConsoleCalls.encode(form.id));
        }
    }

    @POST
    @Path("/retire")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response retire(
            @RestForm String id, @RestForm String base, @RestForm String effectiveFrom, @RestForm String reason) {
        if (!pages.viewer().admin()) {
            return pages.forbidden();
        }
        try {
            var body = calls.mapper().createObjectNode();
            body.put("effectiveFrom", effectiveFrom == null ? "" : effectiveFrom.strip());
            body.put("reason", reason == null ? "" : reason.strip());
            UpstreamResponse answer =
                    calls.sendJson(Upstream.RANGES, "POST", rangePath(id) + "/retire", body, etag(base));
            if (answer.successful()) {
                return backToRange(
                        id, calls.parse(answer.body()).path("revision").asText());
            }
            throw new UpstreamAnswerException(Upstream.RANGES, answer);
        } catch (RuntimeException e) {
            return pages.failure(e, "/console/range?id=" + ConsoleCalls.encode(id));
        }
    }

    @GET
    @Path("/new")
    public Response newRange(@QueryParam("analyte") String analyte) {
        if (!pages.viewer().admin()) {
            return pages.forbidden();
        }
        try {
            return pages.ok(newPage(RangeForm.empty(analyte), List.of()));
        } catch (RuntimeException e) {
            return pages.failure(e, "/console/catalogue");
        }
    }

    @POST
    @Path("/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@BeanParam RangeForm form) {
        var refused = pages.refuseWrite(pages.viewer().admin(), form.csrf);
        if (refused.isPresent()) {
            return refused.get();
        }
        try {
            UpstreamResponse answer =
                    calls.sendJson(Upstream.RANGES, "POST", "/api/v1/ranges", form.write(calls.mapper(), true), null);
            if (answer.successful()) {
                JsonNode created = calls.parse(answer.body());
                return backToRange(
                        created.path("rangeId").asText(),
                        created.path("revision").asText());
            }
            List<String> problems = pages.explain(new UpstreamAnswerException(Upstream.RANGES, answer));
            return pages.html(answer.status(), newPage(form, problems));
        } catch (RuntimeException e) {
            return pages.failure(e, "/console/catalogue");
        }
    }

    private TemplateInstance editPage(JsonNode latest, RangeForm form, List<String> problems) {
        return pages.page("edit").data("range", latest).data("form", form).data("problems", problems);
    }

    private TemplateInstance newPage(RangeForm form, List<String> problems) {
        return pages.page("new")
                .data("form", form)
                .data("problems", problems)
                .data("analytes", calls.get(Upstream.RANGES, "/api/v1/analytes"))
                .data("sources", calls.get(Upstream.RANGES, "/api/v1/sources"));
    }

    /**
     * What changed since the revision the user edited, and the user's own edits (only the fields they changed)
     * ready to apply on top of the latest revision.
     */
    private TemplateInstance conflictPage(RangeForm form, JsonNode latest) {
        String latestRevision = latest.path("revision").asText();
        String edited = form.base;
        JsonNode changes = calls.get(
                Upstream.RANGES,
                rangePath(form.id) + "/diff?from=" + ConsoleCalls.encode(edited) + "&to=" + latestRevision);
        JsonNode editedRevision =
                calls.get(Upstream.RANGES, rangePath(form.id) + "/revisions/" + ConsoleCalls.encode(edited));
        List<String> yours = form.rebase(RangeForm.of(editedRevision), RangeForm.of(latest));
        return pages.page("conflict")
                .data("range", latest)
                .data("edited", edited)
                .data("changes", changes.path("changes"))
                .data("yours", String.join(", ", yours))
                .data("form", form);
    }

    private static Response backToRange(String id, String revision) {
        return Response.seeOther(URI.create(
                        "/console/range?id=" + ConsoleCalls.encode(id) + "&saved=" + ConsoleCalls.encode(revision)))
                .build();
    }

    private static String etag(String revision) {
        return "\"" + (revision == null ? "" : revision.strip()) + "\"";
    }

    private static String rangePath(String id) {
        return "/api/v1/ranges/" + ConsoleCalls.encode(id);
    }
}
