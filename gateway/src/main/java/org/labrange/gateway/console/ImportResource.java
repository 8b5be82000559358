package org.labrange.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.labrange.gateway.client.Upstream;
import org.labrange.gateway.client.UpstreamAnswerException;
import org.labrange.gateway.client.UpstreamResponse;
import org.labrange.gateway.security.Roles;

/**
 * Import in two steps. Upload → the service's dry run is shown (creates, revisions, errors with their lines);
 * nothing is written. Apply → the same file is dry-run again and written only if that run still says exactly what
 * the preview said; otherwise the new preview is shown instead. Cancel writes nothing.
 */
@Path("/console/import")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.READER, Roles.ADMIN, Roles.INTERPRETER})
public class ImportResource {

    private final ConsoleCalls calls;
    private final Pages pages;

    ImportResource(ConsoleCalls calls, Pages pages) {
        this.calls = calls;
        this.pages = pages;
    }

    @GET
    public Response form() {
        if (!pages.viewer().admin()) {
            return pages.forbidden();
        }
        return pages.ok(uploadPage("", "", List.of()));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response preview(
            @RestForm String reason, @RestForm String effectiveFrom, @RestForm FileUpload file, @RestForm String csrf) {
        var refused = pages.refuseWrite(pages.viewer().admin(), csrf);
        if (refused.isPresent()) {
            return refused.get();
        }
        try {
            byte[] content = file == null ? new byte[0] : Files.readAllBytes(file.uploadedFile());
            String name = file == null ? "" : file.fileName();
            return dryRun(new Upload(text(reason), text(effectiveFrom), name, content), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            return pages.failure(e, "/console/import");
        }
    }

    @POST
    @Path("/apply")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response apply(
            @RestForm String reason,
            @RestForm String effectiveFrom,
            @RestForm String fileName,
            @RestForm String content,
            @RestForm String preview,
            @RestForm String csrf) {
        var refused = pages.refuseWrite(pages.viewer().admin(), csrf);
        if (refused.isPresent()) {
            return refused.get();
        }
        try {
            Upload upload = new Upload(
                    text(reason),
                    text(effectiveFrom),
                    text(fileName),
                    Base64.getDecoder().decode(text(content)));
            UpstreamResponse again = send(upload, true);
            if (!again.successful() || !digest(calls.parse(again.body())).equals(preview)) {
                return dryRun(
                        upload,
                        "The ranges changed since your preview, so nothing was written. "
                                + "This is the preview as things stand now.");
            }
            UpstreamResponse written = send(upload, false);
            if (!written.successful()) {
                throw new UpstreamAnswerException(Upstream.RANGES, written);
            }
            return pages.ok(pages.page("import-done").data("report", calls.parse(written.body())));
        } catch (RuntimeException e) {
            return pages.failure(e, "/console/import");
        }
    }

    private Response dryRun(Upload upload, String notice) {
        UpstreamResponse answer = send(upload, true);
        if (!answer.successful()) {
            List<String> problems = pages.explain(new UpstreamAnswerException(Upstream.RANGES, answer));
            return pages.html(answer.status(), uploadPage(upload.reason(), upload.effectiveFrom(), problems));
        }
        JsonNode report = calls.parse(answer.body());
        return pages.ok(pages.page("import-preview")
                .data("report", report)
                .data("upload", upload)
                .data("content", Base64.getEncoder().encodeToString(upload.content()))
                .data("preview", digest(report))
                .data("notice", notice));
    }

    private TemplateInstance uploadPage(String reason, String effectiveFrom, List<String> problems) {
        return pages.page("import")
                .data("reason", reason)
                .data("effectiveFrom", effectiveFrom)
                .data("problems", problems);
    }

    /** CSV goes with reason and date as query parameters; JSON is a list of drafts or a whole import request. */
    private UpstreamResponse send(Upload upload, boolean dryRun) {
        String query = "?dryRun=" + dryRun;
        if (upload.json()) {
            JsonNode parsed = calls.parse(upload.content());
            ObjectNode body;
            if (parsed.isArray()) {
                body = calls.mapper().createObjectNode();
                body.put("reason", upload.reason());
                body.put("effectiveFrom", upload.effectiveFrom());
                body.set("ranges", parsed);
            } else {
                body = (ObjectNode) parsed;
            }
            return calls.sendJson(Upstream.RANGES, "POST", "/api/v1/ranges/import" + query, body, null);
        }
        query += "&reason=" + ConsoleCalls.encode(upload.reason()) + "&effectiveFrom="
                + ConsoleCalls.encode(upload.effectiveFrom());
        return calls.send(Upstream.RANGES, "POST", "/api/v1/ranges/import" + query, "text/csv", upload.content(), null);
    }

    /** What a dry run would do, as a fingerprint: the same file on unchanged ranges gives the same one. */
    private static String digest(JsonNode report) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(report.path("items").toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    /** One uploaded file with the reason and date the whole import is recorded under. */
    public record Upload(String reason, String effectiveFrom, String fileName, byte[] content) {
        boolean json() {
            String start = new String(content, StandardCharsets.UTF_8).stripLeading();
            return fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".json")
                    || start.startsWith("[")
                    || start.startsWith("{");
        }
    }
}
