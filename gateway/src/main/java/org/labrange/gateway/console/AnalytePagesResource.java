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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.labrange.gateway.client.Upstream;
import org.labrange.gateway.client.UpstreamAnswerException;
import org.labrange.gateway.client.UpstreamResponse;
import org.labrange.gateway.security.Roles;

/**
 * Creating, revising and retiring an analyte. Like the range pages, every write goes to the analyte API of
 * reference-ranges-service with the user's token; a revise carries {@code If-Match} of the revision the user edited,
 * so a stale one comes back 412 and is shown as a conflict with the user's own changes ready to re-apply.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.READER, Roles.ADMIN, Roles.INTERPRETER})
public class AnalytePagesResource {

    /** The specimen vocabulary of the API (its Specimen schema), with the words the form shows. */
    static final List<Choice> SPECIMENS = List.of(
            new Choice("SERUM_PLASMA", "Serum or plasma"),
            new Choice("SERUM", "Serum"),
            new Choice("PLASMA", "Plasma"),
            new Choice("BLOOD", "Whole blood"),
            new Choice("BLOOD_ARTERIAL", "Blood, arterial"),
            new Choice("BLOOD_VENOUS", "Blood, venous"),
            new Choice("BLOOD_CORD", "Cord blood"),
            new Choice("URINE", "Urine, spot (random) collection"),
            new Choice("URINE_24H", "Urine, 24-hour collection"),
            new Choice("CSF", "Cerebrospinal fluid"),
            new Choice("SALIVA", "Saliva"),
            new Choice("STOOL", "Stool"),
            new Choice("PLEURAL_FLUID", "Pleural fluid"),
            new Choice("SYNOVIAL_FLUID", "Synovial (joint) fluid"),
            new Choice("AMNIOTIC_FLUID", "Amniotic fluid"),
            new Choice("SEMINAL_FLUID", "Seminal fluid"),
            new Choice("SWEAT", "Sweat"));

    /** One option of a select: the value sent and the words shown. */
    public record Choice(String value, String label) {}

    private final ConsoleCalls calls;
    private final Pages pages;

    AnalytePagesResource(ConsoleCalls calls, Pages pages) {
        this.calls = calls;
        this.pages = pages;
    }

    @GET
    @Path("/analyte/new")
    public Response newAnalyte() {
        if (!pages.viewer().admin()) {
            return pages.forbidden();
        }
        return pages.ok(formPage(AnalyteForm.empty(), true, List.of(), Map.of()));
    }

    @POST
    @Path("/analyte/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@BeanParam AnalyteForm form) {
        var refused = pages.refuseWrite(pages.viewer().admin(), form.csrf);
        if (refused.isPresent()) {
            return refused.get();
        }
        try {
            UpstreamResponse answer =
                    calls.sendJson(Upstream.RANGES, "POST", "/api/v1/analytes", form.write(calls.mapper(), true), null);
            if (answer.successful()) {
                JsonNode created = calls.parse(answer.body());
                return backToAnalyte(
                        created.path("code").asText(), created.path("revision").asText());
            }
            var problem = new UpstreamAnswerException(Upstream.RANGES, answer);
            return pages.html(
                    answer.status(), formPage(form, true, pages.explain(problem), pages.fieldProblems(problem)));
        } catch (RuntimeException e) {
            return pages.failure(e, "/console/catalogue");
        }
    }

    @GET
    @Path("/analyte/edit")
    public Response edit(@QueryParam("code") String code) {
        if (!pages.viewer().admin()) {
            return pages.forbidden();
        }
        try {
            JsonNode latest = calls.get(Upstream.RANGES, analytePath(code));
            return pages.ok(formPage(AnalyteForm.of(latest), false, List.of(), Map.of()));
        } catch (RuntimeException e) {
            return pages.failure(e, "/console/catalogue");
        }
    }

    @POST
    @Path("/analyte/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revise(@BeanParam AnalyteForm form) {
        var refused = pages.refuseWrite(pages.viewer().admin(), form.csrf);
        if (refused.isPresent()) {
            return refused.get();
        }
        try {
            UpstreamResponse answer = calls.sendJson(
                    Upstream.RANGES, "PUT", analytePath(form.code), form.write(calls.mapper(), false), etag(form.base));
            if (answer.successful()) {
                return backToAnalyte(
                        form.code, calls.parse(answer.body()).path("revision").asText());
            }
            if (answer.status() == 412) {
                JsonNode latest = calls.get(Upstream.RANGES, analytePath(form.code));
                return pages.html(409, conflictPage(form, latest));
            }
            var problem = new UpstreamAnswerException(Upstream.RANGES, answer);
            return pages.html(
                    answer.status(), formPage(form, false, pages.explain(problem), pages.fieldProblems(problem)));
        } catch (RuntimeException e) {
            return pages.failure(e, "/console/analyte?code=" + ConsoleCalls.encode(form.code));
        }
    }

    @POST
    @Path("/analyte/retire")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response retire(
            @RestForm String code, @RestForm String base, @RestForm String reason, @RestForm String csrf) {
        var refused = pages.refuseWrite(pages.viewer().admin(), csrf);
        if (refused.isPresent()) {
            return refused.get();
        }
        String back = "/console/analyte?code=" + ConsoleCalls.encode(code);
        try {
            var body = calls.mapper().createObjectNode();
            body.put("reason", reason == null ? "" : reason.strip());
            UpstreamResponse answer =
                    calls.sendJson(Upstream.RANGES, "POST", analytePath(code) + "/retire", body, etag(base));
            if (answer.successful()) {
                return backToAnalyte(
                        code, calls.parse(answer.body()).path("revision").asText());
            }
            var problem = new UpstreamAnswerException(Upstream.RANGES, answer);
            if (answer.status() == 409) {
                return pages.html(409, inUsePage(code, problem));
            }
            throw problem;
        } catch (RuntimeException e) {
            return pages.failure(e, back);
        }
    }

    private TemplateInstance formPage(
            AnalyteForm form, boolean create, List<String> problems, Map<String, String> fieldProblems) {
        return pages.page("analyte-form")
                .data("form", form)
                .data("create", create)
                .data("problems", problems)
                .data("errors", fieldProblems)
                .data("specimens", SPECIMENS);
    }

    /** What changed since the revision the user edited, and the user's own changes on top of the latest revision. */
    private TemplateInstance conflictPage(AnalyteForm form, JsonNode latest) {
        String latestRevision = latest.path("revision").asText();
        String edited = form.base;
        JsonNode changes = calls.get(
                Upstream.RANGES,
                analytePath(form.code) + "/diff?from=" + ConsoleCalls.encode(edited) + "&to="
                        + ConsoleCalls.encode(latestRevision));
        JsonNode editedRevision =
                calls.get(Upstream.RANGES, analytePath(form.code) + "/revisions/" + ConsoleCalls.encode(edited));
        List<String> yours = form.rebase(AnalyteForm.of(editedRevision), AnalyteForm.of(latest));
        return pages.page("analyte-conflict")
                .data("analyte", latest)
                .data("edited", edited)
                .data("changes", changes.path("changes"))
                .data("yours", String.join(", ", yours))
                .data("form", form)
                .data("create", false)
                .data("errors", Map.of())
                .data("specimens", SPECIMENS);
    }

    /** The 409 of a retire: the analyte still has live ranges, listed with links to retire them first. */
    private TemplateInstance inUsePage(String code, UpstreamAnswerException problem) {
        List<String> live = new ArrayList<>();
        calls.parse(problem.response().body()).path("liveRanges").forEach(id -> live.add(id.asText()));
        return pages.page("analyte-in-use")
                .data("code", code)
                .data("lines", pages.explain(problem))
                .data("liveRanges", live);
    }

    private static Response backToAnalyte(String code, String revision) {
        return Response.seeOther(URI.create("/console/analyte?code=" + ConsoleCalls.encode(code) + "&saved="
                        + ConsoleCalls.encode(revision)))
                .build();
    }

    private static String etag(String revision) {
        return "\"" + (revision == null ? "" : revision.strip()) + "\"";
    }

    private static String analytePath(String code) {
        return "/api/v1/analytes/" + ConsoleCalls.encode(code);
    }
}
