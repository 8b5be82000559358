package org.labrange.gateway.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The committed public document (contracts/openapi/labrange-api.yaml) as a judge of answers: given what was asked
 * and what came back, it names every way the answer is not one the document describes.
 *
 * <p>Only the JSON API under {@code /api/} is judged. Everything else the gateway serves is outside the public JSON
 * contract: {@code /fhir/**} speaks FHIR R4 and its answers are validated against the FHIR profiles
 * ({@code FhirValidation}), {@code /q/**} is Quarkus' own surface (health, metrics, info, the document itself and
 * the Swagger UI in dev), which the document deliberately leaves out.
 *
 * <p>A request under {@code /api/} that matches no operation of the document can only be refused: a 404 for a path
 * the document does not know, a 405 for a method a documented path does not take, or a 401 when no valid token came
 * with it (the token is checked before the route); each as a Problem document. The document cannot list operations
 * that do not exist, but the shape of the refusal is still the one every error answer has.
 */
public final class PublicDocument {

    static final String DOCUMENT = "https://labrange.dev/openapi/labrange-api.json";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static PublicDocument committed;

    private final JsonNode document;
    private final SchemaRegistry schemas;
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    PublicDocument(JsonNode document) {
        this.document = document;
        try {
            String text = JSON.writeValueAsString(document);
            this.schemas = SchemaRegistry.withDefaultDialect(
                    Dialects.getOpenApi31(), builder -> builder.schemas(Map.of(DOCUMENT, text)));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The committed document, read once from {@code contracts.dir} (set by the build for every test run). */
    public static synchronized PublicDocument committed() {
        if (committed == null) {
            String contracts = System.getProperty("contracts.dir");
            if (contracts == null) {
                throw new IllegalStateException(
                        "system property contracts.dir is not set (the root pom sets it for surefire and failsafe)");
            }
            committed = read(Path.of(contracts, "openapi", "labrange-api.yaml"));
        }
        return committed;
    }

    static PublicDocument read(Path file) {
        try {
            return new PublicDocument(YAML.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the public document " + file, e);
        }
    }

    /** One answer as a client saw it: the request line, the status, the Content-Type header (or null) and the body. */
    public record Answer(String method, String path, int status, String contentType, String body) {

        @Override
        public String toString() {
            return method + " " + path + " -> " + status + " "
                    + (contentType == null ? "(no Content-Type)" : contentType);
        }
    }

    /** Whether the document is the judge of answers to this path (the JSON API), or the path is outside it. */
    public static boolean judges(String path) {
        return withoutQuery(path).startsWith("/api/");
    }

    /** Every way {@code answer} is not described by the document; empty when it is (or its path is not judged). */
    public List<String> mismatches(Answer answer) {
        String path = withoutQuery(answer.path());
        if (!judges(path)) {
            return List.of();
        }
        // Method names are case-sensitive (RFC 9110): "post" is not POST, so it is no operation of the document.
        boolean named = answer.method().equals(answer.method().toUpperCase(Locale.ROOT));
        String method = answer.method().toLowerCase(Locale.ROOT);
        Optional<String> template = template(path);
        JsonNode operation = template.filter(t -> named)
                .map(t -> document.path("paths").path(t).path(method))
                .filter(JsonNode::isObject)
                .orElse(null);
        if (operation == null && named && method.equals("head") && template.isPresent()) {
            // HEAD is GET without a body (RFC 9110): the GET's answers describe it.
            operation = document.path("paths").path(template.get()).path("get");
        }
        if (operation == null || !operation.isObject()) {
            return refusalOfTheUnknown(answer, template);
        }
        String where = answer.method().toUpperCase(Locale.ROOT) + " " + template.get();
        Optional<String> status = declaredStatus(operation, answer.status());
        if (status.isEmpty()) {
            return List.of(where + " does not declare status " + answer.status() + " (declared: "
                    + names(operation.path("responses")) + ")");
        }
        String pointer = "/paths/" + escape(template.get()) + "/" + (method.equals("head") ? "get" : method)
                + "/responses/" + escape(status.get());
        return body(
                where + " " + status.get(), pointer, operation.path("responses").path(status.get()), answer);
    }

    /** Fails with every mismatch of {@code answer}, quoting the answer. */
    public void assertDescribes(Answer answer) {
        verdict(answer).ifPresent(message -> {
            throw new AssertionError(message);
        });
    }

    /** A message naming every mismatch of {@code answer} and quoting it, or empty when the document describes it. */
    public Optional<String> verdict(Answer answer) {
        List<String> mismatches = mismatches(answer);
        if (mismatches.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("The public document (contracts/openapi/labrange-api.yaml) does not describe the answer "
                + answer + ":\n  - " + String.join("\n  - ", mismatches) + "\nbody: " + abbreviated(answer.body()));
    }

    private List<String> refusalOfTheUnknown(Answer answer, Optional<String> template) {
        String what = template.isPresent()
                ? answer.method() + " " + template.get() + " is not an operation of the document (it declares "
                        + methods(document.path("paths").path(template.get())) + ")"
                : "no path of the document matches " + withoutQuery(answer.path());
        int expected = template.isPresent() ? 405 : 404;
        if (answer.status() != expected && answer.status() != 401) {
            return List.of(
                    what + ", so the answer can only be a " + expected + " or 401 refusal, not " + answer.status());
        }
        JsonNode problem = JSON.createObjectNode()
                .set(
                        "content",
                        JSON.createObjectNode()
                                .set(
                                        PROBLEM_JSON,
                                        JSON.createObjectNode()
                                                .set(
                                                        "schema",
                                                        JSON.createObjectNode()
                                                                .put("$ref", "#/components/schemas/Problem"))));
        return body(what + "; its refusal " + answer.status(), "/components/schemas/Problem", problem, answer);
    }

    /** The content type and body of an answer against the declared response at {@code pointer}. */
    private List<String> body(String where, String pointer, JsonNode response, Answer answer) {
        JsonNode content = response.path("content");
        String media = answer.contentType() == null
                ? null
                : answer.contentType().split(";")[0].strip().toLowerCase(Locale.ROOT);
        boolean empty = answer.body() == null || answer.body().isEmpty();
        if (content.isEmpty()) {
            return empty ? List.of() : List.of(where + " declares no body, but the answer has one (" + media + ")");
        }
        if (answer.method().equalsIgnoreCase("head")) {
            return List.of();
        }
        if (media == null) {
            return List.of(where + " declares " + names(content) + ", but the answer has no Content-Type");
        }
        if (!content.has(media)) {
            return List.of(where + " declares " + names(content) + ", not " + media);
        }
        if (!media.equals("application/json") && !media.endsWith("+json")) {
            return List.of();
        }
        if (empty) {
            return List.of(where + " declares a " + media + " body, but the answer has none");
        }
        String schemaPointer =
                pointer.startsWith("/components/") ? pointer : pointer + "/content/" + escape(media) + "/schema";
        Schema schema = compiled.computeIfAbsent(
                schemaPointer, p -> schemas.getSchema(SchemaLocation.of(DOCUMENT + "#" + encode(p))));
        try {
            JSON.readTree(answer.body());
        } catch (JsonProcessingException e) {
            return List.of(
                    where + " declares a " + media + " body, but the answer is not JSON: " + e.getOriginalMessage());
        }
        var errors = schema.validate(answer.body(), InputFormat.JSON);
        List<String> found = new ArrayList<>();
        errors.forEach(error -> found.add(
                where + " " + media + " body at " + at(error.getInstanceLocation()) + ": " + describe(error)));
        return found;
    }

    /** The declared response for a status: the exact code, then its range (4XX), then {@code default}. */
    private static Optional<String> declaredStatus(JsonNode operation, int status) {
        JsonNode responses = operation.path("responses");
        for (String key : List.of(Integer.toString(status), (status / 100) + "XX", "default")) {
            if (responses.has(key)) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    /**
     * The path template of the document that {@code path} is an instance of; a template with more literal segments
     * wins ({@code /api/v1/ranges/export} over {@code /api/v1/ranges/{id}}).
     */
    Optional<String> template(String path) {
        String[] segments = withoutQuery(path).split("/", -1);
        String best = null;
        int bestLiterals = -1;
        for (Iterator<String> it = document.path("paths").fieldNames(); it.hasNext(); ) {
            String candidate = it.next();
            String[] parts = candidate.split("/", -1);
            if (parts.length != segments.length) {
                continue;
            }
            int literals = 0;
            boolean matches = true;
            for (int i = 0; i < parts.length && matches; i++) {
                if (parts[i].startsWith("{") && parts[i].endsWith("}")) {
                    matches = !segments[i].isEmpty();
                } else {
                    matches = parts[i].equals(segments[i]);
                    literals++;
                }
            }
            if (matches && literals > bestLiterals) {
                best = candidate;
                bestLiterals = literals;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * One schema violation in words. The validator's own message text is not used: another copy of its message
     * bundle on the test class path (an older major version) shifts the placeholders.
     */
    private static String describe(com.networknt.schema.Error error) {
        Object[] arguments = error.getArguments() == null ? new Object[0] : error.getArguments();
        if (error.getKeyword().equals("required")) {
            return "required member '" + error.getProperty() + "' is missing";
        }
        if (error.getKeyword().equals("type") && arguments.length == 2) {
            return arguments[0] + " found, " + arguments[1] + " expected";
        }
        return error.getKeyword() + " " + Arrays.toString(arguments) + ": " + error.getMessage();
    }

    /** An instance location as a JSON pointer, "/" for the whole body. */
    private static String at(Object location) {
        String text = String.valueOf(location);
        return text.isEmpty() || text.equals("$") ? "/" : text;
    }

    private static String methods(JsonNode pathItem) {
        List<String> methods = new ArrayList<>();
        for (String method : METHODS) {
            if (pathItem.has(method)) {
                methods.add(method.toUpperCase(Locale.ROOT));
            }
        }
        return String.join(", ", methods);
    }

    private static String names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return String.join(", ", names);
    }

    private static String withoutQuery(String path) {
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    private static String abbreviated(String body) {
        if (body == null) {
            return "(none)";
        }
        return body.length() <= 2000 ? body : body.substring(0, 2000) + "…";
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    /** A JSON pointer as a URI fragment. */
    private static String encode(String pointer) {
        return URLEncoder.encode(pointer, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("%2F", "/")
                .replace("%7E", "~");
    }
}
