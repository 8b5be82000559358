package org.labrange.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.labrange.gateway.client.Upstream;
import org.labrange.gateway.client.UpstreamAnswerException;
import org.labrange.gateway.client.UpstreamResponse;
import org.labrange.gateway.security.Roles;

/**
 * The interpretation playground: one result through {@code POST /api/v1/interpretations/single}, its answer shown
 * per source (flag, range, revision) and whole, as the API returned it.
 */
@Path("/console/playground")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.READER, Roles.ADMIN, Roles.INTERPRETER})
public class PlaygroundResource {

    /** The playground's fields as typed; dates and times are UTC. */
    public static class Input {
        @RestForm
        public String analyte;

        @RestForm
        public String specimen;

        @RestForm
        public String value;

        @RestForm
        public String unit;

        @RestForm
        public String sex;

        @RestForm
        public String age;

        @RestForm
        public String birthDate;

        @RestForm
        public String collectedAt;

        @RestForm
        public String knownAt;

        @RestForm
        public String csrf;

        static Input example() {
            Input input = new Input();
            input.analyte = "B2M";
            input.specimen = "serum";
            input.value = "2.45";
            input.unit = "mg/L";
            input.sex = "FEMALE";
            input.age = "";
            input.birthDate = "1970-05-01";
            input.collectedAt = "2026-11-20T08:00";
            input.knownAt = "";
            return input;
        }
    }

    private final ConsoleCalls calls;
    private final Pages pages;

    PlaygroundResource(ConsoleCalls calls, Pages pages) {
        this.calls = calls;
        this.pages = pages;
    }

    @GET
    public Response form() {
        return pages.ok(pages.page("playground").data("input", Input.example()).data("problems", List.of()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response interpret(@BeanParam Input input) {
        var refused = pages.refuseWrite(pages.viewer().interpreter(), input.csrf);
        if (refused.isPresent()) {
            return refused.get();
        }
        try {
            ObjectNode body = request(input);
            UpstreamResponse answer =
                    calls.sendJson(Upstream.INTERPRETATION, "POST", "/api/v1/interpretations/single", body, null);
            var page = pages.page("playground").data("input", input);
            if (!answer.successful()) {
                return pages.html(
                        answer.status(),
                        page.data(
                                "problems",
                                pages.explain(new UpstreamAnswerException(Upstream.INTERPRETATION, answer))));
            }
            JsonNode result = calls.parse(answer.body());
            return pages.ok(page.data("problems", List.of())
                    .data("result", result)
                    .data("raw", calls.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(result)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            return pages.failure(e, "/console/playground");
        }
    }

    /** The API request, fields passed on as typed; empty optional fields are left out. */
    ObjectNode request(Input input) {
        ObjectNode body = calls.mapper().createObjectNode();
        ObjectNode patient = body.putObject("patient");
        put(patient, "sex", input.sex);
        String age = trim(input.age);
        put(patient, "age", age.matches("\\d+") ? "P" + age + "Y" : age);
        put(patient, "birthDate", input.birthDate);
        ObjectNode result = body.putObject("result");
        result.put("id", "playground");
        put(result, "analyte", input.analyte);
        put(result, "specimen", input.specimen);
        put(result, "value", input.value);
        put(result, "unit", input.unit);
        put(result, "collectedAt", instant(input.collectedAt));
        put(body, "knownAt", instant(input.knownAt));
        return body;
    }

    /** A datetime-local field ("2026-11-20T08:00") as the UTC instant the label promises. */
    private static String instant(String local) {
        String text = trim(local);
        if (text.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}")) {
            return text + ":00Z";
        }
        if (text.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}")) {
            return text + "Z";
        }
        return text;
    }

    private static void put(ObjectNode node, String field, String value) {
        String text = trim(value);
        if (!text.isEmpty()) {
            node.put(field, text);
        }
    }

    private static String trim(String value) {
        return value == null ? "" : value.strip();
    }
}
