package org.labrange.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

    /** Only looks at the shape of an uploaded JSON file (which import it is for); the services read it for real. */
    private static final ObjectMapper SHAPE_READER = new ObjectMapper();

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
            return dryRun(Upload.of(text(reason), text(effectiveFrom), name, content), null);
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
            Upload upload = Upload.of(
                    text(reason),
                    text(effectiveFrom),
                    text(fileName),
                    Base64.getDecoder().decode(text(content)));
            if (upload.catalogue()) {
                return applyCatalogue(upload, text(preview));
            }
            UpstreamResponse again = send(upload, true, null);
            if (!again.successful() || !digest(calls.parse(again.body())).equals(preview)) {
                return dryRun(
                        upload,
                        "The ranges changed since your preview, so nothing was written. "
                                + "This is the preview as things stand now.");
            }
            UpstreamResponse written = send(upload, false, null);
            if (!written.successful()) {
                throw new UpstreamAnswerException(Upstream.RANGES, written);
            }
            return pages.ok(outcome(pages.page("import-done"), calls.parse(written.body()), false));
        } catch (RuntimeException e) {
            return pages.failure(e, "/console/import");
        }
    }

    /**
     * A catalogue import is applied on the version its preview was computed at (If-Match): if anything was written
     * in between, the ranges service refuses it with 412 and nothing is written; the user sees the preview again.
     */
    private Response applyCatalogue(Upload upload, String previewedVersion) {
        UpstreamResponse written = send(upload, false, "\"" + previewedVersion + "\"");
        if (written.status() == 412) {
            return dryRun(
                    upload,
                    "The catalogue changed since your preview, so nothing was written. "
                            + "This is the preview as things stand now.");
        }
        if (!written.successful()) {
            throw new UpstreamAnswerException(Upstream.RANGES, written);
        }
        return pages.ok(outcome(pages.page("import-done"), calls.parse(written.body()), true));
    }

    private Response dryRun(Upload upload, String notice) {
        UpstreamResponse answer = send(upload, true, null);
        if (!answer.successful()) {
            List<String> problems = pages.explain(new UpstreamAnswerException(Upstream.RANGES, answer));
            return pages.html(answer.status(), uploadPage(upload.reason(), upload.effectiveFrom(), problems));
        }
        JsonNode report = calls.parse(answer.body());
        return pages.ok(outcome(pages.page("import-preview"), report, upload.catalogue())
                .data("upload", upload)
                .data("content", Base64.getEncoder().encodeToString(upload.content()))
                // a catalogue import is applied on its version; a range import on the fingerprint of its preview
                .data(
                        "preview",
                        upload.catalogue() ? report.path("catalogueVersion").asText() : digest(report))
                .data("notice", notice));
    }

    /** What an import did or would do, as the outcome tables show it (a range import has only ranges). */
    private static TemplateInstance outcome(TemplateInstance page, JsonNode report, boolean catalogue) {
        return page.data("report", report)
                .data("catalogue", catalogue)
                .data("analyteRows", rows(report.path("analytes")))
                .data("sourceRows", rows(report.path("sources")))
                .data("rangeRows", rows(report.path(catalogue ? "ranges" : "items")))
                .data("warnings", rows(report.path("warnings")));
    }

    private static List<JsonNode> rows(JsonNode array) {
        List<JsonNode> rows = new java.util.ArrayList<>();
        array.forEach(rows::add);
        return rows;
    }

    private TemplateInstance uploadPage(String reason, String effectiveFrom, List<String> problems) {
        return pages.page("import")
                .data("reason", reason)
                .data("effectiveFrom", effectiveFrom)
                .data("problems", problems);
    }

    /**
     * CSV goes with reason and date as query parameters; JSON is a list of range drafts or a whole import request. A
     * catalogue (analytes and sources besides ranges: a JSON object naming them, or a CSV whose first column is
     * {@code kind}) goes to the catalogue import, with the reason and date given on the page.
     */
    private UpstreamResponse send(Upload upload, boolean dryRun, String ifMatch) {
        String path = (upload.catalogue() ? "/api/v1/catalogue/import" : "/api/v1/ranges/import") + "?dryRun=" + dryRun;
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
                if (upload.catalogue()) {
                    body.put("reason", upload.reason());
                    body.put("effectiveFrom", upload.effectiveFrom());
                }
            }
            return calls.sendJson(Upstream.RANGES, "POST", path, body, ifMatch);
        }
        path += "&reason=" + ConsoleCalls.encode(upload.reason()) + "&effectiveFrom="
                + ConsoleCalls.encode(upload.effectiveFrom());
        return calls.send(Upstream.RANGES, "POST", path, "text/csv", upload.content(), ifMatch);
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

    /**
     * One uploaded file with the reason and date the whole import is recorded under, and what it is, decided once
     * when it arrives: JSON or CSV, and a whole catalogue or ranges alone.
     */
    public record Upload(
            String reason, String effectiveFrom, String fileName, byte[] content, boolean json, boolean catalogue) {

        static Upload of(String reason, String effectiveFrom, String fileName, byte[] content) {
            String text = new String(content, StandardCharsets.UTF_8);
            String start = (text.startsWith("\uFEFF") ? text.substring(1) : text).stripLeading();
            boolean json = fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".json")
                    || start.startsWith("[")
                    || start.startsWith("{");
            return new Upload(reason, effectiveFrom, fileName, content, json, catalogue(json, start, content));
        }

        /**
         * A whole catalogue rather than ranges alone: a JSON object with analytes or sources, or a CSV whose header
         * starts with the {@code kind} column of the catalogue export.
         */
        private static boolean catalogue(boolean json, String start, byte[] content) {
            if (json) {
                try {
                    JsonNode parsed = SHAPE_READER.readTree(content);
                    return parsed != null && parsed.isObject() && (parsed.has("analytes") || parsed.has("sources"));
                } catch (IOException e) {
                    return false; // not JSON after all: the range import names what is wrong with it
                }
            }
            String header = start.lines().findFirst().orElse("").strip();
            String first = header.split(",", 2)[0].replace("\"", "").strip();
            return first.equalsIgnoreCase("kind");
        }
    }
}
