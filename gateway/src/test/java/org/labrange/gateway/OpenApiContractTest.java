package org.labrange.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The public document is committed (contracts/openapi/labrange-api.yaml) so that every change of the API shows up
 * as a reviewable diff: this test fails when the document the gateway serves differs from it. After a deliberate
 * change, rewrite the file with {@code ./mvnw -pl gateway test -Dtest=OpenApiContractTest -Dopenapi.update=true}.
 */
@QuarkusTest
@QuarkusTestResource(UpstreamStubs.class)
class OpenApiContractTest {

    static final String UPDATE = "openapi.update";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final int MAX_DIFFERENCES = 40;

    static Path committedDocument() {
        String contracts = System.getProperty("contracts.dir");
        assertTrue(contracts != null, "system property contracts.dir is not set (the root pom sets it for surefire)");
        return Path.of(contracts, "openapi", "labrange-api.yaml");
    }

    static JsonNode committedTree() throws IOException {
        return YAML.readTree(committedDocument().toFile());
    }

    @Test
    void servedDocumentIsTheCommittedOne() throws IOException {
        String served = given().accept("application/yaml")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Path committed = committedDocument();
        if (Boolean.getBoolean(UPDATE)) {
            Files.createDirectories(committed.getParent());
            Files.writeString(committed, served, StandardCharsets.UTF_8);
            System.out.println("rewrote " + committed);
            return;
        }
        if (!Files.isRegularFile(committed)) {
            fail(committed + " is missing; create it with -D" + UPDATE + "=true");
        }
        List<String> differences = new ArrayList<>();
        compare("", YAML.readTree(committed.toFile()), YAML.readTree(served), differences);
        assertEquals(
                List.of(),
                differences,
                "The gateway serves a different OpenAPI document than " + committed
                        + " (first differences by JSON pointer below). If the API change is intended, rewrite the file with "
                        + "`./mvnw -pl gateway test -Dtest=OpenApiContractTest -D" + UPDATE
                        + "=true` and commit the diff.");
    }

    /** Differences between two trees by JSON pointer: object members in any order, array items in order. */
    static void compare(String pointer, JsonNode committed, JsonNode served, List<String> differences) {
        if (differences.size() >= MAX_DIFFERENCES) {
            return;
        }
        if (committed.isObject() && served.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            committed.fieldNames().forEachRemaining(names::add);
            served.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String at = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!committed.has(name)) {
                    differences.add("only served:    " + at);
                } else if (!served.has(name)) {
                    differences.add("only committed: " + at);
                } else {
                    compare(at, committed.get(name), served.get(name), differences);
                }
            }
        } else if (committed.isArray() && served.isArray() && committed.size() == served.size()) {
            Iterator<JsonNode> a = committed.elements();
            Iterator<JsonNode> b = served.elements();
            for (int i = 0; a.hasNext(); i++) {
                compare(pointer + "/" + i, a.next(), b.next(), differences);
            }
        } else if (!sameValue(committed, served)) {
            differences.add(
                    "changed:        " + pointer + ": " + abbreviated(committed) + " -> " + abbreviated(served));
        }
    }

    private static boolean sameValue(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    private static String abbreviated(JsonNode node) {
        String text = node.toString();
        return text.length() > 120 ? text.substring(0, 117) + "..." : text;
    }
}
