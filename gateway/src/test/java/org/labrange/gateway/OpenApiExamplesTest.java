package org.labrange.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The committed public document is something a client can generate from and trust: every operation is named, every
 * answer typed down to its leaves, and every example valid against its schema and a real answer. An example answer
 * is real when it is the very stub of the gateway's contract tests for the same request
 * ({@code src/test/resources/contract}), which the provider's own contract test checks against what it really
 * serves.
 */
class OpenApiExamplesTest {

    private static final String DOCUMENT = "https://labrange.dev/openapi/labrange-api.json";
    private static final Pattern ANSWER_TO = Pattern.compile("The answer to `([A-Z]+) ([^`]+)`");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode document;
    private static SchemaRegistry schemas;

    @BeforeAll
    static void readDocument() throws IOException {
        document = OpenApiContractTest.committedTree();
        String text = JSON.writeValueAsString(document);
        schemas = SchemaRegistry.withDefaultDialect(
                Dialects.getOpenApi31(), builder -> builder.schemas(Map.of(DOCUMENT, text)));
    }

    @Test
    void everyOperationHasAnOperationIdAndATypedSuccessAnswer() {
        List<String> missing = new ArrayList<>();
        operations((where, operation) -> {
            if (!operation.hasNonNull("operationId")) {
                missing.add(where + ": no operationId");
            }
            boolean typed = false;
            for (var answer : iterable(operation.path("responses").fields())) {
                if (answer.getKey().startsWith("2")) {
                    typed |= answer.getValue().path("content").size() > 0
                            && allHaveSchemas(answer.getValue().path("content"));
                }
            }
            if (!typed) {
                missing.add(where + ": no 2xx answer with a typed body");
            }
        });
        assertEquals(List.of(), missing);
    }

    @Test
    void everyErrorAnswerIsTheOneProblemDocument() {
        List<String> wrong = new ArrayList<>();
        operations((where, operation) -> {
            for (var answer : iterable(operation.path("responses").fields())) {
                if (answer.getKey().startsWith("4") || answer.getKey().startsWith("5")) {
                    JsonNode content = answer.getValue().path("content");
                    if (content.size() != 1
                            || !content.path("application/problem+json")
                                    .path("schema")
                                    .path("$ref")
                                    .asText()
                                    .equals("#/components/schemas/Problem")) {
                        wrong.add(where + " " + answer.getKey());
                    }
                }
            }
        });
        assertEquals(List.of(), wrong, "error answers without the Problem schema");
    }

    @Test
    void noSchemaIsAnUntypedObject() {
        List<String> untyped = new ArrayList<>();
        untypedObjects("#", document, untyped);
        assertEquals(List.of(), untyped, "objects without properties: a generated client could not type them");
    }

    @Test
    void everyParameterHasATypedSchema() {
        List<String> untyped = new ArrayList<>();
        for (var parameter :
                iterable(document.path("components").path("parameters").fields())) {
            if (!typed(parameter.getValue().path("schema"))) {
                untyped.add("#/components/parameters/" + parameter.getKey());
            }
        }
        operations((where, operation) -> {
            for (JsonNode parameter : operation.path("parameters")) {
                if (!parameter.has("$ref") && !typed(parameter.path("schema"))) {
                    untyped.add(where + " " + parameter.path("name").asText());
                }
            }
        });
        assertEquals(List.of(), untyped, "parameters without a type: a generated client would take any Object");
    }

    @TestFactory
    Stream<DynamicTest> everyExampleMatchesItsSchema() {
        List<DynamicTest> tests = new ArrayList<>();
        examples((pointer, name, example) -> tests.add(DynamicTest.dynamicTest(pointer + " " + name, () -> {
            Schema schema = schemas.getSchema(SchemaLocation.of(DOCUMENT + "#" + encode(pointer + "/schema")));
            var errors = schema.validate(JSON.writeValueAsString(example.get("value")), InputFormat.JSON);
            assertTrue(errors.isEmpty(), name + " does not match its schema: " + errors);
        })));
        assertTrue(tests.size() > 10, "the document has hardly any examples: " + tests.size());
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyExampleAnswerIsARealAnswer() {
        List<DynamicTest> tests = new ArrayList<>();
        operations((where, operation) -> {
            for (var answer : iterable(operation.path("responses").fields())) {
                for (var media : iterable(answer.getValue().path("content").fields())) {
                    for (var example :
                            iterable(media.getValue().path("examples").fields())) {
                        tests.add(DynamicTest.dynamicTest(
                                where + " " + answer.getKey() + " " + example.getKey(),
                                () -> assertRealAnswer(operation, example.getKey(), example.getValue())));
                    }
                }
            }
        });
        return tests.stream();
    }

    private static void assertRealAnswer(JsonNode operation, String name, JsonNode example) throws IOException {
        Matcher request = ANSWER_TO.matcher(example.path("description").asText());
        assertTrue(request.find(), name + ": the description does not say which request it answers");
        String method = request.group(1);
        String target = request.group(2);
        JsonNode body = operation
                .path("requestBody")
                .path("content")
                .path("application/json")
                .path("examples")
                .path(name)
                .path("value");
        if (method.equals("GET")) {
            String stub = stubFor("contract/reference-ranges/", target);
            assertEquals(
                    resource("contract/reference-ranges/" + stub),
                    example.get("value"),
                    name + " differs from " + stub);
        } else {
            String stub = null;
            Properties requests = properties("contract/interpretation/requests.properties");
            for (String file : requests.stringPropertyNames()) {
                String[] line = requests.getProperty(file).trim().split("\\s+");
                if (line[0].equals(method)
                        && line[1].equals(target)
                        && resource("contract/interpretation/" + line[2]).equals(body)) {
                    stub = file;
                }
            }
            if (stub == null) {
                fail(name + ": no contract stub answers " + method + " " + target + " with this example's body");
            }
            assertEquals(
                    resource("contract/interpretation/" + stub), example.get("value"), name + " differs from " + stub);
        }
    }

    private static String stubFor(String folder, String target) {
        Properties requests = properties(folder + "requests.properties");
        for (String file : requests.stringPropertyNames()) {
            if (requests.getProperty(file).trim().equals(target)) {
                return file;
            }
        }
        return fail("no contract stub in " + folder + " answers GET " + target);
    }

    private static Properties properties(String resource) {
        Properties properties = new Properties();
        try (InputStream in = OpenApiExamplesTest.class.getClassLoader().getResourceAsStream(resource)) {
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode resource(String name) throws IOException {
        try (InputStream in = OpenApiExamplesTest.class.getClassLoader().getResourceAsStream(name)) {
            assertTrue(in != null, name + " is missing");
            return JSON.readTree(in);
        }
    }

    interface OperationVisitor {
        void visit(String where, JsonNode operation);
    }

    interface ExampleVisitor {
        void visit(String mediaPointer, String name, JsonNode example);
    }

    private static void operations(OperationVisitor visitor) {
        for (var path : iterable(document.path("paths").fields())) {
            for (var operation : iterable(path.getValue().fields())) {
                if (operation.getValue().has("responses")) {
                    visitor.visit(operation.getKey().toUpperCase() + " " + path.getKey(), operation.getValue());
                }
            }
        }
    }

    private static void examples(ExampleVisitor visitor) {
        for (var path : iterable(document.path("paths").fields())) {
            for (var operation : iterable(path.getValue().fields())) {
                String at = "/paths/" + escape(path.getKey()) + "/" + operation.getKey();
                for (var media : iterable(
                        operation.getValue().path("requestBody").path("content").fields())) {
                    for (var example :
                            iterable(media.getValue().path("examples").fields())) {
                        visitor.visit(
                                at + "/requestBody/content/" + escape(media.getKey()),
                                example.getKey(),
                                example.getValue());
                    }
                }
                for (var answer :
                        iterable(operation.getValue().path("responses").fields())) {
                    for (var media : iterable(answer.getValue().path("content").fields())) {
                        for (var example :
                                iterable(media.getValue().path("examples").fields())) {
                            visitor.visit(
                                    at + "/responses/" + answer.getKey() + "/content/" + escape(media.getKey()),
                                    example.getKey(),
                                    example.getValue());
                        }
                    }
                }
            }
        }
    }

    private static boolean allHaveSchemas(JsonNode content) {
        for (JsonNode media : content) {
            JsonNode schema = media.path("schema");
            if (!schema.has("$ref") && !schema.has("type") && !schema.has("oneOf")) {
                return false;
            }
        }
        return true;
    }

    private static boolean typed(JsonNode schema) {
        return schema.has("type") || schema.has("$ref");
    }

    private static void untypedObjects(String pointer, JsonNode node, List<String> found) {
        if (node.isObject()) {
            JsonNode type = node.get("type");
            boolean object = type != null
                    && (type.asText().equals("object") || type.toString().contains("\"object\""));
            boolean described = node.has("properties")
                    || node.has("additionalProperties")
                    || node.has("$ref")
                    || node.has("anyOf")
                    || node.has("oneOf")
                    || node.has("allOf");
            if (object && !described && !pointer.contains("/examples/")) {
                found.add(pointer);
            }
            for (var field : iterable(node.fields())) {
                untypedObjects(pointer + "/" + escape(field.getKey()), field.getValue(), found);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                untypedObjects(pointer + "/" + i, node.get(i), found);
            }
        }
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

    private static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
        return () -> iterator;
    }
}
