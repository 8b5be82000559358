package org.labrange.gateway.api.problem;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.labrange.problems.ProblemCatalogue;
import org.labrange.problems.ProblemType;

/**
 * The pages a problem's {@code type} URI leads to (RFC 9457 section 3.1.1): one per catalogue entry, and an
 * index. Public, because a client that received a problem may not hold a token for anything else.
 */
@Path("/problems")
@PermitAll
public class ProblemPageResource {

    private static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;"
            + "padding:0 1rem;line-height:1.5;color:#1d2430}code{background:#eef1f5;padding:0 .25rem}"
            + "dt{font-weight:600;margin-top:1rem}table{border-collapse:collapse}td,th{text-align:left;"
            + "padding:.25rem .75rem .25rem 0;border-bottom:1px solid #d5dae1;vertical-align:top}";
    private static final String POLICY =
            "default-src 'none'; style-src '" + sha256(STYLE) + "'; base-uri 'none'; form-action 'none'";

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response index() {
        StringBuilder rows = new StringBuilder();
        for (ProblemType type : ProblemCatalogue.load().types()) {
            rows.append("<tr><td><a href=\"problems/")
                    .append(type.slug())
                    .append("\"><code>")
                    .append(type.slug())
                    .append("</code></a></td><td>")
                    .append(
                            type.status().isPresent()
                                    ? String.valueOf(type.status().getAsInt())
                                    : "in an answer")
                    .append("</td><td>")
                    .append(escape(type.title()))
                    .append("</td></tr>");
        }
        return page(
                "Problem types",
                "<h1>Problem types</h1><p>Every error answer of the labrange API is an RFC 9457 problem document "
                        + "(<code>application/problem+json</code>) whose <code>type</code> is one of these URIs. "
                        + "Branch on the type, not on the wording of <code>detail</code>.</p>"
                        + "<table><thead><tr><th>type</th><th>status</th><th>title</th></tr></thead><tbody>"
                        + rows
                        + "</tbody></table>");
    }

    @GET
    @Path("{slug}")
    @Produces(MediaType.TEXT_HTML)
    public Response entry(@PathParam("slug") String slug) {
        ProblemType type = ProblemCatalogue.load().find(slug).orElseThrow(NotFoundException::new);
        String status = type.status().isPresent()
                ? "HTTP " + type.status().getAsInt()
                : "none: reported inside an answer for one result, next to the results that were interpreted";
        return page(
                type.title(),
                "<p><a href=\"../problems\">All problem types</a></p><h1>"
                        + escape(type.title())
                        + "</h1><dl><dt>type</dt><dd><code>"
                        + escape(type.uri())
                        + "</code></dd><dt>status</dt><dd>"
                        + escape(status)
                        + "</dd><dt>When it happens</dt><dd>"
                        + escape(type.when())
                        + "</dd><dt>What to do</dt><dd>"
                        + escape(type.action())
                        + "</dd></dl>");
    }

    private static Response page(String title, String body) {
        String html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                + escape(title)
                + " · labrange</title><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<style>" + STYLE + "</style></head><body>" + body + "</body></html>";
        return Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                .header("Content-Security-Policy", POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "public, max-age=3600")
                .build();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
