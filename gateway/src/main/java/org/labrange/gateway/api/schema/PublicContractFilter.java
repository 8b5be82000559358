package org.labrange.gateway.api.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes every public operation with what all of them share, so that resources declare only what is
 * their own: the X-Request-Id header in and out, the problem answers any call can get (400, 401, 403,
 * 406, 414, 431, 500, 503 and, with a body, 413 and 415), the Problem schema on every error status, and the examples,
 * which are real answers kept as files under {@code openapi/examples/}, one per operation. A nullable
 * member whose generated schema keeps a single {@code type} next to its {@code anyOf [..., null]} gets
 * {@code null} added to that type, so that the null the services send validates.
 */
public class PublicContractFilter implements OASFilter {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String REQUEST_ID = "X-Request-Id";
    static final String EXAMPLES = "openapi/examples/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Map<String, String> SHARED = Map.ofEntries(
            Map.entry(
                    "400",
                    "Invalid request: malformed body, invalid field, a query parameter this operation does not take, "
                            + "a malformed header; `errors` names each one"),
            Map.entry(
                    "401",
                    "No bearer token, or an expired, malformed or wrongly signed one, one issued in the future or "
                            + "valid for longer than allowed (WWW-Authenticate: Bearer)"),
            Map.entry("403", "The token lacks the role this operation needs"),
            Map.entry("406", "The Accept header names no media type this operation answers with"),
            Map.entry("413", "The body is larger than the gateway accepts"),
            Map.entry("414", "The request target (path and query) is longer than 4096 characters"),
            Map.entry("415", "The body is not of a media type this operation takes"),
            Map.entry("431", "The request headers take more than 20 KiB"),
            Map.entry("500", "Unexpected failure; quote X-Request-Id when reporting it"),
            Map.entry(
                    "503",
                    "A service needed for the answer is unavailable, or the gateway has as many requests to it in flight "
                            + "as it allows (`upstream` names it); try again after Retry-After"));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        components(openAPI);
        if (openAPI.getComponents().getSchemas() != null) {
            openAPI.getComponents().getSchemas().values().forEach(PublicContractFilter::nullableMembers);
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/v1")) {
                item.getOperations().forEach((method, operation) -> complete(method, operation));
            }
        });
    }

    private static void complete(PathItem.HttpMethod method, Operation operation) {
        operation.addParameter(OASFactory.createParameter().ref("#/components/parameters/" + REQUEST_ID));
        APIResponses responses = operation.getResponses();
        boolean body = operation.getRequestBody() != null;
        add(responses, "400", true);
        add(responses, "401", true);
        add(responses, "403", true);
        add(responses, "406", true);
        add(responses, "413", body);
        add(responses, "414", true);
        add(responses, "415", body);
        add(responses, "431", true);
        add(responses, "500", true);
        add(responses, "503", true);
        responses.getAPIResponses().forEach((status, response) -> {
            response.addHeader(REQUEST_ID, OASFactory.createHeader().ref("#/components/headers/" + REQUEST_ID));
            if (status.startsWith("4") || status.startsWith("5")) {
                problemContent(response);
            }
            if (status.equals("503")) {
                response.addHeader("Retry-After", OASFactory.createHeader().ref("#/components/headers/Retry-After"));
            }
            if (status.equals("401")) {
                response.addHeader(
                        "WWW-Authenticate",
                        OASFactory.createHeader()
                                .description("The authentication scheme to use: Bearer")
                                .required(true)
                                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
            }
        });
        examples(operation);
    }

    /**
     * For some nullable members (a record typed by another schema) the generator writes {@code type: object} beside
     * {@code anyOf: [$ref, {type: null}]}; the single type then refuses the null the anyOf allows.
     */
    private static void nullableMembers(Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        schema.getProperties().values().forEach(member -> {
            boolean nullable = member.getAnyOf() != null
                    && member.getAnyOf().stream()
                            .anyMatch(option ->
                                    option.getType() != null && option.getType().contains(Schema.SchemaType.NULL));
            if (nullable && member.getType() != null && !member.getType().contains(Schema.SchemaType.NULL)) {
                member.addType(Schema.SchemaType.NULL);
            }
        });
    }

    /** The headers and parameters the operations refer to by name. */
    private static void components(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.components(OASFactory.createComponents());
        }
        var components = openAPI.getComponents();
        components.addHeader(
                "ETag",
                header(
                        "Entity tag: for a range its revision (\"2\", to send back in If-Match), for lists, timelines "
                                + "and the change feed the change sequence",
                        string()));
        components.addHeader("Location", header("Where the created resource is", string().format("uri-reference")));
        components.addHeader(
                REQUEST_ID,
                header(
                        "Correlation id of the request, also in problem documents and logs. An id of this syntax sent "
                                + "by the client is kept end to end; any other is replaced by a new UUID",
                        string().pattern("^[A-Za-z0-9._:@/+=-]{1,128}$")));
        components.addHeader(
                "Retry-After",
                header(
                        "Seconds to wait before trying again",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.INTEGER)
                                .minimum(java.math.BigDecimal.ZERO)));
        components.addParameter(
                "rangeId",
                OASFactory.createParameter()
                        .name("id")
                        .in(Parameter.In.PATH)
                        .required(true)
                        .description("Range id")
                        .schema(string().format("uuid"))
                        .example("1952e001-0000-4000-8000-000000000002"));
        components.addParameter(
                REQUEST_ID,
                OASFactory.createParameter()
                        .name(REQUEST_ID)
                        .in(Parameter.In.HEADER)
                        .description("Correlation id; the gateway generates one when it is absent or not acceptable, "
                                + "and returns it in every answer")
                        .schema(string().maxLength(64)));
    }

    private static Header header(String description, Schema schema) {
        return OASFactory.createHeader().description(description).required(true).schema(schema);
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    }

    private static void add(APIResponses responses, String status, boolean applies) {
        if (!applies) {
            return;
        }
        APIResponse existing = responses.getAPIResponse(status);
        if (existing == null) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(SHARED.get(status)));
        } else if (status.equals("401") || status.equals("403")) {
            existing.description(SHARED.get(status));
        }
    }

    private static void problemContent(APIResponse response) {
        if (response.getDescription() == null || response.getDescription().isBlank()) {
            response.description("Problem");
        }
        response.content(OASFactory.createContent()
                .addMediaType(
                        PROBLEM_JSON,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref("#/components/schemas/Problem"))));
    }

    /**
     * Adds the examples of {@code openapi/examples/<operationId>.json}: named examples, each with the request
     * line it answers ({@code "request": "GET /api/v1/…"}), optionally a request body ({@code "body"}) and
     * the answers by status ({@code "responses": {"200": …}}). The request line goes into each answer's
     * description, so that a reader (and the test that replays the examples) knows what was asked.
     */
    private static void examples(Operation operation) {
        JsonNode examples = examples(operation.getOperationId());
        examples.fields().forEachRemaining(named -> {
            String name = named.getKey();
            JsonNode example = named.getValue();
            String summary = example.path("summary").asText(name);
            String request = example.path("request").asText();
            if (example.has("body") && operation.getRequestBody() != null) {
                MediaType media = operation.getRequestBody().getContent().getMediaType("application/json");
                media.addExample(
                        name, OASFactory.createExample().summary(summary).value(plain(example.get("body"))));
            }
            example.path("responses").fields().forEachRemaining(answer -> {
                APIResponse response = operation.getResponses().getAPIResponse(answer.getKey());
                if (response == null || response.getContent() == null) {
                    throw new IllegalStateException("example " + name + " of " + operation.getOperationId()
                            + " answers an undeclared status " + answer.getKey());
                }
                MediaType media = response.getContent()
                        .getMediaType(
                                response.getContent().hasMediaType(PROBLEM_JSON) ? PROBLEM_JSON : "application/json");
                media.addExample(
                        name,
                        OASFactory.createExample()
                                .summary(summary)
                                .description("The answer to `" + request + "`")
                                .value(plain(answer.getValue())));
            });
        });
    }

    private static Object plain(JsonNode value) {
        return JSON.convertValue(value, Object.class);
    }

    /** The examples of one operation, in name order (empty when it has none). */
    static JsonNode examples(String operationId) {
        try (InputStream in =
                Thread.currentThread().getContextClassLoader().getResourceAsStream(EXAMPLES + operationId + ".json")) {
            return in == null ? JSON.createObjectNode() : sorted(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("the examples of " + operationId + " are not readable JSON", e);
        }
    }

    private static JsonNode sorted(JsonNode examples) {
        Map<String, JsonNode> byName = new TreeMap<>();
        examples.fields().forEachRemaining(e -> byName.put(e.getKey(), e.getValue()));
        ObjectNode sorted = JSON.createObjectNode();
        byName.forEach(sorted::set);
        return sorted;
    }
}
