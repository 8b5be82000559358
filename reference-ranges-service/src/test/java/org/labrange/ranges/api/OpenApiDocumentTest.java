package org.labrange.ranges.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** This service's own OpenAPI document: every operation named, its answers typed, its errors problem documents. */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void everyOperationHasAnIdATypedSuccessAnswerAndProblemErrors() throws IOException {
        JsonNode document = new ObjectMapper()
                .readTree(given().accept("application/json")
                        .get("/q/openapi")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
        List<String> wrong = new ArrayList<>();
        int operations = 0;
        for (var path : iterable(document.path("paths").fields())) {
            for (var operation : iterable(path.getValue().fields())) {
                String where = operation.getKey().toUpperCase() + " " + path.getKey();
                JsonNode op = operation.getValue();
                operations++;
                if (!op.hasNonNull("operationId")) {
                    wrong.add(where + ": no operationId");
                }
                boolean typed = false;
                for (var answer : iterable(op.path("responses").fields())) {
                    JsonNode content = answer.getValue().path("content");
                    if (answer.getKey().startsWith("2")) {
                        for (JsonNode media : content) {
                            typed |= media.path("schema").has("$ref")
                                    || media.path("schema").has("type")
                                    || media.path("schema").has("oneOf");
                        }
                    } else if (!content.path("application/problem+json")
                            .path("schema")
                            .path("$ref")
                            .asText()
                            .equals("#/components/schemas/Problem")) {
                        wrong.add(where + " " + answer.getKey() + ": not a Problem document");
                    }
                }
                if (!typed) {
                    wrong.add(where + ": no typed 2xx answer");
                }
            }
        }
        assertTrue(operations >= 20, "the document lists only " + operations + " operations");
        assertEquals(List.of(), wrong);
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
        return () -> iterator;
    }
}
