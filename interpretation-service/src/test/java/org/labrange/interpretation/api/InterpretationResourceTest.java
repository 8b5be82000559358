package org.labrange.interpretation.api;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.labrange.interpretation.service.RangeCache;
import org.labrange.interpretation.support.JwtKeys;
import org.labrange.interpretation.support.RangesServiceStub;
import org.labrange.interpretation.support.Tokens;
import org.labrange.tokencache.VerifiedTokenCache;

@QuarkusTest
@QuarkusTestResource(JwtKeys.class)
@QuarkusTestResource(RangesServiceStub.class)
class InterpretationResourceTest {

    @Inject
    JWTParser tokenParser;

    static final String PANEL = """
            {"patient": {"sex": "FEMALE", "birthDate": "1970-05-01"},
             "results": [
               {"id": "s1", "analyte": "B2M", "specimen": "serum", "value": "2.45", "unit": "mg/L",
                "collectedAt": "2026-11-20T08:00:00Z"},
               {"id": "u1", "analyte": "B2M", "specimen": "urine", "value": "250", "unit": "mcg/L",
                "collectedAt": "2026-11-20T08:00:00Z"}]}""";

    @Inject
    RangeCache cache;

    @BeforeEach
    void freshStubAndCache() {
        RangesServiceStub.warmUp(() -> post("/api/v1/interpretations", PANEL));
        RangesServiceStub.reset();
        cache.invalidateAll();
    }

    private static ValidatableResponse post(String path, String body) {
        return given().header("Authorization", Tokens.bearer("interpreter"))
                .contentType("application/json")
                .body(body)
                .when()
                .post(path)
                .then();
    }

    private static String single(String result) {
        return "{\"patient\": {\"sex\": \"FEMALE\", \"age\": \"P56Y\"}, \"result\": " + result + "}";
    }

    @Test
    void serumB2mIsNormalByQuestButHighByLabcorpAndMosbyWithEachRangeRevisionNamed() {
        post("/api/v1/interpretations", PANEL)
                .statusCode(200)
                .body("rulesVersion", is("2026.12.1"))
                .body("ranges.changeSequence", is(4))
                .body("ranges.stale", is(false))
                .body("results[0].status", is("INTERPRETED"))
                .body("results[0].analyte.code", is("1952-1"))
                .body("results[0].collectionDate", is("2026-11-20"))
                .body("results[0].interpretations", hasSize(3))
                .body("results[0].interpretations.find { it.source == 'quest' }.flag", is("N"))
                .body("results[0].interpretations.find { it.source == 'labcorp' }.flag", is("H"))
                .body("results[0].interpretations.find { it.source == 'labcorp' }.flagDisplay", is("High"))
                .body("results[0].interpretations.find { it.source == 'mosby-pagana-2022' }.flag", is("H"))
                .body(
                        "results[0].interpretations.find { it.source == 'labcorp' }.range.rangeId",
                        is("1952e001-0000-4000-8000-000000000002"))
                .body("results[0].interpretations.find { it.source == 'labcorp' }.range.revision", is(1))
                .body(
                        "results[0].interpretations.find { it.source == 'labcorp' }.selectionRule",
                        is("only applicable range"))
                .body(
                        "results[0].interpretations.find { it.source == 'quest' }.position.multipleOfUpperLimit",
                        is(0.976f))
                .body("results[0].agreement.unanimous", is(false))
                .body("results[0].agreement.flags.quest", is("N"))
                .body("results[0].agreement.summary", containsString("Normal by quest (range ≤ 2.51 mg/L)"))
                .body("results[0].associations.id", hasItem("b2m-serum-elevated"))
                .body("results[0].associations[0].citation", containsString("10.3389/fmed.2017.00073"))
                .body("results[1].analyte.code", is("1953-9"))
                .body("results[1].value.normalised", is(0.25f))
                .body("results[1].value.inputUnit", is("mcg/L"))
                .body("results[1].interpretations[0].flag", is("N"))
                .body("patterns.id", hasItem("b2m-glomerular-pattern"))
                .body("patterns.find { it.id == 'b2m-glomerular-pattern' }.resultIds", is(List.of("s1", "u1")))
                .body("results[0].delta", nullValue());
    }

    @Test
    void theCompactViewGivesTheSameVerdictsAndRevisionsWithoutTheTexts() {
        post("/api/v1/interpretations?view=compact", PANEL)
                .statusCode(200)
                .body("ranges.changeSequence", is(4))
                .body("results[0].status", is("INTERPRETED"))
                .body("results[0].analyte", is("1952-1"))
                .body("results[0].value", is(2.45f))
                .body("results[0].unit", is("mg/L"))
                .body("results[0].interpretations.find { it.source == 'quest' }.flag", is("N"))
                .body("results[0].interpretations.find { it.source == 'labcorp' }.flag", is("H"))
                .body(
                        "results[0].interpretations.find { it.source == 'labcorp' }.rangeId",
                        is("1952e001-0000-4000-8000-000000000002"))
                .body("results[0].interpretations.find { it.source == 'labcorp' }.revision", is(1))
                .body("results[0].interpretations.find { it.source == 'labcorp' }.range", is("0.6–2.4 mg/L"))
                .body("results[0].unanimous", is(false))
                .body("results[0].associations", hasItem("b2m-serum-elevated"))
                .body("results[0].agreement", nullValue())
                .body("results[0].notEvaluated", nullValue())
                .body("results[1].value", is(0.25f))
                .body("patterns.id", hasItem("b2m-glomerular-pattern"));
        post("/api/v1/interpretations?view=terse", PANEL)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", is("view"));
    }

    @Test
    void aRequestWithoutATokenIsRefused() {
        given().contentType("application/json")
                .body(PANEL)
                .when()
                .post("/api/v1/interpretations")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("type", is("https://labrange.dev/problems/unauthorized"));
    }

    @Test
    void aTokenWithABrokenSignatureIsRefused() {
        String token = Tokens.bearer("interpreter");
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        // the genuine token is verified (and remembered) first: its remembered verdict must not cover the copy
        given().header("Authorization", token)
                .contentType("application/json")
                .body(PANEL)
                .when()
                .post("/api/v1/interpretations")
                .then()
                .statusCode(200);
        assertTrue(tokenParser instanceof VerifiedTokenCache, "verified tokens are remembered");
        given().header("Authorization", tampered)
                .contentType("application/json")
                .body(PANEL)
                .when()
                .post("/api/v1/interpretations")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void aRangesReaderMayNotInterpret() {
        given().header("Authorization", Tokens.bearer("ranges-reader"))
                .contentType("application/json")
                .body(PANEL)
                .when()
                .post("/api/v1/interpretations")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", is("https://labrange.dev/problems/forbidden"));
    }

    @Test
    void aRangesAdminMayInterpret() {
        given().header("Authorization", Tokens.bearer("ranges-admin"))
                .contentType("application/json")
                .body(PANEL)
                .when()
                .post("/api/v1/interpretations")
                .then()
                .statusCode(200);
    }

    @Test
    void theCallersTokenAndRequestIdArePassedToTheRangesService() {
        String token = Tokens.bearer("interpreter");
        given().header("Authorization", token)
                .header("X-Request-Id", "lis-7/run=2+b@host:1.a_B")
                .contentType("application/json")
                .body(PANEL)
                .when()
                .post("/api/v1/interpretations")
                .then()
                .statusCode(200)
                .header("X-Request-Id", "lis-7/run=2+b@host:1.a_B");
        RangesServiceStub.client()
                .verifyThat(getRequestedFor(urlPathEqualTo("/api/v1/analytes/1952-1/timeline"))
                        .withHeader("Authorization", equalTo(token))
                        .withHeader("X-Request-Id", equalTo("lis-7/run=2+b@host:1.a_B")));
        RangesServiceStub.client()
                .verifyThat(getRequestedFor(urlPathEqualTo("/api/v1/changes/latest"))
                        .withHeader("Authorization", equalTo(token)));
    }

    @Test
    void anUnsafeRequestIdIsReplacedNotEchoed() {
        String echoed = given().header("Authorization", Tokens.bearer("interpreter"))
                .header("X-Request-Id", "a b<c>")
                .contentType("application/json")
                .body(PANEL)
                .when()
                .post("/api/v1/interpretations")
                .then()
                .statusCode(200)
                .extract()
                .header("X-Request-Id");
        org.junit.jupiter.api.Assertions.assertNotEquals("a b<c>", echoed);
        org.junit.jupiter.api.Assertions.assertEquals(36, echoed.length());
    }

    @Test
    void moreThanTenThousandResultsAreRefusedAsTooLarge() {
        String results = IntStream.range(0, 10_001)
                .mapToObj(i -> "{\"analyte\":\"1952-1\",\"value\":\"1\",\"unit\":\"mg/L\"}")
                .collect(Collectors.joining(",", "[", "]"));
        post("/api/v1/interpretations", "{\"results\": " + results + "}")
                .statusCode(413)
                .contentType("application/problem+json")
                .body("type", is("https://labrange.dev/problems/batch-too-large"))
                .body("status", is(413));
    }

    @Test
    void oneBadResultDoesNotFailTheOthers() {
        String body = """
                {"patient": {"sex": "MALE", "age": "P61Y"},
                 "results": [
                   {"id": "ok", "analyte": "1952-1", "value": 1.2, "unit": "mg/L"},
                   {"id": "unit", "analyte": "1952-1", "value": "1.2", "unit": "mm[Hg]"},
                   {"id": "alias", "analyte": "B2M", "value": "1.2", "unit": "mg/L"},
                   {"id": "unknown", "analyte": "0000-0", "value": "1.2", "unit": "mg/L"},
                   {"id": "value", "analyte": "1952-1", "value": "lots", "unit": "mg/L"},
                   {"id": "mass", "analyte": "1953-9", "value": "20", "unit": "mg"}]}""";
        post("/api/v1/interpretations", body)
                .statusCode(200)
                .body(
                        "results.status",
                        is(List.of("INTERPRETED", "REJECTED", "REJECTED", "REJECTED", "REJECTED", "REJECTED")))
                .body("results[1].problems[0].type", is("https://labrange.dev/problems/unit-not-convertible"))
                .body("results[1].problems[0].reason", containsString("'mm[Hg]' cannot be converted to 'mg/L'"))
                .body("results[0].value.input", is("1.2"))
                .body("results[0].associationsOnFile", is(true))
                .body("results[2].problems[0].reason", containsString("ambiguous"))
                .body("results[3].problems[0].type", is("https://labrange.dev/problems/unknown-analyte"))
                .body("results[4].problems[0].field", is("value"))
                .body(
                        "results[5].problems[0].reason",
                        containsString("'mg' (mass) cannot be converted to 'mg/L' (mass concentration)"));
    }

    @Test
    void aSingleResultInAnUnconvertibleUnitIsUnprocessableAndNamesUnitAndTarget() {
        post(
                        "/api/v1/interpretations/single",
                        single("{\"analyte\": \"1952-1\", \"value\": \"2\", \"unit\": \"mmol/mmol\"}"))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", is("https://labrange.dev/problems/unit-not-convertible"))
                .body("detail", containsString("'mmol/mmol'"))
                .body("detail", containsString("'mg/L'"))
                .body("errors[0].field", is("result.unit"));
    }

    @Test
    void aSingleSerumResultInNanomolesIsConvertedThroughTheMolarMass() {
        post(
                        "/api/v1/interpretations/single",
                        single("{\"analyte\": \"B2M\", \"specimen\": \"plasma\", \"value\": \"203.389830508\", "
                                + "\"unit\": \"nmol/L\", \"collectedAt\": \"2026-11-20\"}"))
                .statusCode(200)
                .body("value.normalised", is(2.4f))
                .body("value.viaMolarMass", is(true))
                .body("interpretations.find { it.source == 'labcorp' }.flag", is("N"))
                .body("interpretations.find { it.source == 'mosby-pagana-2022' }.flag", is("H"));
    }

    @Test
    void aUrineFarAboveItsLimitIsHighWithItsAssociations() {
        post(
                        "/api/v1/interpretations",
                        "{\"results\": [{\"id\": \"u1\", \"analyte\": \"1953-9\", \"value\": \"45\","
                                + " \"unit\": \"mg/L\"}]}")
                .statusCode(200)
                .body("results[0].interpretations[0].flag", is("H"))
                .body("results[0].interpretations[0].position.multipleOfUpperLimit", is(150.0f))
                .body("results[0].associations.id", is(List.of("b2m-urine-elevated", "b2m-urine-toxic-excess")))
                .body("patterns", is(List.of()));
    }

    @Test
    void aSingleUrineFarAboveItsLimitCarriesTheToxicExposureHintToo() {
        post(
                        "/api/v1/interpretations/single",
                        "{\"result\": {\"id\": \"u1\", \"analyte\": \"1953-9\", \"value\": \"45\","
                                + " \"unit\": \"mg/L\", \"collectedAt\": \"2026-11-20\"}}")
                .statusCode(200)
                .body("associations.id", is(List.of("b2m-urine-elevated", "b2m-urine-toxic-excess")))
                .body(
                        "associations[1].basis",
                        is("at least 100 × the upper limit: mosby-pagana-2022 150 × upper limit"));
    }

    @Test
    void aSignificantRiseAgainstTheEarlierResultIsFlaggedU() {
        post("/api/v1/interpretations/single", single("""
                {"analyte": "TEST-CV", "value": "1.5", "unit": "mmol/L", "collectedAt": "2026-11-20T08:00:00Z",
                 "previous": [{"value": "1100", "unit": "umol/L", "collectedAt": "2026-05-01T08:00:00Z"}]}"""))
                .statusCode(200)
                .body("delta.possible", is(true))
                .body("delta.rcvPercent", is(14.93f))
                .body("delta.percentChange", is(36.36f))
                .body("delta.flag", is("U"))
                .body("interpretations[0].range.rangeId", is("00000000-0000-4000-8000-00000000c002"))
                .body("interpretations[0].range.sourceUnit", is("umol/L"))
                .body("interpretations[0].range.high", is(1.9f))
                .body("interpretations[0].selectionRule", startsWith("most specific population"))
                .body("interpretations[0].optimal.status", is("OPTIMAL"))
                .body("interpretations[0].critical.flag", nullValue());
    }

    @Test
    void b2mDeltaCheckSaysItIsNotPossibleWithoutBiologicalVariation() {
        post("/api/v1/interpretations/single", single("""
                {"analyte": "1952-1", "value": "2.45", "unit": "mg/L", "collectedAt": "2026-11-20T08:00:00Z",
                 "previous": [{"value": "1.9", "unit": "mg/L", "collectedAt": "2026-05-01T08:00:00Z"}]}"""))
                .statusCode(200)
                .body("delta.possible", is(false))
                .body("delta.reason", startsWith("not possible"))
                .body("delta.change", is(0.55f));
    }

    @Test
    void anUnknownSourceRejectsTheWholeRequest() {
        post(
                        "/api/v1/interpretations",
                        "{\"sources\": [\"labcorp\", \"nope\"], \"results\": [{\"analyte\": "
                                + "\"1952-1\", \"value\": \"1\", \"unit\": \"mg/L\"}]}")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", is("https://labrange.dev/problems/validation"))
                .body("errors[0].field", is("sources[1]"));
    }

    @Test
    void anInvalidPatientRejectsTheWholeRequest() {
        post(
                        "/api/v1/interpretations",
                        "{\"patient\": {\"sex\": \"X\", \"age\": \"56\"}, \"results\": "
                                + "[{\"analyte\": \"1952-1\", \"value\": \"1\", \"unit\": \"mg/L\"}]}")
                .statusCode(400)
                .body("errors.field", is(List.of("patient.sex", "patient.age")));
    }

    @Test
    void anAbsurdAgeRejectsTheWholeRequest() {
        post(
                        "/api/v1/interpretations",
                        "{\"patient\": {\"age\": \"P999999999Y\"}, \"results\": "
                                + "[{\"analyte\": \"1952-1\", \"value\": \"1\", \"unit\": \"mg/L\"}]}")
                .statusCode(400)
                .body("errors[0].field", is("patient.age"));
    }

    @Test
    void anEarlierResultThatIsNotANumberRejectsItsResult() {
        post(
                        "/api/v1/interpretations",
                        "{\"results\": [{\"analyte\": \"1952-1\", \"value\": \"2\", "
                                + "\"unit\": \"mg/L\", \"previous\": [{\"value\": \"1e400\", \"unit\": \"mg/L\", "
                                + "\"collectedAt\": \"2026-01-01\"}]}]}")
                .statusCode(200)
                .body("results[0].status", is("REJECTED"))
                .body("results[0].problems[0].field", is("previous[0].value"));
    }

    @Test
    void aBodyWithTwoDocumentsOrNotInUtf8IsMalformed() {
        post("/api/v1/interpretations/single", "{\"result\": {}} {\"result\": {}}")
                .statusCode(400)
                .body("type", is("https://labrange.dev/problems/malformed-body"));
        byte[] utf16 = ("{\"results\": [{\"analyte\": \"1952-1\", \"value\": \"1\", \"unit\": \"mg/L\"}]}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_16);
        given().header("Authorization", Tokens.bearer("interpreter"))
                .contentType("application/json")
                .body(utf16)
                .when()
                .post("/api/v1/interpretations")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", is("https://labrange.dev/problems/malformed-body"));
    }

    @Test
    void aValueGivenTwiceIsRefusedInsteadOfTheLastOneBeingFlagged() {
        // 2.45 mg/L is high by Labcorp; 99 would be too, so only a refusal proves neither was silently chosen
        post(
                        "/api/v1/interpretations/single",
                        single("{\"id\": \"s1\", \"analyte\": \"1952-1\", \"value\": \"2.45\", \"value\": \"99\","
                                + " \"unit\": \"mg/L\", \"collectedAt\": \"2026-11-20T08:00:00Z\"}"))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", is("https://labrange.dev/problems/validation"))
                .body("errors[0].field", is("value"))
                .body("errors[0].reason", is("is given more than once in the same object"));
    }

    @Test
    void aFieldThisServiceDoesNotKnowIsRefusedByNameNotIgnored() {
        post(
                        "/api/v1/interpretations",
                        "{\"asOf\": \"2026-11-01T00:00:00Z\", \"results\": [{\"id\": \"s1\", \"analyte\": \"1952-1\","
                                + " \"value\": \"2.45\", \"unit\": \"mg/L\", \"collectedAt\": \"2026-11-20T08:00:00Z\"}]}")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", is("https://labrange.dev/problems/validation"))
                .body("errors[0].field", is("asOf"))
                .body("errors[0].reason", containsString("is not a field of this request"))
                .body("errors[0].reason", containsString("results"));
    }

    @Test
    void knownAtSentAsAQueryParameterIsRefusedNotIgnored() {
        // knownAt belongs in the body; as a query parameter it would otherwise answer with today's ranges
        post("/api/v1/interpretations?knownAt=2020-01-01T00:00:00Z", PANEL)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", is("https://labrange.dev/problems/validation"))
                .body("errors[0].field", is("knownAt"))
                .body("errors[0].reason", containsString("not a query parameter"));
    }

    @Test
    void aControlCharacterInAResultIdIsRefusedByName() {
        post(
                        "/api/v1/interpretations/single",
                        single("{\"id\": \"s\\u00001\", \"analyte\": \"1952-1\", \"value\": \"2.45\","
                                + " \"unit\": \"mg/L\", \"collectedAt\": \"2026-11-20T08:00:00Z\"}"))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", is("https://labrange.dev/problems/validation"))
                .body("errors[0].field", is("result.id"))
                .body("errors[0].reason", containsString("U+0000"));
    }

    @Test
    void aRequestWithoutResultsIsInvalid() {
        post("/api/v1/interpretations", "{\"results\": []}").statusCode(400).body("errors[0].field", is("results"));
    }

    @Test
    void aMalformedBodyIsAProblemDocument() {
        post("/api/v1/interpretations", "{\"results\": [")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", is("https://labrange.dev/problems/malformed-body"));
        post("/api/v1/interpretations", "{\"results\": \"many\"}")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", is("https://labrange.dev/problems/validation"))
                .body("errors[0].field", is("results"));
    }

    @Test
    void aBatchOfOneThousandCostsOneUpstreamCallPerAnalyteAndARepeatCostsNone() {
        String results = IntStream.range(0, 1000)
                .mapToObj(i -> "{\"analyte\":\"" + (i % 2 == 0 ? "1952-1" : "1953-9") + "\",\"value\":\"" + (i % 7)
                        + "\",\"unit\":\"mg/L\"}")
                .collect(Collectors.joining(",", "{\"results\": [", "]}"));
        post("/api/v1/interpretations", results)
                .statusCode(200)
                .body("results", hasSize(1000))
                .body("results.status", everyItem(is("INTERPRETED")));
        WireMock stub = RangesServiceStub.client();
        stub.verifyThat(1, getRequestedFor(urlPathEqualTo("/api/v1/analytes/1952-1/timeline")));
        stub.verifyThat(1, getRequestedFor(urlPathEqualTo("/api/v1/analytes/1953-9/timeline")));
        stub.verifyThat(1, getRequestedFor(urlPathEqualTo("/api/v1/analytes")));
        stub.resetRequests();
        post("/api/v1/interpretations", results).statusCode(200);
        stub.verifyThat(0, getRequestedFor(urlPathEqualTo("/api/v1/analytes/1952-1/timeline")));
        stub.verifyThat(0, getRequestedFor(urlPathEqualTo("/api/v1/analytes/1953-9/timeline")));
        stub.verifyThat(0, getRequestedFor(urlPathEqualTo("/api/v1/analytes")));
        // the test profile checks the change marker on every request; by default at most once per 5 s
        stub.verifyThat(
                1,
                getRequestedFor(urlPathEqualTo("/api/v1/changes/latest"))
                        .withHeader("If-None-Match", equalTo("\"4\"")));
    }

    @Test
    void aNewRevisionIsUsedAsSoonAsTheChangeSequenceMoves() throws Exception {
        post("/api/v1/interpretations", PANEL)
                .statusCode(200)
                .body("results[0].interpretations.find { it.source == 'labcorp' }.flag", is("H"));
        // labcorp revises its range (revision 2, 1.21–2.7 mg/L) with the same effective date: a correction
        ObjectMapper json = new ObjectMapper();
        ObjectNode timeline = (ObjectNode) json.readTree(RangesServiceStub.read("contract/timeline-1952-1.json"));
        timeline.put("changeSequence", 5);
        for (var revision : timeline.withArray("revisions")) {
            if (revision.get("sourceCode").asText().equals("labcorp")) {
                ((ObjectNode) revision)
                        .put("revision", 2)
                        .put("sequence", 5)
                        .put("low", 1.21)
                        .put("high", 2.7)
                        .put("action", "REVISE");
            }
        }
        timeline.put("changeRecordedAt", "2026-11-26T09:00:00Z");
        String revised = json.writeValueAsString(timeline);
        // the real service states the same latest change in every timeline read after it
        ObjectNode urine = (ObjectNode) json.readTree(RangesServiceStub.read("contract/timeline-1953-9.json"));
        urine.put("changeSequence", 5).put("changeRecordedAt", "2026-11-26T09:00:00Z");
        WireMock stub = RangesServiceStub.client();
        stub.register(get(urlPathEqualTo("/api/v1/changes/latest"))
                .willReturn(RangesServiceStub.json("contract/changes-latest.json")
                        .withBody("{\"latestSequence\": 5, \"recordedAt\": \"2026-11-26T09:00:00Z\"}")
                        .withHeader("ETag", "\"5\"")));
        stub.register(get(urlPathEqualTo("/api/v1/analytes/1952-1/timeline"))
                .willReturn(
                        RangesServiceStub.json("contract/timeline-1952-1.json").withBody(revised)));
        stub.register(get(urlPathEqualTo("/api/v1/analytes/1953-9/timeline"))
                .willReturn(RangesServiceStub.json("contract/timeline-1953-9.json")
                        .withBody(json.writeValueAsString(urine))));
        post("/api/v1/interpretations", PANEL)
                .statusCode(200)
                .body("ranges.changeSequence", is(5))
                .body("basis.knownAt", is("2026-11-26T09:00:00Z"))
                .body("basis.changeFeedPosition", is(5))
                .body("results[0].interpretations.find { it.source == 'labcorp' }.flag", is("N"))
                .body("results[0].interpretations.find { it.source == 'labcorp' }.range.revision", is(2))
                .body("results[0].interpretations.find { it.source == 'labcorp' }.range.high", is(2.7f));
    }

    @Test
    void theOpenApiDocumentCarriesTheB2mExamples() {
        given().when()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body(containsString("b2m-serum-urine-panel"))
                .body(containsString("b2m-urine"));
    }
}
