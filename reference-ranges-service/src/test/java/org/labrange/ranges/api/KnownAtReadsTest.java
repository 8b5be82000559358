package org.labrange.ranges.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.labrange.ranges.support.Tokens;

/**
 * The timeline and the history of a range as known at a past moment: the reads a consumer needs to reproduce an
 * answer given then. They must choose what the bitemporal range query chooses for the same knownAt.
 */
@QuarkusTest
class KnownAtReadsTest {

    private static ValidatableResponse timeline(String knownAt) {
        return given().auth()
                .oauth2(Tokens.interpreter())
                .queryParam("knownAt", knownAt)
                .get("/api/v1/analytes/1952-1/timeline")
                .then();
    }

    private static ValidatableResponse history(String id, String knownAt) {
        return given().auth()
                .oauth2(Tokens.reader())
                .queryParam("knownAt", knownAt)
                .get("/api/v1/ranges/" + id + "/revisions")
                .then();
    }

    @Test
    void timelineKnownAtLeavesOutRevisionsAndRangesRecordedLaterAndKeepsTheirPeriodsAsKnownThen() {
        String source = Admin.newSource();
        String id = Admin.createRange(source, "\"low\":0.6,\"high\":2.4", "2025-01-01");
        Instant afterCreate = Instant.now();
        // a back-dated correction replaces revision 1 entirely, and a second range appears
        Admin.revise(id, 1, "\"low\":0.6,\"high\":2.5", "2025-01-01", "Typo: upper limit is 2.5")
                .statusCode(200);
        String later = Admin.createRange(source, "\"low\":0.7,\"high\":2.6", "2025-01-01");

        ValidatableResponse then = timeline(afterCreate.toString()).statusCode(200);
        then.body("knownAt", equalTo(afterCreate.toString()))
                .body("changeRecordedAt", notNullValue())
                .body("revisions.findAll { it.rangeId == '" + id + "' }.revision", contains(1))
                .body("revisions.findAll { it.rangeId == '" + id + "' }[0].effectiveTo", nullValue())
                .body("revisions.findAll { it.rangeId == '" + later + "' }", empty());
        long sequenceThen = then.extract().jsonPath().getLong("changeSequence");
        String recordedThen = then.extract().path("changeRecordedAt");

        // the change it names is the last one recorded by then: asking at that moment gives the same answer
        timeline(recordedThen)
                .statusCode(200)
                .body("changeSequence", equalTo((int) sequenceThen))
                .body("revisions.findAll { it.rangeId == '" + id + "' }.revision", contains(1));

        // as known now: the correction and the new range, and the latest change with when it was recorded
        ValidatableResponse now = given().auth()
                .oauth2(Tokens.interpreter())
                .get("/api/v1/analytes/1952-1/timeline")
                .then()
                .statusCode(200)
                .body("knownAt", nullValue())
                .body("revisions.findAll { it.rangeId == '" + id + "' }.revision", contains(2))
                .body("revisions.findAll { it.rangeId == '" + later + "' }.revision", contains(1));
        long sequenceNow = now.extract().jsonPath().getLong("changeSequence");
        given().auth()
                .oauth2(Tokens.interpreter())
                .get("/api/v1/changes/latest")
                .then()
                .statusCode(200)
                .body("latestSequence", equalTo((int) sequenceNow))
                .body("recordedAt", equalTo(now.extract().<String>path("changeRecordedAt")));
    }

    @Test
    void timelineKnownAtChoosesWhatTheRangeQueryChoosesForTheSameMoment() {
        String source = Admin.newSource();
        String id = Admin.createRange(source, "\"low\":1.0,\"high\":2.0", "2020-01-01");
        Admin.revise(id, 1, "\"low\":1.1,\"high\":2.1", "2025-01-01", "second").statusCode(200);
        Instant beforeThird = Instant.now();
        Admin.revise(id, 2, "\"low\":1.2,\"high\":2.2", "2024-01-01", "start earlier")
                .statusCode(200);

        for (String on : List.of("2023-06-01", "2024-06-01", "2025-06-01")) {
            Integer queried = given().auth()
                    .oauth2(Tokens.reader())
                    .queryParam("source", source)
                    .queryParam("effectiveOn", on)
                    .queryParam("knownAt", beforeThird.toString())
                    .get("/api/v1/ranges")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("[0].revision");
            List<Integer> inTimeline = timeline(beforeThird.toString())
                    .extract()
                    .jsonPath()
                    .getList("revisions.findAll { it.rangeId == '" + id + "' && it.effectiveFrom <= '" + on
                            + "' && (it.effectiveTo == null || it.effectiveTo > '" + on + "') }.revision");
            assertEquals(List.of(queried), inTimeline, "on " + on);
        }
    }

    @Test
    void historyKnownAtShowsOnlyTheRevisionsRecordedByThenWithTheirPeriodsAsKnownThen() {
        String source = Admin.newSource();
        String id = Admin.createRange(source, "\"low\":0.6,\"high\":2.4", "2025-01-01");
        Instant afterCreate = Instant.now();
        Admin.revise(id, 1, "\"low\":0.8,\"high\":2.34", "2026-03-01", "new method")
                .statusCode(200);

        history(id, afterCreate.toString())
                .statusCode(200)
                .body("revision", contains(1))
                .body("[0].effectiveTo", nullValue());
        history(id, "2000-01-01T00:00:00Z").statusCode(200).body("$", hasSize(0));
        given().auth()
                .oauth2(Tokens.reader())
                .get("/api/v1/ranges/" + id + "/revisions")
                .then()
                .body("revision", contains(1, 2))
                .body("[0].effectiveTo", equalTo("2026-03-01"));
    }

    @Test
    void beforeAnyRangeWasRecordedTheTimelineIsEmptyAndSaysSo() {
        timeline("2000-01-01T00:00:00Z")
                .statusCode(200)
                .body("changeSequence", equalTo(0))
                .body("changeRecordedAt", nullValue())
                .body("revisions", empty());
    }

    @Test
    void aKnownAtInTheFutureIsRefusedByName() {
        String future = Instant.now().plusSeconds(3600).toString();
        timeline(future)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("knownAt"))
                .body("errors[0].reason", containsString("future"));
        history("1952e001-0000-4000-8000-000000000001", future).statusCode(400);
        timeline("yesterday").statusCode(400).body("errors[0].field", equalTo("knownAt"));
    }
}
