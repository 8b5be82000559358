package org.labrange.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.labrange.e2e.support.Suite;

/**
 * The promise every answer rests on: a report can be made again exactly as it was known at a given moment. A
 * report is made; then ranges are revised, corrected back-dated, retired and added, and a source appears; the
 * report made again with its basis.knownAt is the same, field by field, except the timestamps of the new request.
 */
@Order(2)
class ReproducibleReportIT {

    private static Suite suite;

    @BeforeAll
    static void startSuite() {
        suite = Suite.get();
    }

    private static String newSource(String name) {
        String code = "repro-" + UUID.randomUUID().toString().substring(0, 8);
        suite.request(suite.admin())
                .body("{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"kind\":\"LOCAL\","
                        + "\"citation\":\"Validation report 2024\",\"reason\":\"new lab\"}")
                .post("/api/v1/sources")
                .then()
                .statusCode(201);
        return code;
    }

    private static String createRange(String analyte, String source, String bounds, String effectiveFrom) {
        return suite.request(suite.admin())
                .body("{\"analyteCode\":\"" + analyte + "\",\"sourceCode\":\"" + source
                        + "\",\"category\":\"REFERENCE\","
                        + bounds + ",\"unit\":\"mg/L\",\"effectiveFrom\":\"" + effectiveFrom
                        + "\",\"reason\":\"validation\"}")
                .post("/api/v1/ranges")
                .then()
                .statusCode(201)
                .extract()
                .path("rangeId");
    }

    private static void revise(String rangeId, int ifMatch, String bounds, String effectiveFrom, String reason) {
        suite.request(suite.admin())
                .header("If-Match", "\"" + ifMatch + "\"")
                .body("{" + bounds + ",\"unit\":\"mg/L\",\"effectiveFrom\":\"" + effectiveFrom + "\",\"reason\":\""
                        + reason + "\"}")
                .put("/api/v1/ranges/" + rangeId)
                .then()
                .statusCode(200);
    }

    private static String panel(String reportId, String knownAt) {
        return "{\"reportId\":\"" + reportId + "\",\"patient\":{\"id\":\"p-77\",\"sex\":\"MALE\",\"age\":\"P50Y\"},"
                + (knownAt == null ? "" : "\"knownAt\":\"" + knownAt + "\",")
                + "\"results\":[{\"id\":\"s1\",\"analyte\":\"1952-1\",\"value\":\"2.45\",\"unit\":\"mg/L\","
                + "\"collectedAt\":\"2025-07-01T08:00:00Z\"},"
                + "{\"id\":\"u1\",\"analyte\":\"1953-9\",\"value\":\"0.25\",\"unit\":\"mg/L\","
                + "\"collectedAt\":\"2025-07-01T08:00:00Z\"}]}";
    }

    private static Map<String, Object> report(String body) {
        String answer = suite.request(suite.interpreter())
                .body(body)
                .post("/api/v1/reports")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        return JsonPath.from(answer).getMap("$");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> parent, String field) {
        return (Map<String, Object>) parent.get(field);
    }

    /** The report without what belongs to the request that made it: its time, id and the cache's state then. */
    private static Map<String, Object> withoutRequestTimestamps(Map<String, Object> report) {
        Map<String, Object> copy = new LinkedHashMap<>(report);
        Map<String, Object> provenance = new LinkedHashMap<>(object(report, "provenance"));
        provenance.keySet().removeAll(List.of("requestId", "requestedAt", "completedAt", "evaluatedAt", "rangesState"));
        Map<String, Object> basis = new LinkedHashMap<>(object(report, "basis"));
        basis.remove("requested");
        Map<String, Object> provenanceBasis = new LinkedHashMap<>(object(provenance, "basis"));
        provenanceBasis.remove("requested");
        provenance.put("basis", provenanceBasis);
        copy.put("provenance", provenance);
        copy.put("basis", basis);
        return copy;
    }

    @Test
    void aReportMadeAgainWithItsBasisIsTheSameAfterRangesAndSourcesChanged() {
        String revised = newSource("Lab revised later");
        String corrected = newSource("Lab corrected back-dated");
        String retired = newSource("Lab retired later");
        String revisedRange = createRange("1952-1", revised, "\"low\":0.6,\"high\":2.4", "2024-01-01");
        String correctedRange = createRange("1952-1", corrected, "\"low\":0.7,\"high\":2.3", "2024-01-01");
        String retiredRange = createRange("1952-1", retired, "\"low\":0.8,\"high\":2.6", "2024-01-01");
        await("the new ranges are used")
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> suite.request(suite.interpreter())
                        .body(panel("r-wait", null))
                        .post("/api/v1/reports")
                        .then()
                        .statusCode(200)
                        .body("results[0].interpretations.source", hasItems(revised, corrected, retired)));

        Map<String, Object> original = report(panel("r-1", null));
        assertEquals(false, object(original, "basis").get("requested"));
        assertEquals(original.get("basis"), object(original, "provenance").get("basis"));
        String knownAt = (String) object(original, "basis").get("knownAt");

        // after the report: a revision from a date before the result, a back-dated correction, a retirement,
        // a new source with a range, and a new range for an analyte that had only one source
        revise(revisedRange, 1, "\"low\":0.8,\"high\":2.6", "2025-06-01", "new method");
        revise(correctedRange, 1, "\"low\":0.7,\"high\":2.5", "2024-01-01", "typo: upper limit is 2.5");
        suite.request(suite.admin())
                .header("If-Match", "\"1\"")
                .body("{\"effectiveFrom\":\"2025-01-01\",\"reason\":\"test discontinued\"}")
                .post("/api/v1/ranges/" + retiredRange + "/retire")
                .then()
                .statusCode(200);
        String added = newSource("Lab added later");
        createRange("1952-1", added, "\"low\":0.9,\"high\":2.0", "2020-01-01");
        createRange("1953-9", revised, "\"high\":0.2", "2020-01-01");
        await("the changes are used for current answers")
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> suite.request(suite.interpreter())
                        .body(panel("r-now", null))
                        .post("/api/v1/reports")
                        .then()
                        .statusCode(200)
                        .body("results[0].interpretations.source", hasItem(added))
                        .body("results[0].interpretations.source", not(hasItem(retired)))
                        .body("results[1].interpretations.source", hasItem(revised)));

        Map<String, Object> again = report(panel("r-1", knownAt));
        assertEquals(knownAt, object(again, "basis").get("knownAt"));
        assertEquals(true, object(again, "basis").get("requested"));
        assertEquals(
                object(original, "basis").get("changeFeedPosition"),
                object(again, "basis").get("changeFeedPosition"));
        Map<String, Object> expected = withoutRequestTimestamps(original);
        Map<String, Object> actual = withoutRequestTimestamps(again);
        for (String field : List.of(
                "results", "disagreements", "patterns", "deltaChecks", "warnings", "complete", "patient", "basis")) {
            assertEquals(expected.get(field), actual.get(field), field + " differs from the original report");
        }
        assertEquals(expected, actual, "the report made again differs from the original");

        // and the current report really is different, so the comparison above could fail
        Map<String, Object> now = report(panel("r-1", null));
        assertNotEquals(expected.get("results"), withoutRequestTimestamps(now).get("results"));
    }

    @Test
    void aKnownAtBeforeAnyRangeWasRecordedGivesNoFlagAndSaysWhy() {
        String before = "2000-01-01T00:00:00Z";
        suite.request(suite.interpreter())
                .body("{\"patient\":{\"sex\":\"MALE\",\"age\":\"P50Y\"},\"knownAt\":\"" + before + "\","
                        + "\"result\":{\"id\":\"s1\",\"analyte\":\"B2M\",\"specimen\":\"serum\",\"value\":\"9.9\","
                        + "\"unit\":\"mg/L\",\"collectedAt\":\"2025-07-01T08:00:00Z\"}}")
                .post("/api/v1/interpretations/single")
                .then()
                .statusCode(200)
                .body("status", equalTo("NO_RANGE"))
                .body("interpretations", empty())
                .body("problems[0].field", equalTo("knownAt"))
                .body("problems[0].reason", containsString("had been recorded"))
                .body("basis.knownAt", equalTo(before))
                .body("basis.changeFeedPosition", equalTo(null));
        suite.request(suite.interpreter())
                .body(panel("r-before", before))
                .post("/api/v1/reports")
                .then()
                .statusCode(200)
                .header("X-Report-Complete", "false")
                .body("results.status", everyItemIs("NO_RANGE"))
                .body("warnings.code", hasItem("no-range"))
                .body("basis.knownAt", equalTo(before));
    }

    private static org.hamcrest.Matcher<Iterable<? extends Object>> everyItemIs(String value) {
        return org.hamcrest.Matchers.everyItem(equalTo(value));
    }
}
