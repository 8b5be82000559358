package org.labrange.ranges.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.labrange.ranges.support.Tokens;

/**
 * Provider side of the contract: the stubbed responses other modules use in their tests must have the
 * shape this service really serves. Every field a stub relies on must exist here with the same JSON type
 * (null in either is allowed: those fields are optional), and every enum-like string must be one we emit.
 */
@QuarkusTest
class ConsumerStubContractTest {

    /** Stub file name → the real request that answers it. */
    private static final Map<String, String> REQUESTS = Map.of(
            "analytes.json", "/api/v1/analytes",
            "sources.json", "/api/v1/sources",
            "changes-latest.json", "/api/v1/changes/latest",
            "timeline-1952-1.json", "/api/v1/analytes/1952-1/timeline",
            "timeline-1953-9.json", "/api/v1/analytes/1953-9/timeline",
            "ranges-1952-1.json", "/api/v1/ranges?analyte=1952-1",
            "range-labcorp.json", "/api/v1/ranges/" + SeededRangesTest.LABCORP,
            "revisions-labcorp.json", "/api/v1/ranges/" + SeededRangesTest.LABCORP + "/revisions");

    private static final List<Path> STUB_DIRS = List.of(
            Path.of("../interpretation-service/src/test/resources/contract"),
            Path.of("../gateway/src/test/resources/contract/reference-ranges"));

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> consumerStubsMatchWhatThisServiceServes() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path dir : STUB_DIRS) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path stub : files.filter(
                                f -> REQUESTS.containsKey(f.getFileName().toString()))
                        .sorted()
                        .toList()) {
                    tests.add(DynamicTest.dynamicTest(
                            dir.getParent().getParent().getParent().getParent() + ": " + stub.getFileName(),
                            () -> verify(stub, REQUESTS.get(stub.getFileName().toString()))));
                }
            }
        }
        assumeTrue(!tests.isEmpty(), "no consumer stubs found next to this module");
        return tests.stream();
    }

    private static void verify(Path stubFile, String request) throws IOException {
        JsonNode stub = JSON.readTree(stubFile.toFile());
        String body = given().auth()
                .oauth2(Tokens.interpreter())
                .get(request)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        JsonNode real = JSON.readTree(body);
        List<String> mismatches = new ArrayList<>();
        compare("$", stub, real, mismatches);
        assertTrue(
                mismatches.isEmpty(), stubFile + " does not match " + request + ":\n" + String.join("\n", mismatches));
    }

    private static void compare(String path, JsonNode stub, JsonNode real, List<String> mismatches) {
        if (stub.isNull() || real.isNull()) {
            return;
        }
        if (stub.isObject()) {
            if (!real.isObject()) {
                mismatches.add(path + ": stub has an object, service sends " + real.getNodeType());
                return;
            }
            for (Iterator<String> names = stub.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!real.has(name)) {
                    mismatches.add(path + "." + name + ": the service does not send this field");
                } else {
                    compare(path + "." + name, stub.get(name), real.get(name), mismatches);
                }
            }
        } else if (stub.isArray()) {
            if (!real.isArray()) {
                mismatches.add(path + ": stub has an array, service sends " + real.getNodeType());
                return;
            }
            if (!real.isEmpty()) {
                for (int i = 0; i < stub.size(); i++) {
                    compare(path + "[" + i + "]", stub.get(i), real.get(Math.min(i, real.size() - 1)), mismatches);
                }
            }
        } else if (stub.getNodeType() != real.getNodeType()) {
            mismatches.add(path + ": stub has " + stub.getNodeType() + ", service sends " + real.getNodeType());
        } else if (stub.isTextual()
                && stub.asText().matches("[A-Z][A-Z_]+")
                && real.asText().matches("[A-Z][A-Z_]+")
                && !ENUM_VALUES.contains(stub.asText())) {
            mismatches.add(path + ": '" + stub.asText() + "' is not a value this service emits");
        }
    }

    private static final java.util.Set<String> ENUM_VALUES = java.util.Set.of(
            "SERUM_PLASMA",
            "BLOOD",
            "URINE",
            "CSF",
            "ANY",
            "FEMALE",
            "MALE",
            "DAYS",
            "MONTHS",
            "YEARS",
            "REFERENCE",
            "OPTIMAL",
            "CRITICAL",
            "ABSOLUTE",
            "ACTIVE",
            "RETIRED",
            "CREATE",
            "REVISE",
            "RETIRE",
            "LAB",
            "TEXTBOOK",
            "LOCAL");
}
