package org.labrange.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.labrange.gateway.client.UpstreamAnswerException;
import org.labrange.gateway.client.UpstreamUnavailableException;

/** Renders console pages with the viewer filled in, and turns upstream failures into pages in plain words. */
@RequestScoped
public class Pages {

    private final Engine engine;
    private final SecurityIdentity identity;
    private final ConsoleCalls calls;
    private final CsrfToken csrf;

    Pages(Engine engine, SecurityIdentity identity, ConsoleCalls calls, CsrfToken csrf) {
        this.engine = engine;
        this.identity = identity;
        this.calls = calls;
        this.csrf = csrf;
    }

    public Viewer viewer() {
        return Viewer.of(identity);
    }

    /** The named template under templates/console, with the viewer as {@code user}. */
    public TemplateInstance page(String name) {
        return engine.getTemplate("console/" + name).data("user", viewer()).data("csrf", csrf.token());
    }

    public Response html(int status, TemplateInstance page) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset(StandardCharsets.UTF_8.name()))
                .entity(page.render())
                .build();
    }

    public Response ok(TemplateInstance page) {
        return html(200, page);
    }

    /**
     * The refusal of a write: 403 for a user without the role (whatever the page showed), 400 for a form that does
     * not carry this browser's CSRF token. Empty when the write may go ahead.
     */
    public Optional<Response> refuseWrite(boolean allowed, String postedToken) {
        if (!csrf.matches(postedToken)) {
            return Optional.of(html(
                    400,
                    page("problem")
                            .data("heading", "Form not accepted")
                            .data(
                                    "lines",
                                    List.of(
                                            "This form did not come from your current console session "
                                                    + "(its security token is missing or old). Open the page again and resend it."))
                            .data("back", "/console/catalogue")));
        }
        return allowed ? Optional.empty() : Optional.of(forbidden());
    }

    /** The 403 page: the server refuses a write to a reader whatever the page showed. */
    public Response forbidden() {
        return html(
                403,
                page("problem")
                        .data("heading", "Not allowed")
                        .data(
                                "lines",
                                List.of("Changing ranges or analytes needs the ranges-admin role; you are signed in as "
                                        + viewer().name() + " (" + viewer().roles() + ")."))
                        .data("back", "/console/catalogue"));
    }

    /** An error page saying what went wrong, from an upstream's problem document or its absence. */
    public Response failure(RuntimeException failure, String back) {
        if (failure instanceof UpstreamAnswerException answer) {
            int status = answer.response().status();
            return html(
                    status,
                    page("problem")
                            .data("heading", "The request was refused")
                            .data("lines", explain(answer))
                            .data("back", back));
        }
        if (failure instanceof UpstreamUnavailableException unavailable) {
            return html(
                    503,
                    page("problem")
                            .data("heading", "A service is unavailable")
                            .data("lines", List.of(unavailable.getMessage() + ". Try again in a moment."))
                            .data("back", back));
        }
        throw failure;
    }

    /**
     * The reasons a problem document gives per field, keyed by the form field they belong to ({@code aliases[2]} is
     * the aliases field); several reasons for one field are joined.
     */
    public java.util.Map<String, String> fieldProblems(UpstreamAnswerException answer) {
        java.util.Map<String, String> reasons = new java.util.LinkedHashMap<>();
        JsonNode problem;
        try {
            problem = calls.parse(answer.response().body());
        } catch (RuntimeException e) {
            return reasons;
        }
        for (JsonNode error : problem.path("errors")) {
            String field = error.path("field").asText("").replaceFirst("\\[.*$", "");
            String reason = error.path("reason").asText("");
            if (!field.isBlank()) {
                reasons.merge(field, reason, (a, b) -> a + "; " + b);
            }
        }
        return reasons;
    }

    /** A problem document in sentences: its title, its detail, then each field and why it was refused. */
    public List<String> explain(UpstreamAnswerException answer) {
        List<String> lines = new ArrayList<>();
        JsonNode problem;
        try {
            problem = calls.parse(answer.response().body());
        } catch (RuntimeException e) {
            problem = calls.mapper().nullNode();
        }
        String title = problem.path("title").asText("");
        String detail = problem.path("detail").asText("");
        lines.add(
                title.isBlank()
                        ? "The service answered with status "
                                + answer.response().status() + "."
                        : title + ".");
        if (!detail.isBlank()) {
            lines.add(detail);
        }
        for (JsonNode error : problem.path("errors")) {
            lines.add(
                    error.path("field").asText("") + ": " + error.path("reason").asText(""));
        }
        return lines;
    }
}
