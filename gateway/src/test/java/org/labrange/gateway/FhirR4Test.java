package org.labrange.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.ObservationDefinition;
import org.hl7.fhir.r4.model.OperationDefinition;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.labrange.gateway.UpstreamStubs.InterpretationStub;
import org.labrange.gateway.UpstreamStubs.RangesStub;
import org.labrange.gateway.fhir.FhirValidation;

/** FHIR R4 at /fhir/r4 against stubbed upstreams; every FHIR answer is validated against the R4 core profiles. */
@QuarkusTest
@QuarkusTestResource(UpstreamStubs.class)
class FhirR4Test {

    private static final String FHIR_JSON = "application/fhir+json";

    private static final String SERUM = """
            {"resourceType":"Observation","status":"final",
             "code":{"coding":[{"system":"http://loinc.org","code":"1952-1"}]},
             "effectiveDateTime":"2026-11-20T08:00:00Z",
             "valueQuantity":{"value":2.45,"unit":"mg/L","system":"http://unitsofmeasure.org","code":"mg/L"}}""";

    private static final String URINE = """
            {"resourceType":"Observation","status":"final",
             "code":{"coding":[{"system":"http://loinc.org","code":"1953-9"}]},
             "effectiveDateTime":"2026-11-20T08:00:00Z",
             "valueQuantity":{"value":0.25,"unit":"mg/L","system":"http://unitsofmeasure.org","code":"mg/L"}}""";

    private static final String PATIENT = """
            {"resourceType":"Patient","gender":"female","birthDate":"1970-05-01"}""";

    /** What the gateway asks interpretation-service for the serum Observation of a woman born 1970-05-01. */
    private static final String SERUM_REQUEST = """
            {"patient":{"sex":"FEMALE","birthDate":"1970-05-01"},
             "results":[{"id":"o0","analyte":"1952-1","value":"2.45","unit":"mg/L","collectedAt":"2026-11-20T08:00:00Z"}]}""";

    @RangesStub
    WireMockServer ranges;

    @InterpretationStub
    WireMockServer interpretation;

    private static boolean warm;

    @BeforeEach
    void reset() {
        ranges.resetAll();
        interpretation.resetAll();
        if (!warm) {
            // the first upstream call of a fresh JVM can outlast the test profile's 3-s read timeout
            stubInterpretation(SERUM_REQUEST, "interpretations-serum.json");
            await("first call through the gateway")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> interpret(parameters(obs(SERUM), patient())).statusCode() == 200);
            warm = true;
            interpretation.resetAll();
        }
    }

    // --- metadata and the operation's definition ---------------------------------------------------

    @Test
    void metadataDeclaresTheInterpretOperationAndTheVersionedCatalogue() {
        CapabilityStatement statement = FhirValidation.valid(
                given().get("/fhir/r4/metadata")
                        .then()
                        .statusCode(200)
                        .contentType(FHIR_JSON)
                        .extract()
                        .asString(),
                CapabilityStatement.class);
        var rest = statement.getRestFirstRep();
        var observation = rest.getResource().stream()
                .filter(r -> r.getType().equals("Observation"))
                .findFirst()
                .orElseThrow();
        assertEquals("interpret", observation.getOperationFirstRep().getName());
        var definition = rest.getResource().stream()
                .filter(r -> r.getType().equals("ObservationDefinition"))
                .findFirst()
                .orElseThrow();
        assertEquals(CapabilityStatement.ResourceVersionPolicy.VERSIONED, definition.getVersioning());
        assertEquals("code", definition.getSearchParamFirstRep().getName());
        assertEquals(
                List.of("read", "vread", "history-instance", "search-type"),
                definition.getInteraction().stream()
                        .map(i -> i.getCode().toCode())
                        .toList());
    }

    @Test
    void formatJsonIsServedAndXmlIsRefusedWithAnOutcome() {
        FhirValidation.valid(
                given().get("/fhir/r4/metadata?_format=json")
                        .then()
                        .statusCode(200)
                        .contentType(FHIR_JSON)
                        .extract()
                        .asString(),
                CapabilityStatement.class);
        outcome(given().get("/fhir/r4/metadata?_format=xml"), 406);
    }

    @Test
    void theInterpretOperationIsDefinedWhereTheStatementPoints() {
        OperationDefinition operation = FhirValidation.valid(
                given().get("/fhir/r4/OperationDefinition/Observation-interpret")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString(),
                OperationDefinition.class);
        assertEquals("interpret", operation.getCode());
        assertEquals(
                List.of("observation", "patient", "source", "primarySource", "knownAt", "observation", "outcome"),
                operation.getParameter().stream().map(p -> p.getName()).toList());
    }

    // --- $interpret ------------------------------------------------------------------------------

    @Test
    void disagreeingSourcesGiveOneInterpretationPerFlagAndEverySourceItsRange() {
        stubInterpretation(SERUM_REQUEST, "interpretations-serum.json");
        Parameters answer = FhirValidation.valid(
                interpret(parameters(obs(SERUM), patient()))
                        .then()
                        .statusCode(200)
                        .contentType(FHIR_JSON)
                        .extract()
                        .asString(),
                Parameters.class);
        Observation observation = (Observation) answer.getParameterFirstRep().getResource();
        assertEquals(
                List.of("H", "N"),
                observation.getInterpretation().stream()
                        .map(c -> c.getCodingFirstRep().getCode())
                        .toList());
        assertEquals(
                "High by labcorp, mosby-pagana-2022",
                observation.getInterpretation().get(0).getText());
        assertEquals(3, observation.getReferenceRange().size());
        var labcorp = observation.getReferenceRange().get(0);
        assertEquals(0.6, labcorp.getLow().getValue().doubleValue());
        assertEquals(2.4, labcorp.getHigh().getValue().doubleValue());
        assertEquals("http://unitsofmeasure.org", labcorp.getHigh().getSystem());
        assertEquals("normal", labcorp.getType().getCodingFirstRep().getCode());
        Extension used = labcorp.getExtensionByUrl("https://labrange.dev/fhir/StructureDefinition/range-source");
        assertEquals("labcorp", used.getExtensionByUrl("source").getValue().primitiveValue());
        assertEquals(
                Fixtures.LABCORP_SERUM,
                used.getExtensionByUrl("rangeId").getValue().primitiveValue());
        assertEquals("1", used.getExtensionByUrl("revision").getValue().primitiveValue());
        var quest = observation.getReferenceRange().get(2);
        assertFalse(quest.hasLow(), "Quest publishes no lower limit");
        assertEquals(18, quest.getAge().getLow().getValue().intValue());
        Extension agreement =
                observation.getExtensionByUrl("https://labrange.dev/fhir/StructureDefinition/source-agreement");
        assertEquals(
                "false", agreement.getExtensionByUrl("unanimous").getValue().primitiveValue());
    }

    @Test
    void aPrimarySourceFillsTheInterpretationAndTheDisagreementIsStillSaid() {
        stubInterpretation(SERUM_REQUEST, "interpretations-serum.json");
        String body = parameters(obs(SERUM), patient(), "{\"name\":\"primarySource\",\"valueCode\":\"quest\"}");
        Parameters answer = FhirValidation.valid(
                interpret(body).then().statusCode(200).extract().asString(), Parameters.class);
        Observation observation = (Observation) answer.getParameterFirstRep().getResource();
        assertEquals(1, observation.getInterpretation().size());
        assertEquals(
                "N", observation.getInterpretationFirstRep().getCodingFirstRep().getCode());
        assertEquals(
                "Normal by quest (primary source); the sources disagree",
                observation.getInterpretationFirstRep().getText());
        assertEquals(
                List.of("H", "H", "N"),
                observation.getReferenceRange().stream()
                        .map(r -> ((org.hl7.fhir.r4.model.Coding) r.getExtensionFirstRep()
                                        .getExtensionByUrl("flag")
                                        .getValue())
                                .getCode())
                        .toList());
    }

    @Test
    void severalObservationsOfOnePatientGoToTheEngineInOneRequest() {
        String request = """
                {"patient":{"sex":"FEMALE","birthDate":"1970-05-01"},
                 "sources":["quest","labcorp","mosby-pagana-2022"],
                 "results":[
                  {"id":"o0","analyte":"1952-1","value":"2.45","unit":"mg/L","collectedAt":"2026-11-20T08:00:00Z"},
                  {"id":"o1","analyte":"1953-9","value":"0.25","unit":"mg/L","collectedAt":"2026-11-20T08:00:00Z"}]}""";
        String answer = Fixtures.interpretationAnswer("interpretations-panel.json")
                .replace("\"id\": \"s1\"", "\"id\": \"o0\"")
                .replace("\"id\": \"u1\"", "\"id\": \"o1\"");
        interpretation.stubFor(post("/api/v1/interpretations")
                .withRequestBody(equalToJson(request))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(answer)));
        String body = parameters(
                obs(SERUM),
                obs(URINE),
                patient(),
                "{\"name\":\"source\",\"valueCode\":\"quest\"}",
                "{\"name\":\"source\",\"valueCode\":\"labcorp\"}",
                "{\"name\":\"source\",\"valueCode\":\"mosby-pagana-2022\"}");
        Parameters parameters = FhirValidation.valid(
                interpret(body).then().statusCode(200).extract().asString(), Parameters.class);
        List<Observation> observations = parameters.getParameter().stream()
                .filter(p -> p.getName().equals("observation"))
                .map(p -> (Observation) p.getResource())
                .toList();
        assertEquals(2, observations.size());
        assertEquals("1952-1", observations.get(0).getCode().getCodingFirstRep().getCode());
        assertEquals("1953-9", observations.get(1).getCode().getCodingFirstRep().getCode());
        assertTrue(observations.get(1).hasInterpretation());
        interpretation.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/interpretations")));
    }

    @Test
    void aBareObservationWithAContainedPatientIsAnsweredWithTheObservation() {
        stubInterpretation(SERUM_REQUEST, "interpretations-serum.json");
        String body = SERUM.replace(
                "\"status\":\"final\",",
                "\"status\":\"final\",\"contained\":["
                        + PATIENT.replace("{\"resourceType\":\"Patient\"", "{\"resourceType\":\"Patient\",\"id\":\"p\"")
                        + "],\"subject\":{\"reference\":\"#p\"},");
        Observation observation = FhirValidation.valid(
                interpret(body).then().statusCode(200).extract().asString(), Observation.class);
        assertEquals(3, observation.getReferenceRange().size());
    }

    @Test
    void aBatchIsAnsweredEntryByEntry() {
        stubInterpretation(
                SERUM_REQUEST.replace("{\"patient\":{\"sex\":\"FEMALE\",\"birthDate\":\"1970-05-01\"},", "{"),
                "interpretations-serum.json");
        String body = """
                {"resourceType":"Bundle","type":"batch","entry":[
                 {"resource":%s,"request":{"method":"POST","url":"Observation/$interpret"}},
                 {"resource":%s,"request":{"method":"POST","url":"Observation/$interpret"}}]}""".formatted(SERUM, PATIENT);
        Bundle answer = FhirValidation.valid(
                interpret(body).then().statusCode(200).extract().asString(), Bundle.class);
        assertEquals(Bundle.BundleType.BATCHRESPONSE, answer.getType());
        assertEquals("200 OK", answer.getEntry().get(0).getResponse().getStatus());
        assertTrue(((Observation) answer.getEntry().get(0).getResource()).hasInterpretation());
        assertEquals("400 Bad Request", answer.getEntry().get(1).getResponse().getStatus());
        OperationOutcome refused =
                (OperationOutcome) answer.getEntry().get(1).getResponse().getOutcome();
        assertEquals(
                "Bundle.entry[1].resource",
                refused.getIssueFirstRep().getExpression().get(0).getValue());
    }

    @Test
    void aResultWithoutAnyApplicableRangeComesBackWithoutAFlagAndWithAnIssue() {
        interpretation.stubFor(post("/api/v1/interpretations").willReturn(json("""
                {"results":[{"id":"o0","status":"NO_RANGE","interpretations":[],
                  "notEvaluated":[{"source":"quest","reason":"no range for a patient of age 10 years"}],"problems":[]}]}""")));
        Parameters answer = FhirValidation.valid(
                interpret(parameters(obs(SERUM)))
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString(),
                Parameters.class);
        Observation observation = (Observation) answer.getParameter().get(0).getResource();
        assertFalse(observation.hasInterpretation(), "no range: no guessed flag");
        OperationOutcome outcome =
                (OperationOutcome) answer.getParameter().get(1).getResource();
        assertEquals(
                "Parameters.parameter[0].resource",
                outcome.getIssueFirstRep().getExpression().get(0).getValue());
        assertTrue(outcome.getIssueFirstRep().getDiagnostics().contains("no range for a patient of age 10 years"));
    }

    @Test
    void knownAtIsPassedToTheEngine() {
        interpretation.stubFor(post("/api/v1/interpretations")
                .withRequestBody(matchingJsonPath("$.knownAt", equalTo("2026-11-24T10:00:00Z")))
                .willReturn(json(Fixtures.interpretationAnswer("interpretations-serum.json")
                        .replace("\"id\": \"s1\"", "\"id\": \"o0\""))));
        String body = parameters(obs(SERUM), "{\"name\":\"knownAt\",\"valueInstant\":\"2026-11-24T10:00:00Z\"}");
        FhirValidation.valid(interpret(body).then().statusCode(200).extract().asString(), Parameters.class);
    }

    // --- bad input: an OperationOutcome, a 4xx and the failing element ------------------------------

    @Test
    void aLoincCodeTheCatalogueDoesNotHoldIsRefusedAtItsCode() {
        interpretation.stubFor(post("/api/v1/interpretations").willReturn(json("""
                {"results":[{"id":"o0","status":"REJECTED","interpretations":[],"notEvaluated":[],
                  "problems":[{"type":"https://labrange.dev/problems/unknown-analyte","field":"analyte",
                               "reason":"unknown analyte 9999-9"}]}]}""")));
        OperationOutcome outcome = outcome(interpret(parameters(obs(SERUM.replace("1952-1", "9999-9")))), 422);
        assertEquals("Parameters.parameter[0].resource.code", expression(outcome));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "not FHIR|hello|",
                "not JSON of a resource|{\"foo\":1}|",
                "wrong resource type|{\"resourceType\":\"Patient\",\"gender\":\"female\"}|Patient",
                "missing code|PARAMS:\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"1952-1\"}]},=>|Parameters.parameter[0].resource.code",
                "missing value|PARAMS:\"valueQuantity\":{\"value\":2.45,\"unit\":\"mg/L\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"mg/L\"}=>\"note\":[{\"text\":\"x\"}]|Parameters.parameter[0].resource.value",
                "non-UCUM unit|PARAMS:\"code\":\"mg/L\"}=>\"code\":\"mcg/mL\"}|Parameters.parameter[0].resource.valueQuantity.code",
                "valueString|PARAMS:\"valueQuantity\":{\"value\":2.45,\"unit\":\"mg/L\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"mg/L\"}=>\"valueString\":\"2.45 mg/L\"|Parameters.parameter[0].resource.valueString",
            })
    void badInputIsAnOperationOutcomeNamingTheElement(String what, String body, String path) {
        String sent = body;
        if (body.startsWith("PARAMS:")) {
            String[] change = body.substring("PARAMS:".length()).split("=>", -1);
            sent = parameters(obs(SERUM.replace(change[0], change[1])));
        }
        OperationOutcome outcome = outcome(interpret(sent), 400);
        if (path != null) {
            assertEquals(path, expression(outcome), what);
        }
        interpretation.verify(0, postRequestedFor(urlPathEqualTo("/api/v1/interpretations")));
    }

    @Test
    void unsupportedInteractionsAndTypesAreOutcomesNotStackTraces() {
        outcome(
                given().auth()
                        .oauth2(TestKeys.token("ada", "ranges-admin"))
                        .delete("/fhir/r4/ObservationDefinition/1952-1.labcorp"),
                405);
        outcome(given().auth().oauth2(TestKeys.token("ada", "ranges-admin")).get("/fhir/r4/Patient"), 404);
        outcome(given().auth().oauth2(TestKeys.token("ada", "ranges-admin")).post("/fhir/r4/Observation/$lastn"), 501);
    }

    @Test
    void tokensAndRolesAreTheGatewaysOwn() {
        outcome(
                given().contentType(FHIR_JSON).body(parameters(obs(SERUM))).post("/fhir/r4/Observation/$interpret"),
                401);
        outcome(
                given().auth()
                        .oauth2(TestKeys.token("rita", "ranges-reader"))
                        .contentType(FHIR_JSON)
                        .body(parameters(obs(SERUM)))
                        .post("/fhir/r4/Observation/$interpret"),
                403);
    }

    @Test
    void anUnavailableEngineIsA503Outcome() {
        interpretation.stubFor(
                post("/api/v1/interpretations")
                        .willReturn(
                                aResponse()
                                        .withStatus(503)
                                        .withHeader("Content-Type", "application/problem+json")
                                        .withBody(
                                                "{\"type\":\"https://labrange.dev/problems/ranges-unavailable\",\"title\":\"Ranges unavailable\",\"status\":503,\"detail\":\"reference-ranges-service did not answer\"}")));
        OperationOutcome outcome = outcome(interpret(parameters(obs(SERUM))), 503);
        assertTrue(outcome.getIssueFirstRep().getDiagnostics().contains("did not answer"));
    }

    // --- ObservationDefinition ----------------------------------------------------------------------

    @Test
    void searchByLoincCodeGivesOneDefinitionPerSource() {
        stubCatalogue(Fixtures.rangesAnswer("revisions-labcorp-serum.json"));
        Bundle bundle = FhirValidation.valid(
                reader().get("/fhir/r4/ObservationDefinition?code=http://loinc.org|1952-1")
                        .then()
                        .statusCode(200)
                        .contentType(FHIR_JSON)
                        .extract()
                        .asString(),
                Bundle.class);
        assertEquals(Bundle.BundleType.SEARCHSET, bundle.getType());
        assertEquals(
                List.of("1952-1.labcorp", "1952-1.mosby-pagana-2022", "1952-1.quest"),
                bundle.getEntry().stream()
                        .map(e -> e.getResource().getIdElement().getIdPart())
                        .sorted()
                        .toList());
        ObservationDefinition labcorp = bundle.getEntry().stream()
                .map(e -> (ObservationDefinition) e.getResource())
                .filter(d -> d.getIdElement().getIdPart().equals("1952-1.labcorp"))
                .findFirst()
                .orElseThrow();
        var interval = labcorp.getQualifiedIntervalFirstRep();
        assertEquals(ObservationDefinition.ObservationRangeCategory.REFERENCE, interval.getCategory());
        assertEquals(0.6, interval.getRange().getLow().getValue().doubleValue());
        assertEquals("2", labcorp.getMeta().getVersionId());
    }

    @Test
    void historyShowsTheRevisionAnAdminMadeAndEveryVersionCanBeRead() {
        String revised = Fixtures.revisedForLaterDate(
                Fixtures.rangesAnswer("revisions-labcorp-serum.json"), 0.8, 2.2, "Method change");
        stubCatalogue(revised);
        Bundle history = FhirValidation.valid(
                reader().get("/fhir/r4/ObservationDefinition/1952-1.labcorp/_history")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString(),
                Bundle.class);
        assertEquals(Bundle.BundleType.HISTORY, history.getType());
        assertEquals(
                List.of("5", "2"),
                history.getEntry().stream()
                        .map(e -> e.getResource().getMeta().getVersionId())
                        .toList());
        ObservationDefinition latest =
                (ObservationDefinition) history.getEntry().get(0).getResource();
        assertEquals(2, latest.getQualifiedInterval().size());
        assertEquals(
                "2099-01-01",
                ((org.hl7.fhir.r4.model.Period) latest.getQualifiedInterval()
                                .get(0)
                                .getExtensionFirstRep()
                                .getExtensionByUrl("effective")
                                .getValue())
                        .getEndElement()
                        .getValueAsString());

        ObservationDefinition current = FhirValidation.valid(
                reader().get("/fhir/r4/ObservationDefinition/1952-1.labcorp")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString(),
                ObservationDefinition.class);
        assertEquals("5", current.getMeta().getVersionId());
        ObservationDefinition before = FhirValidation.valid(
                reader().get("/fhir/r4/ObservationDefinition/1952-1.labcorp/_history/2")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString(),
                ObservationDefinition.class);
        assertEquals(1, before.getQualifiedInterval().size());
        assertFalse(
                ((org.hl7.fhir.r4.model.Period) before.getQualifiedIntervalFirstRep()
                                .getExtensionFirstRep()
                                .getExtensionByUrl("effective")
                                .getValue())
                        .hasEnd(),
                "as known at version 2, revision 1 had no end");
        outcome(reader().get("/fhir/r4/ObservationDefinition/1952-1.labcorp/_history/3"), 404);
        outcome(reader().get("/fhir/r4/ObservationDefinition/no-such-thing"), 404);
    }

    @Test
    void searchParametersThatAreNotServedAreRefusedByName() {
        OperationOutcome outcome = outcome(reader().get("/fhir/r4/ObservationDefinition?category=laboratory"), 400);
        assertEquals("category", expression(outcome));
    }

    // --- helpers -------------------------------------------------------------------------------------

    private void stubCatalogue(String labcorpHistory) {
        String current = Fixtures.rangesAnswer("ranges-1952-1-female.json");
        ranges.stubFor(get(urlPathEqualTo("/api/v1/ranges"))
                .withQueryParam("analyte", equalTo("1952-1"))
                .willReturn(json(current)));
        ranges.stubFor(get(urlPathEqualTo("/api/v1/ranges"))
                .withQueryParam("analyte", equalTo("1952-1"))
                .withQueryParam("source", equalTo("labcorp"))
                .willReturn(json(labcorpOnly(current))));
        Fixtures.rangesAnswers(
                ranges, "analyte-1952-1.json", "revisions-quest-serum.json", "revisions-mosby-serum.json");
        Fixtures.json(ranges, Fixtures.rangesRequest("revisions-labcorp-serum.json"), labcorpHistory);
    }

    private static String labcorpOnly(String ranges) {
        return "["
                + java.util.Arrays.stream(
                                ranges.trim().replaceAll("^\\[|\\]$", "").split("\n"))
                        .filter(line -> line.contains("\"labcorp\""))
                        .map(line -> line.replaceAll(",\\s*$", ""))
                        .collect(Collectors.joining(","))
                + "]";
    }

    private void stubInterpretation(String request, String answer) {
        interpretation.stubFor(post("/api/v1/interpretations")
                .withRequestBody(equalToJson(request))
                .willReturn(json(Fixtures.interpretationAnswer(answer).replace("\"id\": \"s1\"", "\"id\": \"o0\""))));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    private static io.restassured.specification.RequestSpecification reader() {
        return given().auth().oauth2(TestKeys.token("rita", "ranges-reader"));
    }

    private static Response interpret(String body) {
        return given().auth()
                .oauth2(TestKeys.token("ida", "interpreter"))
                .contentType(FHIR_JSON)
                .body(body)
                .post("/fhir/r4/Observation/$interpret");
    }

    private static OperationOutcome outcome(Response response, int status) {
        String body = response.then()
                .statusCode(status)
                .contentType(FHIR_JSON)
                .extract()
                .asString();
        OperationOutcome outcome = FhirValidation.valid(body, OperationOutcome.class);
        assertTrue(outcome.hasIssue());
        assertEquals(
                OperationOutcome.IssueSeverity.ERROR, outcome.getIssueFirstRep().getSeverity());
        return outcome;
    }

    private static String expression(OperationOutcome outcome) {
        return outcome.getIssueFirstRep().getExpression().isEmpty()
                ? null
                : outcome.getIssueFirstRep().getExpression().get(0).getValue();
    }

    private static String obs(String observation) {
        return "{\"name\":\"observation\",\"resource\":" + observation + "}";
    }

    private static String patient() {
        return "{\"name\":\"patient\",\"resource\":" + PATIENT + "}";
    }

    private static String parameters(String... parameters) {
        return "{\"resourceType\":\"Parameters\",\"parameter\":[" + String.join(",", parameters) + "]}";
    }
}
