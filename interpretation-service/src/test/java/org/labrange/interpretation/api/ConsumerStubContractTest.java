package org.labrange.interpretation.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.labrange.interpretation.support.JsonComparison;
import org.labrange.interpretation.support.JwtKeys;
import org.labrange.interpretation.support.RangesServiceStub;
import org.labrange.interpretation.support.Tokens;

/**
 * Provider side of the gateway's contract: each stub of this service in the gateway's tests must have the shape
 * this service really answers to the same request. Every stubbed field must be sent with the same JSON type,
 * and enum codes, flags, units and revision numbers must be the same values.
 */
@QuarkusTest
@QuarkusTestResource(JwtKeys.class)
@QuarkusTestResource(RangesServiceStub.class)
class ConsumerStubContractTest {

    private static final Path STUBS = Path.of("../gateway/src/test/resources/contract/interpretation");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> gatewayStubsMatchWhatThisServiceAnswers() throws IOException {
        Path index = STUBS.resolve("requests.properties");
        if (!Files.isRegularFile(index)) {
            fail("the gateway's stubs of this service are missing: " + index.toAbsolutePath());
        }
        Properties requests = new Properties();
        try (Reader in = Files.newBufferedReader(index, StandardCharsets.UTF_8)) {
            requests.load(in);
        }
        assertTrue(!requests.isEmpty(), index + " lists no stub");
        return requests.stringPropertyNames().stream()
                .sorted()
                .map(stub -> DynamicTest.dynamicTest(
                        stub, () -> verify(stub, requests.getProperty(stub).trim())));
    }

    private static void verify(String stubFile, String request) throws IOException {
        String[] parts = request.split("\\s+");
        if (parts.length != 3 || !parts[0].equals("POST")) {
            fail(stubFile + ": expected 'POST <path> <request-body-file>', found '" + request + "'");
        }
        String answer = given().header("Authorization", Tokens.bearer("interpreter"))
                .contentType("application/json")
                .body(Files.readString(STUBS.resolve(parts[2])))
                .when()
                .post(parts[1])
                .then()
                .extract()
                .asString();
        List<String> mismatches = JsonComparison.mismatches(
                JSON.readTree(STUBS.resolve(stubFile).toFile()),
                JSON.readTree(answer),
                JsonComparison.Strictness.SAME_TYPES_AND_CODES);
        assertTrue(
                mismatches.isEmpty(),
                stubFile + " does not match what " + request + " answers:\n" + String.join("\n", mismatches));
    }
}
