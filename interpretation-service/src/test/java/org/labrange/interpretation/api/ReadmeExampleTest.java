package org.labrange.interpretation.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.labrange.interpretation.support.JsonComparison;
import org.labrange.interpretation.support.JwtKeys;
import org.labrange.interpretation.support.RangesServiceStub;
import org.labrange.interpretation.support.Tokens;

/** The example in the module README (the files under readme-example/) is what the service really answers. */
@QuarkusTest
@QuarkusTestResource(JwtKeys.class)
@QuarkusTestResource(RangesServiceStub.class)
class ReadmeExampleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readmeExampleAnswerIsWhatTheServiceAnswers() throws IOException {
        String answer = given().header("Authorization", Tokens.bearer("interpreter"))
                .contentType("application/json")
                .body(resource("readme-example/request.json"))
                .when()
                .post("/api/v1/interpretations/single")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        List<String> mismatches = JsonComparison.mismatches(
                JSON.readTree(resource("readme-example/answer.json")),
                JSON.readTree(answer),
                JsonComparison.Strictness.SAME_VALUES);
        assertTrue(
                mismatches.isEmpty(),
                "readme-example/answer.json differs from the real answer:\n" + String.join("\n", mismatches)
                        + "\nreal answer: " + answer);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ReadmeExampleTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException(name + " is missing from the test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
