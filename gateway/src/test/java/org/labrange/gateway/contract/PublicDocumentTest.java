package org.labrange.gateway.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.labrange.gateway.contract.PublicDocument.Answer;

/** The judge of answers says no to each way an answer can leave the document, and yes to a real answer. */
class PublicDocumentTest {

    private static final PublicDocument DOCUMENT = PublicDocument.committed();
    private static final String JSON = "application/json;charset=UTF-8";
    private static final String PROBLEM = "application/problem+json";
    private static final String UNAUTHORIZED = """
            {"type":"https://labrange.dev/problems/unauthorized","title":"Unauthorized","status":401}""";

    @Test
    void aRealAnswerOfADocumentedOperationIsDescribed() throws IOException {
        assertEquals(
                List.of(),
                DOCUMENT.mismatches(new Answer(
                        "GET", "/api/v1/sources?x=1", 200, JSON, stub("contract/reference-ranges/sources.json"))));
        assertEquals(List.of(), DOCUMENT.mismatches(new Answer("GET", "/api/v1/sources", 401, PROBLEM, UNAUTHORIZED)));
    }

    @Test
    void aBodyThatBreaksTheSchemaIsNotDescribed() {
        List<String> mismatches = DOCUMENT.mismatches(
                new Answer("GET", "/api/v1/sources", 200, JSON, "[{\"code\":5,\"name\":\"Labcorp\"}]"));
        assertTrue(mismatches.size() >= 2, "a number for a string and missing members: " + mismatches);
        assertTrue(
                mismatches.contains(
                        "GET /api/v1/sources 200 application/json body at /0/code: integer found, string expected"),
                mismatches::toString);
        assertTrue(
                mismatches.contains(
                        "GET /api/v1/sources 200 application/json body at /0: required member 'kind' is missing"),
                mismatches::toString);
    }

    @Test
    void aProblemWithoutItsRequiredMembersIsNotDescribed() {
        assertEquals(
                1,
                DOCUMENT.mismatches(
                                new Answer("GET", "/api/v1/sources", 401, PROBLEM, "{\"title\":\"x\",\"status\":401}"))
                        .size());
    }

    @Test
    void anUndeclaredStatusIsNotDescribed() {
        List<String> mismatches = DOCUMENT.mismatches(new Answer("GET", "/api/v1/sources", 418, PROBLEM, UNAUTHORIZED));
        assertEquals(1, mismatches.size());
        assertTrue(mismatches.get(0).contains("does not declare status 418"), mismatches::toString);
    }

    @Test
    void anUndeclaredContentTypeIsNotDescribed() {
        assertEquals(
                List.of("GET /api/v1/sources 401 declares application/problem+json, not application/json"),
                DOCUMENT.mismatches(new Answer("GET", "/api/v1/sources", 401, JSON, UNAUTHORIZED)));
        assertEquals(
                List.of(
                        "GET /api/v1/sources 401 declares application/problem+json, but the answer has no Content-Type"),
                DOCUMENT.mismatches(new Answer("GET", "/api/v1/sources", 401, null, "")));
        assertEquals(
                List.of("GET /api/v1/sources 200 declares a application/json body, but the answer has none"),
                DOCUMENT.mismatches(new Answer("GET", "/api/v1/sources", 200, JSON, "")));
    }

    @Test
    void anOperationOutsideTheDocumentCanOnlyBeRefusedWithAProblem() {
        assertEquals(
                List.of(), DOCUMENT.mismatches(new Answer("GET", "/api/v1/nothing-here", 404, PROBLEM, problem(404))));
        assertEquals(
                List.of(), DOCUMENT.mismatches(new Answer("DELETE", "/api/v1/sources", 405, PROBLEM, problem(405))));
        // method names are case-sensitive: "get" is not GET
        assertEquals(List.of(), DOCUMENT.mismatches(new Answer("get", "/api/v1/sources", 405, PROBLEM, problem(405))));
        assertEquals(
                1,
                DOCUMENT.mismatches(new Answer("get", "/api/v1/sources", 200, JSON, "[]"))
                        .size());
        List<String> served = DOCUMENT.mismatches(new Answer("DELETE", "/api/v1/sources", 200, JSON, "[]"));
        assertEquals(1, served.size());
        assertTrue(
                served.get(0).startsWith("DELETE /api/v1/sources is not an operation of the document"),
                served::toString);
        assertEquals(
                1,
                DOCUMENT.mismatches(new Answer("GET", "/api/v1/nothing-here", 404, "text/html", "<html/>"))
                        .size());
    }

    @Test
    void answersOutsideTheJsonApiAreNotJudged() {
        assertEquals(List.of(), DOCUMENT.mismatches(new Answer("GET", "/fhir/r4/metadata", 200, "text/html", "<x/>")));
        assertEquals(List.of(), DOCUMENT.mismatches(new Answer("GET", "/q/health/live", 500, null, "")));
    }

    @Test
    void aLiteralPathSegmentWinsOverATemplate() {
        assertEquals(Optional.of("/api/v1/ranges/export"), DOCUMENT.template("/api/v1/ranges/export"));
        assertEquals(Optional.of("/api/v1/ranges/{id}"), DOCUMENT.template("/api/v1/ranges/r-1"));
        assertEquals(
                Optional.of("/api/v1/ranges/{id}/revisions/{n}"), DOCUMENT.template("/api/v1/ranges/a/revisions/2"));
        assertEquals(Optional.empty(), DOCUMENT.template("/api/v1/ranges/a/b/c/d"));
    }

    @Test
    void anAssertionQuotesTheAnswer() {
        AssertionError error = assertThrows(
                AssertionError.class,
                () -> DOCUMENT.assertDescribes(new Answer("GET", "/api/v1/sources", 418, PROBLEM, UNAUTHORIZED)));
        assertTrue(
                error.getMessage().contains("GET /api/v1/sources -> 418 application/problem+json"), error::getMessage);
        assertTrue(error.getMessage().contains(UNAUTHORIZED), error::getMessage);
    }

    private static String problem(int status) {
        return "{\"type\":\"https://labrange.dev/problems/not-found\",\"title\":\"Not found\",\"status\":" + status
                + "}";
    }

    private static String stub(String resource) throws IOException {
        try (InputStream in = PublicDocumentTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
